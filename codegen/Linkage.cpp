// One module per package (docs/lowering.md, "Packages and the build
// cache"): what a package's module defines, what it declares of the other
// packages, and the symbols several packages' modules may each define.
#include "codegen/CodegenContext.h"

using namespace llvm;

namespace mgo {

// Which package defines each function and variable, and the symbol
// discriminator of each function-local named type, over the whole program:
// a package's module refers to the others' by name.
void CodegenContext::indexProgram() {
  std::vector<const CheckedProgram *> all(prog.libraries.begin(),
                                          prog.libraries.end());
  all.push_back(&prog);
  for (const CheckedProgram *p : all) {
    for (FuncDecl *d : p->funcs)
      funcDecls[cast<types::Func>(d->name->obj)] = d;
    bodyless.insert(p->runtimeFuncs.begin(), p->runtimeFuncs.end());
    for (types::Var *v : p->globals)
      globalOwner[v] = p;
    // gc numbers a package's function-local types (main.T·1) so that two
    // of one name stay two symbols; their order of declaration does too.
    int local = 0;
    for (types::Named *n : p->namedTypes)
      if (n->obj->pkg &&
          n->obj->pkg->scope->lookupLocal(n->obj->name) != n->obj)
        localTypes[n] = ++local;
  }
}

bool CodegenContext::isMainUnit() const { return &unit == &prog; }

bool CodegenContext::hasCode(types::Func *fn) const {
  return funcDecls.count(fn) || bodyless.count(fn) || fn->linkTarget;
}

// The package's own functions are defined by run(); another package's are
// declared, to be resolved by the linker; a bodyless library function is a
// wrapper every module that calls it emits (RuntimeFuncs.cpp).
Function *CodegenContext::functionFor(types::Func *fn) {
  if (auto it = funcs.find(fn); it != funcs.end())
    return it->second;
  if (fn->linkTarget)
    return funcs[fn] = functionFor(fn->linkTarget);
  Function *f;
  auto decl = funcDecls.find(fn);
  if (bodyless.count(fn)) {
    f = runtimeFuncWrapper(fn);
  } else if (decl != funcDecls.end()) {
    f = Function::Create(funcType(fn->signature()),
                         GlobalValue::ExternalLinkage, mangle(fn), *M);
    if (opts.inlineImports && inlinable(decl->second))
      inlineBodies.push_back(decl->second);
  } else {
    throw CodegenError("no body for function " + fn->name);
  }
  funcs[fn] = f;
  return f;
}

// gc inlines a function whose body costs less than 80 syntax nodes; a body
// of a few lines is about that. Bigger ones would cost every importer
// their compilation for calls that the inliner would not take anyway.
bool CodegenContext::inlinable(FuncDecl *d) const {
  constexpr uint32_t kMaxInlineLines = 8;
  return d->body && d->body->rbrace.valid() &&
         d->body->rbrace.line - d->body->loc.line <= kMaxInlineLines;
}

// The bodies of another package's small functions that this package calls,
// available_externally: the optimiser may inline them, and drops them
// after; calls left refer to the other package's definition. A body may
// call more of them, so the list grows while it is emitted.
void CodegenContext::emitInlineBodies() {
  for (size_t i = 0; i < inlineBodies.size(); ++i) {
    FuncDecl *d = inlineBodies[i];
    emitFunctionBody(d);
    funcs[cast<types::Func>(d->name->obj)]->setLinkage(
        GlobalValue::AvailableExternallyLinkage);
  }
}

// Another package's variable, declared under the name its package's module
// defines it by.
Value *CodegenContext::externalGlobal(types::Var *v) {
  auto it = globalOwner.find(v);
  if (it == globalOwner.end())
    throw CodegenError("variable " + v->name + " has no storage");
  std::string name = it->second->pkg->path + "." + v->name;
  GlobalVariable *g = M->getNamedGlobal(name);
  if (!g)
    g = new GlobalVariable(*M, llType(v->type), false,
                           GlobalValue::ExternalLinkage, nullptr, name);
  vars[v] = VarSlot{g, false};
  return g;
}

// A definition every module that needs it emits (a type's descriptor, an
// itab, a method wrapper): linkonce_odr in a comdat of its own, so the
// linker keeps one copy and a type has one descriptor in the program, which
// the runtime takes for type identity. A name LLVM had to make unique in
// this module means another module's symbol of that name may be another
// type's: that one stays internal.
void CodegenContext::shareAcrossPackages(GlobalObject *g,
                                         const std::string &name) {
  if (g->getName() != name) {
    g->setLinkage(GlobalValue::InternalLinkage);
    return;
  }
  g->setLinkage(GlobalValue::LinkOnceODRLinkage);
  g->setComdat(M->getOrInsertComdat(name));
}

namespace {

// A struct tag as Go's type strings show it: a double-quoted literal.
std::string quoteTag(const std::string &tag) {
  std::string out = "\"";
  for (char c : tag) {
    if (c == '"' || c == '\\')
      out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string joinTypes(CodegenContext &cg, types::Tuple *t, bool variadic) {
  std::string out;
  for (size_t i = 0; i < t->vars.size(); ++i) {
    if (i)
      out += ", ";
    types::Type *vt = t->vars[i]->type;
    if (variadic && i + 1 == t->vars.size()) {
      out += "...";
      vt = cast<types::Slice>(vt)->elem;
    }
    out += cg.typeSymbol(vt);
  }
  return out;
}

} // namespace

// The symbol a type's descriptor and helpers are named by: Go's spelling
// (as gc's type:T symbols) with what tells types apart that the spelling
// does not: the import path of a named type (two packages may share a
// name), the number of a function-local one, and the import path of an
// unexported field's package (as TypeContext::getStruct interns them, tags
// too). A
// function of the type's structure only, so every package's module,
// compiled in any build, names a type alike.
std::string CodegenContext::typeSymbol(types::Type *t) {
  switch (t->kind()) {
  case types::Type::NamedKind: {
    auto *n = cast<types::Named>(t);
    std::string out = n->obj->pkg ? n->obj->pkg->path + "." : "";
    out += n->obj->name;
    if (auto it = localTypes.find(n); it != localTypes.end())
      out += "·" + std::to_string(it->second);
    // Each instance of a generic type is a type of its own.
    for (size_t i = 0; i < n->typeArgs.size(); ++i)
      out += (i ? "," : "[") + typeSymbol(n->typeArgs[i]) +
             (i + 1 == n->typeArgs.size() ? "]" : "");
    return out;
  }
  case types::Type::PointerKind:
    return "*" + typeSymbol(cast<types::Pointer>(t)->elem);
  case types::Type::SliceKind:
    return "[]" + typeSymbol(cast<types::Slice>(t)->elem);
  case types::Type::ArrayKind: {
    auto *a = cast<types::Array>(t);
    return "[" + std::to_string(a->len) + "]" + typeSymbol(a->elem);
  }
  case types::Type::MapKind: {
    auto *m = cast<types::Map>(t);
    return "map[" + typeSymbol(m->key) + "]" + typeSymbol(m->elem);
  }
  case types::Type::ChanKind: {
    auto *c = cast<types::Chan>(t);
    std::string elem = typeSymbol(c->elem);
    if (c->dir == ChanDir::Send)
      return "chan<- " + elem;
    if (c->dir == ChanDir::Recv)
      return "<-chan " + elem;
    auto *e = dyn_cast<types::Chan>(c->elem);
    return e && e->dir == ChanDir::Recv ? "chan (" + elem + ")"
                                        : "chan " + elem;
  }
  case types::Type::SignatureKind: {
    auto *sig = cast<types::Signature>(t);
    std::string out =
        "func(" + joinTypes(*this, sig->params, sig->variadic) + ")";
    if (sig->results->size() == 1)
      out += " " + typeSymbol(sig->results->vars[0]->type);
    else if (sig->results->size() > 1)
      out += " (" + joinTypes(*this, sig->results, false) + ")";
    return out;
  }
  case types::Type::TupleKind:
    return "(" + joinTypes(*this, cast<types::Tuple>(t), false) + ")";
  case types::Type::StructKind: {
    auto *st = cast<types::Struct>(t);
    if (st->fields.empty())
      return "struct {}";
    std::string out = "struct {";
    for (size_t i = 0; i < st->fields.size(); ++i) {
      types::Var *f = st->fields[i];
      out += i ? "; " : " ";
      if (!f->embedded) {
        if (!isExported(f->name) && f->pkg)
          out += f->pkg->path + ".";
        out += f->name + " ";
      }
      out += typeSymbol(f->type);
      if (i < st->tags.size() && !st->tags[i].empty())
        out += " " + quoteTag(st->tags[i]);
    }
    return out + " }";
  }
  case types::Type::InterfaceKind: {
    // Interned by method names and types alone (TypeContext::getInterface).
    auto *it = cast<types::Interface>(t);
    if (it->methods.empty())
      return "interface {}";
    std::string out = "interface {";
    for (size_t i = 0; i < it->methods.size(); ++i)
      out += (i ? "; " : " ") + it->methods[i]->name +
             typeSymbol(it->methods[i]->type).substr(4);
    return out + " }";
  }
  case types::Type::BasicKind:
  case types::Type::TypeParamKind:
    break;
  }
  return t->toString();
}

} // namespace mgo

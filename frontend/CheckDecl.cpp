// Declarations: package-level objects (checked lazily, in dependency order,
// as types2 does), local declarations, function bodies, and the package's
// initialisation order.
#include "frontend/CheckerImpl.h"

#include <algorithm>

namespace mgo {

using namespace types;

namespace {

std::string unquoteImportPath(const std::string &raw) {
  std::string err;
  auto v = ConstValue::fromLiteral(Token::STRING, raw, &err);
  return v ? v->stringValue() : "";
}

// The code point at s[i] and its length; an invalid UTF-8 byte is U+FFFD of
// length 1, as Go's range over a string reads it.
uint32_t decodeRune(const std::string &s, size_t i, size_t *len) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  *len = 1;
  if (c < 0x80)
    return c;
  int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (n == 0 || c >= 0xF8 || i + n > s.size())
    return 0xFFFD;
  uint32_t r = c & (0x7F >> n);
  for (int k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80)
      return 0xFFFD;
    r = r << 6 | (b(i + k) & 0x3F);
  }
  static const uint32_t minOf[] = {0, 0, 0x80, 0x800, 0x10000};
  if (r < minOf[n] || r > 0x10FFFF || (r >= 0xD800 && r < 0xE000))
    return 0xFFFD;
  *len = n;
  return r;
}

bool isSpaceRune(uint32_t r) {
  switch (r) {
  case ' ':
  case '\t':
  case '\n':
  case '\v':
  case '\f':
  case '\r':
  case 0x85:
  case 0xA0:
  case 0x1680:
  case 0x2028:
  case 0x2029:
  case 0x202F:
  case 0x205F:
  case 0x3000:
    return true;
  default:
    return r >= 0x2000 && r <= 0x200A;
  }
}

// Why path cannot be imported (types2's rule: not empty, only graphic,
// non-space characters outside a few punctuation marks), or "" if it can.
// Outside ASCII only the C1 controls count as not graphic here: gc's
// unicode tables also exclude unassigned and format code points, which no
// import path of a real package holds.
std::string invalidImportPath(const std::string &path) {
  if (path.empty())
    return "empty string";
  static const std::string illegal = "!\"#$%&'()*,:;<=>?[\\]^{|}`";
  for (size_t i = 0, len; i < path.size(); i += len) {
    uint32_t r = decodeRune(path, i, &len);
    bool graphic = r >= 0x20 && r != 0x7F && !(r >= 0x80 && r < 0xA0);
    bool space = isSpaceRune(r);
    if (graphic && !space && r != 0xFFFD &&
        (r > 0x7F || illegal.find(char(r)) == std::string::npos))
      continue;
    // Go's %#U: the character itself follows when it is printable.
    char buf[16];
    snprintf(buf, sizeof buf, "U+%04X", r);
    std::string msg = std::string("invalid character ") + buf;
    if (graphic && (!space || r == ' '))
      msg += " '" +
             (r == 0xFFFD ? std::string("\uFFFD") : path.substr(i, len)) + "'";
    return msg;
  }
  return "";
}

} // namespace

Scope *Checker::fileScope(SrcLoc loc) {
  auto it = fileScopes.find(loc.file);
  return it == fileScopes.end() ? pkg->scope : it->second;
}

void Checker::redeclared(SrcLoc loc, const std::string &name, Object *prev) {
  std::vector<DiagEngine::Note> notes;
  if (prev->loc.valid())
    notes.push_back({prev->loc, "other declaration of " + name});
  diags.error(loc, name + " redeclared in this block", std::move(notes));
}

// Imports are declared in their file's scope: each file imports what it
// uses, and an import one of its files does not use is reported there.
void Checker::collectImports() {
  for (File *f : files) {
    Scope *fscope = ctx.newScope(pkg->scope);
    fileScopes[f->loc.file] = fscope;
    for (ImportSpec *spec : f->imports) {
      if (!spec->path)
        continue;
      std::string path = unquoteImportPath(spec->path->raw);
      // An invalid path declares nothing, as in gc.
      if (std::string why = invalidImportPath(path); !why.empty()) {
        errorAt(spec->path, "invalid import path (" + why + ")");
        continue;
      }
      Package *lib = importPackage(path, spec->path);
      out.imports.push_back(path);
      // An import that failed (reported) still declares its name, bound to
      // an empty package whose members are silently invalid, so its uses
      // add no errors, as gc's fake imports.
      if (!lib) {
        lib = ctx.newPackage(path, path.substr(path.rfind('/') + 1));
        failedImports.insert(lib);
      }
      std::string name = spec->name ? spec->name->name : lib->name;
      if (name == "_")
        continue;
      if (name == "init") {
        errorAt(spec, "cannot import package as init - init must be a func");
        continue;
      }
      if (name == ".") {
        dotImport(f, fscope, spec, lib);
        continue;
      }
      SrcLoc loc = spec->name ? spec->name->loc : spec->path->loc;
      auto *pn = ctx.newObject<PkgName>(name, lib, spec->loc);
      pn->pkg = pkg;
      if (spec->name)
        spec->name->obj = pn;
      // A redeclared import is not in scope, so it stays unused: gc reports
      // that too.
      if (Object *prev = fscope->insert(pn))
        redeclared(loc, name, prev);
      if (!failedImports.count(lib))
        imports.push_back(pn);
    }
  }
}

// A package-level name that a file also imports: gc reports it at the
// package-level declaration, whichever comes first in the source.
void Checker::importNameConflicts() {
  for (auto &[file, fscope] : fileScopes)
    for (Object *obj : fscope->objects) {
      Object *decl = pkg->scope->lookupLocal(obj->name);
      if (!decl)
        continue;
      if (auto *pn = dyn_cast<PkgName>(obj))
        diags.error(decl->loc,
                    pn->name + " already declared through import of package " +
                        pn->imported->name + " (\"" + pn->imported->path +
                        "\")",
                    {{pn->loc, "other declaration of " + pn->name}});
      else
        diags.error(decl->loc, obj->name +
                                   " already declared through dot-import of "
                                   "package " +
                                   obj->pkg->name + " (\"" + obj->pkg->path +
                                   "\")");
    }
}

// import . "path": the package's exported names are declared in the file's
// scope itself; the import is used when one of them is (markDotImportUsed).
void Checker::dotImport(File *f, Scope *fscope, ImportSpec *spec,
                        Package *lib) {
  auto *pn = ctx.newObject<PkgName>(".", lib, spec->name->loc);
  pn->pkg = pkg;
  spec->name->obj = pn;
  for (Object *m : lib->scope->objects) {
    if (!isExported(m->name))
      continue;
    if (Object *prev = fscope->insert(m))
      redeclared(spec->name->loc, m->name, prev);
  }
  dotImports[{f->loc.file, lib}] = pn;
  if (!failedImports.count(lib))
    imports.push_back(pn);
}

void Checker::markDotImportUsed(SrcLoc loc, Package *from) {
  if (auto it = dotImports.find({loc.file, from}); it != dotImports.end())
    it->second->used = true;
}

// A generic declaration's body is checked only for its instances, and an
// instance made by another package comes after this package's imports are
// judged: the imports its syntax names are used, as gc, which checks the
// generic body itself, finds. A local name shadowing an import in such a body
// still counts as a use of the import.
void Checker::markGenericImportsUsed() {
  std::vector<std::unique_ptr<Node>> copies;
  auto see = [&](std::unique_ptr<Node> n) {
    Node *raw = n.get();
    copies.push_back(std::move(n));
    Scope *fscope = fileScope(raw->loc);
    if (auto *sel = dyn_cast<SelectorExpr>(raw)) {
      if (auto *id = dyn_cast_or_null<Ident>(sel->x))
        if (auto *pn = dyn_cast_or_null<PkgName>(fscope->lookupLocal(id->name)))
          pn->used = true;
    } else if (auto *id = dyn_cast<Ident>(raw)) {
      if (Object *obj = fscope->lookupLocal(id->name); obj && obj->pkg != pkg)
        markDotImportUsed(id->loc, obj->pkg);
    }
  };
  for (File *f : files)
    for (Node *n : f->decls) {
      if (auto *fd = dyn_cast<FuncDecl>(n)) {
        if (fd->type->typeParams || isGenericMethodDecl(fd))
          cloneFuncDecl(fd, see);
        continue;
      }
      if (auto *gd = dyn_cast<GenDecl>(n))
        for (Node *spec : gd->specs)
          if (auto *ts = dyn_cast<TypeSpec>(spec); ts && ts->typeParams)
            cloneExpr(ts->type, see);
    }
}

// The directives the parser recorded that only the runtime or the standard
// library may use, or that are malformed: gc's parser reports them.
void Checker::checkRestrictedDirectives() {
  bool runtime = pkgPath == "runtime" || pkgPath.starts_with("runtime/");
  for (File *f : files)
    for (const File::RestrictedDirective &r : f->restrictedDirectives)
      if (r.allowedIn == File::RestrictedDirective::Nowhere ||
          (r.allowedIn == File::RestrictedDirective::Runtime && !runtime) ||
          (r.allowedIn == File::RestrictedDirective::Library && !isLibrary()))
        error(r.loc, r.msg);
}

// What gc checks of directives once the package type-checks: those a
// declaration took but does not allow, and each //go:linkname, which must
// name a package-level function or variable of a file that imports unsafe,
// once.
void Checker::checkDeclDirectives() {
  std::unordered_set<std::string> linked;
  for (File *f : files) {
    for (SrcLoc loc : f->misplacedDirectives)
      error(loc, "misplaced compiler directive");
    bool unsafe = false;
    for (ImportSpec *s : f->imports)
      unsafe |= s->path->raw == "\"unsafe\"" || s->path->raw == "`unsafe`";
    for (const File::Linkname &l : f->linknames) {
      if (!unsafe) {
        error(l.loc,
              "//go:linkname only allowed in Go files that import \"unsafe\"");
        continue;
      }
      Object *obj = pkg->scope->lookupLocal(l.local);
      if (!obj || !(isa<Var>(obj) || isa<Func>(obj))) {
        error(l.loc,
              "//go:linkname must refer to declared function or variable");
        continue;
      }
      if (!linked.insert(l.local).second)
        error(l.loc, "duplicate //go:linkname for " + l.local);
    }
  }
}

void Checker::checkUnusedImports() {
  markGenericImportsUsed();
  for (PkgName *pn : imports) {
    if (pn->used)
      continue;
    std::string path = pn->imported->path;
    std::string msg = "imported and not used: \"" + path + "\"";
    if (pn->name != pn->imported->name && pn->name != ".")
      msg += " as " + pn->name;
    errorAt(pn, msg);
  }
}

void Checker::declarePkgObj(Ident *name, Object *obj, DeclInfo *d) {
  name->obj = obj;
  obj->pkg = pkg;
  decls[obj] = d;
  pkgObjs.push_back(obj);
  if (name->isBlank())
    return;
  if (name->name == "init" || (name->name == "main" && !isa<Func>(obj))) {
    errorAt(name, "cannot declare " + name->name + " - must be func");
    return;
  }
  if (Object *prev = pkg->scope->insert(obj))
    redeclared(name->loc, name->name, prev);
}

namespace {

DeclInfo *newDecl(std::vector<std::unique_ptr<DeclInfo>> &store, Node *node) {
  store.push_back(std::make_unique<DeclInfo>());
  store.back()->node = node;
  return store.back().get();
}

} // namespace

void Checker::collectObjects() {
  for (File *file : files)
    collectFileObjects(file);
}

void Checker::collectFileObjects(File *file) {
  for (Node *n : file->decls) {
    if (auto *fd = dyn_cast<FuncDecl>(n)) {
      if (!fd->name)
        continue;
      auto *f = ctx.newObject<Func>(fd->name->name, nullptr, fd->name->loc);
      f->decl = fd;
      f->pkg = pkg;
      fd->name->obj = f;
      DeclInfo *d = newDecl(declStore, fd);
      if (fd->recv && isGenericMethodDecl(fd)) {
        collectGenericMethod(fd);
        continue;
      }
      if (fd->recv) {
        decls[f] = d;
        methodDecls.push_back(fd);
        continue;
      }
      if (fd->name->name == "init") {
        decls[f] = d;
        pkgObjs.push_back(f);
        continue;
      }
      declarePkgObj(fd->name, f, d);
      continue;
    }
    auto *gd = dyn_cast<GenDecl>(n);
    if (!gd)
      continue;
    ValueSpec *last = nullptr;
    for (Node *s : gd->specs) {
      if (auto *ts = dyn_cast<TypeSpec>(s)) {
        auto *tn =
            ctx.newObject<TypeName>(ts->name->name, nullptr, ts->name->loc);
        declarePkgObj(ts->name, tn, newDecl(declStore, ts));
        continue;
      }
      auto *vs = dyn_cast<ValueSpec>(s);
      if (!vs)
        continue;
      if (gd->tok == Token::CONST) {
        bool inherited = vs->values.empty() && !vs->type && last;
        if (!inherited)
          last = vs;
        ValueSpec *src = inherited ? last : vs;
        for (size_t i = 0; i < vs->names.size(); i++) {
          auto *c =
              ctx.newObject<Const>(vs->names[i]->name, nullptr,
                                   vs->names[i]->loc, ConstValue::makeInt(0));
          DeclInfo *d = newDecl(declStore, vs);
          d->typeExpr = src->type;
          d->init = i < src->values.size() ? src->values[i] : nullptr;
          d->iota = vs->iota;
          declarePkgObj(vs->names[i], c, d);
        }
        if (src->values.size() < vs->names.size())
          errorAt(vs->names[src->values.size()],
                  "missing init expr for " +
                      vs->names[src->values.size()]->name);
        else if (src->values.size() > vs->names.size())
          error(inherited ? vs->loc : src->values[vs->names.size()]->loc,
                "extra init expr " + exprString(src->values[vs->names.size()]));
        continue;
      }
      std::vector<Var *> vars;
      for (Ident *name : vs->names) {
        auto *v = ctx.newObject<Var>(name->name, nullptr, name->loc);
        v->isGlobal = true;
        vars.push_back(v);
      }
      bool shared = vs->values.size() == 1 && vs->names.size() > 1;
      DeclInfo *sharedDecl = shared ? newDecl(declStore, vs) : nullptr;
      for (size_t i = 0; i < vars.size(); i++) {
        DeclInfo *d = shared ? sharedDecl : newDecl(declStore, vs);
        d->typeExpr = vs->type;
        if (shared) {
          d->lhs = vars;
          d->init = vs->values[0];
        } else if (i < vs->values.size()) {
          d->init = vs->values[i];
        }
        declarePkgObj(vs->names[i], vars[i], d);
        out.globals.push_back(vars[i]);
      }
      if (!shared)
        varArity(vs);
    }
  }
}

// A declaring identifier denotes its object like any use of it.
void Checker::recordDef(Ident *name, Object *obj) {
  if (!obj->type || isInvalidType(obj->type))
    return;
  name->tv.type = obj->type;
  if (isa<Var>(obj)) {
    name->tv.mode = TypeAndValue::Variable;
  } else if (auto *c = dyn_cast<Const>(obj)) {
    name->tv.mode = TypeAndValue::Constant;
    name->tv.value = c->value;
  } else if (isa<TypeName>(obj)) {
    name->tv.mode = TypeAndValue::TypeExpr;
  } else if (isa<Func>(obj)) {
    name->tv.mode = TypeAndValue::Value;
  }
}

// gc's wording for var specs whose names and values do not pair up.
void Checker::varArity(ValueSpec *vs) {
  size_t l = vs->names.size(), r = vs->values.size();
  if (l < r)
    errorAt(vs->values[l], "extra init expr " + exprString(vs->values[l]));
  else if (l > r && r > 1)
    errorAt(vs->names[r], "missing init expr for " + vs->names[r]->name);
}

void Checker::objDecl(Object *obj) {
  // Another package's objects (methods of its types) were checked with it;
  // an interface's methods (reached through an embedded interface) with
  // their interface type.
  if (obj->pkg != pkg || !decls.count(obj))
    return;
  int &c = color[obj];
  if (c == 2)
    return;
  if (c == 1) {
    if (auto *v = dyn_cast<Var>(obj)) {
      if (!v->type)
        v->type = invalidType();
    } else if (auto *k = dyn_cast<Const>(obj)) {
      if (!k->type) {
        // gc's wording, with the cycle as found: each constant on it
        // refers to the next.
        std::vector<DiagEngine::Note> notes;
        for (auto it = std::find(objPath.begin(), objPath.end(), obj);
             it != objPath.end(); ++it)
          notes.push_back({(*it)->loc, (*it)->name + " refers to"});
        notes.push_back({k->loc, k->name});
        diags.error(k->loc, "initialization loop for " + k->name,
                    std::move(notes));
        k->type = invalidType();
      }
    } else if (auto *tn = dyn_cast<TypeName>(obj)) {
      if (!tn->type) {
        errorAt(tn, "invalid recursive type " + tn->name);
        tn->type = invalidType();
      }
    }
    return;
  }
  c = 1;
  objPath.push_back(obj);
  DeclInfo *d = decls[obj];
  // Package-level declarations may be checked from inside a function body.
  Scope *savedScope = scope;
  FuncContext *savedFn = fn;
  DeclInfo *savedDecl = curDecl;
  int64_t savedIota = iota;
  auto savedBranches = std::move(branches);
  auto savedLabels = std::move(funcLabels);
  scope = fileScope(d->node->loc);
  fn = nullptr;
  curDecl = d;
  iota = -1;
  switch (obj->kind()) {
  case Object::ConstKind:
    constDecl(cast<Const>(obj), d->typeExpr, d->init, d->iota);
    break;
  case Object::VarKind:
    varDecl(cast<Var>(obj), d->lhs, d->typeExpr, d->init);
    break;
  case Object::TypeNameKind:
    typeDecl(cast<TypeName>(obj), cast<TypeSpec>(d->node));
    break;
  case Object::FuncKind:
    if (cast<FuncDecl>(d->node)->recv)
      methodDecl(cast<Func>(obj), cast<FuncDecl>(d->node));
    else
      funcDecl(cast<Func>(obj), cast<FuncDecl>(d->node));
    break;
  default:
    break;
  }
  scope = savedScope;
  fn = savedFn;
  curDecl = savedDecl;
  iota = savedIota;
  branches = std::move(savedBranches);
  funcLabels = std::move(savedLabels);
  objPath.pop_back();
  color[obj] = 2;
}

void Checker::constDecl(Const *obj, Expr *typeExpr, Expr *init,
                        int64_t iotaVal) {
  iota = iotaVal;
  Type *t = nullptr;
  if (typeExpr) {
    t = typExpr(typeExpr);
    if (!isInvalidType(t) && !isConstType(t)) {
      errorAt(typeExpr, "invalid constant type " + typeString(t));
      obj->type = invalidType();
      return;
    }
    obj->type = t;
  }
  Operand x;
  if (!init) {
    obj->type = invalidType();
    return;
  }
  expr(x, init);
  if (x.invalid() || isInvalidType(x.type) ||
      (obj->type && isInvalidType(obj->type))) {
    if (!obj->type)
      obj->type = invalidType();
    return;
  }
  if (!x.isConst()) {
    errorAt(init, operandString(x) + " is not constant");
    if (!obj->type)
      obj->type = invalidType();
    return;
  }
  if (!obj->type)
    obj->type = x.type;
  assignment(x, obj->type, "constant declaration");
  if (x.invalid()) {
    return;
  }
  obj->value = *x.val;
}

void Checker::varDecl(Var *obj, std::vector<Var *> lhs, Expr *typeExpr,
                      Expr *init) {
  if (typeExpr) {
    Type *t = varType(typeExpr);
    obj->type = t;
    for (Var *v : lhs)
      v->type = t;
  }
  if (lhs.empty()) {
    if (!init) {
      if (!obj->type)
        obj->type = invalidType();
      return;
    }
    Operand x;
    exprWithHint(x, init, obj->type);
    initVar(obj, x, "variable declaration");
    return;
  }
  // Several variables initialised by one multi-valued expression: check
  // once, for all of them.
  for (Var *v : lhs)
    color[v] = 1;
  initVars(lhs, {init}, init->loc);
  for (Var *v : lhs)
    color[v] = 2;
}

void Checker::computeInitOrder() {
  // Variable dependencies, expanded through functions and methods.
  std::unordered_map<Object *, std::set<Object *>> varDeps;
  std::function<void(Object *, std::set<Object *> &, std::set<Object *> &)>
      expand =
          [&](Object *o, std::set<Object *> &acc, std::set<Object *> &seen) {
            auto it = decls.find(o);
            if (it == decls.end())
              return;
            for (Object *d : it->second->depOrder) {
              if (!seen.insert(d).second)
                continue;
              if (isa<Var>(d))
                acc.insert(d);
              else
                expand(d, acc, seen);
            }
          };
  std::vector<Object *> pending;
  for (Object *o : pkgObjs) {
    if (!isa<Var>(o))
      continue;
    std::set<Object *> seen;
    expand(o, varDeps[o], seen);
    pending.push_back(o);
  }
  // Close the dependencies over variables to find initialisation cycles.
  for (Object *o : pending) {
    std::vector<Object *> work(varDeps[o].begin(), varDeps[o].end());
    std::set<Object *> reach(work.begin(), work.end());
    while (!work.empty()) {
      Object *d = work.back();
      work.pop_back();
      for (Object *n : varDeps[d])
        if (reach.insert(n).second)
          work.push_back(n);
    }
    if (reach.count(o)) {
      errorAt(o, "initialization loop for " + o->name);
      return;
    }
  }
  // The spec's rule: repeatedly initialise the earliest variable in
  // declaration order that has no uninitialised dependencies.
  std::set<Object *> done;
  while (!pending.empty()) {
    size_t pick = 0;
    for (; pick < pending.size(); pick++) {
      DeclInfo *d = decls[pending[pick]];
      std::vector<Object *> group(d->lhs.begin(), d->lhs.end());
      if (group.empty())
        group.push_back(pending[pick]);
      bool ready = true;
      for (Object *g : group)
        for (Object *dep : varDeps[g])
          if (!done.count(dep) &&
              std::find(group.begin(), group.end(), dep) == group.end())
            ready = false;
      if (ready)
        break;
    }
    if (pick == pending.size())
      pick = 0;
    DeclInfo *d = decls[pending[pick]];
    GlobalInit gi;
    gi.lhs = d->lhs;
    if (gi.lhs.empty())
      gi.lhs.push_back(cast<Var>(pending[pick]));
    gi.rhs = d->init;
    for (Var *v : gi.lhs) {
      done.insert(v);
      pending.erase(std::remove(pending.begin(), pending.end(), v),
                    pending.end());
    }
    out.initOrder.push_back(gi);
  }
}

void Checker::recordDep(Object *obj) {
  if (!curDecl || obj->pkg != pkg || !decls.count(obj))
    return;
  if (isa<Var>(obj) && !cast<Var>(obj)->isGlobal)
    return;
  if (curDecl->deps.insert(obj).second)
    curDecl->depOrder.push_back(obj);
}

void Checker::checkMain() {
  // Only package main makes a program (`go run` refuses other packages).
  if (pkg->name != "main") {
    error(out.file->packageName->loc,
          "package " + pkg->name + " is not a main package");
    return;
  }
  Object *m = pkg->scope->lookupLocal("main");
  auto *f = dyn_cast_or_null<Func>(m);
  if (!f) {
    if (!m)
      error(SrcLoc{}, "function main is undeclared in the main package");
    return;
  }
  out.mainFunc = f;
}

// ---------------------------------------------------------------------------
// Types and functions

void Checker::typeDecl(TypeName *obj, TypeSpec *spec) {
  if (spec->typeParams) {
    if (spec->isAlias) {
      errorAt(spec->name, "generic type cannot be alias");
      obj->type = invalidType();
      return;
    }
    genericTypeDecl(obj, spec);
    return;
  }
  if (spec->isAlias) {
    obj->isAlias = true;
    obj->type = invalidType();
    obj->type = typExpr(spec->type);
    return;
  }
  Named *named = ctx.newNamed(obj);
  obj->type = named;
  out.namedTypes.push_back(named);
  Type *u = definedType(spec->type, named);
  if (auto *n = dyn_cast<Named>(u); n && !n->underlyingType) {
    Named *root = definingRoot(n);
    if (root != named) {
      awaiting[named] = root;
      return;
    }
    errorAt(obj, "invalid recursive type " + obj->name);
    named->underlyingType = invalidType();
  } else {
    named->underlyingType = u->underlying();
    checkCycles(named, obj->loc);
  }
  resolveAwaiting(named);
}

// The type being declared whose underlying type n will take.
Named *Checker::definingRoot(Named *n) {
  for (auto it = awaiting.find(n); it != awaiting.end(); it = awaiting.find(n))
    n = it->second;
  return n;
}

void Checker::resolveAwaiting(Named *t) {
  for (auto it = awaiting.begin(); it != awaiting.end();) {
    if (it->second == t) {
      it->first->underlyingType = t->underlyingType;
      it = awaiting.erase(it);
    } else {
      ++it;
    }
  }
}

void Checker::funcDecl(Func *obj, FuncDecl *decl) {
  if (decl->type->typeParams) {
    genericFuncDecl(obj, decl);
    if (!decl->body)
      bodylessFunc(obj, decl);
    return;
  }
  obj->type = funcType(decl->type, nullptr, nullptr, nullptr);
  Signature *sig = obj->signature();
  if (obj->name == "main" || obj->name == "init") {
    if (sig->params->size() > 0 || sig->results->size() > 0)
      errorAt(decl->name, "func " + obj->name +
                              " must have no arguments and no return values");
  }
  if (!decl->body)
    bodylessFunc(obj, decl);
}

void Checker::methodDecl(Func *obj, FuncDecl *decl) {
  FieldList *recvList = decl->recv;
  Var *recv = nullptr;
  Named *base = nullptr;
  if (recvList->list.size() != 1 || recvList->list[0]->names.size() > 1) {
    errorAt(recvList, "method has multiple receivers");
  } else {
    Field *f = recvList->list[0];
    Expr *te = f->type;
    bool ptr = false;
    while (auto *p = dyn_cast<ParenExpr>(te))
      te = p->x;
    if (auto *s = dyn_cast<StarExpr>(te)) {
      te = s->x;
      ptr = true;
    }
    // An instance's method: its receiver type, T[P] with P its own names
    // (possibly _), is the instance.
    Type *t = instanceRecv;
    if (t) {
      te->tv.mode = TypeAndValue::TypeExpr;
      te->tv.type = t;
    } else {
      t = typExpr(te);
    }
    base = dyn_cast<Named>(t);
    if (!isInvalidType(t)) {
      if (!base || !base->obj->pkg || base->obj->pkg != pkg) {
        if ((base && !base->obj->pkg) || isa<types::Basic>(t))
          errorAt(f, "cannot define new methods on non-local type " +
                         typeString(t));
        else if (!base)
          errorAt(te, "invalid receiver type " + typeString(t));
        else
          unsupported(te->loc, "method on non-local type");
        base = nullptr;
      } else if (isa<types::Pointer>(base->underlying()) ||
                 isa<Interface>(base->underlying())) {
        errorAt(te, "invalid receiver type " + typeString(t) +
                        " (pointer or interface type)");
        base = nullptr;
      }
    }
    Type *rt = base ? (ptr ? static_cast<Type *>(ctx.getPointer(base)) : base)
                    : invalidType();
    std::string rname = f->names.empty() ? "" : f->names[0]->name;
    recv = ctx.newObject<Var>(rname, rt,
                              f->names.empty() ? f->loc : f->names[0]->loc);
    recv->isParam = true;
    recv->pkg = pkg;
    if (!f->names.empty())
      f->names[0]->obj = recv;
  }
  Signature *plain = funcType(decl->type, nullptr, nullptr, nullptr);
  obj->type = ctx.getMethodSignature(recv, plain->params, plain->results,
                                     plain->variadic);
  if (!decl->body && program)
    errorAt(decl->name, "missing function body");
  if (!base || decl->name->isBlank())
    return;
  if (auto *st = dyn_cast<types::Struct>(base->underlying())) {
    // The method is still declared, as in gc: selectors find it first, so
    // x.m() after the error is not another one.
    if (st->fieldIndex(obj->name) >= 0)
      errorAt(decl->name, "field and method with the same name " + obj->name);
  }
  if (base->lookupMethod(obj->name)) {
    errorAt(decl->name,
            base->obj->name + "." + obj->name + " redeclared in this block");
    return;
  }
  base->methods.push_back(obj);
}

void Checker::funcBody(FuncDecl *decl, Func *obj) {
  if (!obj->type)
    return;
  FuncContext f;
  f.sig = obj->signature();
  f.depth = 1;
  Scope *saved = scope;
  DeclInfo *savedDecl = curDecl;
  // An instance's references count as its generic function's, for the
  // initialisation order of the variables calling it.
  Object *declObj = obj->origin ? obj->origin : obj;
  curDecl = decls.count(declObj) ? decls[declObj] : nullptr;
  auto inst = instanceScopes.find(decl);
  scope = ctx.newScope(inst != instanceScopes.end() ? inst->second
                                                    : fileScope(decl->loc));
  if (decl->recv)
    for (Field *fl : decl->recv->list)
      for (Ident *n : fl->names)
        if (n->obj && !n->isBlank())
          declareLocal(n, n->obj);
  auto declareParams = [&](FieldList *list) {
    if (!list)
      return;
    for (Field *fl : list->list)
      for (Ident *n : fl->names)
        if (n->obj && !n->isBlank())
          declareLocal(n, n->obj);
  };
  declareParams(decl->type->params);
  declareParams(decl->type->results);
  f.resultVars = resultVarsOf(decl->type);
  checkFuncBody(f, decl->body, decl->body->rbrace);
  scope = saved;
  curDecl = savedDecl;
}

void Checker::declareLocal(Ident *name, Object *obj, SrcLoc) {
  name->obj = obj;
  recordDef(name, obj);
  obj->pkg = pkg;
  if (auto *v = dyn_cast<Var>(obj)) {
    varDepth[v] = fn ? fn->depth : 0;
    if (fn && !v->isParam)
      fn->locals.push_back(v);
  }
  if (name->isBlank())
    return;
  if (Object *prev = scope->insert(obj)) {
    redeclared(name->loc, name->name, prev);
    // Out of scope, it cannot be used: gc does not report it unused.
    if (auto *v = dyn_cast<Var>(obj))
      v->used = true;
  }
}

// ---------------------------------------------------------------------------
// Local declarations

void Checker::declStmt(GenDecl *decl) {
  switch (decl->tok) {
  case Token::CONST:
    localConstSpecs(decl);
    break;
  case Token::VAR:
    for (Node *s : decl->specs)
      if (auto *vs = dyn_cast<ValueSpec>(s))
        localVarSpec(vs);
    break;
  case Token::TYPE:
    for (Node *s : decl->specs)
      if (auto *ts = dyn_cast<TypeSpec>(s)) {
        // gc 1.19 has no names for a local type's instances (unified IR,
        // Go 1.20's, added main.T·2[int]): it refuses the declaration,
        // after its type check, which declares it.
        if (overTypeParams)
          error(decl->loc, "type declarations inside generic functions are "
                           "not currently supported");
        localTypeSpec(ts);
      }
    break;
  default:
    break;
  }
}

void Checker::localConstSpecs(GenDecl *decl) {
  ValueSpec *last = nullptr;
  for (Node *s : decl->specs) {
    auto *vs = dyn_cast<ValueSpec>(s);
    if (!vs)
      continue;
    bool inherited = vs->values.empty() && !vs->type && last;
    if (!inherited)
      last = vs;
    ValueSpec *src = inherited ? last : vs;
    std::vector<Const *> consts;
    for (size_t i = 0; i < vs->names.size(); i++) {
      auto *c = ctx.newObject<Const>(vs->names[i]->name, nullptr,
                                     vs->names[i]->loc, ConstValue::makeInt(0));
      int64_t savedIota = iota;
      constDecl(c, src->type, i < src->values.size() ? src->values[i] : nullptr,
                vs->iota);
      iota = savedIota;
      consts.push_back(c);
    }
    if (src->values.size() < vs->names.size())
      errorAt(vs->names[src->values.size()],
              "missing init expr for " + vs->names[src->values.size()]->name);
    else if (src->values.size() > vs->names.size())
      error(inherited ? vs->loc : src->values[vs->names.size()]->loc,
            "extra init expr " + exprString(src->values[vs->names.size()]));
    // Constants come into scope after their specification.
    for (size_t i = 0; i < consts.size(); i++)
      declareLocal(vs->names[i], consts[i]);
  }
}

void Checker::localVarSpec(ValueSpec *vs) {
  std::vector<Var *> vars;
  for (Ident *name : vs->names)
    vars.push_back(ctx.newObject<Var>(name->name, nullptr, name->loc));
  Type *t = vs->type ? varType(vs->type) : nullptr;
  for (Var *v : vars)
    v->type = t;
  if (vs->values.empty()) {
    if (!t)
      for (Var *v : vars)
        v->type = invalidType();
  } else if (vs->values.size() == vars.size()) {
    for (size_t i = 0; i < vars.size(); i++) {
      Operand x;
      exprWithHint(x, vs->values[i], t);
      initVar(vars[i], x, "variable declaration");
    }
  } else if (vs->values.size() == 1) {
    initVars(vars, vs->values, vs->values[0]->loc);
  } else {
    varArity(vs);
    useExprs(vs->values);
    for (Var *v : vars) {
      v->used = true;
      if (!v->type)
        v->type = invalidType();
    }
  }
  // Variables come into scope after their specification.
  for (size_t i = 0; i < vars.size(); i++)
    declareLocal(vs->names[i], vars[i]);
}

void Checker::localTypeSpec(TypeSpec *ts) {
  auto *tn = ctx.newObject<TypeName>(ts->name->name, nullptr, ts->name->loc);
  // A local type is in scope inside its own declaration (recursive types).
  declareLocal(ts->name, tn);
  typeDecl(tn, ts);
  recordDef(ts->name, tn);
}

} // namespace mgo

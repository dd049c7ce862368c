// Imports: library packages declared in C++ (frontend/Library.cpp) or written
// in mini-Go under stdlib/ (frontend/Stdlib.h), which are parsed and checked
// here as packages of their own, once per compilation.
#include "frontend/CheckerImpl.h"
#include "frontend/Parser.h"
#include "frontend/Stdlib.h"

namespace mgo {

using namespace types;

bool isExported(const std::string &name) {
  return !name.empty() && name[0] >= 'A' && name[0] <= 'Z';
}

std::vector<const StdlibFile *> stdlibPackageFiles(const std::string &path) {
  std::vector<const StdlibFile *> out;
  for (const StdlibFile &f : stdlibFiles()) {
    std::string_view p(f.path);
    size_t slash = p.rfind('/');
    if (slash != std::string_view::npos && p.substr(0, slash) == path)
      out.push_back(&f);
  }
  return out;
}

namespace {

SourcePackage *parsePackage(const std::string &path, DiagEngine &diags,
                            std::vector<File *> &files) {
  auto sp = std::make_unique<SourcePackage>();
  for (const StdlibFile *f : stdlibPackageFiles(path)) {
    sp->sources.push_back(std::make_unique<SourceFile>(
        std::string("stdlib/") + f->path, std::string(f->text, f->size)));
    SourceFile &src = *sp->sources.back();
    diags.addFile(src);
    files.push_back(parseFile(src, sp->ast, diags));
  }
  return sp.release();
}

} // namespace

Package *Checker::importPackage(const std::string &path, BasicLit *spec) {
  // A package with sources under stdlib/ is loaded from them, even when part
  // of it is C++ (Checker::run adds those members).
  if (stdlibPackageFiles(path).empty())
    if (Package *lib = ctx.libraryPackage(path))
      return lib;
  if (!root->libraryStore)
    root->libraryStore = std::make_shared<LibraryStore>();
  LibraryStore &store = *root->libraryStore;
  if (auto it = store.byPath.find(path); it != store.byPath.end()) {
    if (!it->second) {
      errorAt(spec, "import cycle not allowed");
      return nullptr;
    }
    return it->second->program.pkg;
  }
  if (path == "unsafe") {
    unsupported(spec->loc, "package unsafe");
    return nullptr;
  }
  if (path == "C") {
    unsupported(spec->loc, "cgo");
    return nullptr;
  }
  if (stdlibPackageFiles(path).empty()) {
    errorAt(spec, "package " + path + " is not in mini-Go's library");
    return nullptr;
  }
  store.byPath[path] = nullptr;
  std::vector<File *> pkgFiles;
  std::unique_ptr<SourcePackage> sp(parsePackage(path, diags, pkgFiles));
  Checker c(pkgFiles, path, ctx, diags, sp->program, *root);
  c.run();
  store.byPath[path] = sp.get();
  root->libraries.push_back(&sp->program);
  store.packages.push_back(std::move(sp));
  return store.packages.back()->program.pkg;
}

namespace {

// What the runtime's C calling convention (runtime/include/mgo/abi.h) can
// pass: scalars, pointers (and what is one: chan, map, func) and strings.
bool passableToRuntime(Type *t) {
  Type *u = t->underlying();
  if (auto *b = dyn_cast<types::Basic>(u))
    return !b->isUntyped() && b->basicKind != BasicKind::Invalid;
  return isa<types::Pointer>(u) || isa<types::Chan>(u) || isa<types::Map>(u) ||
         isa<types::Signature>(u);
}

} // namespace

// A function without a body is implemented by the runtime, which only a
// library package may ask for; its signature must fit the runtime's ABI.
void Checker::bodylessFunc(Func *obj, FuncDecl *decl) {
  if (!isLibrary()) {
    errorAt(decl->name, "missing function body");
    return;
  }
  Signature *sig = obj->signature();
  std::vector<Var *> vars = sig->params->vars;
  if (sig->results->size() > 1 || sig->variadic) {
    errorAt(decl->name, "function " + obj->name +
                            " without a body must have at most one result "
                            "and no ... parameter");
    return;
  }
  vars.insert(vars.end(), sig->results->vars.begin(), sig->results->vars.end());
  for (Var *v : vars) {
    if (!passableToRuntime(v->type)) {
      errorAt(decl->name, "function " + obj->name +
                              " without a body: " + typeString(v->type) +
                              " is not a scalar, pointer or string");
      return;
    }
  }
  out.runtimeFuncs.push_back(obj);
}

} // namespace mgo

// Imports: library packages declared in C++ (frontend/Library.cpp), written
// in mini-Go under stdlib/ (frontend/Stdlib.h) or compiled from the Go
// installation's sources (GOROOT/src), and the packages of the module being
// built (frontend/Modules.h); source packages are parsed and checked here as
// packages of their own, once per compilation.
#include "frontend/CheckerImpl.h"
#include "frontend/Parser.h"
#include "frontend/Stdlib.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>

#include <algorithm>
#include <set>

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

// Whether the package importer may import path under go's rule for
// internal/: only from the tree rooted at internal's parent, which for a
// top-level internal/ is the standard library. The last internal element is
// the most restrictive, so it decides.
bool internalAllowed(const std::string &importer, const std::string &path,
                     bool importerIsLibrary) {
  llvm::StringRef p(path);
  size_t i;
  if (p.ends_with("/internal"))
    i = p.size() - 8;
  else if (size_t k = p.rfind("/internal/"); k != llvm::StringRef::npos)
    i = k + 1;
  else if (p == "internal" || p.starts_with("internal/"))
    i = 0;
  else
    return true;
  if (i == 0)
    return importerIsLibrary;
  llvm::StringRef parent = p.take_front(i - 1);
  return importer == parent ||
         llvm::StringRef(importer).starts_with((parent + "/").str());
}

// Packages compiled from Go's sources in which the files under
// stdlib/<path>/ replace Go's files of the same name (or are added): only
// what gc's runtime provides to the package is bound to mgoc's there
// (docs/stdlib.md). The other packages under stdlib/ are overlays whole.
bool overlaysGorootFiles(const std::string &path) { return path == "time"; }

} // namespace

Package *Checker::importPackage(const std::string &path, BasicLit *spec) {
  if (path[0] == '/') {
    errorAt(spec, "could not import " + path +
                      " (import path cannot be absolute path)");
    return nullptr;
  }
  if (!internalAllowed(importPath, path, library)) {
    errorAt(spec, "use of internal package " + path + " not allowed");
    return nullptr;
  }
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
      importCycle(path, spec);
      return nullptr;
    }
    return it->second->program.pkg;
  }
  if (store.failed.count(path))
    return nullptr;
  if (path == "C") {
    unsupported(spec->loc, "cgo");
    return nullptr;
  }
  const std::string modPath = store.module ? store.module->path : "";
  if (store.module && (path == modPath || path.rfind(modPath + "/", 0) == 0))
    return importDirectory(path,
                           store.module->root + path.substr(modPath.size()),
                           Origin::Module, spec);
  if (!stdlibPackageFiles(path).empty() && !overlaysGorootFiles(path)) {
    std::vector<File *> pkgFiles;
    std::unique_ptr<SourcePackage> sp(parsePackage(path, diags, pkgFiles));
    return checkImported(path, std::move(sp), pkgFiles, Origin::Overlay);
  }
  // A path whose first element has a dot names a module (go's rule).
  if (path.substr(0, path.find('/')).find('.') != std::string::npos) {
    errorAt(spec, "no required module provides package " + path);
    return nullptr;
  }
  std::string dir = store.goroot + "/src/" + path;
  if (!llvm::sys::fs::is_directory(dir)) {
    errorAt(spec, "package " + path + " is not in GOROOT (" + dir + ")");
    return nullptr;
  }
  return importDirectory(path, dir, Origin::Goroot, spec);
}

// Checks an imported package once: while it is checked, its path is on the
// loading chain and maps to null, which is how an import cycle is seen.
Package *Checker::checkImported(const std::string &path,
                                std::unique_ptr<SourcePackage> sp,
                                const std::vector<File *> &pkgFiles,
                                Origin origin) {
  LibraryStore &store = *root->libraryStore;
  store.byPath[path] = nullptr;
  store.loading.push_back(path);
  Checker c(pkgFiles, path, ctx, diags, sp->program, *root);
  c.library = origin != Origin::Module;
  c.goroot = origin == Origin::Goroot;
  c.importPath = path;
  c.run();
  store.loading.pop_back();
  store.byPath[path] = sp.get();
  root->libraries.push_back(&sp->program);
  store.packages.push_back(std::move(sp));
  return store.packages.back()->program.pkg;
}

// gc's message, with the chain of imports the go command prints after it.
void Checker::importCycle(const std::string &path, BasicLit *spec) {
  const std::vector<std::string> &chain = root->libraryStore->loading;
  std::vector<DiagEngine::Note> notes;
  if (!chain.empty()) {
    notes.push_back({SrcLoc{}, "package " + chain.front()});
    for (size_t i = 1; i < chain.size(); ++i)
      notes.push_back({SrcLoc{}, "\timports " + chain[i]});
    notes.push_back({SrcLoc{}, "\timports " + path});
  }
  diags.error(spec->loc, "import cycle not allowed", std::move(notes));
}

bool samePackageClause(const std::vector<File *> &files,
                       const std::vector<std::string> &names,
                       const std::string &dir, DiagEngine &diags) {
  const File *first = nullptr;
  for (size_t i = 0; i < files.size(); ++i) {
    const File *f = files[i];
    if (!f || !f->packageName)
      continue;
    if (!first) {
      first = f;
      continue;
    }
    if (f->packageName->name == first->packageName->name)
      continue;
    size_t j = std::find(files.begin(), files.end(), first) - files.begin();
    diags.error(f->packageName->loc,
                "found packages " + first->packageName->name + " (" + names[j] +
                    ") and " + f->packageName->name + " (" + names[i] +
                    ") in " + dir);
    return false;
  }
  return true;
}

Package *Checker::importDirectory(const std::string &path,
                                  const std::string &dir, Origin origin,
                                  BasicLit *spec) {
  LibraryStore &store = *root->libraryStore;
  auto fail = [&](const std::string &msg) -> Package * {
    if (!msg.empty())
      errorAt(spec, msg);
    store.failed.insert(path);
    return nullptr;
  };
  std::vector<std::string> names;
  std::string err;
  if (!llvm::sys::fs::is_directory(dir) || !packageFileNames(dir, names, err))
    return fail("no required module provides package " + path);
  auto sp = std::make_unique<SourcePackage>();
  std::vector<File *> files;
  std::vector<std::string> kept;
  unsigned before = diags.errorCount();
  std::vector<const StdlibFile *> overlay;
  if (origin == Origin::Goroot && overlaysGorootFiles(path))
    overlay = stdlibPackageFiles(path);
  auto overlayFile = [&](const std::string &name) -> const StdlibFile * {
    for (const StdlibFile *f : overlay)
      if (llvm::StringRef(f->path).ends_with("/" + name))
        return f;
    return nullptr;
  };
  for (const StdlibFile *f : overlay) {
    sp->sources.push_back(std::make_unique<SourceFile>(
        std::string("stdlib/") + f->path, std::string(f->text, f->size)));
    SourceFile &src = *sp->sources.back();
    diags.addFile(src);
    files.push_back(parseFile(src, sp->ast, diags));
    kept.push_back(f->path);
  }
  for (const std::string &name : names) {
    if (overlayFile(name))
      continue;
    std::string full = dir + "/" + name;
    auto buf = llvm::MemoryBuffer::getFile(full, /*IsText=*/false,
                                           /*RequiresNullTerminator=*/false);
    if (!buf)
      return fail("cannot read " + displayPath(store.cwd, full) + ": " +
                  buf.getError().message());
    if (!fileSelected(name, (*buf)->getBuffer(),
                      /*cgo=*/origin == Origin::Module))
      continue;
    // Go's library files are named by their real path: GOROOT is seldom
    // near the current directory.
    sp->sources.push_back(std::make_unique<SourceFile>(
        origin == Origin::Goroot ? full : displayPath(store.cwd, full),
        (*buf)->getBuffer().str()));
    SourceFile &src = *sp->sources.back();
    diags.addFile(src);
    files.push_back(parseFile(src, sp->ast, diags));
    kept.push_back(name);
  }
  if (files.empty())
    return fail((names.empty() ? "no Go files in "
                               : "build constraints exclude all Go files in ") +
                dir);
  if (diags.errorCount() != before ||
      !samePackageClause(files, kept, dir, diags)) {
    // The errors point into these files, printed after the package is given
    // up.
    store.unchecked.push_back(std::move(sp));
    return fail("");
  }
  if (files.front()->packageName && files.front()->packageName->name == "main")
    return fail("import \"" + path +
                "\" is a program, not an importable package");
  return checkImported(path, std::move(sp), files, origin);
}

bool checkPackage(std::vector<File *> files, const PackageBuild &build,
                  types::TypeContext &types, DiagEngine &diags,
                  CheckedProgram &out) {
  out.libraryStore = std::make_shared<LibraryStore>();
  out.libraryStore->module = build.module;
  out.libraryStore->cwd = build.cwd;
  out.libraryStore->goroot = build.goroot;
  out.libraryStore->loading.push_back(build.importPath);
  Checker c(std::move(files), "main", types, diags, out, out);
  c.importPath =
      build.dirImportPath.empty() ? build.importPath : build.dirImportPath;
  c.program = build.program;
  return c.run();
}

namespace {

// Whether runtime/include/mgo/abi.def declares the C function.
bool runtimeDeclares(const std::string &cname) {
  static const std::set<std::string> names = {
#define MGO_RT(name, ...) #name,
#include "runtime/include/mgo/abi.def"
#undef MGO_RT
  };
  return names.count(cname) != 0;
}

} // namespace

// A function without a body is implemented by the runtime, which only a
// library package may ask for (codegen/RuntimeFuncs.cpp passes any
// signature). gc resolves it by name at link time: importpath.name, or the
// target of a
// //go:linkname naming it. A target in the runtime (runtime, runtime/...)
// is the runtime's C function mgo_<path>_<name>; one in another package of
// the program is that package's function.
void Checker::bodylessFunc(Func *obj, FuncDecl *decl) {
  if (!isLibrary()) {
    if (program)
      errorAt(decl->name, "missing function body");
    return;
  }
  std::string target = pkg->path + "." + obj->name;
  for (File *f : files)
    for (const File::Linkname &l : f->linknames)
      if (l.local == obj->name && !l.target.empty())
        target = l.target;
  size_t dot = target.rfind('.');
  std::string path = target.substr(0, dot), name = target.substr(dot + 1);
  if (path != pkg->path && path != "runtime" && !path.starts_with("runtime/") &&
      root->libraryStore) {
    auto it = root->libraryStore->byPath.find(path);
    if (it != root->libraryStore->byPath.end() && it->second) {
      auto *fn = dyn_cast_or_null<Func>(
          it->second->program.pkg->scope->lookupLocal(name));
      if (fn && fn->decl && fn->decl->body && fn->type == obj->type) {
        obj->linkTarget = fn;
        return;
      }
    }
  }
  std::replace(path.begin(), path.end(), '/', '_');
  std::string cname = "mgo_" + path + "_" + name;
  if (goroot && !runtimeDeclares(cname)) {
    unsupported(decl->name->loc,
                "function " + obj->name +
                    " without a body (gc has it in assembly or its runtime)");
    return;
  }
  obj->runtimeName = cname;
  out.runtimeFuncs.push_back(obj);
}

} // namespace mgo

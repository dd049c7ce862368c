// mgoc: the mini-Go compiler driver.
//
//   mgoc build [-o OUT] [-O0..-O3] [-g] [-race] [-v] [-x] [-emit-llvm|-S|-c]
//              PACKAGE
//   mgoc run [-O0..-O3] [-race] PACKAGE [ARGS...]
//   mgoc clean -cache
//
// PACKAGE is what the go command takes: .go files of one directory, a
// directory, or an import path in the current module (frontend/Modules.h).
// Pipeline: read -> parse -> check (imported packages too) -> for each
// package the build cache doesn't hold (Cache.h): codegen -> verify ->
// optimise -> object -> link the packages' objects with clang-19 against
// libmgort (see Link.cpp).
#include "tools/Driver.h"

#include "codegen/Codegen.h"
#include "frontend/Checker.h"
#include "frontend/Modules.h"
#include "frontend/Parser.h"
#include "frontend/Stdlib.h"
#include "tools/Cache.h"

#include <llvm/IR/DebugInfo.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Verifier.h>
#include <llvm/Linker/Linker.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Transforms/IPO/Internalize.h>

#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#if __has_include("frontend/ASTDump.h")
#include "frontend/ASTDump.h"
#define MGO_HAVE_AST_DUMP 1
#endif

#ifndef MGO_DEFAULT_GOROOT
#define MGO_DEFAULT_GOROOT ""
#endif

#ifndef MGOC_VERSION
#define MGOC_VERSION "0.0.0"
#endif

using namespace mgo;

namespace {

const char *helpText = R"(OVERVIEW: mgoc, the mini-Go compiler

USAGE: mgoc build [options] FILE.mgo|FILE.go...|DIR|IMPORTPATH
       mgoc run [options] FILE...|DIR|IMPORTPATH [ARGS...]
       mgoc clean -cache

OPTIONS:
  -o OUT          write the output to OUT (default: the first file's stem, or
                  the package's last path element; OUT/ writes into OUT)
  -O0 -O1 -O2 -O3 optimisation level (default: -O2)
  -g              emit full debug info for debuggers: Go types, parameters,
                  locals and a gdb extension (executables always carry the
                  line tables tracebacks use)
  -race           enable data race detection (ThreadSanitizer), reporting
                  races as Go's race detector does
  -emit-llvm      write textual LLVM IR (to stdout without -o)
  -S              write assembly
  -c              write an object file
  -fsyntax-only   parse and type-check only
  -e              report every error (gc's -e; default: stop after 10)
  -v              print the packages compiled
  -x              print what is compiled, linked and taken from the cache
  -goroot DIR     the Go 1.19 installation whose DIR/src provides the library
                  packages mgoc has no overlay for (default: $MGOC_GOROOT,
                  else the one found when mgoc was configured)
  -dump-tokens    print the tokens of FILE
  -dump-ast       print the syntax tree of FILE
  --version       print the version
  --help          print this help
)";

int usageError(const std::string &msg) {
  llvm::errs() << "mgoc: error: " << msg << "\n";
  llvm::errs() << "usage: mgoc build [-o OUT] [-O0|-O1|-O2|-O3] [-g] PACKAGE  "
                  "(see mgoc --help)\n";
  return 2;
}

bool isSourceFile(llvm::StringRef a) {
  return a.ends_with(".go") || a.ends_with(".mgo");
}

// Parses the command line after the subcommand; returns a non-negative exit
// status when the command line is wrong or the request was --help/--version.
// `run` takes its package as go run does: consecutive source files, or one
// directory or import path; what follows is the program's.
int parseArgs(std::vector<std::string> args, bool isRun, Options &o) {
  bool packageDone = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string &a = args[i];
    if (isRun && !o.inputs.empty() &&
        (packageDone || !isSourceFile(a) || !isSourceFile(o.inputs[0]))) {
      packageDone = true;
      o.runArgs.push_back(a);
    } else if (a == "-o") {
      if (i + 1 == args.size())
        return usageError("-o needs an argument");
      o.output = args[++i];
    } else if (a.size() == 3 && a.compare(0, 2, "-O") == 0 && a[2] >= '0' &&
               a[2] <= '3') {
      o.optLevel = a[2] - '0';
    } else if (a == "-O") {
      o.optLevel = 2;
    } else if (a == "-g") {
      o.debug = true;
    } else if (a == "-race") {
      o.race = true;
    } else if (a == "-goroot") {
      if (i + 1 == args.size())
        return usageError("-goroot needs an argument");
      o.goroot = args[++i];
    } else if (a == "-v") {
      o.verbose = true;
    } else if (a == "-e") {
      o.allErrors = true;
    } else if (a == "-x") {
      o.trace = true;
    } else if (a == "-emit-llvm") {
      o.emit = Emit::LLVM;
    } else if (a == "-S") {
      o.emit = Emit::Asm;
    } else if (a == "-c") {
      o.emit = Emit::Object;
    } else if (a == "-fsyntax-only") {
      o.emit = Emit::None;
    } else if (a == "-dump-tokens") {
      o.dump = Dump::Tokens;
    } else if (a == "-dump-ast") {
      o.dump = Dump::AST;
    } else if (a == "--help" || a == "-help" || a == "-h") {
      llvm::outs() << helpText;
      return 0;
    } else if (a == "--version" || a == "-version") {
      llvm::outs() << "mgoc version " << MGOC_VERSION << " (LLVM "
                   << LLVM_VERSION_STRING << ")\n";
      return 0;
    } else if (a.size() > 1 && a[0] == '-') {
      return usageError("unknown option '" + a + "'");
    } else if (!o.inputs.empty() &&
               (!isSourceFile(a) || !isSourceFile(o.inputs[0]))) {
      return usageError("more than one package");
    } else {
      o.inputs.push_back(a);
    }
  }
  if (o.inputs.empty())
    return usageError("no input file");
  if (o.dump != Dump::None && o.inputs.size() != 1)
    return usageError("-dump-tokens and -dump-ast take one file");
  return -1;
}

std::string stemOf(const std::string &path) {
  return llvm::sys::path::stem(path).str();
}

int dumpInput(const Options &o, const SourceFile &src) {
#ifdef MGO_HAVE_AST_DUMP
  DiagEngine diags(src);
  if (o.dump == Dump::Tokens) {
    dumpTokens(src, diags, llvm::outs());
  } else {
    AstContext ast;
    File *file = parseFile(src, ast, diags);
    if (!diags.hasErrors())
      dumpAST(file, llvm::outs());
  }
  llvm::outs().flush();
  diags.flush();
  return diags.hasErrors() ? 1 : 0;
#else
  (void)o;
  (void)src;
  llvm::errs() << "mgoc: error: -dump-tokens and -dump-ast are not available "
                  "in this build\n";
  return 2;
#endif
}

int fail(const std::string &msg) {
  llvm::errs() << "mgoc: error: " << msg << "\n";
  return 1;
}

std::string absolute(const std::string &path) {
  llvm::SmallString<256> p(path);
  llvm::sys::fs::make_absolute(p);
  llvm::sys::path::remove_dots(p, /*remove_dot_dot=*/true);
  return std::string(p);
}

// Package main as the go command finds it, read but not yet parsed.
struct MainPackage {
  std::vector<std::unique_ptr<SourceFile>> sources;
  std::vector<std::string> names; // file names, for "found packages"
  std::string dir;                // absolute
  std::string outputName;         // the executable's default name
  PackageBuild build;
};

int readSource(const std::string &path, const std::string &shown,
               MainPackage &pkg) {
  if (llvm::sys::fs::is_directory(path))
    return fail("cannot read " + shown + ": Is a directory");
  auto buf = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (!buf)
    return fail("cannot read " + shown + ": " + buf.getError().message());
  pkg.sources.push_back(
      std::make_unique<SourceFile>(shown, (*buf)->getBuffer().str()));
  return 0;
}

// The go command's default executable name for an import path: its last
// element, or the one before a major-version suffix (example.com/app/v2).
std::string commandName(const std::string &importPath) {
  llvm::StringRef p(importPath);
  llvm::StringRef last =
      llvm::sys::path::filename(p, llvm::sys::path::Style::posix);
  llvm::StringRef rest = p.drop_back(last.size()).rtrim('/');
  if (last.size() > 1 && last[0] == 'v' &&
      last.drop_front().find_first_not_of("0123456789") ==
          llvm::StringRef::npos &&
      !rest.empty())
    return llvm::sys::path::filename(rest, llvm::sys::path::Style::posix).str();
  return last.str();
}

// Files named on the command line: taken as given (no build constraints, as
// the go command), shown in messages by the path given.
int loadFiles(const Options &o, MainPackage &pkg) {
  for (const std::string &f : o.inputs) {
    std::string dir = llvm::sys::path::parent_path(absolute(f)).str();
    if (pkg.dir.empty())
      pkg.dir = dir;
    else if (dir != pkg.dir)
      return fail("named files must all be in one directory; have " + pkg.dir +
                  " and " + dir);
    if (int rc = readSource(f, f, pkg))
      return rc;
    pkg.names.push_back(llvm::sys::path::filename(f).str());
  }
  pkg.outputName = stemOf(o.inputs[0]);
  if (pkg.build.module)
    if (auto ip = importPathOf(*pkg.build.module, pkg.dir))
      pkg.build.dirImportPath = *ip;
  return 0;
}

// A directory (., ./cmd/app, /abs) or an import path in the module.
int loadDirectory(const std::string &arg, MainPackage &pkg) {
  const std::optional<ModuleInfo> &mod = pkg.build.module;
  llvm::StringRef a(arg);
  bool isDir = a == "." || a == ".." || a.starts_with("./") ||
               a.starts_with("../") || a.starts_with("/");
  if (!mod)
    return fail("go.mod file not found in current directory or any parent "
                "directory; see 'go help modules'");
  if (isDir) {
    pkg.dir = absolute(arg);
  } else if (arg == mod->path || a.starts_with(mod->path + "/")) {
    pkg.dir = mod->root + arg.substr(mod->path.size());
  } else if (!stdlibPackageFiles(arg).empty()) {
    return fail("package " + arg + " is not a main package");
  } else {
    return fail("no required module provides package " + arg);
  }
  if (!llvm::sys::fs::is_directory(pkg.dir))
    return fail(isDir ? "stat " + pkg.dir + ": directory not found"
                      : "no required module provides package " + arg);
  std::optional<std::string> ip = importPathOf(*mod, pkg.dir);
  if (!ip)
    return fail("directory " + arg + " is outside main module (" + mod->root +
                ")");
  pkg.build.importPath = pkg.build.dirImportPath = *ip;
  pkg.outputName = commandName(*ip);
  std::vector<std::string> names;
  std::string err;
  if (!packageFileNames(pkg.dir, names, err))
    return fail("cannot read " + pkg.dir + ": " + err);
  for (const std::string &name : names) {
    std::string full = pkg.dir + "/" + name;
    std::string shown = displayPath(pkg.build.cwd, full);
    if (int rc = readSource(full, shown, pkg))
      return rc;
    if (!fileSelected(name, pkg.sources.back()->text(), /*cgo=*/true)) {
      pkg.sources.pop_back();
      continue;
    }
    pkg.names.push_back(name);
  }
  if (pkg.sources.empty())
    return fail((names.empty() ? "no Go files in "
                               : "build constraints exclude all Go files in ") +
                pkg.dir);
  return 0;
}

// The flag, then the environment, then what cmake found (docs/stdlib.md).
std::string goroot(const Options &o) {
  if (!o.goroot.empty())
    return absolute(o.goroot);
  if (const char *env = std::getenv("MGOC_GOROOT"); env && *env)
    return absolute(env);
  return MGO_DEFAULT_GOROOT;
}

int loadMain(const Options &o, MainPackage &pkg) {
  llvm::SmallString<256> cwd;
  if (auto ec = llvm::sys::fs::current_path(cwd))
    return fail("cannot find the current directory: " + ec.message());
  pkg.build.cwd = std::string(cwd);
  pkg.build.goroot = goroot(o);
  pkg.build.program = o.emit != Emit::None;
  std::string err;
  pkg.build.module = findModule(pkg.build.cwd, err);
  if (!err.empty())
    return fail(err);
  if (isSourceFile(o.inputs[0]))
    return loadFiles(o, pkg);
  return loadDirectory(o.inputs[0], pkg);
}

// One package of the program as the driver compiles it: main, or one of the
// packages it imports (the library's and the module's), with its files.
struct Unit {
  const CheckedProgram *program;
  std::string path; // the import path -v and -x print
  const std::vector<std::unique_ptr<SourceFile>> *sources;
  std::string key; // the build cache's, when the cache is on
};

// The program's packages in the order they are initialised (each after the
// packages it imports), main last.
std::vector<Unit> programUnits(const MainPackage &main,
                               const CheckedProgram &program) {
  std::map<const CheckedProgram *, const SourcePackage *> sourcesOf;
  if (program.libraryStore)
    for (const auto &sp : program.libraryStore->packages)
      sourcesOf[&sp->program] = sp.get();
  std::vector<Unit> units;
  for (const CheckedProgram *p : program.libraries)
    units.push_back({p, p->pkg->path, &sourcesOf.at(p)->sources, ""});
  units.push_back({&program, main.build.importPath, &main.sources, ""});
  return units;
}

// The compiler that compiles: its binary, its and LLVM's versions, and the
// flags that change the code it emits.
void addCompiler(CacheKey &key, const Options &o) {
  key.add(MGOC_VERSION);
  key.add(LLVM_VERSION_STRING);
  static int anchor;
  key.addFileStamp(llvm::sys::fs::getMainExecutable("mgoc", &anchor));
  key.add(std::to_string(o.optLevel));
  key.add(o.debug ? "-g" : "");
  key.add(o.race ? "-race" : "");
}

// A package's object is made of the package's files (their paths as the
// line tables name them, and their text) compiled by this compiler with
// these flags, against the packages it imports: their keys are part of its
// key, so a change to a dependency recompiles its importers, as the go
// command's action IDs chain. The library's files are named by their
// stdlib/ or GOROOT path, so their objects are shared by every program in
// any directory. Main's object also holds main..init and the C main, so it
// is keyed apart. A program that imports reflect has larger type
// descriptors in every package's object (docs/lowering.md), so whether it
// does is part of every key.
void setKeys(const Options &o, const std::vector<std::string> &files,
             std::vector<Unit> &units) {
  bool reflect = false;
  for (const Unit &u : units)
    reflect |= u.path == "reflect";
  std::map<std::string, std::string> byPath;
  for (Unit &u : units) {
    CacheKey key;
    key.add("mgoc package v2");
    addCompiler(key, o);
    key.add(reflect ? "reflect" : "");
    key.add(&u == &units.back() ? "main" : "imported");
    key.add(u.path);
    key.add(std::to_string(u.sources->size()));
    for (const auto &f : *u.sources) {
      key.add(files[f->id]);
      key.add(f->text());
    }
    for (const std::string &imp : u.program->imports)
      if (auto it = byPath.find(imp); it != byPath.end()) {
        key.add(imp);
        key.add(it->second);
      }
    u.key = key.hex();
    byPath[u.path] = u.key;
  }
}

// A program's executable: its packages' objects linked with the runtime.
std::string executableKey(const Options &o, const std::vector<Unit> &units) {
  CacheKey key;
  key.add("mgoc exe v2");
  key.addFileStamp(runtimeLibraryPath(o.race));
  for (const Unit &u : units)
    key.add(u.key);
  return key.hex();
}

// What the line tables name: every file's path, by SrcLoc::file, and the
// //line directives that rename positions in them.
struct LineTables {
  std::vector<std::string> files;
  std::vector<LineDirective> directives;
};

// The files' paths are the module's and main's absolute (the runtime prints
// them in tracebacks, as gc's), the library's as they were read (stdlib/ or
// an absolute GOROOT path), so they do not depend on the current directory.
LineTables lineTables(const MainPackage &main, const DiagEngine &diags) {
  LineTables t;
  for (const SourceFile *f : diags.files()) {
    llvm::SmallString<256> path(f->path());
    if (!llvm::StringRef(f->path()).starts_with("stdlib/"))
      llvm::sys::fs::make_absolute(main.build.cwd, path);
    llvm::sys::path::remove_dots(path, true);
    t.files.emplace_back(path);
  }
  t.directives = diags.lineDirectives();
  return t;
}

// One package's module, verified; 0 or an exit status.
int generate(const Options &o, const CheckedProgram &program,
             const CheckedProgram &pkg, types::TypeContext &types,
             const std::vector<std::unique_ptr<SourceFile>> &sources,
             const LineTables &files, bool inlineImports,
             llvm::LLVMContext &llctx, std::unique_ptr<llvm::Module> &out) {
  CodegenOptions cgo;
  cgo.sourcePath = sources[0]->path();
  cgo.files = files.files;
  cgo.lineDirectives = files.directives;
  cgo.unitFile = sources[0]->id;
  cgo.inlineImports = inlineImports && o.optLevel > 0;
  cgo.debugVariables = o.debug;
  try {
    out = generatePackage(program, pkg, types, llctx, cgo);
  } catch (const CodegenError &e) {
    llvm::errs() << "mgoc: internal error: " << e.what() << "\n";
    return 3;
  }
  std::string err;
  llvm::raw_string_ostream es(err);
  if (llvm::verifyModule(*out, &es)) {
    es.flush();
    llvm::errs() << "mgoc: internal error: invalid IR generated for "
                 << sources[0]->path() << ": "
                 << llvm::StringRef(err).split('\n').first << "\n";
    return 3;
  }
  return 0;
}

// `-o dir/` or an existing directory: the default name inside it.
std::string outputPath(const Options &o, const std::string &defaultName,
                       const char *suffix) {
  if (o.output.empty())
    return defaultName + suffix;
  if (llvm::StringRef(o.output).ends_with("/") ||
      llvm::sys::fs::is_directory(o.output)) {
    llvm::SmallString<256> p(o.output);
    llvm::sys::path::append(p, defaultName + suffix);
    return std::string(p);
  }
  return o.output;
}

int copyExecutable(const std::string &from, const std::string &to) {
  llvm::sys::fs::remove(to);
  if (auto ec = llvm::sys::fs::copy_file(from, to))
    return fail("cannot write " + to + ": " + ec.message());
  llvm::sys::fs::setPermissions(to, llvm::sys::fs::all_read |
                                        llvm::sys::fs::all_exe |
                                        llvm::sys::fs::owner_write);
  return 0;
}

// The IR a person reads, without -g: no debug locations, subprograms or the
// module flags that announce them, so it reads as the lowering does.
void stripDebugInfo(llvm::Module &module) {
  llvm::StripDebugInfo(module);
  llvm::NamedMDNode *flags = module.getModuleFlagsMetadata();
  if (!flags)
    return;
  llvm::SmallVector<llvm::MDNode *, 4> kept;
  for (llvm::MDNode *flag : flags->operands()) {
    auto *name = llvm::dyn_cast<llvm::MDString>(flag->getOperand(1));
    if (name && (name->getString() == "Debug Info Version" ||
                 name->getString() == "Dwarf Version"))
      continue;
    kept.push_back(flag);
  }
  flags->clearOperands();
  for (llvm::MDNode *flag : kept)
    flags->addOperand(flag);
  if (kept.empty())
    module.eraseNamedMetadata(flags);
}

// -emit-llvm, -S and -c: package main's module, as `go tool compile`
// compiles one package (the packages it imports are declared in it).
int emitMain(const Options &o, const MainPackage &main,
             const CheckedProgram &program, types::TypeContext &types,
             const LineTables &files) {
  llvm::LLVMContext llctx;
  std::unique_ptr<llvm::Module> module;
  if (int rc = generate(o, program, program, types, main.sources, files, true,
                        llctx, module))
    return rc;
  optimizeModule(*module, o.optLevel, o.race);
  switch (o.emit) {
  case Emit::LLVM:
    if (!o.debug)
      stripDebugInfo(*module);
    return writeIR(*module, o.output.empty() ? "-" : o.output);
  case Emit::Asm:
    return writeObject(*module, outputPath(o, main.outputName, ".s"), true);
  default:
    return writeObject(*module, outputPath(o, main.outputName, ".o"), false);
  }
}

// Without a cache: the packages' modules linked into one in memory and
// internalized but for what the runtime and the C start-up call, so LLVM
// drops the library functions the program does not reach before optimising
// (across objects it cannot: a package's object keeps all it exports).
// With nothing to keep for a later build, that is the cheaper build.
int buildWholeProgram(const Options &o, const CheckedProgram &program,
                      types::TypeContext &types, const std::vector<Unit> &units,
                      const LineTables &files, const std::string &output) {
  llvm::LLVMContext llctx;
  std::unique_ptr<llvm::Module> whole;
  for (const Unit &u : units) {
    if (o.verbose)
      llvm::errs() << u.path << "\n";
    if (o.trace)
      llvm::errs() << "mgoc: compile " << u.path << "\n";
    std::unique_ptr<llvm::Module> module;
    if (int rc = generate(o, program, *u.program, types, *u.sources, files,
                          false, llctx, module))
      return rc;
    if (!whole)
      whole = std::move(module);
    else if (llvm::Linker::linkModules(*whole, std::move(module))) {
      llvm::errs() << "mgoc: internal error: cannot link the module of "
                   << u.path << "\n";
      return 3;
    }
  }
  llvm::internalizeModule(*whole, [](const llvm::GlobalValue &g) {
    return g.getName() == "main" || g.getName() == "main.main" ||
           g.getName() == "main..init";
  });
  optimizeModule(*whole, o.optLevel, o.race);
  llvm::SmallString<128> obj;
  if (auto ec = llvm::sys::fs::createTemporaryFile("mgoc", "o", obj))
    return fail("cannot create a temporary file: " + ec.message());
  int rc = writeObject(*whole, obj.str().str(), false);
  if (rc == 0) {
    if (o.trace)
      llvm::errs() << "mgoc: link -o " << output << "\n";
    rc = linkExecutable({obj.str().str()}, output, o.race);
  }
  llvm::sys::fs::remove(obj);
  return rc;
}

// Compiles the packages the cache does not hold, each to an object of its
// own, and links them; exe is where the executable ended up: the output, or
// the cache's copy when one was there and the caller only runs it
// (wantCopy false).
int buildExecutable(const Options &o, const MainPackage &main,
                    const CheckedProgram &program, types::TypeContext &types,
                    const LineTables &files, bool wantCopy, std::string &exe) {
  std::string output = outputPath(o, main.outputName, "");
  std::vector<Unit> units = programUnits(main, program);
  BuildCache cache = BuildCache::fromEnvironment();
  std::string exeKey;
  if (cache.enabled()) {
    setKeys(o, files.files, units);
    if (cache.keepsPrograms())
      exeKey = executableKey(o, units);
  }
  if (!exeKey.empty()) {
    if (auto hit = cache.lookup(exeKey, BuildCache::Executable)) {
      if (o.trace)
        llvm::errs() << "mgoc: cache hit " << *hit << "\n";
      exe = *hit;
      if (!wantCopy)
        return 0;
      exe = output;
      if (o.trace)
        llvm::errs() << "mgoc: cp " << *hit << " " << output << "\n";
      return copyExecutable(*hit, output);
    }
  }
  if (!cache.enabled()) {
    exe = output;
    return buildWholeProgram(o, program, types, units, files, output);
  }
  std::vector<std::string> objects, temps;
  int rc = 0;
  for (const Unit &u : units) {
    bool cached = &u != &units.back() || cache.keepsPrograms();
    if (cached)
      if (auto hit = cache.lookup(u.key, BuildCache::Object)) {
        if (o.trace)
          llvm::errs() << "mgoc: cache hit " << u.path << " " << *hit << "\n";
        objects.push_back(*hit);
        continue;
      }
    if (o.verbose)
      llvm::errs() << u.path << "\n";
    if (o.trace)
      llvm::errs() << "mgoc: compile " << u.path << "\n";
    llvm::SmallString<128> obj;
    if (auto ec = llvm::sys::fs::createTemporaryFile("mgoc", "o", obj)) {
      rc = fail("cannot create a temporary file: " + ec.message());
      break;
    }
    temps.push_back(obj.str().str());
    llvm::LLVMContext llctx;
    std::unique_ptr<llvm::Module> module;
    rc = generate(o, program, *u.program, types, *u.sources, files, true, llctx,
                  module);
    if (rc != 0)
      break;
    optimizeModule(*module, o.optLevel, o.race);
    if ((rc = writeObject(*module, temps.back(), false)) != 0)
      break;
    objects.push_back(temps.back());
    if (cached)
      if (auto stored = cache.store(u.key, BuildCache::Object, temps.back());
          stored && o.trace)
        llvm::errs() << "mgoc: cache put " << u.path << " " << *stored << "\n";
  }
  if (rc == 0) {
    if (o.trace)
      llvm::errs() << "mgoc: link -o " << output << "\n";
    rc = linkExecutable(objects, output, o.race);
  }
  for (const std::string &t : temps)
    llvm::sys::fs::remove(t);
  exe = output;
  if (rc == 0 && !exeKey.empty()) {
    auto stored = cache.store(exeKey, BuildCache::Executable, output);
    if (o.trace && stored)
      llvm::errs() << "mgoc: cache put " << *stored << "\n";
  }
  return rc;
}

// Reads, parses and checks the package and what it imports, then emits
// what was asked for.
int build(Options &o, bool wantCopy, std::string &exe) {
  MainPackage main;
  if (o.dump != Dump::None) {
    if (int rc = readSource(o.inputs[0], o.inputs[0], main))
      return rc;
    return dumpInput(o, *main.sources[0]);
  }
  if (int rc = loadMain(o, main))
    return rc;
  DiagEngine diags(*main.sources[0]);
  if (o.allErrors)
    diags.reportAll();
  for (size_t i = 1; i < main.sources.size(); ++i)
    diags.addFile(*main.sources[i]);
  AstContext ast;
  std::vector<File *> files;
  for (const auto &src : main.sources)
    files.push_back(parseFile(*src, ast, diags));
  if (diags.hasErrors() ||
      !samePackageClause(files, main.names, main.dir, diags)) {
    diags.flush();
    return 1;
  }
  types::TypeContext types;
  CheckedProgram program;
  if (!checkPackage(files, main.build, types, diags, program) ||
      diags.hasErrors()) {
    diags.flush();
    return 1;
  }
  if (o.emit == Emit::None)
    return 0;
  if (!initTarget())
    return 3;
  LineTables paths = lineTables(main, diags);
  if (o.emit != Emit::Executable)
    return emitMain(o, main, program, types, paths);
  return buildExecutable(o, main, program, types, paths, wantCopy, exe);
}

int run(Options &o) {
  llvm::SmallString<128> tmp;
  if (auto ec = llvm::sys::fs::createTemporaryFile("mgorun", "", tmp))
    return fail("cannot create a temporary file: " + ec.message());
  o.output = tmp.str().str();
  o.emit = Emit::Executable;
  std::string exe;
  int rc = build(o, /*wantCopy=*/false, exe);
  if (rc == 0)
    rc = runProgram(exe, o.runArgs);
  llvm::sys::fs::remove(tmp);
  return rc;
}

int clean(const std::vector<std::string> &args) {
  if (args.size() != 1 || args[0] != "-cache")
    return usageError("clean takes -cache");
  return cleanCache();
}

} // namespace

int main(int argc, char **argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    llvm::outs() << helpText;
    return 2;
  }
  Options o;
  std::string cmd = args[0];
  bool isRun = cmd == "run";
  if (cmd == "clean")
    return clean({args.begin() + 1, args.end()});
  if (cmd == "build" || isRun)
    args.erase(args.begin());
  else if (cmd == "help")
    args[0] = "--help";
  if (int rc = parseArgs(args, isRun, o); rc >= 0)
    return rc;
  std::string exe;
  return isRun ? run(o) : build(o, /*wantCopy=*/true, exe);
}

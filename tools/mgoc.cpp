// mgoc: the mini-Go compiler driver.
//
//   mgoc build [-o OUT] [-O0..-O3] [-g] [-v] [-x] [-emit-llvm|-S|-c] PACKAGE
//   mgoc run [-O0..-O3] PACKAGE [ARGS...]
//   mgoc clean -cache
//
// PACKAGE is what the go command takes: .go files of one directory, a
// directory, or an import path in the current module (frontend/Modules.h).
// Pipeline: read -> parse -> check (imported packages too) -> the build
// cache (Cache.h) -> codegen -> verify -> optimise -> object -> link with
// clang-19 against libmgort (see Link.cpp).
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
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

#include <cstdlib>
#include <cstring>
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
  -g              keep debug info in -emit-llvm output (executables always
                  carry the line tables tracebacks use)
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
      o.debugIR = true;
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

// Everything a program's executable is made of: the compiler and runtime,
// the flags, and every file of every package (the library's included, which
// are part of the compiler but cost little to hash).
std::string cacheKey(const Options &o, const MainPackage &main,
                     const CheckedProgram &program) {
  CacheKey key;
  key.add("mgoc exe v1");
  key.add(MGOC_VERSION);
  key.add(LLVM_VERSION_STRING);
  static int anchor;
  std::string self = llvm::sys::fs::getMainExecutable("mgoc", &anchor);
  key.addFileStamp(self);
  key.addFileStamp(runtimeLibraryPath());
  key.add(std::to_string(o.optLevel));
  // The line tables hold absolute paths of the sources.
  key.add(main.build.cwd);
  auto addSources = [&](const std::string &path,
                        const std::vector<std::unique_ptr<SourceFile>> &fs) {
    key.add(path);
    key.add(std::to_string(fs.size()));
    for (const auto &f : fs) {
      key.add(f->path());
      key.add(f->text());
    }
  };
  if (program.libraryStore)
    for (const auto &sp : program.libraryStore->packages)
      addSources(sp->program.pkg->path, sp->sources);
  addSources(main.build.importPath, main.sources);
  return key.hex();
}

// -v: the import paths of the packages compiled, dependencies first, as
// `go build -v` prints those it does not take from its cache (the module's;
// the library is part of mgoc).
void printPackages(const MainPackage &main, const CheckedProgram &program) {
  const std::optional<ModuleInfo> &mod = main.build.module;
  if (mod && program.libraryStore)
    for (const auto &sp : program.libraryStore->packages) {
      const std::string &p = sp->program.pkg->path;
      if (p == mod->path || p.rfind(mod->path + "/", 0) == 0)
        llvm::errs() << p << "\n";
    }
  llvm::errs() << main.build.importPath << "\n";
}

// Front end and code generation; returns 0 and the module, or an exit
// status. key is set when the cache should be consulted and filled.
int compileModule(const Options &o, llvm::LLVMContext &llctx,
                  std::unique_ptr<llvm::Module> &out,
                  std::optional<std::string> &cached, std::string &key,
                  std::string &defaultName) {
  MainPackage main;
  if (o.dump != Dump::None) {
    if (int rc = readSource(o.inputs[0], o.inputs[0], main))
      return rc;
    return dumpInput(o, *main.sources[0]);
  }
  if (int rc = loadMain(o, main))
    return rc;
  defaultName = main.outputName;
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
  BuildCache cache = BuildCache::fromEnvironment();
  if (o.emit == Emit::Executable && cache.enabled()) {
    key = cacheKey(o, main, program);
    cached = cache.lookup(key);
    if (cached) {
      if (o.trace)
        llvm::errs() << "mgoc: cache hit " << *cached << "\n";
      return 0;
    }
  }
  if (o.verbose)
    printPackages(main, program);
  if (o.trace)
    llvm::errs() << "mgoc: compile " << main.build.importPath << " ("
                 << (program.libraries.size() + 1) << " packages)\n";
  CodegenOptions cgo;
  cgo.sourcePath = main.sources[0]->path();
  for (const SourceFile *f : diags.files()) {
    llvm::SmallString<256> path(f->path());
    if (!llvm::StringRef(f->path()).starts_with("stdlib/"))
      llvm::sys::fs::make_absolute(main.build.cwd, path);
    llvm::sys::path::remove_dots(path, true);
    cgo.files.push_back(std::string(path));
  }
  try {
    out = generateModule(program, types, llctx, cgo);
  } catch (const CodegenError &e) {
    llvm::errs() << "mgoc: internal error: " << e.what() << "\n";
    return 3;
  }
  std::string err;
  llvm::raw_string_ostream es(err);
  if (llvm::verifyModule(*out, &es)) {
    es.flush();
    llvm::errs() << "mgoc: internal error: invalid IR generated for "
                 << cgo.sourcePath << ": "
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

// Builds the executable (or the IR, assembly or object asked for); exe is
// where the executable ended up: output, or the cache's copy when one was
// there and the caller only runs it (wantCopy false).
int build(Options &o, bool wantCopy, std::string &exe) {
  llvm::LLVMContext llctx;
  std::unique_ptr<llvm::Module> module;
  std::optional<std::string> cached;
  std::string key, defaultName;
  if (int rc = compileModule(o, llctx, module, cached, key, defaultName);
      rc != 0 || (!module && !cached))
    return rc;
  std::string output;
  switch (o.emit) {
  case Emit::LLVM:
    output = o.output.empty() ? "-" : o.output;
    break;
  case Emit::Asm:
    output = outputPath(o, defaultName, ".s");
    break;
  case Emit::Object:
    output = outputPath(o, defaultName, ".o");
    break;
  default:
    output = outputPath(o, defaultName, "");
  }
  if (cached) {
    exe = *cached;
    if (!wantCopy)
      return 0;
    exe = output;
    if (o.trace)
      llvm::errs() << "mgoc: cp " << *cached << " " << output << "\n";
    return copyExecutable(*cached, output);
  }
  if (!initTarget())
    return 3;
  optimizeModule(*module, o.optLevel);
  if (o.emit == Emit::LLVM) {
    if (!o.debugIR)
      stripDebugInfo(*module);
    return writeIR(*module, output);
  }
  if (o.emit == Emit::Asm || o.emit == Emit::Object)
    return writeObject(*module, output, o.emit == Emit::Asm);
  llvm::SmallString<128> obj;
  if (auto ec = llvm::sys::fs::createTemporaryFile("mgoc", "o", obj))
    return fail("cannot create a temporary file: " + ec.message());
  int rc = writeObject(*module, obj.str().str(), false);
  if (rc == 0) {
    if (o.trace)
      llvm::errs() << "mgoc: link -o " << output << "\n";
    rc = linkExecutable(obj.str().str(), output);
  }
  llvm::sys::fs::remove(obj);
  exe = output;
  if (rc == 0 && !key.empty()) {
    auto stored = BuildCache::fromEnvironment().store(key, output);
    if (o.trace && stored)
      llvm::errs() << "mgoc: cache put " << *stored << "\n";
  }
  return rc;
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

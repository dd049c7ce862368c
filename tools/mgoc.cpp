// mgoc: the mini-Go compiler driver.
//
//   mgoc build [-o OUT] [-O0..-O3] [-g] [-emit-llvm|-S|-c] FILE
//   mgoc run [-O0..-O3] FILE [ARGS...]
//
// Pipeline: read -> parse -> check -> codegen -> verify -> optimise -> object
// -> link with clang-19 against libmgort (see Link.cpp).
#include "tools/Driver.h"

#include "codegen/Codegen.h"
#include "frontend/Checker.h"
#include "frontend/Parser.h"

#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Verifier.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

#include <cstring>
#include <string>
#include <vector>

#if __has_include("frontend/ASTDump.h")
#include "frontend/ASTDump.h"
#define MGO_HAVE_AST_DUMP 1
#endif

#ifndef MGOC_VERSION
#define MGOC_VERSION "0.0.0"
#endif

using namespace mgo;

namespace {

const char *helpText = R"(OVERVIEW: mgoc, the mini-Go compiler

USAGE: mgoc build [options] FILE.mgo|FILE.go
       mgoc run [options] FILE [ARGS...]

OPTIONS:
  -o OUT          write the output to OUT (default: the file's stem; - for stdout)
  -O0 -O1 -O2 -O3 optimisation level (default: -O2)
  -g              emit DWARF line tables
  -emit-llvm      write textual LLVM IR (to stdout without -o)
  -S              write assembly
  -c              write an object file
  -fsyntax-only   parse and type-check only
  -dump-tokens    print the tokens of FILE
  -dump-ast       print the syntax tree of FILE
  --version       print the version
  --help          print this help
)";

int usageError(const std::string &msg) {
  llvm::errs() << "mgoc: error: " << msg << "\n";
  llvm::errs() << "usage: mgoc build [-o OUT] [-O0|-O1|-O2|-O3] [-g] FILE  "
                  "(see mgoc --help)\n";
  return 2;
}

// Parses the command line after the subcommand; returns a non-negative exit
// status when the command line is wrong or the request was --help/--version.
int parseArgs(std::vector<std::string> args, bool isRun, Options &o) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string &a = args[i];
    if (isRun && !o.input.empty()) {
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
      o.debugInfo = true;
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
    } else if (o.input.empty()) {
      o.input = a;
    } else {
      return usageError("more than one input file");
    }
  }
  if (o.input.empty())
    return usageError("no input file");
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

// Front end and code generation; returns 0 and the module, or an exit status.
int compileModule(const Options &o, llvm::LLVMContext &llctx,
                  std::unique_ptr<llvm::Module> &out) {
  auto buf = llvm::MemoryBuffer::getFile(o.input, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (!buf) {
    llvm::errs() << "mgoc: error: cannot read " << o.input << ": "
                 << buf.getError().message() << "\n";
    return 1;
  }
  if (llvm::sys::fs::is_directory(o.input)) {
    llvm::errs() << "mgoc: error: cannot read " << o.input
                 << ": Is a directory\n";
    return 1;
  }
  SourceFile src(o.input, (*buf)->getBuffer().str());
  if (o.dump != Dump::None)
    return dumpInput(o, src);
  DiagEngine diags(src);
  AstContext ast;
  File *file = parseFile(src, ast, diags);
  if (diags.hasErrors()) {
    diags.flush();
    return 1;
  }
  types::TypeContext types;
  CheckedProgram program;
  if (!checkFile(file, types, diags, program) || diags.hasErrors()) {
    diags.flush();
    return 1;
  }
  if (o.emit == Emit::None)
    return 0;
  CodegenOptions cgo;
  cgo.sourcePath = o.input;
  cgo.debugInfo = o.debugInfo;
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
    llvm::errs() << "mgoc: internal error: invalid IR generated for " << o.input
                 << ": " << llvm::StringRef(err).split('\n').first << "\n";
    return 3;
  }
  return 0;
}

int build(Options &o) {
  llvm::LLVMContext llctx;
  std::unique_ptr<llvm::Module> module;
  if (int rc = compileModule(o, llctx, module); rc != 0 || !module)
    return rc;
  if (!initTarget())
    return 3;
  optimizeModule(*module, o.optLevel);
  std::string output = o.output;
  if (output.empty()) {
    switch (o.emit) {
    case Emit::LLVM:
      output = "-";
      break;
    case Emit::Asm:
      output = stemOf(o.input) + ".s";
      break;
    case Emit::Object:
      output = stemOf(o.input) + ".o";
      break;
    default:
      output = stemOf(o.input);
    }
  }
  if (o.emit == Emit::LLVM)
    return writeIR(*module, output);
  if (o.emit == Emit::Asm || o.emit == Emit::Object)
    return writeObject(*module, output, o.emit == Emit::Asm);
  llvm::SmallString<128> obj;
  if (auto ec = llvm::sys::fs::createTemporaryFile("mgoc", "o", obj)) {
    llvm::errs() << "mgoc: error: cannot create a temporary file: "
                 << ec.message() << "\n";
    return 1;
  }
  int rc = writeObject(*module, obj.str().str(), false);
  if (rc == 0)
    rc = linkExecutable(obj.str().str(), output);
  llvm::sys::fs::remove(obj);
  return rc;
}

int run(Options &o) {
  llvm::SmallString<128> exe;
  if (auto ec = llvm::sys::fs::createTemporaryFile("mgorun", "", exe)) {
    llvm::errs() << "mgoc: error: cannot create a temporary file: "
                 << ec.message() << "\n";
    return 1;
  }
  o.output = exe.str().str();
  o.emit = Emit::Executable;
  int rc = build(o);
  if (rc == 0)
    rc = runProgram(o.output, o.runArgs);
  llvm::sys::fs::remove(exe);
  return rc;
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
  if (cmd == "build" || isRun)
    args.erase(args.begin());
  else if (cmd == "help")
    args[0] = "--help";
  if (int rc = parseArgs(args, isRun, o); rc >= 0)
    return rc;
  return isRun ? run(o) : build(o);
}

#include "test/fuzz/Pipeline.h"

#include "codegen/Codegen.h"
#include "frontend/Checker.h"
#include "frontend/Parser.h"

#include <llvm/IR/Verifier.h>
#include <llvm/Support/raw_ostream.h>

#include <cstdlib>
#include <string>

namespace mgo::fuzz {

namespace {

[[noreturn]] void finding(const std::string &what) {
  llvm::errs() << "fuzz finding: " << what << "\n";
  llvm::errs().flush();
  abort();
}

PackageBuild commandBuild() {
  PackageBuild build;
  build.cwd = "/fuzz";
  build.goroot = MGO_FUZZ_GOROOT;
  return build;
}

} // namespace

void compile(const uint8_t *data, size_t size, Stage last) {
  SourceFile source("fuzz.go",
                    std::string(reinterpret_cast<const char *>(data), size));
  DiagEngine diags(source);
  AstContext ast;
  File *file = parseFile(source, ast, diags);
  if (last == Stage::Parse || diags.hasErrors())
    return;
  types::TypeContext types;
  CheckedProgram program;
  if (!checkPackage({file}, commandBuild(), types, diags, program) ||
      diags.hasErrors() || last == Stage::Check)
    return;
  CodegenOptions options;
  options.sourcePath = "fuzz.go";
  for (const SourceFile *f : diags.files())
    options.files.push_back(f->path());
  llvm::LLVMContext llvm;
  std::unique_ptr<llvm::Module> module;
  try {
    module = generatePackage(program, program, types, llvm, options);
  } catch (const CodegenError &e) {
    finding(std::string("internal error: ") + e.what());
  }
  std::string err;
  llvm::raw_string_ostream es(err);
  if (llvm::verifyModule(*module, &es))
    finding("invalid IR: " + es.str());
}

} // namespace mgo::fuzz

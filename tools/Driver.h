// The driver's stages after code generation: optimisation, object emission,
// linking against the runtime and running the result.
#ifndef MGO_TOOLS_DRIVER_H
#define MGO_TOOLS_DRIVER_H

#include <llvm/IR/Module.h>

#include <string>
#include <vector>

namespace mgo {

enum class Emit { Executable, LLVM, Asm, Object, None };
enum class Dump { None, Tokens, AST };

struct Options {
  // The package: .go (or .mgo) files of one directory, or one directory or
  // import path, as the go command takes them.
  std::vector<std::string> inputs;
  std::string output;
  bool verbose = false;   // -v: the packages compiled
  bool trace = false;     // -x: what is compiled, linked and cached
  bool allErrors = false; // -e: no limit of 10 errors
  int optLevel = 2;
  // -g: full debug info for debuggers (types, parameters, locals, the gdb
  // extension); -emit-llvm prints debug info only then (every object carries
  // the line tables tracebacks read, which would clutter the IR to be read).
  bool debug = false;
  // -race: the program instrumented with ThreadSanitizer and linked against
  // the race runtime (docs/runtime.md, Race detector).
  bool race = false;
  Emit emit = Emit::Executable;
  Dump dump = Dump::None;
  std::vector<std::string> runArgs;
  std::string goroot; // -goroot: where Go's library sources are
};

bool initTarget();
// Optimises at optLevel, then instruments every access for the race
// detector when race is set (at every level, as clang's -fsanitize=thread).
void optimizeModule(llvm::Module &module, int optLevel, bool race);
int writeIR(llvm::Module &module, const std::string &path);
int writeObject(llvm::Module &module, const std::string &path, bool assembly);
// Where libmgort.a (libmgort-race.a for -race) is: beside this mgoc, in lib/.
std::string runtimeLibraryPath(bool race);
// Links the packages' object files with libmgort into an executable.
int linkExecutable(const std::vector<std::string> &objects,
                   const std::string &output, bool race);
// Runs a program and returns its exit status (128+n when killed by signal n).
int runProgram(const std::string &exe, const std::vector<std::string> &args);

} // namespace mgo

#endif

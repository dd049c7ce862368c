// Linking with clang-19 against the runtime, and running programs for
// `mgoc run`.
#include "tools/Driver.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Program.h>
#include <llvm/Support/raw_ostream.h>

#include <csignal>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

using namespace llvm;

namespace mgo {
namespace {} // namespace

// Locates this executable so the runtime is found relative to it: bin/mgoc
// beside lib/libmgort.a, in the build tree as in an installed tree.
std::string runtimeLibraryPath(bool race) {
  static int anchor;
  std::string exe = sys::fs::getMainExecutable("mgoc", &anchor);
  SmallString<256> lib(sys::path::parent_path(sys::path::parent_path(exe)));
  sys::path::append(lib, "lib", race ? "libmgort-race.a" : "libmgort.a");
  return std::string(lib);
}

namespace {

std::string findClang() {
  if (auto p = sys::findProgramByName("clang-19"))
    return *p;
  return "/usr/lib/llvm-19/bin/clang";
}

} // namespace

int linkExecutable(const std::vector<std::string> &objects,
                   const std::string &output, bool race) {
  std::string runtime = runtimeLibraryPath(race);
  if (!sys::fs::exists(runtime)) {
    errs() << "mgoc: error: cannot find the runtime library " << runtime
           << "\n";
    return 1;
  }
  std::string clang = findClang();
  std::vector<std::string> argv = {clang, "-o", output};
  argv.insert(argv.end(), objects.begin(), objects.end());
  argv.push_back(runtime);
  // GNU ld, not lld: the program's functions are split-stack code and the
  // runtime's are not, and lld (as gold) rewrites every split function that
  // calls non-split code to run on a fresh 1 MiB segment first, which would
  // cost a segment per goroutine. The runtime keeps its own headroom instead
  // (kStackReserve, runtime/morestack.cpp).
  argv.push_back("-fuse-ld=bfd");
  // Static, as Go's binaries: a program maps no shared libraries (hello
  // world's peak RSS 3.4 -> 1.7 MiB), and no call goes through a lazily
  // bound PLT entry, whose resolver runs on the goroutine's stack and takes
  // ~1.6 KiB below sp there.
  // ThreadSanitizer's runtime intercepts libc (mmap, pthread_create, ...),
  // which needs a dynamically linked program: clang links it with
  // -fsanitize=thread.
  argv.push_back(race ? "-fsanitize=thread" : "-static");
  // Unreferenced sections go: the runtime's and libraries' functions a
  // program never calls, and package variables nothing reads, as Go's
  // linker drops them (hello world 2,634,512 -> 2,292,768 bytes). What is
  // found by name rather than referenced stays: mgo_typelinks and
  // mgo_userptr through their __start_/__stop_ symbols, .debug_gdb_scripts
  // and mgo_debug_layout as retained (SHF_GNU_RETAIN), and the DWARF,
  // which is not allocated.
  argv.push_back("-Wl,--gc-sections");
  for (const char *lib :
       {"-lgc", "-lboost_context", "-lstdc++", "-lm", "-lpthread"})
    argv.push_back(lib);
  std::vector<StringRef> refs(argv.begin(), argv.end());
  std::string err;
  int rc = sys::ExecuteAndWait(clang, refs, std::nullopt, {}, 0, 0, &err);
  if (rc != 0) {
    errs() << "mgoc: error: linking failed" << (err.empty() ? "" : ": " + err)
           << "\n";
    return 1;
  }
  return 0;
}

// posix_spawn rather than ExecuteAndWait: `mgoc run` reports a signal as the
// shell does (128+n), which needs the raw wait status.
int runProgram(const std::string &exe, const std::vector<std::string> &args) {
  std::vector<char *> argv;
  argv.push_back(const_cast<char *>(exe.c_str()));
  for (const std::string &a : args)
    argv.push_back(const_cast<char *>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid;
  if (int e = posix_spawn(&pid, exe.c_str(), nullptr, nullptr, argv.data(),
                          environ);
      e != 0) {
    errs() << "mgoc: error: cannot run " << exe << ": " << std::strerror(e)
           << "\n";
    return 1;
  }
  // The child gets the terminal's signals itself; the driver waits it out.
  std::signal(SIGINT, SIG_IGN);
  std::signal(SIGQUIT, SIG_IGN);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR)
      return 1;
  }
  if (WIFSIGNALED(status))
    return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

} // namespace mgo

// Program start-up: initialise the collector, remember the command line for
// os.Args, run package initialisers then main.main, and flush standard output
// before the process exits. init and main run as goroutine 1 on the
// scheduler (mgo_sched_run_main); returning ends the process whatever the
// other goroutines are doing.
#include "start.h"
#include "alloc.h"
#include "race.h"

#include "mgo/sched.h"

#include <unistd.h>

namespace {

mgo_int saved_argc;
char **saved_argv;
void (*saved_init)(void);
void (*saved_main)(void);

// Goroutine 1's body.
void run_init_and_main() {
  saved_init();
  saved_main();
}

} // namespace

std::span<char *const> mgo::command_line() {
  return {saved_argv, size_t(saved_argc)};
}

extern "C" mgo_int mgo_start(mgo_int argc, mgo_ptr argv, mgo_ptr init_fn,
                             mgo_ptr main_fn) {
  mgo::gc_init();
  saved_argc = argc;
  saved_argv = static_cast<char **>(argv);
  saved_init = reinterpret_cast<void (*)(void)>(init_fn);
  saved_main = reinterpret_cast<void (*)(void)>(main_fn);
  mgo_sched_run_main(run_init_and_main);
  mgo_exit(0);
}

// _exit, not exit: other goroutines may still be running, and static
// destructors must not pull the runtime out from under them.
extern "C" void mgo_exit(mgo_int code) {
  _exit(mgo::rt::race_fini(int(code)));
}

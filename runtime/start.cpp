// Program start-up: initialise the collector, remember the command line for
// os.Args, run package initialisers then main.main, and flush standard output
// before the process exits. When the scheduler lands, init and main run as
// goroutine 1 and this is where it is started.
#include "start.h"
#include "alloc.h"
#include "panic.h"

namespace {

mgo_int saved_argc;
char **saved_argv;

} // namespace

std::span<char *const> mgo::command_line() {
  return {saved_argv, size_t(saved_argc)};
}

extern "C" mgo_int mgo_start(mgo_int argc, mgo_ptr argv, mgo_ptr init_fn,
                             mgo_ptr main_fn) {
  mgo::gc_init();
  mgo::init_stdout();
  saved_argc = argc;
  saved_argv = static_cast<char **>(argv);
  reinterpret_cast<void (*)(void)>(init_fn)();
  reinterpret_cast<void (*)(void)>(main_fn)();
  mgo::flush_stdout();
  return 0;
}

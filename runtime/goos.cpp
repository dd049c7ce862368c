// The functions without a body of packages os and internal/poll, compiled
// from Go's sources: what gc's runtime provides them. mgoc has no network
// poller yet, so no descriptor is ever registered with one: runtime_pollOpen
// fails, which makes os and internal/poll use every descriptor in blocking
// mode, each read or write a Syscall that hands its P away while it blocks.
#include "alloc.h"
#include "sched.h"
#include "sema.h"
#include "start.h"
#include "strings.h"
#include "traceback.h"

#include "mgo/abi.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

extern "C" {

mgo_int mgo_runtime_nanotime(void) { return mgo_time_mono(); }

MgoString mgo_runtime_GOROOT(void) {
  const char *env = std::getenv("GOROOT");
  return mgo::make_string(env && *env ? env : MGO_DEFAULT_GOROOT);
}

void mgo_internal_poll_runtime_pollServerInit(void) {}

void mgo_internal_poll_runtime_pollOpen(mgo_int, MgoWords2 *out) {
  *out = MgoWords2{{0, EPERM}};
}

// Only a descriptor pollOpen registered has a context: none does.
[[noreturn]] static void no_poller(const char *what) { mgo::rt::fatal(what); }

void mgo_internal_poll_runtime_pollClose(mgo_int) {
  no_poller("runtime_pollClose without a network poller");
}
mgo_int mgo_internal_poll_runtime_pollWait(mgo_int, mgo_int) {
  no_poller("runtime_pollWait without a network poller");
}
void mgo_internal_poll_runtime_pollWaitCanceled(mgo_int, mgo_int) {
  no_poller("runtime_pollWaitCanceled without a network poller");
}
mgo_int mgo_internal_poll_runtime_pollReset(mgo_int, mgo_int) {
  no_poller("runtime_pollReset without a network poller");
}
void mgo_internal_poll_runtime_pollSetDeadline(mgo_int, mgo_int, mgo_int) {
  no_poller("runtime_pollSetDeadline without a network poller");
}
void mgo_internal_poll_runtime_pollUnblock(mgo_int) {
  no_poller("runtime_pollUnblock without a network poller");
}
mgo_bool mgo_internal_poll_runtime_isPollServerDescriptor(mgo_int) {
  return false;
}

void mgo_internal_poll_runtime_Semacquire(uint32_t *sema) {
  mgo::rt::semacquire(sema, false, "semacquire");
}
void mgo_internal_poll_runtime_Semrelease(uint32_t *sema) {
  mgo::rt::semrelease(sema, false);
}

void mgo_os_runtime_args(MgoSlice *out) {
  std::span<char *const> args = mgo::command_line();
  auto *v = static_cast<MgoString *>(
      mgo_alloc(mgo_int(args.size() * sizeof(MgoString))));
  for (size_t i = 0; i < args.size(); ++i) {
    size_t n = std::strlen(args[i]);
    auto *p = static_cast<uint8_t *>(mgo_alloc_noscan(mgo_int(n)));
    std::memcpy(p, args[i], n);
    v[i] = MgoString{p, mgo_int(n)};
  }
  *out = MgoSlice{v, mgo_int(args.size()), mgo_int(args.size())};
}

// A write to a closed pipe on standard output or error kills the program
// with SIGPIPE, as gc's os_sigpipe.
void mgo_os_sigpipe(void) { mgo::die_from_signal(SIGPIPE); }

// os.Exit's last word before the exit system call. gc's finishes the race
// detector's work, which mgo_exit does for every exit here (race.cpp);
// nothing is buffered (fmt writes through, fmt.cpp).
void mgo_os_runtime_beforeExit(void) {}

uint32_t mgo_os_fastrand(void) { return mgo::rt::fastrand(); }
}

// The goroutine runtime's C++ API, for the start-up code and for tests.
// Compiled code uses the C entry points of mgo/abi.def instead.
#ifndef MGO_SCHED_H
#define MGO_SCHED_H

#include "mgo/abi.h"

#include <cstddef>
#include <utility>

namespace mgo {

// Runs fn(arg) as the main goroutine on a scheduler with `procs` Ps (0: the
// GOMAXPROCS environment variable, else the CPUs this process may use; the
// setting stays for later calls), and returns when it returns. Goroutines
// still alive then are left as they are: the caller normally exits.
// Starts the scheduler on first use. Call from a thread that is not running
// a goroutine.
void run_main(void (*fn)(void *), void *arg, int procs = 0);

// How many initial stack segments the runtime has made so far. A goroutine
// takes one when it first runs and gives it back when it exits, so this
// counts the most goroutines that held a stack at once, not all created.
std::size_t stack_segments_made();

// Waits until no more than `n` goroutines are left. Acquires what the others
// did before they exited (goexit's release of the count).
inline void wait_goroutines_down_to(mgo_int n) {
  for (int polls = 0; mgo_num_goroutine() > n; polls++) {
    if (polls < 100)
      mgo_gosched();
    else
      mgo_sleep(50000); // let parked or sleeping ones finish without spinning
  }
}

// Convenience for tests: runs the callable f as the main goroutine, then
// waits for every goroutine started meanwhile to exit. A goroutine left
// running would otherwise write the caller's locals after they are gone
// (ThreadSanitizer reports it) and leak into the next run's scheduling.
// Goroutines an earlier run_main left behind (benchmarks) are not waited for.
template <class F> void run(int procs, F f) {
  run_main(
      [](void *p) {
        mgo_int before = mgo_num_goroutine();
        (*static_cast<F *>(p))();
        wait_goroutines_down_to(before);
      },
      &f, procs);
}

// Convenience for tests: go f(). The callable is copied to the C++ heap.
template <class F> void go(F f) {
  auto *copy = new F(std::move(f));
  mgo_go(reinterpret_cast<mgo_ptr>(+[](void *p) {
           auto *g = static_cast<F *>(p);
           (*g)();
           delete g;
         }),
         copy);
}

} // namespace mgo

extern "C" {
// mgo_start's hook: runs fn as goroutine 1 (GOMAXPROCS from the
// environment) and returns when it returns.
void mgo_sched_run_main(void (*fn)(void));
// The running goroutine's id, for panic messages (1 outside goroutines:
// a program without the scheduler runs everything as goroutine 1).
mgo_int mgo_current_goroutine_id(void);
}

#endif

// Whole-process behaviour, as Go: a panic in any goroutine names it, a
// stack overflow is reported, main's return ends the process at once, and a
// deadlock lists every goroutine with its wait reason.
#include "mgo/sched.h"

#include <gtest/gtest.h>

#include <cstdlib>

using ::testing::ExitedWithCode;

namespace {

void death_style() { GTEST_FLAG_SET(death_test_style, "threadsafe"); }

TEST(SchedDeath, PanicInGoroutineNamesIt) {
  death_style();
  EXPECT_EXIT(mgo::run(2,
                       [] {
                         mgo_ptr never = mgo_chan_make(0, 0);
                         mgo::go([] {
                           MgoAny v{nullptr, nullptr};
                           mgo_panic(&v);
                         });
                         mgo_chan_recv(never, nullptr);
                       }),
              ExitedWithCode(2), "\n\ngoroutine 2 \\[running\\]:\n");
}

[[gnu::noinline]] int recurse(int n) {
  volatile char frame[512];
  frame[0] = char(n);
  return n == 0 ? frame[0] : recurse(n - 1) + frame[0];
}

TEST(SchedDeath, StackOverflowIsReported) {
  death_style();
  EXPECT_EXIT(mgo::run(1, [] { recurse(1 << 30); }), ExitedWithCode(2),
              "fatal error: stack overflow\n");
}

// main returning ends the program even while goroutines run or block.
void busy_main() {
  for (int i = 0; i < 4; i++)
    mgo::go([] {
      for (;;)
        mgo_preempt_check();
    });
  mgo::go([] { mgo_chan_recv(mgo_chan_make(0, 0), nullptr); });
  mgo_gosched();
}

TEST(SchedDeath, MainReturnEndsTheProcess) {
  death_style();
  EXPECT_EXIT(
      {
        mgo_sched_run_main(busy_main);
        std::exit(0);
      },
      ExitedWithCode(0), "");
}

TEST(SchedDeath, DeadlockListsWaitReasons) {
  death_style();
  EXPECT_EXIT(mgo::run(2,
                       [] {
                         MgoMutex mu{};
                         mgo_mutex_lock(&mu);
                         mgo::go([&mu] { mgo_mutex_lock(&mu); });
                         mgo::go([] {
                           mgo_bool ok;
                           mgo_select(nullptr, 0, false, &ok);
                         });
                         mgo_chan_send(mgo_chan_make(8, 0), &mu);
                       }),
              ExitedWithCode(2),
              "^fatal error: all goroutines are asleep - deadlock!\n\n"
              "goroutine 1 \\[chan send\\]:\n\n"
              "goroutine 2 \\[semacquire\\]:\n\n"
              "goroutine 3 \\[select \\(no cases\\)\\]:\n$");
}

TEST(SchedDeath, NoDeadlockWhileATimerIsPending) {
  death_style();
  EXPECT_EXIT(
      {
        mgo::run(1, [] {
          mgo_ptr ch = mgo_chan_make(8, 0);
          mgo::go([ch] {
            mgo_sleep(20000000);
            mgo_int v = 1;
            mgo_chan_send(ch, &v);
          });
          mgo_int v;
          mgo_chan_recv(ch, &v);
        });
        std::exit(0);
      },
      ExitedWithCode(0), "");
}

} // namespace

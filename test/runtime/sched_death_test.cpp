// Whole-process behaviour, as Go: a panic in any goroutine names it, main's
// return ends the process at once, and a deadlock lists every goroutine with
// its wait reason. (Stack overflow: stack_test.cpp.)
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

// Every way to block, with the reason Go 1.19 prints for it (checked with
// go run): main first, then the others in the order they were created.
TEST(SchedDeath, DeadlockReportsGoWaitReasons) {
  death_style();
  EXPECT_EXIT(mgo::run(1,
                       [] {
                         static mgo_ptr unbuf = mgo_chan_make(8, 0);
                         static MgoMutex mu{};
                         static MgoWaitGroup wg{};
                         static MgoRWMutex rw{};
                         static MgoMutex cond_mu{};
                         static MgoCond cond{};
                         mgo_mutex_lock(&mu);
                         mgo_waitgroup_add(&wg, 1);
                         mgo_rwmutex_lock(&rw);
                         mgo::go([] { mgo_chan_send(unbuf, &mu); });
                         mgo::go([] { mgo_chan_recv(nullptr, nullptr); });
                         mgo::go([] { mgo_chan_send(nullptr, &mu); });
                         mgo::go([] {
                           mgo_int v;
                           MgoSelectCase cases[] = {
                               {unbuf, MGO_SELECT_SEND, &v},
                               {nullptr, MGO_SELECT_RECV, &v},
                           };
                           mgo_bool ok;
                           mgo_select(cases, 2, false, &ok);
                         });
                         mgo::go([] {
                           mgo_bool ok;
                           mgo_select(nullptr, 0, false, &ok);
                         });
                         mgo::go([] { mgo_mutex_lock(&mu); });
                         mgo::go([] { mgo_waitgroup_wait(&wg); });
                         mgo::go([] { mgo_rwmutex_rlock(&rw); });
                         mgo::go([] { mgo_rwmutex_lock(&rw); });
                         mgo::go([] {
                           mgo_mutex_lock(&cond_mu);
                           mgo_cond_wait(&cond, &cond_mu);
                         });
                         mgo_sleep(20000000); // all of them park first
                         mgo_chan_recv(mgo_chan_make(8, 0), nullptr);
                       }),
              ExitedWithCode(2),
              "^fatal error: all goroutines are asleep - deadlock!\n\n"
              "goroutine 1 \\[chan receive\\]:\n\n"
              "goroutine 2 \\[chan send\\]:\n\n"
              "goroutine 3 \\[chan receive \\(nil chan\\)\\]:\n\n"
              "goroutine 4 \\[chan send \\(nil chan\\)\\]:\n\n"
              "goroutine 5 \\[select\\]:\n\n"
              "goroutine 6 \\[select \\(no cases\\)\\]:\n\n"
              "goroutine 7 \\[semacquire\\]:\n\n"
              "goroutine 8 \\[semacquire\\]:\n\n"
              "goroutine 9 \\[semacquire\\]:\n\n"
              "goroutine 10 \\[semacquire\\]:\n\n"
              "goroutine 11 \\[sync.Cond.Wait\\]:\n$");
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

// sync: Mutex (counters, starvation fairness, the fatal misuse), RWMutex,
// WaitGroup, Once, Cond, and the atomics entry points.
#include "mgo/sched.h"

#include <gtest/gtest.h>

#include <atomic>

using ::testing::ExitedWithCode;

namespace {

class MutexCounter : public ::testing::TestWithParam<int> {};

TEST_P(MutexCounter, ExactCount) {
  constexpr int kWorkers = 8, kEach = 50000;
  long long counter = 0; // plain: the mutex is the only protection
  mgo::run(GetParam(), [&] {
    MgoMutex mu{};
    MgoWaitGroup wg{};
    mgo_waitgroup_add(&wg, kWorkers);
    for (int w = 0; w < kWorkers; w++)
      mgo::go([&] {
        for (int i = 0; i < kEach; i++) {
          mgo_mutex_lock(&mu);
          counter++;
          if (i % 1000 == 0)
            mgo_gosched(); // yield while holding it: others must park
          mgo_mutex_unlock(&mu);
        }
        mgo_waitgroup_done(&wg);
      });
    mgo_waitgroup_wait(&wg);
    EXPECT_EQ(mu.state, 0);
  });
  EXPECT_EQ(counter, 1LL * kWorkers * kEach);
}

INSTANTIATE_TEST_SUITE_P(Gomaxprocs, MutexCounter,
                         ::testing::Values(1, 2, 4, 8));

TEST(Mutex, TryLock) {
  mgo::run(1, [] {
    MgoMutex mu{};
    EXPECT_TRUE(mgo_mutex_trylock(&mu));
    EXPECT_FALSE(mgo_mutex_trylock(&mu));
    mgo_mutex_unlock(&mu);
    EXPECT_TRUE(mgo_mutex_trylock(&mu));
    mgo_mutex_unlock(&mu);
  });
}

// How long ten contended Lock calls may take: starvation mode bounds each
// wait near 1 ms, but ThreadSanitizer on a loaded 2-CPU machine took 1.07 s
// once; a starved waiter would not get through at all.
#if defined(__SANITIZE_THREAD__)
constexpr mgo_int kTenLocksLimit = 5000000000;
#else
constexpr mgo_int kTenLocksLimit = 200000000;
#endif

TEST(Mutex, NoWaiterStarves) {
  // One goroutine re-locks in a tight loop; another waits for the lock
  // once. Starvation mode (after 1 ms) must get it through quickly.
  mgo::run(2, [] {
    MgoMutex mu{};
    std::atomic<bool> stop{false};
    MgoWaitGroup wg{};
    mgo_waitgroup_add(&wg, 1);
    mgo::go([&] {
      while (!stop.load()) {
        mgo_mutex_lock(&mu);
        for (int i = 0; i < 100; i++)
          asm volatile(""); // hold the lock a little while
        mgo_mutex_unlock(&mu);
      }
      mgo_waitgroup_done(&wg);
    });
    mgo_sleep(1000000);
    mgo_int t0 = mgo_time_mono();
    for (int i = 0; i < 10; i++) {
      mgo_mutex_lock(&mu);
      mgo_mutex_unlock(&mu);
    }
    EXPECT_LT(mgo_time_mono() - t0, kTenLocksLimit);
    stop.store(true);
    mgo_waitgroup_wait(&wg);
  });
}

TEST(RWMutex, ReadersShareWritersExclude) {
  mgo::run(2, [] {
    MgoRWMutex rw{};
    std::atomic<int> readers{0};
    long long value = 0;
    MgoWaitGroup wg{};
    constexpr int kReaders = 8, kWriters = 4, kIters = 2000;
    mgo_waitgroup_add(&wg, kReaders + kWriters);
    for (int r = 0; r < kReaders; r++)
      mgo::go([&] {
        for (int i = 0; i < kIters; i++) {
          mgo_rwmutex_rlock(&rw);
          readers.fetch_add(1);
          long long v = value;
          if (i % 100 == 0)
            mgo_gosched();
          EXPECT_EQ(v, value); // no writer inside
          readers.fetch_sub(1);
          mgo_rwmutex_runlock(&rw);
        }
        mgo_waitgroup_done(&wg);
      });
    for (int w = 0; w < kWriters; w++)
      mgo::go([&] {
        for (int i = 0; i < kIters; i++) {
          mgo_rwmutex_lock(&rw);
          EXPECT_EQ(readers.load(), 0);
          value++;
          mgo_rwmutex_unlock(&rw);
        }
        mgo_waitgroup_done(&wg);
      });
    mgo_waitgroup_wait(&wg);
    EXPECT_EQ(value, kWriters * kIters);
  });
}

TEST(RWMutex, SecondReaderEntersWhileFirstHoldsIt) {
  mgo::run(1, [] {
    MgoRWMutex rw{};
    std::atomic<bool> inside{false};
    mgo_rwmutex_rlock(&rw);
    mgo::go([&] {
      mgo_rwmutex_rlock(&rw);
      inside.store(true);
      mgo_rwmutex_runlock(&rw);
    });
    while (!inside.load())
      mgo_gosched();
    mgo_rwmutex_runlock(&rw);
    // And a writer gets it once both are gone.
    mgo_rwmutex_lock(&rw);
    mgo_rwmutex_unlock(&rw);
  });
}

TEST(WaitGroup, WaitsForAllAndIsReusable) {
  mgo::run(2, [] {
    MgoWaitGroup wg{};
    mgo_waitgroup_wait(&wg); // zero: returns at once
    for (int round = 0; round < 3; round++) {
      std::atomic<int> done{0};
      mgo_waitgroup_add(&wg, 100);
      for (int i = 0; i < 100; i++)
        mgo::go([&] {
          done.fetch_add(1);
          mgo_waitgroup_done(&wg);
        });
      // Several waiters at once.
      MgoWaitGroup waiters{};
      mgo_waitgroup_add(&waiters, 3);
      for (int i = 0; i < 3; i++)
        mgo::go([&] {
          mgo_waitgroup_wait(&wg);
          EXPECT_EQ(done.load(), 100);
          mgo_waitgroup_done(&waiters);
        });
      mgo_waitgroup_wait(&wg);
      EXPECT_EQ(done.load(), 100);
      mgo_waitgroup_wait(&waiters);
    }
  });
}

TEST(Once, RunsExactlyOnce) {
  mgo::run(4, [] {
    MgoOnce once{};
    std::atomic<int> runs{0};
    MgoWaitGroup wg{};
    mgo_waitgroup_add(&wg, 50);
    for (int i = 0; i < 50; i++)
      mgo::go([&] {
        if (mgo_once_begin(&once)) {
          mgo_sleep(1000000); // the others must wait for it to finish
          runs.fetch_add(1);
          mgo_once_end(&once);
        }
        EXPECT_EQ(runs.load(), 1);
        mgo_waitgroup_done(&wg);
      });
    mgo_waitgroup_wait(&wg);
    EXPECT_EQ(runs.load(), 1);
  });
}

TEST(Cond, SignalAndBroadcast) {
  mgo::run(2, [] {
    MgoMutex mu{};
    MgoCond cond{};
    int ready = 0, woken = 0;
    bool go_ahead = false;
    MgoWaitGroup wg{};
    constexpr int kWaiters = 10;
    mgo_waitgroup_add(&wg, kWaiters);
    for (int i = 0; i < kWaiters; i++)
      mgo::go([&] {
        mgo_mutex_lock(&mu);
        ready++;
        while (!go_ahead)
          mgo_cond_wait(&cond, &mu);
        woken++;
        mgo_mutex_unlock(&mu);
        mgo_waitgroup_done(&wg);
      });
    for (;;) {
      mgo_mutex_lock(&mu);
      int r = ready;
      mgo_mutex_unlock(&mu);
      if (r == kWaiters)
        break;
      mgo_gosched();
    }
    // Signal without the condition: one waiter wakes and waits again.
    mgo_cond_signal(&cond);
    mgo_mutex_lock(&mu);
    go_ahead = true;
    mgo_cond_broadcast(&cond);
    mgo_mutex_unlock(&mu);
    mgo_waitgroup_wait(&wg);
    EXPECT_EQ(woken, kWaiters);
  });
}

TEST(Cond, SignalWakesOneAtATime) {
  mgo::run(1, [] {
    MgoMutex mu{};
    MgoCond cond{};
    int tokens = 0, consumed = 0;
    MgoWaitGroup wg{};
    mgo_waitgroup_add(&wg, 5);
    for (int i = 0; i < 5; i++)
      mgo::go([&] {
        mgo_mutex_lock(&mu);
        while (tokens == 0)
          mgo_cond_wait(&cond, &mu);
        tokens--;
        consumed++;
        mgo_mutex_unlock(&mu);
        mgo_waitgroup_done(&wg);
      });
    for (int i = 0; i < 5; i++) {
      mgo_sleep(200000);
      mgo_mutex_lock(&mu);
      tokens++;
      mgo_cond_signal(&cond);
      mgo_mutex_unlock(&mu);
    }
    mgo_waitgroup_wait(&wg);
    EXPECT_EQ(consumed, 5);
  });
}

TEST(Atomic, Operations) {
  int32_t i32 = 0;
  int64_t i64 = 0;
  EXPECT_EQ(mgo_atomic_add32(&i32, 5), 5);
  EXPECT_EQ(mgo_atomic_add32(&i32, -7), -2);
  EXPECT_EQ(mgo_atomic_load32(&i32), -2);
  EXPECT_EQ(mgo_atomic_add64(&i64, 1LL << 40), 1LL << 40);
  mgo_atomic_store32(&i32, 9);
  mgo_atomic_store64(&i64, -3);
  EXPECT_EQ(mgo_atomic_load64(&i64), -3);
  EXPECT_EQ(mgo_atomic_swap32(&i32, 4), 9);
  EXPECT_EQ(mgo_atomic_swap64(&i64, 8), -3);
  EXPECT_TRUE(mgo_atomic_cas32(&i32, 4, 6));
  EXPECT_FALSE(mgo_atomic_cas32(&i32, 4, 7));
  EXPECT_TRUE(mgo_atomic_cas64(&i64, 8, 10));
  EXPECT_EQ(i32, 6);
  EXPECT_EQ(i64, 10);
  mgo::run(2, [] {
    int64_t n = 0;
    MgoWaitGroup wg{};
    mgo_waitgroup_add(&wg, 4);
    for (int w = 0; w < 4; w++)
      mgo::go([&] {
        for (int i = 0; i < 10000; i++)
          mgo_atomic_add64(&n, 1);
        mgo_waitgroup_done(&wg);
      });
    mgo_waitgroup_wait(&wg);
    EXPECT_EQ(n, 40000);
  });
}

void death_style() { GTEST_FLAG_SET(death_test_style, "threadsafe"); }

TEST(SyncDeath, UnlockOfUnlockedMutex) {
  death_style();
  EXPECT_EXIT(mgo::run(1,
                       [] {
                         MgoMutex mu{};
                         mgo_mutex_unlock(&mu);
                       }),
              ExitedWithCode(2),
              "^fatal error: sync: unlock of unlocked mutex\n");
}

TEST(SyncDeath, NegativeWaitGroupCounter) {
  death_style();
  EXPECT_EXIT(mgo::run(1,
                       [] {
                         MgoWaitGroup wg{};
                         mgo_waitgroup_done(&wg);
                       }),
              ExitedWithCode(2), "^panic: sync: negative WaitGroup counter\n");
}

TEST(SyncDeath, WaitGroupDeadlock) {
  death_style();
  EXPECT_EXIT(mgo::run(1,
                       [] {
                         MgoWaitGroup wg{};
                         mgo_waitgroup_add(&wg, 1);
                         mgo_waitgroup_wait(&wg);
                       }),
              ExitedWithCode(2),
              "^fatal error: all goroutines are asleep - deadlock!\n\n"
              "goroutine 1 \\[semacquire\\]:\n");
}

TEST(SyncDeath, MutexDeadlock) {
  death_style();
  EXPECT_EXIT(mgo::run(2,
                       [] {
                         MgoMutex mu{};
                         mgo_mutex_lock(&mu);
                         mgo_mutex_lock(&mu);
                       }),
              ExitedWithCode(2),
              "all goroutines are asleep - deadlock!\n\n"
              "goroutine 1 \\[semacquire\\]:\n");
}

} // namespace

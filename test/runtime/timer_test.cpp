// Timers: Sleep, After/NewTimer, Stop/Reset, tickers, AfterFunc, the clocks,
// ordering, and that sleeping costs no CPU.
#include "mgo/sched.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <ctime>
#include <vector>

namespace {

constexpr mgo_int kMs = 1000000;
// How late a wake-up may be: other processes may keep this machine's 2 CPUs
// busy, and ThreadSanitizer slows everything down.
#if defined(__SANITIZE_THREAD__)
constexpr mgo_int kSlack = 200 * kMs;
#else
constexpr mgo_int kSlack = 20 * kMs;
#endif

TEST(Timer, SleepLastsAboutAsAsked) {
  mgo::run(2, [] {
    for (mgo_int d : {1 * kMs, 5 * kMs, 20 * kMs}) {
      mgo_int t0 = mgo_time_mono();
      mgo_sleep(d);
      mgo_int took = mgo_time_mono() - t0;
      EXPECT_GE(took, d);
      EXPECT_LT(took, d + kSlack) << "slept " << took << " for " << d;
    }
    mgo_int t0 = mgo_time_mono();
    mgo_sleep(0);
    mgo_sleep(-5);
    EXPECT_LT(mgo_time_mono() - t0, kMs);
  });
}

TEST(Timer, SleepersWakeInDeadlineOrder) {
  for (int procs : {1, 2}) {
    std::vector<int> order;
    mgo_int latest = 0; // worst lateness seen
    mgo::run(procs, [&] {
      mgo_ptr ch = mgo_chan_make(sizeof(mgo_int), 0);
      // Deadlines from a common base well ahead, whatever spawning costs.
      mgo_int start = mgo_time_mono() + 50 * kMs;
      for (int i : {5, 1, 4, 2, 3})
        mgo::go([ch, i, start] {
          mgo_int deadline = start + i * 10 * kMs;
          mgo_sleep(deadline - mgo_time_mono());
          mgo_int late = mgo_time_mono() - deadline;
          EXPECT_GE(late, 0);
          mgo_int v = i * 1000000000000LL + late;
          mgo_chan_send(ch, &v);
        });
      for (int k = 0; k < 5; k++) {
        mgo_int v;
        mgo_chan_recv(ch, &v);
        order.push_back(int(v / 1000000000000LL));
        latest = std::max<mgo_int>(latest, v % 1000000000000LL);
      }
    });
    // Order is only meaningful if the OS let us run within the 10 ms gaps
    // (this 2-CPU machine is shared with builds).
    if (latest < 8 * kMs) {
      EXPECT_EQ(order, (std::vector<int>{1, 2, 3, 4, 5})) << "procs " << procs;
    }
  }
}

TEST(Timer, AfterDeliversTheTime) {
  mgo::run(1, [] {
    mgo_int t0 = mgo_time_mono();
    mgo_ptr t = mgo_timer_new(2 * kMs, false);
    mgo_ptr c = *static_cast<mgo_ptr *>(t); // C is the first word
    MgoTime tm{};
    EXPECT_TRUE(mgo_chan_recv(c, &tm));
    // Go's encoding (abi.h): no time.Local and startNano registered here,
    // so ext is the runtime's monotonic reading itself.
    EXPECT_GE(tm.ext - t0, 2 * kMs);
    EXPECT_TRUE(tm.wall >> 63); // hasMonotonic
    EXPECT_GT((tm.wall << 1) >> 31, uint64_t(135) * 365 * 86400); // > 2020
    EXPECT_EQ(mgo_chan_cap(c), 1);
    EXPECT_FALSE(mgo_timer_stop(t)); // already fired
  });
}

TEST(Timer, StopPreventsFiringAndResetRearms) {
  mgo::run(1, [] {
    mgo_ptr t = mgo_timer_new(2 * kMs, false);
    mgo_ptr c = *static_cast<mgo_ptr *>(t);
    EXPECT_TRUE(mgo_timer_stop(t));
    mgo_sleep(5 * kMs);
    MgoTime tm;
    EXPECT_EQ(mgo_chan_try_recv(c, &tm), -1);
    EXPECT_FALSE(mgo_timer_reset(t, 1 * kMs, false));
    EXPECT_TRUE(mgo_chan_recv(c, &tm));
    // Reset while pending reports true and moves the deadline.
    EXPECT_FALSE(mgo_timer_reset(t, 50 * kMs, false));
    EXPECT_TRUE(mgo_timer_reset(t, 1 * kMs, false));
    mgo_int t0 = mgo_time_mono();
    EXPECT_TRUE(mgo_chan_recv(c, &tm));
    EXPECT_LT(mgo_time_mono() - t0, kSlack);
  });
}

TEST(Timer, TickerTicksUntilStopped) {
  mgo::run(2, [] {
    // The clock is read first: the ticks count from the ticker's creation.
    mgo_int t0 = mgo_time_mono();
    mgo_ptr t = mgo_timer_new(2 * kMs, true);
    mgo_ptr c = *static_cast<mgo_ptr *>(t);
    MgoTime tm, prev{};
    for (int i = 1; i <= 5; i++) {
      EXPECT_TRUE(mgo_chan_recv(c, &tm));
      EXPECT_GT(tm.ext, prev.ext);
      prev = tm;
    }
    EXPECT_GE(mgo_time_mono() - t0, 10 * kMs);
    EXPECT_TRUE(mgo_timer_stop(t));
    mgo_sleep(6 * kMs);
    mgo_chan_try_recv(c, &tm); // at most one tick was buffered
    EXPECT_EQ(mgo_chan_try_recv(c, &tm), -1);
  });
}

TEST(Timer, AfterFuncRunsInAGoroutine) {
  static std::atomic<mgo_int> ran_as{0};
  mgo::run(1, [] {
    mgo_ptr t =
        mgo_timer_after_func(1 * kMs, reinterpret_cast<mgo_ptr>(+[](void *) {
                               ran_as.store(mgo_current_goroutine_id());
                             }),
                             nullptr);
    EXPECT_EQ(*static_cast<mgo_ptr *>(t), nullptr);
    while (ran_as.load() == 0)
      mgo_sleep(kMs);
    EXPECT_NE(ran_as.load(), mgo_current_goroutine_id());
  });
}

TEST(Timer, ManySleepersNeverWakeEarly) {
  // 2,000 goroutines sleeping scattered durations through one heap.
  constexpr int kN = 2000;
  std::vector<mgo_int> deadline(kN), woke(kN);
  mgo::run(2, [&] {
    MgoWaitGroup wg{};
    mgo_waitgroup_add(&wg, kN);
    mgo_int start = mgo_time_mono();
    for (int i = 0; i < kN; i++) {
      mgo_int d = (i * 7919 % 97) * 100000; // 0..9.6 ms
      deadline[i] = start + d;
      mgo::go([&, i, d] {
        mgo_sleep(d);
        woke[i] = mgo_time_mono();
        mgo_waitgroup_done(&wg);
      });
    }
    mgo_waitgroup_wait(&wg);
  });
  for (int i = 0; i < kN; i++)
    EXPECT_GE(woke[i], deadline[i]) << i;
}

TEST(Timer, SleepingProgramUsesNoCpu) {
  mgo::run(2, [] {
    timespec a, b;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
    mgo_sleep(100 * kMs);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
    double cpu = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
    EXPECT_LT(cpu, 0.02) << "CPU seconds used while sleeping 0.1 s";
  });
}

TEST(Timer, SinceMeasuresMonotonicTime) {
  mgo::run(1, [] {
    mgo_int t0 = mgo_time_mono();
    mgo_sleep(3 * kMs);
    EXPECT_GE(mgo_time_mono() - t0, 3 * kMs);
  });
}

} // namespace

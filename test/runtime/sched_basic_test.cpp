// The scheduler through its C++ API: goroutines run, yield, run in parallel,
// are preempted at polls, and GOMAXPROCS, NumGoroutine and NumCPU behave as
// Go's runtime package.
#include "mgo/abi.h"
#include "mgo/sched.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>

namespace {

TEST(SchedBasic, MainRunsAndReturns) {
  bool ran = false;
  mgo::run(1, [&] { ran = true; });
  EXPECT_TRUE(ran);
}

TEST(SchedBasic, GoroutinesRunBeforeMainWaitsOut) {
  for (int procs : {1, 2, 4}) {
    std::atomic<int> n{0};
    mgo::run(procs, [&] {
      for (int i = 0; i < 100; i++)
        mgo::go([&] { n.fetch_add(1); });
      while (n.load() < 100)
        mgo_gosched();
    });
    EXPECT_EQ(n.load(), 100) << "procs " << procs;
  }
}

TEST(SchedBasic, GoschedInterleavesAtOneProc) {
  std::atomic<int> turns{0};
  int seen_other = 0;
  mgo::run(1, [&] {
    mgo::go([&] {
      for (int i = 0; i < 10; i++) {
        turns.fetch_add(1);
        mgo_gosched();
      }
    });
    for (int i = 0; i < 10; i++) {
      int before = turns.load();
      mgo_gosched();
      if (turns.load() != before)
        seen_other++;
    }
  });
  EXPECT_GE(seen_other, 9);
}

TEST(SchedBasic, RunsInParallelOnTwoProcs) {
  // Two goroutines that each wait for the other to have started: only
  // possible if both run at once (neither yields).
  std::atomic<int> started{0};
  std::atomic<bool> done{false};
  mgo::run(2, [&] {
    mgo::go([&] {
      started.fetch_add(1);
      while (started.load() < 2)
        ;
      done.store(true);
    });
    started.fetch_add(1);
    while (started.load() < 2)
      ;
    while (!done.load())
      ;
  });
  EXPECT_TRUE(done.load());
}

TEST(SchedBasic, PreemptionPollLetsOthersRun) {
  // At GOMAXPROCS 1 a loop that never blocks but polls must still let the
  // other goroutine run: sysmon flags it after 10 ms.
  std::atomic<bool> other_ran{false};
  mgo::run(1, [&] {
    mgo::go([&] { other_ran.store(true); });
    while (!other_ran.load())
      mgo_preempt_check();
  });
  EXPECT_TRUE(other_ran.load());
}

TEST(SchedBasic, PCutOffByGomaxprocsIsStillPreempted) {
  // Main and a peer run at once, one on each P; then main shrinks GOMAXPROCS
  // to 1 and polls until a goroutine it starts has run. When main is on the
  // P cut off, only preemption moves it to the P that stays (sysmon must not
  // sleep while that P runs). Which P main gets is chance: several rounds.
  for (int round = 0; round < 6; round++) {
    std::atomic<int> started{0};
    std::atomic<bool> other_ran{false};
    mgo::run(2, [&] {
      mgo::go([&] {
        started.fetch_add(1);
        while (started.load() < 2)
          ;
      });
      started.fetch_add(1);
      while (started.load() < 2)
        ;
      mgo_gomaxprocs(1);
      mgo::go([&] { other_ran.store(true); });
      while (!other_ran.load())
        mgo_preempt_check();
    });
    EXPECT_TRUE(other_ran.load());
  }
}

TEST(SchedBasic, GomaxprocsSetAndGet) {
  mgo::run(2, [] {
    EXPECT_EQ(mgo_gomaxprocs(0), 2);
    EXPECT_EQ(mgo_gomaxprocs(3), 2);
    EXPECT_EQ(mgo_gomaxprocs(-1), 3);
    EXPECT_EQ(mgo_gomaxprocs(1), 3);
    // Still schedules after shrinking.
    std::atomic<int> n{0};
    for (int i = 0; i < 50; i++)
      mgo::go([&] { n.fetch_add(1); });
    while (n.load() < 50)
      mgo_gosched();
    EXPECT_EQ(mgo_gomaxprocs(4), 1);
    n.store(0);
    for (int i = 0; i < 50; i++)
      mgo::go([&] { n.fetch_add(1); });
    while (n.load() < 50)
      mgo_gosched();
  });
}

TEST(SchedBasic, NumCPUAndNumGoroutine) {
  EXPECT_GE(mgo_num_cpu(), 1);
  mgo::run(2, [] {
    mgo_int base = mgo_num_goroutine();
    EXPECT_GE(base, 1);
    std::atomic<bool> stop{false};
    std::atomic<int> live{0};
    for (int i = 0; i < 10; i++)
      mgo::go([&] {
        live.fetch_add(1);
        while (!stop.load())
          mgo_gosched();
        live.fetch_sub(1);
      });
    while (live.load() < 10)
      mgo_gosched();
    EXPECT_EQ(mgo_num_goroutine(), base + 10);
    stop.store(true);
    while (mgo_num_goroutine() != base)
      mgo_gosched();
  });
}

TEST(SchedBasic, ManyGoroutinesReuseStacks) {
  std::atomic<long> sum{0};
  mgo::run(2, [&] {
    for (int round = 0; round < 20; round++) {
      std::atomic<int> left{1000};
      for (int i = 0; i < 1000; i++)
        mgo::go([&, i] {
          sum.fetch_add(i);
          left.fetch_sub(1);
        });
      while (left.load() > 0)
        mgo_gosched();
    }
  });
  EXPECT_EQ(sum.load(), 20L * 999 * 1000 / 2);
}

TEST(SchedBasic, GoroutineIdsAreDistinct) {
  mgo::run(1, [] {
    mgo_int mine = mgo_current_goroutine_id();
    std::atomic<mgo_int> other{0};
    mgo::go([&] { other.store(mgo_current_goroutine_id()); });
    while (other.load() == 0)
      mgo_gosched();
    EXPECT_NE(mine, other.load());
    EXPECT_GT(other.load(), mine);
  });
}

// runtime.Stack(buf, true) stops the world and lets it go on: a goroutine
// runs after it, and no M keeps the preemption request it was sent (an idle
// one would keep every back-edge's poll calling into the runtime).
TEST(SchedBasic, StackOfAllGoroutinesLetsTheWorldGoOn) {
  mgo::run(2, [] {
    // A second M, idle once this goroutine is done.
    std::atomic<int> started{0};
    mgo::go([&] {
      started.fetch_add(1);
      while (started.load() < 2)
        ;
    });
    started.fetch_add(1);
    while (started.load() < 2)
      ;
    std::atomic<bool> ran{false};
    MgoString all = mgo_runtime_stack(true);
    EXPECT_GT(all.len, 0);
    EXPECT_EQ(std::atomic_ref<uint32_t>(mgo_preempt_pending).load(), 0u);
    mgo::go([&] { ran.store(true); });
    while (!ran.load())
      mgo_gosched();
  });
}

} // namespace

// Growing goroutine stacks. This file is compiled with -fsplit-stack (see
// test/CMakeLists.txt), as mgoc compiles programs: its functions grow the
// stack in segments, the runtime's own do not.
#include "mgo/sched.h"

#include <gtest/gtest.h>

#define GC_THREADS
#include <gc/gc.h>

#include <atomic>
#include <cstdlib>

using ::testing::ExitedWithCode;

namespace {

// 64-byte frames that cannot be merged into a loop.
[[gnu::noinline]] mgo_int depth(mgo_int n) {
  volatile mgo_int pad[4] = {n, 0, 0, 0};
  return n == 0 ? 0 : depth(n - 1) + 1 + pad[1];
}

TEST(Stack, DeepRecursionGrowsTheStack) {
  mgo_int got = 0;
  mgo::run(1, [&] { got = depth(1000000); });
  EXPECT_EQ(got, 1000000);
}

TEST(Stack, DeepRecursionInManyGoroutines) {
  std::atomic<mgo_int> total{0};
  mgo::run(2, [&] {
    MgoWaitGroup wg{};
    mgo_waitgroup_add(&wg, 8);
    for (int i = 0; i < 8; i++)
      mgo::go([&] {
        // Twice, so the second dive reuses the segment kept from the first.
        total.fetch_add(depth(100000) + depth(100000));
        mgo_waitgroup_done(&wg);
      });
    mgo_waitgroup_wait(&wg);
  });
  EXPECT_EQ(total.load(), 8 * 200000);
}

struct Node {
  Node *next;
  mgo_int value;
};

// Each frame holds the only pointer to its node, on one segment or another,
// while collections run at the bottom.
[[gnu::noinline]] mgo_int hold(mgo_int n) {
  if (n == 0) {
    for (int i = 0; i < 3; i++) {
      GC_gcollect();
      // Reuses whatever the collector wrongly freed.
      for (int j = 0; j < 100000; j++)
        static_cast<Node *>(mgo_alloc(sizeof(Node)))->value = -1;
    }
    return 0;
  }
  auto *x = static_cast<Node *>(mgo_alloc(sizeof(Node)));
  x->value = n;
  mgo_int below = hold(n - 1);
  return below + x->value;
}

TEST(Stack, AGoroutineTakesItsStackWhenItFirstRuns) {
  constexpr int kSpawned = 1000;
  mgo::run(1, [] {
    size_t before = mgo::stack_segments_made();
    std::atomic<int> done{0};
    for (int i = 0; i < kSpawned; i++)
      mgo::go([&] { done.fetch_add(1); });
    // One P, and main has not yielded: none has run, none holds a stack.
    EXPECT_EQ(mgo::stack_segments_made(), before);
    while (done.load() < kSpawned)
      mgo_gosched();
    // Each ran to its end on a stack the one before it gave back.
    EXPECT_LT(mgo::stack_segments_made() - before, 10u);
  });
}

TEST(Stack, CollectorScansEverySegment) {
  constexpr mgo_int kDepth = 100000;
  mgo_int got = 0;
  mgo::run(2, [&] {
    mgo_ptr done = mgo_chan_make(sizeof(mgo_int), 0);
    mgo::go([done] {
      mgo_int r = hold(kDepth);
      mgo_chan_send(done, &r);
    });
    mgo_chan_recv(done, &got);
  });
  EXPECT_EQ(got, kDepth * (kDepth + 1) / 2);
}

[[gnu::noinline]] mgo_int dive_and_throw(mgo_int n) {
  volatile mgo_int pad[4] = {n, 0, 0, 0};
  if (n == 0)
    throw n;
  return dive_and_throw(n - 1) + pad[1];
}

// Panics are C++ exceptions: unwinding crosses segment boundaries through
// __morestack's cleanup, which makes the caught frame's segment current.
TEST(Stack, ExceptionsUnwindAcrossSegments) {
  int caught = 0;
  mgo_int after = 0;
  mgo::run(1, [&] {
    for (int i = 0; i < 3; i++) {
      try {
        dive_and_throw(100000);
      } catch (mgo_int) {
        caught++;
      }
    }
    after = depth(100000);
  });
  EXPECT_EQ(caught, 3);
  EXPECT_EQ(after, 100000);
}

TEST(Stack, OverflowPastTheLimitIsReported) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        setenv("MGO_MAX_STACK", "16000000", 1);
        mgo::run(1, [] { depth(mgo_int(1) << 40); });
      },
      ExitedWithCode(2),
      "runtime: goroutine stack exceeds 16000000-byte limit\n"
      "runtime: sp=0x[0-9a-f]+ stack=\\[0x[0-9a-f]+, 0x[0-9a-f]+\\]\n"
      "fatal error: stack overflow\n");
}

} // namespace

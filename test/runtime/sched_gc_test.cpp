// The collector sees goroutine stacks: objects reachable only from parked
// or running goroutines survive collections triggered from other goroutines.
#include "mgo/sched.h"

#include "../../runtime/sched.h"

#include <gtest/gtest.h>

#define GC_THREADS
#include <gc/gc.h>

#include <atomic>
#include <string_view>

namespace {

struct Node {
  Node *next;
  mgo_int value;
};

Node *make_list(int n) {
  Node *head = nullptr;
  for (int i = 0; i < n; i++) {
    auto *x = static_cast<Node *>(mgo_alloc(sizeof(Node)));
    x->next = head;
    x->value = i;
    head = x;
  }
  return head;
}

mgo_int sum_list(Node *n) {
  mgo_int s = 0;
  for (; n; n = n->next)
    s += n->value;
  return s;
}

TEST(SchedGC, ParkedGoroutineStacksAreRoots) {
  constexpr int kGoroutines = 50, kLen = 2000;
  std::atomic<int> bad{0};
  mgo::run(2, [&] {
    mgo_ptr start = mgo_chan_make(0, 0);
    MgoWaitGroup wg{};
    mgo_waitgroup_add(&wg, kGoroutines);
    for (int g = 0; g < kGoroutines; g++)
      mgo::go([&, start] {
        Node *list = make_list(kLen); // only this stack points to it
        mgo_chan_recv(start, nullptr);
        if (sum_list(list) != mgo_int(kLen) * (kLen - 1) / 2)
          bad.fetch_add(1);
        mgo_waitgroup_done(&wg);
      });
    // Churn the heap and collect while they are parked.
    for (int i = 0; i < 20; i++) {
      make_list(20000);
      GC_gcollect();
    }
    mgo_chan_close(start);
    mgo_waitgroup_wait(&wg);
  });
  EXPECT_EQ(bad.load(), 0);
}

TEST(SchedGC, ChannelBuffersAndRunningGoroutinesKeepObjects) {
  std::atomic<int> bad{0};
  mgo::run(2, [&] {
    mgo_ptr ch = mgo_chan_make(sizeof(Node *), 64);
    for (int i = 0; i < 64; i++) {
      Node *l = make_list(100);
      mgo_chan_send(ch, &l);
    }
    MgoWaitGroup wg{};
    mgo_waitgroup_add(&wg, 2);
    for (int w = 0; w < 2; w++)
      mgo::go([&] {
        for (int i = 0; i < 200; i++) {
          Node *l = make_list(500);
          if (i % 20 == 0)
            GC_gcollect();
          mgo_gosched();
          if (sum_list(l) != 500 * 499 / 2)
            bad.fetch_add(1);
        }
        mgo_waitgroup_done(&wg);
      });
    mgo_waitgroup_wait(&wg);
    for (int i = 0; i < 64; i++) {
      Node *l;
      mgo_chan_recv(ch, &l);
      if (sum_list(l) != 100 * 99 / 2)
        bad.fetch_add(1);
    }
  });
  EXPECT_EQ(bad.load(), 0);
}

// gc's header shows the whole minutes a goroutine has waited since a
// collection first found it parked, and nothing before one has; a minute
// is not waited here: the stamp is moved back instead.
TEST(SchedGC, TracebackHeaderShowsMinutesWaitedSinceACollection) {
  if (MGO_TSAN || MGO_ASAN)
    GTEST_SKIP() << "the stamp is a collection's: none run under TSan or ASan";
  mgo::run(2, [] {
    mgo_ptr ch = mgo_chan_make(0, 0);
    mgo::go([ch] { mgo_chan_recv(ch, nullptr); });
    mgo::rt::G *parked = nullptr;
    while (!parked) {
      mgo_gosched();
      for (size_t i = 0; i < mgo::rt::allg_count(); i++) {
        mgo::rt::G *g = mgo::rt::allg_at(i);
        if (g->status.load() == mgo::rt::Gwaiting &&
            std::string_view(g->waitreason) == "chan receive")
          parked = g;
      }
    }
    auto stack = [] {
      MgoString s = mgo_runtime_stack(true);
      return std::string(reinterpret_cast<const char *>(s.ptr), s.len);
    };
    std::string id = "goroutine " + std::to_string(parked->goid);
    EXPECT_NE(stack().find(id + " [chan receive]:"), std::string::npos);
    GC_gcollect();
    int64_t since = parked->waitsince.load();
    EXPECT_NE(since, 0);
    EXPECT_NE(stack().find(id + " [chan receive]:"), std::string::npos);
    int64_t earlier = since - 150'000'000'000;
    parked->waitsince.store(earlier);
    EXPECT_NE(stack().find(id + " [chan receive, 2 minutes]:"),
              std::string::npos);
    GC_gcollect(); // stamped already: the stamp stays
    EXPECT_EQ(parked->waitsince.load(), earlier);
    mgo_chan_close(ch);
  });
}

} // namespace

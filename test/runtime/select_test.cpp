// select (selectgo): readiness, default, nil and closed channels, fairness
// of the random poll order, blocking on several channels, and stress.
#include "mgo/sched.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>

using ::testing::ExitedWithCode;

namespace {

MgoSelectCase recv_case(mgo_ptr ch, void *elem) {
  return MgoSelectCase{ch, MGO_SELECT_RECV, elem};
}
MgoSelectCase send_case(mgo_ptr ch, void *elem) {
  return MgoSelectCase{ch, MGO_SELECT_SEND, elem};
}

TEST(Select, DefaultWhenNothingReady) {
  mgo::run(1, [] {
    mgo_ptr a = mgo_chan_make(sizeof(mgo_int), 0);
    mgo_int v = 0;
    MgoSelectCase cases[] = {recv_case(a, &v), send_case(a, &v)};
    mgo_bool ok = true;
    EXPECT_EQ(mgo_select(cases, 2, true, &ok), -1);
    EXPECT_EQ(mgo_select(nullptr, 0, true, &ok), -1);
  });
}

TEST(Select, PicksTheReadyCase) {
  mgo::run(1, [] {
    mgo_ptr a = mgo_chan_make(sizeof(mgo_int), 1);
    mgo_ptr b = mgo_chan_make(sizeof(mgo_int), 1);
    mgo_int x = 42, got = 0;
    mgo_chan_send(b, &x);
    MgoSelectCase cases[] = {recv_case(a, &got), recv_case(b, &got)};
    mgo_bool ok = false;
    EXPECT_EQ(mgo_select(cases, 2, false, &ok), 1);
    EXPECT_TRUE(ok);
    EXPECT_EQ(got, 42);
    // Now b is empty and a has room: a send case on a is ready.
    MgoSelectCase cases2[] = {recv_case(b, &got), send_case(a, &x)};
    EXPECT_EQ(mgo_select(cases2, 2, false, &ok), 1);
    EXPECT_EQ(mgo_chan_len(a), 1);
  });
}

TEST(Select, ClosedChannelReceivesZeroNotOk) {
  mgo::run(1, [] {
    mgo_ptr a = mgo_chan_make(sizeof(mgo_int), 0);
    mgo_chan_close(a);
    mgo_int got = 99;
    MgoSelectCase cases[] = {recv_case(a, &got)};
    mgo_bool ok = true;
    EXPECT_EQ(mgo_select(cases, 1, false, &ok), 0);
    EXPECT_FALSE(ok);
    EXPECT_EQ(got, 0);
  });
}

TEST(Select, NilChannelCasesAreIgnored) {
  mgo::run(1, [] {
    mgo_ptr a = mgo_chan_make(sizeof(mgo_int), 1);
    mgo_int x = 5, got = 0;
    mgo_chan_send(a, &x);
    MgoSelectCase cases[] = {recv_case(nullptr, &got), send_case(nullptr, &x),
                             recv_case(a, &got)};
    mgo_bool ok;
    for (int i = 0; i < 1; i++)
      EXPECT_EQ(mgo_select(cases, 3, false, &ok), 2);
    EXPECT_EQ(got, 5);
    EXPECT_EQ(mgo_select(cases, 2, true, &ok), -1);
  });
}

TEST(Select, BlocksUntilOneChannelIsReady) {
  mgo::run(2, [] {
    mgo_ptr a = mgo_chan_make(sizeof(mgo_int), 0);
    mgo_ptr b = mgo_chan_make(sizeof(mgo_int), 0);
    mgo_ptr c = mgo_chan_make(sizeof(mgo_int), 0);
    mgo::go([c] {
      mgo_sleep(2000000);
      mgo_int v = 7;
      mgo_chan_send(c, &v);
    });
    mgo_int got = 0;
    MgoSelectCase cases[] = {recv_case(a, &got), recv_case(b, &got),
                             recv_case(c, &got)};
    mgo_bool ok = false;
    EXPECT_EQ(mgo_select(cases, 3, false, &ok), 2);
    EXPECT_TRUE(ok);
    EXPECT_EQ(got, 7);
    // The losing cases were dequeued: a later plain send on a must find no
    // stale select waiter.
    mgo_int v = 1;
    EXPECT_FALSE(mgo_chan_try_send(a, &v));
  });
}

TEST(Select, BlockedSendCompletesToReceiver) {
  mgo::run(2, [] {
    mgo_ptr a = mgo_chan_make(sizeof(mgo_int), 0);
    mgo_ptr b = mgo_chan_make(sizeof(mgo_int), 0);
    std::atomic<mgo_int> got{0};
    mgo::go([&, b] {
      mgo_int v;
      mgo_chan_recv(b, &v);
      got.store(v);
    });
    mgo_int x = 11, y = 22;
    MgoSelectCase cases[] = {send_case(a, &x), send_case(b, &y)};
    mgo_bool ok;
    EXPECT_EQ(mgo_select(cases, 2, false, &ok), 1);
    while (got.load() == 0)
      mgo_gosched();
    EXPECT_EQ(got.load(), 22);
  });
}

TEST(Select, CloseWakesBlockedSelect) {
  mgo::run(2, [] {
    mgo_ptr a = mgo_chan_make(sizeof(mgo_int), 0);
    mgo_ptr b = mgo_chan_make(sizeof(mgo_int), 0);
    mgo::go([b] {
      mgo_sleep(1000000);
      mgo_chan_close(b);
    });
    mgo_int got = 3;
    MgoSelectCase cases[] = {recv_case(a, &got), recv_case(b, &got)};
    mgo_bool ok = true;
    EXPECT_EQ(mgo_select(cases, 2, false, &ok), 1);
    EXPECT_FALSE(ok);
    EXPECT_EQ(got, 0);
  });
}

TEST(Select, SameChannelInTwoCases) {
  mgo::run(2, [] {
    mgo_ptr a = mgo_chan_make(sizeof(mgo_int), 0);
    mgo::go([a] {
      mgo_int v = 9;
      mgo_chan_send(a, &v);
    });
    mgo_int g1 = 0, g2 = 0;
    MgoSelectCase cases[] = {recv_case(a, &g1), recv_case(a, &g2)};
    mgo_bool ok;
    mgo_int i = mgo_select(cases, 2, false, &ok);
    EXPECT_TRUE(ok);
    EXPECT_EQ(i == 0 ? g1 : g2, 9);
  });
}

TEST(Select, FairOverManyRounds) {
  // Both cases always ready: each must win about half of 100,000 rounds.
  constexpr int kRounds = 100000;
  mgo::run(1, [] {
    mgo_ptr a = mgo_chan_make(sizeof(mgo_int), 1);
    mgo_ptr b = mgo_chan_make(sizeof(mgo_int), 1);
    mgo_ptr c = mgo_chan_make(sizeof(mgo_int), 1);
    mgo_int x = 1, got;
    int wins[3] = {0, 0, 0};
    for (int r = 0; r < kRounds; r++) {
      for (mgo_ptr ch : {a, b, c})
        if (mgo_chan_len(ch) == 0)
          mgo_chan_send(ch, &x);
      MgoSelectCase cases[] = {recv_case(a, &got), recv_case(b, &got),
                               recv_case(c, &got)};
      mgo_bool ok;
      wins[mgo_select(cases, 3, false, &ok)]++;
    }
    // Binomial(100000, 1/3): sd ~ 149; allow 6 sd.
    for (int w : wins)
      EXPECT_NEAR(w, kRounds / 3.0, 900)
          << wins[0] << " " << wins[1] << " " << wins[2];
  });
}

void death_style() { GTEST_FLAG_SET(death_test_style, "threadsafe"); }

TEST(Select, OneCaseWithoutDefaultReceivesLikeTheChannel) {
  mgo::run(1, [] {
    mgo_ptr a = mgo_chan_make(sizeof(mgo_int), 1);
    mgo_int v = 7;
    mgo_chan_send(a, &v);
    mgo_chan_close(a);
    mgo_int got = 0;
    MgoSelectCase cases[] = {recv_case(a, &got)};
    mgo_bool ok = false;
    EXPECT_EQ(mgo_select(cases, 1, false, &ok), 0);
    EXPECT_TRUE(ok);
    EXPECT_EQ(got, 7);
    EXPECT_EQ(mgo_select(cases, 1, false, &ok), 0);
    EXPECT_FALSE(ok);
    EXPECT_EQ(got, 0);
  });
}

TEST(SelectDeath, EmptySelectBlocksForever) {
  death_style();
  EXPECT_EXIT(mgo::run(1,
                       [] {
                         mgo_bool ok;
                         mgo_select(nullptr, 0, false, &ok);
                       }),
              ExitedWithCode(2),
              "^fatal error: all goroutines are asleep - deadlock!\n\n"
              "goroutine [0-9]+ \\[select \\(no cases\\)\\]:\n");
}

TEST(SelectDeath, BlockedSelectDeadlock) {
  death_style();
  EXPECT_EXIT(
      mgo::run(1,
               [] {
                 mgo_ptr a = mgo_chan_make(8, 0);
                 mgo_int v;
                 MgoSelectCase cases[] = {recv_case(a, &v), send_case(a, &v)};
                 mgo_bool ok;
                 mgo_select(cases, 2, false, &ok);
               }),
      ExitedWithCode(2),
      "all goroutines are asleep - deadlock!\n\n"
      "goroutine [0-9]+ \\[select\\]:\n");
}

TEST(SelectDeath, AllNilCasesParkAsSelect) {
  death_style();
  EXPECT_EXIT(mgo::run(1,
                       [] {
                         mgo_int v;
                         MgoSelectCase cases[] = {recv_case(nullptr, &v),
                                                  send_case(nullptr, &v)};
                         mgo_bool ok;
                         mgo_select(cases, 2, false, &ok);
                       }),
              ExitedWithCode(2),
              "^fatal error: all goroutines are asleep - deadlock!\n\n"
              "goroutine 1 \\[select\\]:\n$");
}

// Go compiles a one-case select without default to the channel operation,
// so that is what a deadlock reports.
TEST(SelectDeath, OneCaseIsTheChannelOperation) {
  death_style();
  EXPECT_EXIT(mgo::run(1,
                       [] {
                         mgo_ptr a = mgo_chan_make(8, 0);
                         mgo::go([] {
                           mgo_int v;
                           MgoSelectCase nil_recv[] = {recv_case(nullptr, &v)};
                           mgo_bool ok;
                           mgo_select(nil_recv, 1, false, &ok);
                         });
                         mgo_int v = 1;
                         MgoSelectCase send[] = {send_case(a, &v)};
                         mgo_bool ok;
                         mgo_select(send, 1, false, &ok);
                       }),
              ExitedWithCode(2),
              "^fatal error: all goroutines are asleep - deadlock!\n\n"
              "goroutine 1 \\[chan send\\]:\n\n"
              "goroutine 2 \\[chan receive \\(nil chan\\)\\]:\n$");
}

TEST(SelectDeath, SendOnClosed) {
  death_style();
  EXPECT_EXIT(mgo::run(1,
                       [] {
                         mgo_ptr a = mgo_chan_make(8, 1);
                         mgo_chan_close(a);
                         mgo_int v = 1;
                         MgoSelectCase cases[] = {send_case(a, &v)};
                         mgo_bool ok;
                         mgo_select(cases, 1, true, &ok);
                       }),
              ExitedWithCode(2), "^panic: send on closed channel\n");
}

// 1,000 goroutines x 1,000 messages, each sent with a select over two
// channels (one unbuffered, one buffered), received by selects on both.
class SelectStress : public ::testing::TestWithParam<int> {};

TEST_P(SelectStress, ExactSums) {
#if defined(__SANITIZE_THREAD__)
  constexpr int kSenders = 1000, kMessages = 20; // TSan: ~100x slower
#else
  constexpr int kSenders = 1000, kMessages = 1000;
#endif
  long long sum = 0, count = 0;
  mgo::run(GetParam(), [&] {
    mgo_ptr a = mgo_chan_make(sizeof(mgo_int), 0);
    mgo_ptr b = mgo_chan_make(sizeof(mgo_int), 64);
    for (int s = 0; s < kSenders; s++)
      mgo::go([a, b] {
        for (mgo_int i = 1; i <= kMessages; i++) {
          MgoSelectCase cases[] = {send_case(a, &i), send_case(b, &i)};
          mgo_bool ok;
          mgo_select(cases, 2, false, &ok);
        }
      });
    mgo_int v;
    MgoSelectCase cases[] = {recv_case(a, &v), recv_case(b, &v)};
    for (long long n = 0; n < 1LL * kSenders * kMessages; n++) {
      mgo_bool ok = false;
      mgo_select(cases, 2, false, &ok);
      EXPECT_TRUE(ok);
      sum += v;
      count++;
    }
  });
  EXPECT_EQ(count, 1LL * kSenders * kMessages);
  EXPECT_EQ(sum, 1LL * kSenders * kMessages * (kMessages + 1) / 2);
}

INSTANTIATE_TEST_SUITE_P(Gomaxprocs, SelectStress,
                         ::testing::Values(1, 2, 4, 8));

} // namespace

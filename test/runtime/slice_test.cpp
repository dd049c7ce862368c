// make and append capacities; every expected sequence is Go 1.19's output
// for appending one element at a time (the distinct capacities seen).
#include "test_values.h"

#include <gtest/gtest.h>

namespace {

std::vector<mgo_int> capacities(mgo_int elem_size, int appends) {
  MgoSlice s{nullptr, 0, 0};
  std::vector<mgo_int> seen;
  for (int i = 0; i < appends; i++) {
    if (s.len + 1 > s.cap)
      mgo_growslice(&s, elem_size, s.len + 1, false);
    s.len++;
    if (seen.empty() || seen.back() != s.cap)
      seen.push_back(s.cap);
  }
  return seen;
}

TEST(Slice, GrowIntMatchesGo) {
  EXPECT_EQ(capacities(8, 3000),
            (std::vector<mgo_int>{1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 848,
                                  1280, 1792, 2560, 3408}));
}

TEST(Slice, GrowByteMatchesGo) {
  EXPECT_EQ(capacities(1, 3000),
            (std::vector<mgo_int>{8, 16, 32, 64, 128, 256, 512, 896, 1408, 2048,
                                  3072}));
}

TEST(Slice, GrowThreeWordStructMatchesGo) {
  EXPECT_EQ(capacities(24, 3000),
            (std::vector<mgo_int>{1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 853,
                                  1365, 2048, 3072}));
}

TEST(Slice, GrowInt32MatchesGo) {
  EXPECT_EQ(capacities(4, 3000),
            (std::vector<mgo_int>{2, 4, 8, 16, 32, 64, 128, 256, 512, 864, 1344,
                                  2048, 3072}));
}

TEST(Slice, GrowTwelveByteStructMatchesGo) {
  EXPECT_EQ(capacities(12, 3000),
            (std::vector<mgo_int>{1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 853,
                                  1365, 2048, 3413}));
}

TEST(Slice, AppendManyAtOnceMatchesGo) {
  MgoSlice a{nullptr, 0, 0};
  mgo_growslice(&a, 8, 7, false);
  EXPECT_EQ(a.cap, 8);
  MgoSlice b{nullptr, 0, 0};
  mgo_growslice(&b, 1, 33, false);
  EXPECT_EQ(b.cap, 48);
  MgoSlice c;
  mgo_makeslice(&c, 8, 3, 3, false);
  mgo_growslice(&c, 8, 13, false);
  EXPECT_EQ(c.cap, 14);
}

TEST(Slice, GrowKeepsContents) {
  MgoSlice s;
  mgo_makeslice(&s, 8, 3, 3, true);
  auto *old = static_cast<int64_t *>(s.ptr);
  old[0] = 7, old[1] = 8, old[2] = 9;
  mgo_growslice(&s, 8, 4, true);
  auto *p = static_cast<int64_t *>(s.ptr);
  EXPECT_EQ(s.len, 3);
  EXPECT_EQ(p[0] + p[1] + p[2], 24);
  EXPECT_EQ(p[3], 0);
}

TEST(Slice, MakeIsZeroedWithExactCapacity) {
  MgoSlice s;
  mgo_makeslice(&s, 8, 5, 11, false);
  EXPECT_EQ(s.len, 5);
  EXPECT_EQ(s.cap, 11);
  for (int i = 0; i < 11; i++)
    EXPECT_EQ(static_cast<int64_t *>(s.ptr)[i], 0);
}

TEST(Slice, MakeEmptyIsNotNil) {
  MgoSlice s;
  mgo_makeslice(&s, 8, 0, 0, false);
  EXPECT_NE(s.ptr, nullptr);
}

TEST(SliceDeath, MakeNegativeLen) {
  MgoSlice s;
  EXPECT_EXIT(mgo_makeslice(&s, 8, -1, 10, false), ::testing::ExitedWithCode(2),
              "panic: runtime error: makeslice: len out of range");
}

TEST(SliceDeath, MakeHugeLen) {
  MgoSlice s;
  EXPECT_EXIT(mgo_makeslice(&s, 8, mgo_int(1) << 60, mgo_int(1) << 60, false),
              ::testing::ExitedWithCode(2),
              "panic: runtime error: makeslice: len out of range");
}

TEST(SliceDeath, MakeCapBelowLen) {
  MgoSlice s;
  EXPECT_EXIT(mgo_makeslice(&s, 8, 3, 2, false), ::testing::ExitedWithCode(2),
              "panic: runtime error: makeslice: cap out of range");
}

} // namespace

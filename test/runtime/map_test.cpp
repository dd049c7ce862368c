// Maps: lookup, insert, delete, growth, iteration under mutation, and key
// semantics by type (NaN, +0/-0, strings by content, structs, interfaces).
#include "test_values.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

using namespace mgotest;

namespace {

MgoType map_of(const MgoType *key, const MgoType *value, const char *name) {
  MgoType t = composite(MGO_MAP, 8, 8, name);
  t.key = key;
  t.elem = value;
  return t;
}

const MgoType kIntInt = map_of(&kInt, &kInt, "map[int]int");
const MgoType kStrInt = map_of(&kString, &kInt, "map[string]int");
const MgoType kF64Int = map_of(&kFloat64, &kInt, "map[float64]int");
const MgoType kAnyInt = map_of(&kAny, &kInt, "map[interface {}]int");

template <typename K> int64_t *assign(const MgoType *t, void *m, K key) {
  return static_cast<int64_t *>(mgo_map_assign(t, m, &key));
}

template <typename K> int64_t *access(const MgoType *t, void *m, K key) {
  return static_cast<int64_t *>(mgo_map_access(t, m, &key));
}

template <typename K> void erase(const MgoType *t, void *m, K key) {
  mgo_map_delete(t, m, &key);
}

// key -> value of every entry produced by one iteration, failing on repeats.
std::map<int64_t, int64_t> iterate_ints(void *m) {
  std::map<int64_t, int64_t> seen;
  MgoMapIter it;
  mgo_map_iter_init(&kIntInt, m, &it);
  while (mgo_map_iter_next(&it)) {
    int64_t k = *static_cast<int64_t *>(it.key);
    EXPECT_FALSE(seen.count(k)) << "key " << k << " produced twice";
    seen[k] = *static_cast<int64_t *>(it.value);
  }
  return seen;
}

TEST(Map, InsertLookupOverwrite) {
  void *m = mgo_map_make(&kIntInt, 0);
  *assign(&kIntInt, m, int64_t(1)) = 10;
  *assign(&kIntInt, m, int64_t(2)) = 20;
  *assign(&kIntInt, m, int64_t(1)) = 11;
  EXPECT_EQ(mgo_map_len(m), 2);
  EXPECT_EQ(*access(&kIntInt, m, int64_t(1)), 11);
  EXPECT_EQ(*access(&kIntInt, m, int64_t(2)), 20);
  EXPECT_EQ(access(&kIntInt, m, int64_t(3)), nullptr);
}

TEST(Map, NewEntriesStartZeroed) {
  void *m = mgo_map_make(&kIntInt, 0);
  EXPECT_EQ(*assign(&kIntInt, m, int64_t(7)), 0);
}

TEST(Map, GrowsAndKeepsEveryEntry) {
  void *m = mgo_map_make(&kIntInt, 0);
  for (int64_t i = 0; i < 100000; i++)
    *assign(&kIntInt, m, i * 7919) = i;
  EXPECT_EQ(mgo_map_len(m), 100000);
  for (int64_t i = 0; i < 100000; i++)
    ASSERT_EQ(*access(&kIntInt, m, i * 7919), i);
}

TEST(Map, DeleteRemovesOnlyThatKey) {
  void *m = mgo_map_make(&kIntInt, 4);
  for (int64_t i = 0; i < 1000; i++)
    *assign(&kIntInt, m, i) = i;
  for (int64_t i = 0; i < 1000; i += 2)
    erase(&kIntInt, m, i);
  erase(&kIntInt, m, int64_t(5000)); // absent: no-op
  EXPECT_EQ(mgo_map_len(m), 500);
  for (int64_t i = 0; i < 1000; i++)
    ASSERT_EQ(access(&kIntInt, m, i) != nullptr, i % 2 == 1) << i;
}

TEST(Map, ChurnOfInsertsAndDeletesStaysCorrect) {
  void *m = mgo_map_make(&kIntInt, 0);
  std::map<int64_t, int64_t> model;
  uint64_t x = 12345;
  for (int i = 0; i < 200000; i++) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    int64_t k = int64_t(x >> 33) % 2000;
    if (x & 1) {
      *assign(&kIntInt, m, k) = i;
      model[k] = i;
    } else {
      erase(&kIntInt, m, k);
      model.erase(k);
    }
  }
  EXPECT_EQ(mgo_map_len(m), mgo_int(model.size()));
  EXPECT_EQ(iterate_ints(m), model);
}

TEST(Map, NilMapReadsAsEmpty) {
  EXPECT_EQ(access(&kIntInt, nullptr, int64_t(1)), nullptr);
  EXPECT_EQ(mgo_map_len(nullptr), 0);
  erase(&kIntInt, nullptr, int64_t(1));
  MgoMapIter it;
  mgo_map_iter_init(&kIntInt, nullptr, &it);
  EXPECT_FALSE(mgo_map_iter_next(&it));
}

TEST(MapDeath, AssignToNilMap) {
  EXPECT_EXIT(assign(&kIntInt, nullptr, int64_t(1)),
              ::testing::ExitedWithCode(2),
              "^panic: assignment to entry in nil map\n");
}

TEST(Map, ClearEmptiesAndStaysUsable) {
  void *m = mgo_map_make(&kIntInt, 0);
  for (int64_t i = 0; i < 100; i++)
    *assign(&kIntInt, m, i) = i;
  mgo_map_clear(&kIntInt, m);
  EXPECT_EQ(mgo_map_len(m), 0);
  EXPECT_EQ(access(&kIntInt, m, int64_t(3)), nullptr);
  *assign(&kIntInt, m, int64_t(3)) = 9;
  EXPECT_EQ(iterate_ints(m), (std::map<int64_t, int64_t>{{3, 9}}));
}

TEST(Map, IterationProducesEveryEntryOnce) {
  void *m = mgo_map_make(&kIntInt, 0);
  std::map<int64_t, int64_t> want;
  for (int64_t i = 0; i < 1000; i++)
    *assign(&kIntInt, m, i) = want[i] = i * i;
  EXPECT_EQ(iterate_ints(m), want);
}

TEST(Map, IterationOrderIsRandomised) {
  void *m = mgo_map_make(&kIntInt, 0);
  for (int64_t i = 0; i < 50; i++)
    *assign(&kIntInt, m, i) = i;
  std::set<int64_t> firsts;
  for (int run = 0; run < 50; run++) {
    MgoMapIter it;
    mgo_map_iter_init(&kIntInt, m, &it);
    ASSERT_TRUE(mgo_map_iter_next(&it));
    firsts.insert(*static_cast<int64_t *>(it.key));
  }
  EXPECT_GT(firsts.size(), 1u);
}

TEST(Map, DeletedDuringIterationAreNotProduced) {
  void *m = mgo_map_make(&kIntInt, 0);
  for (int64_t i = 0; i < 1000; i++)
    *assign(&kIntInt, m, i) = i;
  std::set<int64_t> seen, deleted;
  MgoMapIter it;
  mgo_map_iter_init(&kIntInt, m, &it);
  while (mgo_map_iter_next(&it)) {
    int64_t k = *static_cast<int64_t *>(it.key);
    EXPECT_FALSE(deleted.count(k)) << k;
    seen.insert(k);
    // Delete a key not yet seen: it must not show up later.
    for (int64_t d = 0; d < 1000; d++)
      if (!seen.count(d) && !deleted.count(d)) {
        erase(&kIntInt, m, d);
        deleted.insert(d);
        break;
      }
  }
  EXPECT_EQ(seen.size() + deleted.size(), 1000u);
}

TEST(Map, GrowthDuringIterationIsSafe) {
  void *m = mgo_map_make(&kIntInt, 0);
  for (int64_t i = 0; i < 8; i++)
    *assign(&kIntInt, m, i) = i;
  std::set<int64_t> seen;
  MgoMapIter it;
  mgo_map_iter_init(&kIntInt, m, &it);
  int64_t next = 1000;
  bool updated = false;
  while (mgo_map_iter_next(&it)) {
    int64_t k = *static_cast<int64_t *>(it.key);
    EXPECT_TRUE(seen.insert(k).second) << k;
    EXPECT_EQ(*static_cast<int64_t *>(it.value), k >= 1000 ? 0
                                                 : updated ? k * 2
                                                           : k);
    updated = true;
    for (int j = 0; j < 100; j++)
      assign(&kIntInt, m, next++);
    // Update values of original keys: iteration must report current ones.
    for (int64_t i = 0; i < 8; i++)
      *assign(&kIntInt, m, i) = i * 2;
  }
  for (int64_t i = 0; i < 8; i++)
    EXPECT_TRUE(seen.count(i)) << i;
}

TEST(Map, DeleteAfterGrowthDuringIterationIsHonoured) {
  void *m = mgo_map_make(&kIntInt, 0);
  for (int64_t i = 0; i < 6; i++)
    *assign(&kIntInt, m, i) = i;
  MgoMapIter it;
  mgo_map_iter_init(&kIntInt, m, &it);
  ASSERT_TRUE(mgo_map_iter_next(&it));
  int64_t first = *static_cast<int64_t *>(it.key);
  for (int64_t i = 100; i < 1000; i++)
    assign(&kIntInt, m, i);
  for (int64_t i = 0; i < 6; i++)
    if (i != first)
      erase(&kIntInt, m, i);
  while (mgo_map_iter_next(&it)) {
    int64_t k = *static_cast<int64_t *>(it.key);
    EXPECT_TRUE(k == first || k >= 100) << k;
  }
}

TEST(Map, StringKeysCompareByContent) {
  void *m = mgo_map_make(&kStrInt, 0);
  std::string a = "hello", b = "hello";
  *assign(&kStrInt, m, S(a)) = 1;
  EXPECT_EQ(*access(&kStrInt, m, S(b)), 1);
  EXPECT_EQ(access(&kStrInt, m, S("hell")), nullptr);
  *assign(&kStrInt, m, S("")) = 2;
  EXPECT_EQ(*access(&kStrInt, m, S("")), 2);
  EXPECT_EQ(mgo_map_len(m), 2);
}

TEST(Map, NaNKeysNeverMatch) {
  void *m = mgo_map_make(&kF64Int, 0);
  for (int i = 0; i < 3; i++)
    *assign(&kF64Int, m, double(NAN)) = i;
  EXPECT_EQ(mgo_map_len(m), 3);
  EXPECT_EQ(access(&kF64Int, m, double(NAN)), nullptr);
  erase(&kF64Int, m, double(NAN));
  EXPECT_EQ(mgo_map_len(m), 3);
  int produced = 0;
  MgoMapIter it;
  mgo_map_iter_init(&kF64Int, m, &it);
  while (mgo_map_iter_next(&it))
    produced++;
  EXPECT_EQ(produced, 3);
}

TEST(Map, PositiveAndNegativeZeroAreOneKey) {
  void *m = mgo_map_make(&kF64Int, 0);
  *assign(&kF64Int, m, 0.0) = 1;
  *assign(&kF64Int, m, -0.0) = 2;
  EXPECT_EQ(mgo_map_len(m), 1);
  EXPECT_EQ(*access(&kF64Int, m, 0.0), 2);
}

struct Key {
  int64_t a;
  MgoString s;
  double f;
};

TEST(Map, StructKeysCompareFieldByField) {
  MgoField fields[] = {
      {S("a"), &kInt, 0}, {S("s"), &kString, 8}, {S("f"), &kFloat64, 24}};
  MgoType kt = composite(MGO_STRUCT, 32, 8, "main.key");
  kt.len = 3;
  kt.fields = fields;
  MgoType mt = map_of(&kt, &kInt, "map[main.key]int");
  void *m = mgo_map_make(&mt, 0);
  std::string s1 = "x", s2 = "x";
  *assign(&mt, m, Key{1, S(s1), 0.0}) = 5;
  EXPECT_EQ(*access(&mt, m, Key{1, S(s2), -0.0}), 5);
  EXPECT_EQ(access(&mt, m, Key{2, S(s2), 0.0}), nullptr);
  EXPECT_EQ(access(&mt, m, Key{1, S("y"), 0.0}), nullptr);
}

TEST(Map, InterfaceKeysUseDynamicTypeAndValue) {
  void *m = mgo_map_make(&kAnyInt, 0);
  *assign(&kAnyInt, m, Int(1)) = 1;
  *assign(&kAnyInt, m, Int64(1)) = 2; // same bits, different type
  *assign(&kAnyInt, m, Str("1")) = 3;
  *assign(&kAnyInt, m, Nil()) = 4;
  EXPECT_EQ(mgo_map_len(m), 4);
  EXPECT_EQ(*access(&kAnyInt, m, Int(1)), 1);
  EXPECT_EQ(*access(&kAnyInt, m, Int64(1)), 2);
  EXPECT_EQ(*access(&kAnyInt, m, Str("1")), 3);
  EXPECT_EQ(*access(&kAnyInt, m, Nil()), 4);
}

TEST(MapDeath, UnhashableInterfaceKey) {
  MgoType slice = composite(MGO_SLICE, 24, 8, "[]int");
  slice.elem = &kInt;
  void *m = mgo_map_make(&kAnyInt, 0);
  MgoAny key = box(&slice, MgoSlice{nullptr, 0, 0});
  EXPECT_EXIT(mgo_map_assign(&kAnyInt, m, &key), ::testing::ExitedWithCode(2),
              "^panic: runtime error: hash of unhashable type \\[\\]int\n");
}

TEST(Map, ValuesLargerThanKeysStayInline) {
  MgoType arr = composite(MGO_ARRAY, 64, 8, "[8]int");
  arr.elem = &kInt;
  arr.len = 8;
  MgoType mt = map_of(&kInt32, &arr, "map[int32][8]int");
  void *m = mgo_map_make(&mt, 0);
  for (int32_t i = 0; i < 100; i++) {
    auto *v = static_cast<int64_t *>(mgo_map_assign(&mt, m, &i));
    for (int j = 0; j < 8; j++)
      v[j] = i * 8 + j;
  }
  for (int32_t i = 0; i < 100; i++) {
    auto *v = static_cast<int64_t *>(mgo_map_access(&mt, m, &i));
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(v[7], i * 8 + 7);
  }
}

} // namespace

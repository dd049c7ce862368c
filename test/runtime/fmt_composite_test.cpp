// fmt over composite values built from hand-made type descriptors. Expected
// strings are Go 1.19's output for the equivalent Go values.
#include "test_values.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace mgotest;

namespace {

struct Point {
  int64_t x, y;
};

// type point struct{ X, Y int }
struct Types {
  MgoField point_fields[2] = {{S("X"), &kInt, 0}, {S("Y"), &kInt, 8}};
  MgoType point = composite(MGO_STRUCT, 16, 8, "main.point");
  MgoType point_ptr = composite(MGO_POINTER, 8, 8, "*main.point");
  MgoType int_slice = composite(MGO_SLICE, 24, 8, "[]int");
  MgoType byte_slice = composite(MGO_SLICE, 24, 8, "[]uint8");
  MgoType any_slice = composite(MGO_SLICE, 24, 8, "[]interface {}");
  MgoType string_slice = composite(MGO_SLICE, 24, 8, "[]string");
  MgoType point_slice = composite(MGO_SLICE, 24, 8, "[]main.point");
  MgoType float_slice = composite(MGO_SLICE, 24, 8, "[]float64");
  MgoType str_int_map = composite(MGO_MAP, 8, 8, "map[string]int");
  MgoType int_bool_map = composite(MGO_MAP, 8, 8, "map[int]bool");
  MgoType float_int_map = composite(MGO_MAP, 8, 8, "map[float64]int");
  MgoType point_str_map = composite(MGO_MAP, 8, 8, "map[main.point]string");
  MgoType any_int_map = composite(MGO_MAP, 8, 8, "map[interface {}]int");
  MgoType int_arr2 = composite(MGO_ARRAY, 16, 8, "[2]int");
  MgoType int_arr22 = composite(MGO_ARRAY, 32, 8, "[2][2]int");
  MgoType byte_arr3 = composite(MGO_ARRAY, 3, 1, "[3]uint8");
  MgoType empty_struct = composite(MGO_STRUCT, 0, 1, "struct {}");
  // type inner struct{ name string; p *point }
  MgoField inner_fields[2] = {{S("name"), &kString, 0},
                              {S("p"), &point_ptr, 16}};
  MgoType inner = composite(MGO_STRUCT, 24, 8, "main.inner");

  Types() {
    point.len = 2;
    point.fields = point_fields;
    point_ptr.elem = &point;
    int_slice.elem = &kInt;
    byte_slice.elem = &kUint8;
    any_slice.elem = &kAny;
    string_slice.elem = &kString;
    point_slice.elem = &point;
    float_slice.elem = &kFloat64;
    str_int_map.key = &kString, str_int_map.elem = &kInt;
    int_bool_map.key = &kInt, int_bool_map.elem = &kBool;
    float_int_map.key = &kFloat64, float_int_map.elem = &kInt;
    point_str_map.key = &point, point_str_map.elem = &kString;
    any_int_map.key = &kAny, any_int_map.elem = &kInt;
    int_arr2.elem = &kInt, int_arr2.len = 2;
    int_arr22.elem = &int_arr2, int_arr22.len = 2;
    byte_arr3.elem = &kUint8, byte_arr3.len = 3;
    inner.len = 2;
    inner.fields = inner_fields;
  }
};

const Types &T() {
  static Types t;
  return t;
}

template <typename E> MgoAny slice_of(const MgoType *t, std::vector<E> v) {
  void *p = mgo_alloc(mgo_int(v.size() * sizeof(E)));
  std::memcpy(p, v.data(), v.size() * sizeof(E));
  return box(t, MgoSlice{p, mgo_int(v.size()), mgo_int(v.size())});
}

template <typename K, typename V>
MgoAny map_of(const MgoType *t, std::vector<std::pair<K, V>> entries) {
  void *m = mgo_map_make(t, 0);
  for (auto &[k, v] : entries)
    *static_cast<V *>(mgo_map_assign(t, m, &k)) = v;
  return box(t, m);
}

TEST(FmtComposite, StructVerbs) {
  MgoAny p = box(&T().point, Point{1, 2});
  EXPECT_EQ(sprintf("%v|%+v|%#v", {p, p, p}),
            "{1 2}|{X:1 Y:2}|main.point{X:1, Y:2}");
}

TEST(FmtComposite, PointerToStructAtTopLevel) {
  auto *pp = static_cast<Point *>(mgo_alloc(sizeof(Point)));
  *pp = {1, 2};
  MgoAny ptr = box(&T().point_ptr, pp);
  MgoAny ps = slice_of<Point>(&T().point_slice, {{1, 2}, {3, 4}});
  EXPECT_EQ(sprintf("%v|%+v", {ptr, ps}), "&{1 2}|[{X:1 Y:2} {X:3 Y:4}]");
}

TEST(FmtComposite, NestedPointerPrintsAddressOrNil) {
  struct Inner {
    MgoString name;
    void *p;
  };
  MgoAny in = box(&T().inner, Inner{S("x"), nullptr});
  EXPECT_EQ(sprintf("%v|%+v", {in, in}), "{x <nil>}|{name:x p:<nil>}");
  auto *pp = static_cast<Point *>(mgo_alloc(sizeof(Point)));
  std::string got = sprint({box(&T().inner, Inner{S("y"), pp})});
  EXPECT_EQ(got.substr(0, 5), "{y 0x");
}

TEST(FmtComposite, NilAndNonNilSlicesAndMaps) {
  MgoAny nil_slice = box(&T().int_slice, MgoSlice{nullptr, 0, 0});
  MgoAny nil_map = box(&T().str_int_map, static_cast<void *>(nullptr));
  MgoAny ints = slice_of<int64_t>(&T().int_slice, {1, 2, 3});
  MgoAny two = slice_of<int64_t>(&T().int_slice, {1, 2});
  EXPECT_EQ(sprintf("%v|%v|%d|%#v", {nil_slice, nil_map, ints, two}),
            "[]|map[]|[1 2 3]|[]int{1, 2}");
}

TEST(FmtComposite, SlicesWithVerbsAndWidths) {
  MgoAny anys =
      slice_of<MgoAny>(&T().any_slice, {Int(1), Str("a"), Nil(), F64(2.5)});
  MgoAny strs = slice_of<MgoString>(&T().string_slice, {S("a"), S("b")});
  MgoAny bytes = slice_of<uint8_t>(&T().byte_slice, {'h', 'i'});
  MgoAny two = slice_of<int64_t>(&T().int_slice, {1, 2});
  EXPECT_EQ(sprintf("%v|%q|%s|%x|%5d|", {anys, strs, bytes, bytes, two}),
            "[1 a <nil> 2.5]|[\"a\" \"b\"]|hi|6869|[    1     2]|");
}

TEST(FmtComposite, MapsPrintSortedKeys) {
  MgoAny m1 = map_of<MgoString, int64_t>(
      &T().str_int_map, {{S("b"), 2}, {S("a"), 1}, {S("c"), 3}});
  MgoAny m2 = map_of<int64_t, bool>(&T().int_bool_map,
                                    {{3, true}, {-1, false}, {2, true}});
  EXPECT_EQ(sprintln({m1, m2}),
            "map[a:1 b:2 c:3] map[-1:false 2:true 3:true]\n");
}

TEST(FmtComposite, FloatKeysSortNaNFirst) {
  MgoAny m = map_of<double, int64_t>(
      &T().float_int_map, {{NAN, 1}, {-INFINITY, 2}, {0.5, 3}, {INFINITY, 4}});
  EXPECT_EQ(sprint({m}), "map[NaN:1 -Inf:2 0.5:3 +Inf:4]");
}

TEST(FmtComposite, StructKeysSortFieldByField) {
  MgoAny m = map_of<Point, MgoString>(
      &T().point_str_map,
      {{{2, 1}, S("b")}, {{1, 9}, S("a")}, {{1, 2}, S("c")}});
  EXPECT_EQ(sprint({m}), "map[{1 2}:c {1 9}:a {2 1}:b]");
}

TEST(FmtComposite, InterfaceKeysSortNilFirst) {
  MgoAny m = map_of<MgoAny, int64_t>(
      &T().any_int_map, {{Str("b"), 1}, {Nil(), 0}, {Str("a"), 2}});
  EXPECT_EQ(sprint({m}), "map[<nil>:0 a:2 b:1]");
}

TEST(FmtComposite, ArraysAndEmptyStruct) {
  int64_t arr[4] = {1, 2, 3, 4};
  MgoAny a = box(&T().int_arr22, arr);
  MgoAny e{&T().empty_struct, mgo_alloc(0)};
  MgoAny f = slice_of<double>(&T().float_slice, {0.1, 1e21});
  EXPECT_EQ(sprintln({a, e, f}), "[[1 2] [3 4]] {} [0.1 1e+21]\n");
}

TEST(FmtComposite, BadVerbInsideComposite) {
  MgoAny m = map_of<MgoString, int64_t>(&T().str_int_map, {{S("a"), 1}});
  MgoAny anys = slice_of<MgoAny>(&T().any_slice, {Int(1), Str("x")});
  EXPECT_EQ(sprintf("%d %d", {m, anys}),
            "map[%!d(string=a):1] [1 %!d(string=x)]");
}

TEST(FmtComposite, ByteArrays) {
  uint8_t abc[3] = {65, 66, 67};
  MgoAny a = box(&T().byte_arr3, abc);
  EXPECT_EQ(sprintf("%v %s", {a, a}), "[65 66 67] ABC");
}

TEST(FmtComposite, FlagsApplyToElements) {
  MgoAny f = slice_of<double>(&T().float_slice, {1.5, 2});
  MgoAny one = slice_of<int64_t>(&T().int_slice, {1});
  EXPECT_EQ(sprintf("%06.2f|%-8v|", {f, one}), "[001.50 002.00]|[1       ]|");
}

TEST(FmtComposite, TypeVerb) {
  MgoAny p = box(&T().point, Point{1, 2});
  EXPECT_EQ(sprintf("%T %T", {p, slice_of<int64_t>(&T().int_slice, {})}),
            "main.point []int");
}

MgoString point_string(void *p) {
  auto *pt = static_cast<Point *>(p);
  return mgo_fmt_sprintf(reinterpret_cast<const uint8_t *>("P(%d,%d)"), 8,
                         std::vector<MgoAny>{Int(pt->x), Int(pt->y)}.data(), 2);
}

TEST(FmtComposite, StringMethodIsUsedForValuesAndExportedElements) {
  MgoType stringer = T().point;
  // The runtime matches methods by name and func type name, as itabs do.
  MgoType sig{};
  sig.kind = MGO_FUNC;
  sig.name = S("func() string");
  MgoMethod m{S("String"), &sig, reinterpret_cast<void *>(&point_string)};
  stringer.nmethods = 1;
  stringer.methods = &m;
  MgoAny p = box(&stringer, Point{1, 2});
  EXPECT_EQ(sprintf("%v %s %d", {p, p, p}), "P(1,2) P(1,2) {1 2}");
  MgoType slice = T().point_slice;
  slice.elem = &stringer;
  EXPECT_EQ(sprint({slice_of<Point>(&slice, {{3, 4}})}), "[P(3,4)]");
}

} // namespace

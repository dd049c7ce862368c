// Panic messages: the first line of each is Go 1.19's, byte for byte, and
// the process exits with status 2 after the goroutine header.
#include "test_values.h"

#include <gtest/gtest.h>

#include <cstdio>

using namespace mgotest;
using ::testing::ExitedWithCode;

namespace {

TEST(PanicDeath, Index) {
  EXPECT_EXIT(mgo_panic_index(5, 3, false), ExitedWithCode(2),
              "^panic: runtime error: index out of range \\[5\\] with length "
              "3\n\ngoroutine 1 \\[running\\]:\n");
}

// An index of unsigned type is printed unsigned, with its bound: it is never
// negative.
TEST(PanicDeath, UnsignedIndex) {
  EXPECT_EXIT(mgo_panic_index(-1, 3, true), ExitedWithCode(2),
              "^panic: runtime error: index out of range "
              "\\[18446744073709551615\\] with length 3\n");
}

TEST(PanicDeath, UnsignedSliceLow) {
  EXPECT_EXIT(mgo_panic_slice_lo_hi(-1, 0, true), ExitedWithCode(2),
              "^panic: runtime error: slice bounds out of range "
              "\\[18446744073709551615:0\\]\n");
}

TEST(PanicDeath, SliceHighWithCapacity) {
  EXPECT_EXIT(mgo_panic_slice_hi(5, 3, true, false), ExitedWithCode(2),
              "panic: runtime error: slice bounds out of range \\[:5\\] with "
              "capacity 3\n");
}

TEST(PanicDeath, SliceHighWithLength) {
  EXPECT_EXIT(mgo_panic_slice_hi(5, 3, false, false), ExitedWithCode(2),
              "panic: runtime error: slice bounds out of range \\[:5\\] with "
              "length 3\n");
}

TEST(PanicDeath, SliceLowAboveHigh) {
  EXPECT_EXIT(mgo_panic_slice_lo_hi(3, 2, false), ExitedWithCode(2),
              "panic: runtime error: slice bounds out of range \\[3:2\\]\n");
}

TEST(PanicDeath, Slice3MaxAboveCap) {
  EXPECT_EXIT(mgo_panic_slice3_max(5, 3, true, false), ExitedWithCode(2),
              "panic: runtime error: slice bounds out of range \\[::5\\] with "
              "capacity 3\n");
}

TEST(PanicDeath, Slice3MaxAboveArrayLength) {
  EXPECT_EXIT(mgo_panic_slice3_max(5, 3, false, false), ExitedWithCode(2),
              "panic: runtime error: slice bounds out of range \\[::5\\] with "
              "length 3\n");
}

TEST(PanicDeath, Slice3HighAboveMax) {
  EXPECT_EXIT(mgo_panic_slice3_hi_max(4, 3, false), ExitedWithCode(2),
              "panic: runtime error: slice bounds out of range \\[:4:3\\]\n");
}

TEST(PanicDeath, Slice3LowAboveHigh) {
  EXPECT_EXIT(mgo_panic_slice3_lo_hi(3, 2, false), ExitedWithCode(2),
              "panic: runtime error: slice bounds out of range \\[3:2:\\]\n");
}

TEST(PanicDeath, Divide) {
  EXPECT_EXIT(mgo_panic_divide(), ExitedWithCode(2),
              "panic: runtime error: integer divide by zero\n");
}

TEST(PanicDeath, NilDereferenceHasSignalLine) {
  EXPECT_EXIT(mgo_panic_nil_deref(), ExitedWithCode(2),
              "panic: runtime error: invalid memory address or nil pointer "
              "dereference\n\\[signal SIGSEGV: segmentation violation "
              "code=0x1 addr=0x0 pc=0x0\\]\n\ngoroutine 1");
}

TEST(PanicDeath, NilMapIsNotARuntimeErrorMessage) {
  EXPECT_EXIT(mgo_panic_nil_map(), ExitedWithCode(2),
              "^panic: assignment to entry in nil map\n");
}

TEST(PanicDeath, NegativeShift) {
  EXPECT_EXIT(mgo_panic_negative_shift(), ExitedWithCode(2),
              "panic: runtime error: negative shift amount\n");
}

TEST(PanicDeath, ValueString) {
  MgoAny v = Str("boom");
  EXPECT_EXIT(mgo_panic(&v), ExitedWithCode(2), "^panic: boom\n\ngoroutine 1");
}

TEST(PanicDeath, ValueInt) {
  MgoAny v = Int(42);
  EXPECT_EXIT(mgo_panic(&v), ExitedWithCode(2), "^panic: 42\n");
}

TEST(PanicDeath, ValueFloatUsesPrintFormat) {
  MgoAny v = F64(1.5);
  EXPECT_EXIT(mgo_panic(&v), ExitedWithCode(2),
              "^panic: \\+1\\.500000e\\+000\n");
}

TEST(PanicDeath, ValueComplex) {
  MgoAny v = C128(1, 2);
  EXPECT_EXIT(mgo_panic(&v), ExitedWithCode(2),
              "^panic: \\(\\+1\\.000000e\\+000\\+2\\.000000e\\+000i\\)\n");
}

TEST(PanicDeath, ValueNil) {
  MgoAny v = Nil();
  EXPECT_EXIT(mgo_panic(&v), ExitedWithCode(2), "^panic: nil\n");
}

TEST(PanicDeath, ValueNamedInt) {
  MgoType t = basic(MGO_INT, 8, "main.T");
  MgoAny v = box(&t, int64_t(5));
  EXPECT_EXIT(mgo_panic(&v), ExitedWithCode(2), "^panic: main.T\\(5\\)\n");
}

TEST(PanicDeath, ValueNamedString) {
  MgoType t = basic(MGO_STRING, 16, "main.S");
  MgoAny v = box(&t, S("x"));
  EXPECT_EXIT(mgo_panic(&v), ExitedWithCode(2), "^panic: main.S\\(\"x\"\\)\n");
}

TEST(PanicDeath, ValueStructPrintsTypeAndAddress) {
  MgoType t = composite(MGO_STRUCT, 8, 8, "main.St");
  MgoAny v = box(&t, int64_t(1));
  EXPECT_EXIT(mgo_panic(&v), ExitedWithCode(2),
              "^panic: \\(main.St\\) 0x[0-9a-f]+\n");
}

MgoString error_method(void *) { return S("bad 1"); }

TEST(PanicDeath, ValueWithErrorMethodPrintsIt) {
  MgoType t = composite(MGO_STRUCT, 8, 8, "main.E");
  // The runtime matches methods by name and func type name, as itabs do.
  MgoType sig{};
  sig.kind = MGO_FUNC;
  sig.name = S("func() string");
  MgoMethod m{S("Error"), &sig, reinterpret_cast<void *>(&error_method)};
  t.nmethods = 1;
  t.methods = &m;
  MgoAny v = box(&t, int64_t(1));
  EXPECT_EXIT(mgo_panic(&v), ExitedWithCode(2), "^panic: bad 1\n");
}

TEST(PanicDeath, FmtOutputComesFirst) {
  std::string path = ::testing::TempDir() + "panic_stdout.txt";
  EXPECT_EXIT(
      {
        std::freopen(path.c_str(), "w", stdout);
        std::vector<MgoAny> args{Str("hello")};
        mgo_fmt_println(args.data(), 1);
        mgo_panic_divide();
      },
      ExitedWithCode(2), "divide by zero");
  std::FILE *f = std::fopen(path.c_str(), "r");
  ASSERT_NE(f, nullptr);
  char buf[16] = {};
  std::fread(buf, 1, sizeof buf - 1, f);
  std::fclose(f);
  EXPECT_STREQ(buf, "hello\n");
}

} // namespace

// The print/println builtins write the runtime's own formats to stderr;
// expected text is Go 1.19's println output for the same values.
#include "test_values.h"

#include <gtest/gtest.h>

#include <cmath>

namespace {

std::string printed(void (*emit)()) {
  ::testing::internal::CaptureStderr();
  emit();
  return ::testing::internal::GetCapturedStderr();
}

TEST(Print, FloatsInRuntimeFormat) {
  EXPECT_EQ(printed([] {
              for (double v :
                   {1.5, 0.1, -2.0, 1e100, 1e-100, 0.0, -0.0, double(INFINITY),
                    double(-INFINITY), double(NAN), 123456789.0, 9.9999999}) {
                mgo_print_float(v);
                mgo_print_space();
              }
              mgo_print_newline();
            }),
            "+1.500000e+000 +1.000000e-001 -2.000000e+000 +1.000000e+100 "
            "+1.000000e-100 +0.000000e+000 -0.000000e+000 +Inf -Inf NaN "
            "+1.234568e+008 +1.000000e+001 \n");
}

TEST(Print, ScalarsAndStrings) {
  EXPECT_EQ(printed([] {
              mgo_print_bool(true);
              mgo_print_space();
              mgo_print_bool(false);
              mgo_print_space();
              mgo_print_int(-42);
              mgo_print_space();
              mgo_print_uint(-1);
              mgo_print_space();
              mgo_print_string(reinterpret_cast<const uint8_t *>("str"), 3);
              mgo_print_newline();
            }),
            "true false -42 18446744073709551615 str\n");
}

TEST(Print, PointersInHex) {
  EXPECT_EQ(printed([] {
              mgo_print_pointer(reinterpret_cast<void *>(0xc000012345));
              mgo_print_space();
              mgo_print_pointer(nullptr);
            }),
            "0xc000012345 0x0");
}

} // namespace

// fmt over predeclared types: every case in fmt_cases.inc was produced by Go
// 1.19 (gen/fmt_cases.go), so a failure names the format and Go's output.
#include "test_values.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace mgotest;

namespace {

struct FmtCase {
  std::string_view format;
  std::vector<MgoAny> args;
  std::string_view want;
};

std::vector<FmtCase> go_cases() {
  return {
#include "fmt_cases.inc"
  };
}

std::string run(const FmtCase &c) {
  if (c.format == "PRINT")
    return sprint(c.args);
  if (c.format == "PRINTLN")
    return sprintln(c.args);
  return sprintf(c.format, c.args);
}

TEST(Fmt, MatchesGoOutput) {
  for (const FmtCase &c : go_cases())
    EXPECT_EQ(run(c), c.want) << "format " << c.format;
}

} // namespace

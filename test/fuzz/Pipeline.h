// The compiler's stages as the fuzz targets drive them: one in-memory file
// named fuzz.go, checked as package main of a command, and its package's
// module lowered and verified (the library packages it imports are fixed
// code: their modules are not rebuilt per input).
//
// A finding is anything a user would see as other than a diagnostic: a
// crash, a sanitizer report, a hang, an internal error (CodegenError) or IR
// the verifier rejects. Each stage stops where the driver would stop, so a
// later stage never sees input an earlier one refused.
#ifndef MGO_TEST_FUZZ_PIPELINE_H
#define MGO_TEST_FUZZ_PIPELINE_H

#include <cstddef>
#include <cstdint>

namespace mgo::fuzz {

enum class Stage { Parse, Check, Codegen };

// Runs the stages up to `last` over data; aborts on a finding.
void compile(const uint8_t *data, size_t size, Stage last);

} // namespace mgo::fuzz

#endif

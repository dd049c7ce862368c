// libFuzzer entry point: lexing, parsing and checking.
#include "test/fuzz/Pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  mgo::fuzz::compile(data, size, mgo::fuzz::Stage::Check);
  return 0;
}

// libFuzzer entry point: the whole front end and codegen, with the IR verifier.
#include "test/fuzz/Pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  mgo::fuzz::compile(data, size, mgo::fuzz::Stage::Codegen);
  return 0;
}

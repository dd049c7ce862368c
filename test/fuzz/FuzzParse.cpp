// libFuzzer entry point: the lexer and the parser (syntax errors are fine;
// crashes are not).
#include "test/fuzz/Pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  mgo::fuzz::compile(data, size, mgo::fuzz::Stage::Parse);
  return 0;
}

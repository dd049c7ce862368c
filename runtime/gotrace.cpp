// Package runtime/trace's annotations (compiled from Go's sources), which
// gc's runtime turns into trace events while tracing is on. mgoc's runtime
// has no execution tracer (runtime.StartTrace fails, stdlib/runtime/trace.go),
// so, as gc's runtime does while tracing is off, they record nothing.
#include "mgo/abi.h"

extern "C" {

void mgo_runtime_trace_userTaskCreate(mgo_int, mgo_int, MgoString) {}
void mgo_runtime_trace_userTaskEnd(mgo_int) {}
void mgo_runtime_trace_userRegion(mgo_int, mgo_int, MgoString) {}
void mgo_runtime_trace_userLog(mgo_int, MgoString, MgoString) {}

} // extern "C"

// Internal interface of the panic machinery (panic.cpp) for the rest of the
// runtime. Every fatal path funnels through these functions so that issue 4
// (recover) can turn them into real panics in one place.
#ifndef MGO_RUNTIME_PANIC_H
#define MGO_RUNTIME_PANIC_H

#include "mgo/abi.h"

#include <string_view>

extern "C" {
// The id printed in "goroutine N [running]:". panic.cpp defines a weak
// version returning 1; the scheduler overrides it with a strong definition.
mgo_int mgo_current_goroutine_id(void);
}

namespace mgo {

// "panic: runtime error: <msg>" (Go's runtime.Error values).
[[noreturn]] void panic_runtime_error(std::string_view msg);
// "panic: <msg>" for the runtime's plainError panics (nil map assignment).
[[noreturn]] void panic_plain(std::string_view msg);
// Gives standard output a large buffer unless it is a terminal; defined by
// fmt.cpp, which owns standard output, and called once by mgo_start.
void init_stdout();
// Writes any buffered standard output; defined by fmt.cpp.
void flush_stdout();

} // namespace mgo

#endif

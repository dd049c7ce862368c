// Internal interface of the panic machinery (panic.cpp: values and messages,
// unwind.cpp: raising, deferred calls, recover) for the rest of the runtime.
#ifndef MGO_RUNTIME_PANIC_H
#define MGO_RUNTIME_PANIC_H

#include "mgo/abi.h"

#include <string>
#include <string_view>

extern "C" {
// The id printed in "goroutine N [running]:". panic.cpp defines a weak
// version returning 1; the scheduler overrides it with a strong definition.
mgo_int mgo_current_goroutine_id(void);
}

namespace mgo {

// Panics with a runtime.Error whose Error() is "runtime error: <msg>".
[[noreturn]] void panic_runtime_error(std::string_view msg);
// Panics with a runtime.Error whose Error() is msg (Go's plainError: nil map
// assignment, closed channels).
[[noreturn]] void panic_plain(std::string_view msg);
// Panics with a *runtime.TypeAssertionError whose Error() is msg (failed
// type assertions and interface conversions).
[[noreturn]] void panic_type_assertion(std::string_view msg);
// Raises panic(value); nilDeref adds Go's signal line if nothing recovers it.
[[noreturn]] void raise_panic(MgoAny value, bool nilDeref = false);
// Go's printpanicval: the text after "panic: ".
std::string panic_value_text(const MgoAny *v);
// Runs a goroutine's body; a panic nothing recovered ends the process here.
void run_goroutine(void (*fn)(void *), void *arg);
// Runs fn(arg) as a deferred recover() around it would: false, with the
// value in *recovered, if it panicked (fmt's catchPanic).
bool call_recovering(void (*fn)(void *), void *arg, MgoAny *recovered);

} // namespace mgo

#endif

// Internal interface of symtab.cpp: program counters to Go functions, files
// and lines, read from the executable's DWARF line tables (docs/runtime.md,
// Tracebacks), and the goroutine stacks traceback.cpp walks with them.
#ifndef MGO_RUNTIME_SYMTAB_H
#define MGO_RUNTIME_SYMTAB_H

#include <cstdint>
#include <string_view>

namespace mgo::symtab {

// A pc of a logical frame: a code address, with the depth of the inlined
// call it stands for in the top byte (0: the innermost function at the
// address). runtime.Callers hands these out, one per logical frame as gc's
// does, so that FuncForPC and CallersFrames find inlined frames again.
constexpr int kDepthShift = 56;
inline uintptr_t address(uintptr_t pc) {
  return pc & ((uintptr_t(1) << kDepthShift) - 1);
}
inline int depth(uintptr_t pc) { return int(pc >> kDepthShift); }
inline uintptr_t with_depth(uintptr_t addr, int d) {
  return addr | uintptr_t(d) << kDepthShift;
}

struct Frame {
  std::string_view function; // gc's name: main.(*T).M, main.main.func1
  uintptr_t entry = 0;       // the entry of the function holding the code
  std::string_view file;
  int line = 0;
  int depth = 0;        // how many inlined calls enclose this frame at the pc
  bool inlined = false; // the function was inlined into another there
  // gc prints the frame as f(...) (arguments, or an inlined call), not f()
  bool params = false;
  // gc's wrapper of a go statement's call (main.main.func3) or of a method
  // value (main.(*T).M-fm): codegen's artificial function, shown as a frame
  // only at level 2 and at the entry of a goroutine that has not run.
  bool wrapper = false;
};

// The logical frame at code address addr and inlining depth d: false when
// addr is not in a Go function or d is beyond its inlined calls.
bool lookup(uintptr_t addr, int d, Frame *out);
// The function whose code starts at addr, at its declaration's line (gc's
// line for a function's entry pc): false when none does.
bool entry_frame(uintptr_t addr, Frame *out);
// Builds the tables if no thread has yet, without a lock or malloc: for a
// signal handler, before its first lookup, which then takes no lock either.
// A thread the handler interrupted while it built them is not waited for.
void prepare_for_signal();
// How many logical frames the code at addr stands for (1 + the inlined
// calls enclosing it), 0 outside Go code.
int depth_count(uintptr_t addr);

} // namespace mgo::symtab

#endif

// Internal interface of traceback.cpp: the current goroutine's stack as Go
// code sees it (logical frames, with the frames of a panic whose deferred
// calls are running), and Go's traceback text.
#ifndef MGO_RUNTIME_TRACEBACK_H
#define MGO_RUNTIME_TRACEBACK_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace mgo {

// Where traceback text goes, piece by piece: a string (StringOut), or
// standard error through a fixed buffer (FdOut), which allocates nothing
// and takes no lock, for a signal handler's report.
class TextOut {
public:
  virtual void write(const char *p, size_t n) = 0;
  void put(std::string_view s) { write(s.data(), s.size()); }
  void put(char c) { write(&c, 1); }
  void dec(int64_t v);
  void hex(uint64_t v); // 0x..., as Go's print(uintptr)

protected:
  ~TextOut() = default;
};

class StringOut final : public TextOut {
public:
  explicit StringOut(std::string &s) : s_(s) {}
  void write(const char *p, size_t n) override { s_.append(p, n); }

private:
  std::string &s_;
};

class FdOut final : public TextOut {
public:
  explicit FdOut(int fd) : fd_(fd) {}
  void write(const char *p, size_t n) override;
  void flush();

private:
  int fd_;
  size_t n_ = 0;
  char buf_[4096];
};

namespace rt {
struct G;
}

// The most frames a stack keeps, as Go's traceback prints at most 100.
constexpr int kMaxTraceFrames = 100;

struct Trace {
  int n;                          // set by capture_trace
  bool elided;                    // the stack had more frames
  uintptr_t pcs[kMaxTraceFrames]; // return addresses (symtab.h encoding)
  // A goroutine that has not run: pcs[0] is the entry of its function, not
  // a return address.
  bool unstarted;
};

// The calling goroutine's logical Go frames, its caller's first. A frame
// running deferred calls for a panic shows the panic's stack below a
// runtime.gopanic frame, as Go's deferred calls run on top of the panicking
// frames. The bottom gets runtime.main (goroutine 1) and runtime.goexit.
void capture_trace(Trace *out);
// The same of g, a goroutine that is not running: from its saved context,
// or, not started yet, its function at its entry above runtime.goexit.
void capture_parked_trace(const rt::G *g, Trace *out);
// Go's "goroutine N [state]:" block for g: its frames, from the newest (of
// `trace`) and "created by" its go statement's function; the runtime's
// frames too at level 2 and above (TracebackMode).
void append_traceback(TextOut &out, const rt::G *g, const char *state,
                      const Trace &trace, int level);
// GOTRACEBACK, read once: Go's level (0 none, 1 single and all, 2 system
// and crash), whether every goroutine is shown, and whether a fatal error
// ends in SIGABRT.
struct TracebackMode {
  int level;
  bool all;
  bool crash;
};
TracebackMode traceback_mode();
// Reads GOTRACEBACK, at start-up: what traceback_mode says from then on.
void traceback_init();
// From now on tracebacks show the runtime's frames (level 2), as Go's do
// while the runtime throws.
void set_throwing();
// Go's tracebackothers: a blank line and the traceback of every goroutine
// but me (parked ones from their saved contexts; one running on another M
// as "stack unavailable"). Other goroutines must be frozen or asleep.
void append_goroutines(TextOut &out, const rt::G *me, int level);
// Writes a fatal report to standard error and ends the process: exit
// status 2, or SIGABRT at GOTRACEBACK=crash.
[[noreturn]] void write_fatal(const std::string &out);
// The same once the report went out through out (flushed here).
[[noreturn]] void write_fatal(FdOut &out);

// gc's dieFromSignal: sig's default action, unblocked, ends the process;
// exit status 2 if that does not.
[[noreturn]] void die_from_signal(int sig);
// The stack of the newest panic (or Goexit) of goroutine g whose
// deferred calls are running, and the frame running them: its canonical
// frame address and the pc its landing pad called from (unwind.cpp); null
// when none is.
const Trace *running_panic(const rt::G *g, uintptr_t *cfa, uintptr_t *pc,
                           bool *goexit);
// The canonical frame address and return address of the caller of the
// function calling this: a frame's name for capture_trace (split-stack
// frames keep their locals on another segment than their CFA, so an
// address inside cannot name them).
void caller_frame(uintptr_t *cfa, uintptr_t *pc);

} // namespace mgo

#endif

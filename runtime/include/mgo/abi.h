// The data layout shared by compiled code and the runtime.
//
// Codegen emits LLVM types with exactly these layouts (see
// codegen/RuntimeABI.cpp), and runtime/include/mgo/abi.def declares every entry
// point in terms of the mgo_* scalar aliases below, so the two sides cannot
// drift: a runtime definition whose signature differs from abi.def does not
// compile, and codegen derives its LLVM declarations from the same table.
//
// Calling convention (x86-64 SysV, C linkage): parameters are scalars or
// pointers only; results are a scalar, a pointer, an MgoString (two words,
// returned in RAX:RDX by both clang and LLVM) or an MgoComplex128 (two doubles,
// returned in XMM0:XMM1 by both). Anything larger travels through a pointer
// the caller provides.
#ifndef MGO_ABI_H
#define MGO_ABI_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef int64_t mgo_int; // Go int, uint, uintptr and every length
typedef double mgo_f64;
typedef bool mgo_bool; // i1 in IR, zero-extended byte in C
typedef int32_t mgo_rune;
typedef void *mgo_ptr;

// Go string: immutable bytes, not NUL-terminated.
typedef struct MgoString {
  const uint8_t *ptr;
  mgo_int len;
} MgoString;

// Go complex128, as codegen's {double, double}.
typedef struct MgoComplex128 {
  double re;
  double im;
} MgoComplex128;

// Go slice.
typedef struct MgoSlice {
  void *ptr;
  mgo_int len;
  mgo_int cap;
} MgoSlice;

// The results of a function without a body that returns more than one value
// (or a slice): written through a pointer its C function takes last, laid
// out as codegen lays out the results (codegen/RuntimeFuncs.cpp).
// syscall.RawSyscall6's (r1, r2 uintptr, err Errno):
typedef struct MgoWords3 {
  mgo_int w[3];
} MgoWords3;
// syscall's rawSyscallNoError (r1, r2) and rawVforkSyscall (r1, err):
typedef struct MgoWords2 {
  mgo_int w[2];
} MgoWords2;

// Type kinds, in Go's reflect.Kind order.
enum MgoKind {
  MGO_INVALID = 0,
  MGO_BOOL,
  MGO_INT,
  MGO_INT8,
  MGO_INT16,
  MGO_INT32,
  MGO_INT64,
  MGO_UINT,
  MGO_UINT8,
  MGO_UINT16,
  MGO_UINT32,
  MGO_UINT64,
  MGO_UINTPTR,
  MGO_FLOAT32,
  MGO_FLOAT64,
  MGO_COMPLEX64,
  MGO_COMPLEX128,
  MGO_ARRAY,
  MGO_CHAN,
  MGO_FUNC,
  MGO_INTERFACE,
  MGO_MAP,
  MGO_POINTER,
  MGO_SLICE,
  MGO_STRING,
  MGO_STRUCT,
  MGO_UNSAFEPOINTER,
};

typedef struct MgoType MgoType;

typedef struct MgoField {
  MgoString name;
  const MgoType *type;
  mgo_int offset;
} MgoField;

// A method of a type's method set, for interface tables and fmt's
// Stringer/error. fn takes the interface's data pointer (a pointer to the
// boxed value) first, then the method's parameters: the same LLVM signature as
// a func value of the method's type whose closure context is the data pointer.
// Interface descriptors list their methods with fn == NULL.
typedef struct MgoMethod {
  MgoString name;
  const MgoType *type; // the method's func type, without receiver
  void *fn;
} MgoMethod;

// One descriptor per Go type that reaches the runtime (map keys and values,
// fmt arguments, interface values). Codegen emits them as constant globals;
// identical types share one descriptor, so pointer equality is type identity.
struct MgoType {
  mgo_int kind;           // enum MgoKind
  mgo_int size;           // bytes
  mgo_int align;          // bytes
  MgoString name;         // as %T prints it: "int", "[]string", "main.point"
  const MgoType *elem;    // pointer, slice, array, chan: element; map: value
  const MgoType *key;     // map: key
  mgo_int len;            // array: length; struct: field count; func: 0
  const MgoField *fields; // struct: fields
  // The method set, sorted by name: for a named type T its value-receiver
  // methods, for *T every method of T (Go's method sets, so a T holding only
  // a *T String method is no Stringer); for an interface its methods.
  mgo_int nmethods;
  const MgoMethod *methods;
  mgo_int chandir; // chan: 1 recv-only, 2 send-only, 3 both
};

// Package reflect's part of a descriptor. Only a program that imports reflect
// has it: codegen then emits every descriptor as one constant {MgoType,
// MgoTypeX}, so it sits right after the MgoType; nothing but stdlib/reflect
// reads it, and programs without reflect pay nothing for it.
typedef struct MgoFieldX {
  MgoString tag;
  MgoString pkgpath; // an unexported field's package ("" if exported)
  mgo_int embedded;
} MgoFieldX;

typedef struct MgoTypeX {
  MgoString pkgpath;   // a named type's package path ("main" for main's)
  mgo_int named;       // a defined or predeclared type (Type.Name is not "")
  const MgoType *ptrto;    // T's *T; NULL if T is a pointer (reflect makes **T)
  const MgoFieldX *fieldx; // struct: per field, as fields
  // func: the nin parameter types, then the nout result types.
  const MgoType *const *params;
  mgo_int nin;
  mgo_int nout;
  mgo_int variadic;
  // func: codegen's stubs for this signature (docs/lowering.md, reflect).
  void *call;        // (env, code, ctx, args, results): calls code
  void *makefunc;    // the code of a MakeFunc closure {makefunc, dispatch}
  void *methodvalue; // the code of a method value {methodvalue, fn, data}
  void *methodexpr;  // the code of a method expression {methodexpr, fn}
  // Not an interface: per methods entry, its func type with the receiver
  // as first parameter (Method.Type).
  const MgoType *const *mtypes;
  // The descriptor's entry in the mgo_typelinks section (a pointer back to
  // it), which reflect's *Of functions search.
  const void *typelink;
} MgoTypeX;

// Interface values are two words, as in Go. The second word always points to
// a copy of the value (pointers are boxed too, so every method wrapper and the
// runtime find the value the same way). The first word is:
//   - empty interface (any, interface{}): the dynamic type (MgoAny below); fmt
//     and panic receive every argument in this form.
//   - non-empty interface: the itab of (interface, dynamic type).
// A nil interface has a NULL first word either way.
// Why the itab word: a method call is two dependent loads (itab, then the
// function pointer at a constant offset) and an indirect call, with no lookup;
// the dynamic type, for assertions, type switches, == and conversion to any,
// is one more load because it is the itab's first field.
typedef struct MgoAny {
  const MgoType *type;
  void *data;
} MgoAny;

// Interface table of one (interface, concrete type) pair. Codegen emits a
// constant itab wherever the pair is known at compile time; the runtime builds
// (and caches) the others for assertions and conversions between interfaces.
// fun[i] is the concrete method for the interface's i-th method (by name).
typedef struct MgoItab {
  const MgoType *type;  // first: the dynamic type is one load away
  const MgoType *inter; // the interface type
  void *fun[];
} MgoItab;

// A non-empty interface value.
typedef struct MgoIface {
  const MgoItab *itab;
  void *data;
} MgoIface;

// The first words of every map (runtime/map.cpp), as -g's DWARF describes
// them (struct hash<K,V>) for the debugger: slot i of the cap slots is full
// when ctrl[i] >= 0x80 and holds the key at its start and the value after
// it, laid out as a C struct { K key; V value; } is.
typedef struct MgoMapHeader {
  const MgoType *key_type;
  void *hash;
  void *equal;
  const uint8_t *ctrl;
  void *slots;
  mgo_int cap;
  mgo_int count;
} MgoMapHeader;

// The goroutine table as the gdb extension (runtime/mgo-gdb.py) reads it,
// through the one symbol mgo_debug_layout (docs/runtime.md, Debugger
// interface). Offsets are in bytes; the runtime fills them in, so the
// extension follows the G structure as it changes.
typedef struct MgoDebugLayout {
  mgo_int version;     // 1; raised when a field's meaning changes
  void *const *allg;   // G *g = ((G **)allg[i / allg_chunk])[i % allg_chunk]
  const void *allglen; // size_t: how many Gs allg holds, dead ones included
  mgo_int allg_chunk;
  mgo_int g_goid;       // int64: the goroutine's id
  mgo_int g_status;     // uint32: 0 idle, 1 runnable, 2 running, 3 waiting,
                        // 4 dead
  mgo_int g_waitreason; // const char *: why it waits ("chan receive")
  mgo_int g_ctx;        // void *: its saved context while switched out
  mgo_int g_gopc;       // uintptr: the return address of its go statement
  mgo_int g_seg;        // the stack segment in use: a thread whose sp is in
  mgo_int stack_lo;     // [seg->lo, seg->hi) runs this G (the offsets of lo
  mgo_int stack_hi;     // and hi in a segment)
  // Where a saved context holds the registers a debugger needs to unwind
  // the goroutine's stack; its sp, as the unwind tables at that pc see it,
  // is the context's address plus ctx_sp.
  mgo_int ctx_pc, ctx_rbp, ctx_rbx, ctx_r12, ctx_r13, ctx_r14, ctx_r15;
  mgo_int ctx_sp;
} MgoDebugLayout;
extern const MgoDebugLayout mgo_debug_layout;

// Map iteration state, owned by compiled code (an alloca) and filled by the
// runtime. key and value point into the map, valid until the next call.
typedef struct MgoMapIter {
  void *map;
  void *key;
  void *value;
  mgo_int bucket;
  mgo_int index;
  void *reserved[4];
} MgoMapIter;

// --- goroutines, channels, select, timers, sync
// ------------------------------- Owned by the goroutine runtime
// (runtime/sched.cpp and neighbours).

// One case of a select statement. chan NULL: the case never proceeds (Go's
// nil channel). elem: the value to send, or where to store the received one
// (NULL discards it).
enum { MGO_SELECT_SEND = 1, MGO_SELECT_RECV = 2 };
typedef struct MgoSelectCase {
  void *chan;
  mgo_int dir; // MGO_SELECT_SEND or MGO_SELECT_RECV
  void *elem;
} MgoSelectCase;

// The preemption poll's flag: the number of Ms whose goroutine sysmon has
// asked to yield. Compiled code loads it (relaxed) at every loop back-edge and
// calls mgo_preempt_check only when it is non-zero, so a loop pays one load
// and a predicted branch per iteration.
extern uint32_t mgo_preempt_pending;

// time.Time as timers deliver it on their channels, in the encoding of Go's
// time.go (compiled from Go's sources): wall holds the hasMonotonic flag
// (bit 63), seconds since 1885 (bits 30..62) and nanoseconds (bits 0..29),
// ext the monotonic reading relative to time's startNano; loc is time.Local.
typedef struct MgoTime {
  uint64_t wall;
  mgo_int ext;
  void *loc;
} MgoTime;

// time.Timer and time.Ticker: a runtime object whose first word is the
// channel C (NULL for AfterFunc timers), so codegen loads t.C directly.

// The sync types' storage. Compiled code allocates them zeroed (Go's zero
// value is an unlocked mutex, an empty WaitGroup...) and passes their address;
// only the runtime touches the fields.
typedef struct MgoMutex {
  int32_t state;
  uint32_t sema;
} MgoMutex;
typedef struct MgoRWMutex {
  MgoMutex w;
  uint32_t writer_sem;
  uint32_t reader_sem;
  int32_t reader_count;
  int32_t reader_wait;
} MgoRWMutex;
typedef struct MgoWaitGroup {
  uint64_t state; // counter in the high 32 bits, waiters in the low 32
  uint32_t sema;
  uint32_t pad;
} MgoWaitGroup;
typedef struct MgoOnce {
  uint32_t done;
  MgoMutex m;
} MgoOnce;
// sync.Cond's runtime part (Go's notifyList); its Locker travels separately.
typedef struct MgoCond {
  uint32_t wait;
  uint32_t notify;
  uint32_t lock;
  uint32_t pad;
  void *head;
  void *tail;
} MgoCond;

// A panic entry point is noreturn on the C side too, so the compiler checks
// that its definition never returns. C++ says so with [[noreturn]], which
// leaves the function's type alone: clang makes GNU's noreturn part of it,
// and codegen/RuntimeABI.cpp matches the types against plain signatures.
#define MGO_C_ATTR_MGO_NONE
#define MGO_C_ATTR_MGO_PURE
#ifdef __cplusplus
#define MGO_C_ATTR_MGO_NORETURN [[noreturn]]
#else
#define MGO_C_ATTR_MGO_NORETURN __attribute__((noreturn))
#endif
#define MGO_RT(name, ret, params, attrs) MGO_C_ATTR_##attrs ret name params;
#include "mgo/abi.def"
#undef MGO_RT

#ifdef __cplusplus
}
#endif

#endif

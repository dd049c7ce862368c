// Package fmt's printing: Print, Println, Printf and their S variants.
//
// This is a transcription of Go 1.19's fmt/print.go and fmt/format.go, with
// reflect replaced by type descriptors: a value is a (MgoType, pointer to the
// value) pair. Go's quirks are kept on purpose because programs print them:
// flags apply to every element of a composite, bad verbs print
// "%!v(type=value)", %v of a non-nil pointer at top level prints &{...},
// and map keys are sorted as internal/fmtsort sorts them.
//
// Print, Println and Printf are one write(2) to descriptor 1 per call, as
// gc's Fprintf to os.Stdout, so their output interleaves with os.Stdout's
// (Go's os, which writes the descriptor itself), a child process's and
// stderr's without a buffer to flush.
#include "format_float.h"
#include "panic.h"
#include "quote.h"
#include "sched.h"
#include "strings.h"
#include "syscall.h"
#include "types.h"

#include <algorithm>
#include <cerrno>
#include <complex>
#include <cstring>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

constexpr char kLowerDigits[] = "0123456789abcdefx";
constexpr char kUpperDigits[] = "0123456789ABCDEFX";

struct Value {
  const MgoType *type; // nullptr: an invalid value (a nil interface)
  const void *data;
};

template <typename T> T load(const void *p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

bool is_signed_kind(mgo_int k) { return k >= MGO_INT && k <= MGO_INT64; }
bool is_unsigned_kind(mgo_int k) { return k >= MGO_UINT && k <= MGO_UINTPTR; }

int64_t load_int(const Value &v) {
  switch (v.type->kind) {
  case MGO_INT8:
    return load<int8_t>(v.data);
  case MGO_INT16:
    return load<int16_t>(v.data);
  case MGO_INT32:
    return load<int32_t>(v.data);
  default:
    return load<int64_t>(v.data);
  }
}

uint64_t load_uint(const Value &v) {
  switch (v.type->kind) {
  case MGO_UINT8:
    return load<uint8_t>(v.data);
  case MGO_UINT16:
    return load<uint16_t>(v.data);
  case MGO_UINT32:
    return load<uint32_t>(v.data);
  default:
    return load<uint64_t>(v.data);
  }
}

double load_float(const Value &v) {
  return v.type->kind == MGO_FLOAT32 ? load<float>(v.data)
                                     : load<double>(v.data);
}

std::complex<double> load_complex(const Value &v) {
  if (v.type->kind == MGO_COMPLEX64)
    return std::complex<double>(load<std::complex<float>>(v.data));
  return load<std::complex<double>>(v.data);
}

std::string_view load_string(const void *p) {
  return mgo::view(load<MgoString>(p));
}

// The address a pointer-shaped value holds (slices: their array).
uintptr_t load_pointer(const Value &v) { return load<uintptr_t>(v.data); }

size_t rune_count(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0, w; i < s.size(); i += w, n++)
    if (uint8_t(s[i]) < 0x80)
      w = 1;
    else
      mgo::decode_rune(s, i, &w);
  return n;
}

// Exported fields are the only ones whose methods fmt may call (reflect's
// CanInterface).
bool is_exported(std::string_view name) {
  return !name.empty() && name[0] >= 'A' && name[0] <= 'Z';
}

// Map keys ordered as internal/fmtsort.compare orders them. NaNs sort first
// and equal to each other, which keeps the order strict-weak for std::sort;
// Go leaves their relative order unspecified.
int compare_values(const Value &a, const Value &b);

int three_way(auto a, auto b) { return a < b ? -1 : a > b ? 1 : 0; }

int compare_floats(double a, double b) {
  if (a != a || b != b)
    return three_way(b != b, a != a);
  return three_way(a, b);
}

int compare_elements(const Value &a, const Value &b) {
  const MgoType *t = a.type;
  auto *pa = static_cast<const char *>(a.data);
  auto *pb = static_cast<const char *>(b.data);
  if (t->kind == MGO_ARRAY) {
    for (mgo_int i = 0; i < t->len; i++) {
      mgo_int off = i * t->elem->size;
      if (int c = compare_values({t->elem, pa + off}, {t->elem, pb + off}))
        return c;
    }
    return 0;
  }
  for (mgo_int i = 0; i < t->len; i++) {
    const MgoField &f = t->fields[i];
    if (int c =
            compare_values({f.type, pa + f.offset}, {f.type, pb + f.offset}))
      return c;
  }
  return 0;
}

int compare_values(const Value &a, const Value &b) {
  const MgoType *t = a.type;
  switch (t->kind) {
  case MGO_INT:
  case MGO_INT8:
  case MGO_INT16:
  case MGO_INT32:
  case MGO_INT64:
    return three_way(load_int(a), load_int(b));
  case MGO_UINT:
  case MGO_UINT8:
  case MGO_UINT16:
  case MGO_UINT32:
  case MGO_UINT64:
  case MGO_UINTPTR:
    return three_way(load_uint(a), load_uint(b));
  case MGO_STRING:
    return three_way(load_string(a.data), load_string(b.data));
  case MGO_FLOAT32:
  case MGO_FLOAT64:
    return compare_floats(load_float(a), load_float(b));
  case MGO_COMPLEX64:
  case MGO_COMPLEX128: {
    auto x = load_complex(a), y = load_complex(b);
    int c = compare_floats(x.real(), y.real());
    return c != 0 ? c : compare_floats(x.imag(), y.imag());
  }
  case MGO_BOOL:
    return three_way(load<bool>(a.data), load<bool>(b.data));
  case MGO_STRUCT:
  case MGO_ARRAY: {
    // A level of recursion as deep as the key's type nests, or the key
    // through interfaces; the runtime is not split code (sched.h).
    int c;
    mgo::rt::with_stack_room([&] { c = compare_elements(a, b); });
    return c;
  }
  case MGO_INTERFACE: {
    MgoAny x = mgo::load_any(t, a.data), y = mgo::load_any(t, b.data);
    if (x.type == nullptr || y.type == nullptr)
      return three_way(x.type != nullptr, y.type != nullptr);
    // Go orders dynamic types by descriptor address, which a program
    // cannot match; the type's name (as %T prints it) gives an order that
    // does not depend on the link (docs/language.md).
    if (x.type != y.type) {
      int c = three_way(mgo::view(x.type->name), mgo::view(y.type->name));
      return c != 0 ? c : three_way(uintptr_t(x.type), uintptr_t(y.type));
    }
    return compare_values({x.type, x.data}, {y.type, y.data});
  }
  default: // pointers, channels, unsafe pointers: by address
    return three_way(load_pointer(a), load_pointer(b));
  }
}

// Whether values of type t satisfy error (its method set has Error() string).
bool is_error(const MgoType *t) {
  if (t == nullptr || t->methods == nullptr || t->kind == MGO_INTERFACE)
    return false;
  for (mgo_int i = 0; i < t->nmethods; i++) {
    const MgoMethod &m = t->methods[i];
    if (mgo::view(m.name) == "Error" && m.type != nullptr &&
        mgo::view(m.type->name) == "func() string")
      return true;
  }
  return false;
}

class Printer {
public:
  std::string buf;

  void do_print(const MgoAny *args, mgo_int count);
  void do_println(const MgoAny *args, mgo_int count);
  void do_printf(std::string_view format, const MgoAny *args, mgo_int count);

  // Go's pp.wrapErrs and pp.wrappedErr: Errorf accepts one %w of an error,
  // remembered by its argument index (-1: none).
  bool wrap_errs = false;
  mgo_int wrapped = -1;

private:
  // fmt.fmtFlags plus width and precision.
  struct Flags {
    bool wid_present = false, prec_present = false, minus = false, plus = false,
         sharp = false, space = false, zero = false, plus_v = false,
         sharp_v = false;
    int wid = 0, prec = 0;
  };
  Flags flags_;
  // pp.arg / pp.value: what bad_verb reports; arg_is_top_ selects between
  // Go's "arg" (printed with printArg) and "value" (printValue) cases.
  Value arg_{nullptr, nullptr};
  bool arg_is_top_ = false;
  bool erroring_ = false, panicking_ = false;
  mgo_int arg_index_ = -1;
  bool reordered_ = false, good_arg_num_ = true;

  void restore_flags(const Printer &p) {
    flags_ = p.flags_;
    arg_ = p.arg_;
    arg_is_top_ = p.arg_is_top_;
  }

  void clear_flags() { flags_ = Flags{}; }

  // --- format.go ---
  void write_padding(int n) {
    if (n > 0)
      buf.append(size_t(n), flags_.zero ? '0' : ' ');
  }

  void pad(std::string_view s) {
    if (!flags_.wid_present || flags_.wid == 0) {
      buf += s;
      return;
    }
    int width = flags_.wid - int(rune_count(s));
    if (!flags_.minus) {
      write_padding(width);
      buf += s;
    } else {
      buf += s;
      write_padding(width);
    }
  }

  // Pads without zero padding, as Go does for everything but numbers.
  void pad_spaces(std::string_view s) {
    bool old = flags_.zero;
    flags_.zero = false;
    pad(s);
    flags_.zero = old;
  }

  void fmt_boolean(bool v) { pad(v ? "true" : "false"); }

  void fmt_unicode(uint64_t u) {
    std::string tail;
    if (flags_.sharp && u <= uint64_t(mgo::kMaxRune) &&
        mgo::is_print(int32_t(u))) {
      tail = " '";
      mgo::append_rune(tail, int64_t(u));
      tail += '\'';
    }
    std::string hex;
    for (uint64_t x = u; x != 0 || hex.empty(); x >>= 4)
      hex.insert(hex.begin(), kUpperDigits[x & 0xF]);
    int prec = flags_.prec_present && flags_.prec > 4 ? flags_.prec : 4;
    if (int(hex.size()) < prec)
      hex.insert(0, size_t(prec) - hex.size(), '0');
    pad_spaces("U+" + hex + tail);
  }

  void fmt_integer(uint64_t u, int base, bool is_signed, char32_t verb,
                   const char *digits) {
    bool negative = is_signed && int64_t(u) < 0;
    if (negative)
      u = -u;
    int prec = 0;
    if (flags_.prec_present) {
      prec = flags_.prec;
      if (prec == 0 && u == 0) {
        bool old = flags_.zero;
        flags_.zero = false;
        write_padding(flags_.wid);
        flags_.zero = old;
        return;
      }
    } else if (flags_.zero && flags_.wid_present) {
      prec = flags_.wid;
      if (negative || flags_.plus || flags_.space)
        prec--; // leave room for the sign
    }
    std::string s; // built backwards
    int shift = base == 16 ? 4 : base == 8 ? 3 : base == 2 ? 1 : 0;
    if (shift == 0) {
      for (; u >= 10; u /= 10)
        s += char('0' + u % 10);
    } else {
      for (; u >= uint64_t(base); u >>= shift)
        s += digits[u & (base - 1)];
    }
    s += digits[u];
    while (int(s.size()) < prec)
      s += '0';
    if (flags_.sharp) {
      if (base == 2)
        s += "b0";
      else if (base == 8 && s.back() != '0')
        s += '0';
      else if (base == 16)
        s += std::string{digits[16], '0'};
    }
    if (verb == 'O')
      s += "o0";
    if (negative)
      s += '-';
    else if (flags_.plus)
      s += '+';
    else if (flags_.space)
      s += ' ';
    std::reverse(s.begin(), s.end());
    pad_spaces(s);
  }

  std::string_view truncate(std::string_view s) {
    if (flags_.prec_present) {
      int n = flags_.prec;
      for (size_t i = 0, w; i < s.size(); i += w) {
        if (--n < 0)
          return s.substr(0, i);
        mgo::decode_rune(s, i, &w);
      }
    }
    return s;
  }

  void fmt_s(std::string_view s) { pad(truncate(s)); }

  void fmt_sbx(std::string_view s, const char *digits) {
    int length = int(s.size());
    if (flags_.prec_present && flags_.prec < length)
      length = flags_.prec;
    int width = 2 * length;
    if (width > 0) {
      if (flags_.space) {
        if (flags_.sharp)
          width *= 2;
        width += length - 1;
      } else if (flags_.sharp) {
        width += 2;
      }
    } else {
      if (flags_.wid_present)
        write_padding(flags_.wid);
      return;
    }
    if (flags_.wid_present && flags_.wid > width && !flags_.minus)
      write_padding(flags_.wid - width);
    if (flags_.sharp) {
      buf += '0';
      buf += digits[16];
    }
    for (int i = 0; i < length; i++) {
      if (flags_.space && i > 0) {
        buf += ' ';
        if (flags_.sharp) {
          buf += '0';
          buf += digits[16];
        }
      }
      uint8_t c = uint8_t(s[i]);
      buf += digits[c >> 4];
      buf += digits[c & 0xF];
    }
    if (flags_.wid_present && flags_.wid > width && flags_.minus)
      write_padding(flags_.wid - width);
  }

  void fmt_q(std::string_view s) {
    s = truncate(s);
    if (flags_.sharp && mgo::can_backquote(s)) {
      pad("`" + std::string(s) + "`");
      return;
    }
    std::string q;
    mgo::append_quote(q, s, flags_.plus);
    pad(q);
  }

  static int32_t to_rune(uint64_t c) {
    return c > uint64_t(mgo::kMaxRune) ? mgo::kRuneError : int32_t(c);
  }

  void fmt_c(uint64_t c) {
    std::string s;
    mgo::append_rune(s, to_rune(c));
    pad(s);
  }

  void fmt_qc(uint64_t c) {
    std::string s;
    mgo::append_quote_rune(s, to_rune(c), flags_.plus);
    pad(s);
  }

  void fmt_float(double v, int size, char verb, int prec) {
    if (flags_.prec_present)
      prec = flags_.prec;
    std::string num = "+";
    mgo::append_float(num, v, verb, prec, size);
    if (num[1] == '-' || num[1] == '+')
      num.erase(0, 1);
    if (flags_.space && num[0] == '+' && !flags_.plus)
      num[0] = ' ';
    if (num[1] == 'I' || num[1] == 'N') {
      if (num[1] == 'N' && !flags_.space && !flags_.plus)
        num.erase(0, 1);
      pad_spaces(num);
      return;
    }
    if (flags_.sharp && verb != 'b')
      add_float_sharp(num, verb, prec);
    if (flags_.plus || num[0] != '+') {
      if (flags_.zero && flags_.wid_present && flags_.wid > int(num.size())) {
        buf += num[0];
        write_padding(flags_.wid - int(num.size()));
        buf.append(num, 1);
        return;
      }
      pad(num);
      return;
    }
    pad(std::string_view(num).substr(1));
  }

  // %#g and friends: always show a decimal point and keep trailing zeros.
  static void add_float_sharp(std::string &num, char verb, int prec) {
    int digits = 0;
    if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x')
      digits = prec == -1 ? 6 : prec;
    std::string tail;
    bool has_point = false, saw_nonzero = false;
    for (size_t i = 1; i < num.size(); i++) {
      char c = num[i];
      if (c == '.') {
        has_point = true;
      } else if (c == 'p' || c == 'P' ||
                 ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
        tail = num.substr(i);
        num.resize(i);
        break;
      } else {
        saw_nonzero = saw_nonzero || c != '0';
        if (saw_nonzero)
          digits--;
      }
    }
    if (!has_point) {
      if (num.size() == 2 && num[1] == '0')
        digits--;
      num += '.';
    }
    if (digits > 0)
      num.append(size_t(digits), '0');
    num += tail;
  }

  // --- print.go ---
  void write_rune(char32_t r) { mgo::append_rune(buf, r); }

  void bad_verb(char32_t verb) {
    erroring_ = true;
    buf += "%!";
    write_rune(verb);
    buf += '(';
    if (arg_.type != nullptr) {
      buf += mgo::view(arg_.type->name);
      buf += '=';
      Value v = arg_;
      if (arg_is_top_)
        print_arg(v, 'v');
      else
        print_value(v, 'v', 0, true);
    } else {
      buf += "<nil>";
    }
    buf += ')';
    erroring_ = false;
  }

  void fmt_bool(bool v, char32_t verb) {
    if (verb == 't' || verb == 'v')
      fmt_boolean(v);
    else
      bad_verb(verb);
  }

  void fmt_0x64(uint64_t v, bool leading0x) {
    bool sharp = flags_.sharp;
    flags_.sharp = leading0x;
    fmt_integer(v, 16, false, 'v', kLowerDigits);
    flags_.sharp = sharp;
  }

  void fmt_int(uint64_t v, bool is_signed, char32_t verb) {
    switch (verb) {
    case 'v':
      if (flags_.sharp_v && !is_signed)
        fmt_0x64(v, true);
      else
        fmt_integer(v, 10, is_signed, verb, kLowerDigits);
      return;
    case 'd':
      return fmt_integer(v, 10, is_signed, verb, kLowerDigits);
    case 'b':
      return fmt_integer(v, 2, is_signed, verb, kLowerDigits);
    case 'o':
    case 'O':
      return fmt_integer(v, 8, is_signed, verb, kLowerDigits);
    case 'x':
      return fmt_integer(v, 16, is_signed, verb, kLowerDigits);
    case 'X':
      return fmt_integer(v, 16, is_signed, verb, kUpperDigits);
    case 'c':
      return fmt_c(v);
    case 'q':
      return fmt_qc(v);
    case 'U':
      return fmt_unicode(v);
    default:
      bad_verb(verb);
    }
  }

  void fmt_float_verb(double v, int size, char32_t verb) {
    switch (verb) {
    case 'v':
      return fmt_float(v, size, 'g', -1);
    case 'b':
    case 'g':
    case 'G':
    case 'x':
    case 'X':
      return fmt_float(v, size, char(verb), -1);
    case 'f':
    case 'e':
    case 'E':
      return fmt_float(v, size, char(verb), 6);
    case 'F':
      return fmt_float(v, size, 'f', 6);
    default:
      bad_verb(verb);
    }
  }

  void fmt_complex(std::complex<double> v, int size, char32_t verb) {
    switch (verb) {
    case 'v':
    case 'b':
    case 'g':
    case 'G':
    case 'x':
    case 'X':
    case 'f':
    case 'F':
    case 'e':
    case 'E': {
      bool old_plus = flags_.plus;
      buf += '(';
      fmt_float_verb(v.real(), size / 2, verb);
      flags_.plus = true;
      fmt_float_verb(v.imag(), size / 2, verb);
      buf += "i)";
      flags_.plus = old_plus;
      return;
    }
    default:
      bad_verb(verb);
    }
  }

  void fmt_string(std::string_view v, char32_t verb) {
    switch (verb) {
    case 'v':
      return flags_.sharp_v ? fmt_q(v) : fmt_s(v);
    case 's':
      return fmt_s(v);
    case 'x':
      return fmt_sbx(v, kLowerDigits);
    case 'X':
      return fmt_sbx(v, kUpperDigits);
    case 'q':
      return fmt_q(v);
    default:
      bad_verb(verb);
    }
  }

  // Only reached for %s %q %x %X: other verbs print byte slices elementwise.
  void fmt_bytes(std::string_view v, char32_t verb) {
    switch (verb) {
    case 's':
      return fmt_s(v);
    case 'x':
      return fmt_sbx(v, kLowerDigits);
    case 'X':
      return fmt_sbx(v, kUpperDigits);
    default:
      return fmt_q(v);
    }
  }

  void fmt_pointer(const Value &v, char32_t verb) {
    switch (v.type->kind) {
    case MGO_CHAN:
    case MGO_FUNC:
    case MGO_MAP:
    case MGO_POINTER:
    case MGO_SLICE:
    case MGO_UNSAFEPOINTER:
      break;
    default:
      return bad_verb(verb);
    }
    uintptr_t u = load_pointer(v);
    switch (verb) {
    case 'v':
      if (flags_.sharp_v) {
        buf += '(';
        buf += mgo::view(v.type->name);
        buf += ")(";
        if (u == 0)
          buf += "nil";
        else
          fmt_0x64(u, true);
        buf += ')';
      } else if (u == 0) {
        pad_spaces("<nil>");
      } else {
        fmt_0x64(u, !flags_.sharp);
      }
      return;
    case 'p':
      return fmt_0x64(u, !flags_.sharp);
    case 'b':
    case 'o':
    case 'd':
    case 'x':
    case 'X':
      return fmt_int(u, false, verb);
    default:
      bad_verb(verb);
    }
  }

  // Go's handleMethods: error and Stringer values print through their
  // methods for the verbs that format strings.
  bool handle_methods(const Value &v, char32_t verb) {
    if (erroring_)
      return false;
    if (verb == 'w') {
      if (!wrap_errs || wrapped >= 0 || !is_error(v.type)) {
        wrapped = -1;
        wrap_errs = false;
        bad_verb(verb);
        return true;
      }
      wrapped = arg_index_;
      verb = 'v';
    }
    MgoString s;
    if (flags_.sharp_v) {
      Call c = call_method(v, "GoString", verb, &s);
      if (c == Call::Returned)
        fmt_s(mgo::view(s));
      return c != Call::Missing;
    }
    switch (verb) {
    case 'v':
    case 's':
    case 'x':
    case 'X':
    case 'q':
      for (const char *name : {"Error", "String"}) {
        Call c = call_method(v, name, verb, &s);
        if (c == Call::Returned)
          fmt_string(mgo::view(s), verb);
        if (c != Call::Missing)
          return true;
      }
    }
    return false;
  }

  enum class Call { Missing, Returned, Panicked };

  struct MethodCall {
    const MgoType *type;
    void *data;
    const char *name;
    MgoString result;
    bool found;
  };

  static void run_method(void *arg) {
    auto *c = static_cast<MethodCall *>(arg);
    c->found = mgo::call_string_method(c->type, c->data, c->name, &c->result);
  }

  // Calls v's method name() string as Go's handleMethods does, with
  // catchPanic deferred: a panic in it is printed here.
  Call call_method(const Value &v, const char *name, char32_t verb,
                   MgoString *out) {
    MethodCall c{v.type, const_cast<void *>(v.data), name, {}, false};
    MgoAny err;
    if (mgo::call_recovering(run_method, &c, &err)) {
      *out = c.result;
      return c.found ? Call::Returned : Call::Missing;
    }
    catch_panic(v, verb, name, err);
    return Call::Panicked;
  }

  // Go's catchPanic: a nil pointer receiver prints <nil>; otherwise
  // %!verb(PANIC=Name method: value), and a panic while printing that one
  // panics again.
  void catch_panic(const Value &v, char32_t verb, const char *method,
                   const MgoAny &err) {
    if (v.type->kind == MGO_POINTER && load_pointer(v) == 0) {
      buf += "<nil>";
      return;
    }
    if (panicking_)
      mgo::raise_panic(err);
    Printer saved = *this;
    clear_flags();
    buf += "%!";
    write_rune(verb);
    buf += "(PANIC=";
    buf += method;
    buf += " method: ";
    panicking_ = true;
    print_arg({err.type, err.data}, 'v');
    panicking_ = false;
    buf += ')';
    restore_flags(saved);
  }

  void print_arg(const Value &arg, char32_t verb) {
    arg_ = arg;
    arg_is_top_ = true;
    if (arg.type == nullptr) {
      if (verb == 'T' || verb == 'v')
        pad_spaces("<nil>");
      else
        bad_verb(verb);
      return;
    }
    if (verb == 'T')
      return fmt_s(mgo::view(arg.type->name));
    if (verb == 'p')
      return fmt_pointer(arg, 'p');
    if (mgo::view(arg.type->name) == "reflect.Value")
      return print_reflect_value(arg, verb);
    if (!handle_methods(arg, verb))
      print_value(arg, verb, 0, true);
  }

  // A reflect.Value operand prints the value it holds, as Go's fmt does:
  // stdlib/reflect's Value is {type, pointer to the value, flags}, flagRO
  // (2) marking a value reached through an unexported field, whose methods
  // fmt may not call.
  void print_reflect_value(const Value &arg, char32_t verb) {
    struct ReflectValue {
      const MgoType *type;
      const void *ptr;
      uintptr_t flag;
    };
    auto rv = load<ReflectValue>(arg.data);
    Value inner{rv.type, rv.ptr};
    bool can_iface = (rv.flag & 2) == 0;
    if (inner.type != nullptr && inner.type->kind == MGO_INTERFACE) {
      MgoAny a = mgo::load_any(inner.type, inner.data);
      inner = Value{a.type, a.data};
    }
    if (inner.type != nullptr && can_iface) {
      arg_ = inner;
      arg_is_top_ = true;
      if (handle_methods(inner, verb))
        return;
    }
    print_value(inner, verb, 0, can_iface);
  }

  void print_map(const Value &v, char32_t verb, int depth, bool can_iface);
  void print_list(const MgoType *elem, const char *data, mgo_int n,
                  char32_t verb, int depth, bool can_iface);

  // can_iface is false below unexported fields, whose methods fmt cannot
  // call (reflect.Value.CanInterface).
  void print_value(const Value &v, char32_t verb, int depth, bool can_iface) {
    if (depth > 0 && v.type != nullptr && can_iface) {
      arg_ = v;
      arg_is_top_ = true;
      if (handle_methods(v, verb))
        return;
    }
    arg_ = v;
    arg_is_top_ = false;
    if (v.type == nullptr) {
      if (depth == 0)
        buf += "<invalid reflect.Value>";
      else if (verb == 'v')
        buf += "<nil>";
      else
        bad_verb(verb);
      return;
    }
    const MgoType *t = v.type;
    switch (t->kind) {
    case MGO_BOOL:
      return fmt_bool(load<bool>(v.data), verb);
    case MGO_INT:
    case MGO_INT8:
    case MGO_INT16:
    case MGO_INT32:
    case MGO_INT64:
      return fmt_int(uint64_t(load_int(v)), true, verb);
    case MGO_UINT:
    case MGO_UINT8:
    case MGO_UINT16:
    case MGO_UINT32:
    case MGO_UINT64:
    case MGO_UINTPTR:
      return fmt_int(load_uint(v), false, verb);
    case MGO_FLOAT32:
      return fmt_float_verb(load_float(v), 32, verb);
    case MGO_FLOAT64:
      return fmt_float_verb(load_float(v), 64, verb);
    case MGO_COMPLEX64:
      return fmt_complex(load_complex(v), 64, verb);
    case MGO_COMPLEX128:
      return fmt_complex(load_complex(v), 128, verb);
    case MGO_STRING:
      return fmt_string(load_string(v.data), verb);
    // A composite value is a level of the printer's recursion, as deep as
    // the value nests (fixedbugs/issue29312 prints a 253-deep slice).
    case MGO_MAP:
      return mgo::rt::with_stack_room(
          [&] { print_map(v, verb, depth, can_iface); });
    case MGO_STRUCT:
      return mgo::rt::with_stack_room(
          [&] { print_struct(v, verb, depth, can_iface); });
    case MGO_INTERFACE: {
      MgoAny any = mgo::load_any(t, v.data);
      if (any.type != nullptr)
        return print_value({any.type, any.data}, verb, depth + 1, can_iface);
      if (flags_.sharp_v) {
        buf += mgo::view(t->name);
        buf += "(nil)";
      } else {
        buf += "<nil>";
      }
      return;
    }
    case MGO_ARRAY:
    case MGO_SLICE:
      return mgo::rt::with_stack_room(
          [&] { print_array_or_slice(v, verb, depth, can_iface); });
    case MGO_POINTER:
      if (depth == 0 && load_pointer(v) != 0) {
        switch (t->elem->kind) {
        case MGO_ARRAY:
        case MGO_SLICE:
        case MGO_STRUCT:
        case MGO_MAP:
          buf += '&';
          return print_value({t->elem, load<const void *>(v.data)}, verb,
                             depth + 1, can_iface);
        }
      }
      return fmt_pointer(v, verb);
    case MGO_CHAN:
    case MGO_FUNC:
    case MGO_UNSAFEPOINTER:
      return fmt_pointer(v, verb);
    default:
      buf += '?';
      buf += mgo::view(t->name);
      buf += '?';
    }
  }

  void print_struct(const Value &v, char32_t verb, int depth, bool can_iface) {
    const MgoType *t = v.type;
    if (flags_.sharp_v)
      buf += mgo::view(t->name);
    buf += '{';
    for (mgo_int i = 0; i < t->len; i++) {
      const MgoField &f = t->fields[i];
      if (i > 0)
        buf += flags_.sharp_v ? ", " : " ";
      if ((flags_.plus_v || flags_.sharp_v) && f.name.len != 0) {
        buf += mgo::view(f.name);
        buf += ':';
      }
      print_value({f.type, static_cast<const char *>(v.data) + f.offset}, verb,
                  depth + 1, can_iface && is_exported(mgo::view(f.name)));
    }
    buf += '}';
  }

  void print_array_or_slice(const Value &v, char32_t verb, int depth,
                            bool can_iface) {
    const MgoType *t = v.type;
    const char *data;
    mgo_int n;
    if (t->kind == MGO_SLICE) {
      auto s = load<MgoSlice>(v.data);
      data = static_cast<const char *>(s.ptr);
      n = s.len;
    } else {
      data = static_cast<const char *>(v.data);
      n = t->len;
    }
    if ((verb == 's' || verb == 'q' || verb == 'x' || verb == 'X') &&
        t->elem->kind == MGO_UINT8)
      return fmt_bytes({data, size_t(n)}, verb);
    if (flags_.sharp_v) {
      buf += mgo::view(t->name);
      if (t->kind == MGO_SLICE && data == nullptr) {
        buf += "(nil)";
        return;
      }
    }
    print_list(t->elem, data, n, verb, depth, can_iface);
  }
};

void Printer::print_list(const MgoType *elem, const char *data, mgo_int n,
                         char32_t verb, int depth, bool can_iface) {
  buf += flags_.sharp_v ? '{' : '[';
  for (mgo_int i = 0; i < n; i++) {
    if (i > 0)
      buf += flags_.sharp_v ? ", " : " ";
    print_value({elem, data + i * elem->size}, verb, depth + 1, can_iface);
  }
  buf += flags_.sharp_v ? '}' : ']';
}

void Printer::print_map(const Value &v, char32_t verb, int depth,
                        bool can_iface) {
  const MgoType *t = v.type;
  void *map = load<void *>(v.data);
  if (flags_.sharp_v) {
    buf += mgo::view(t->name);
    if (map == nullptr) {
      buf += "(nil)";
      return;
    }
    buf += '{';
  } else {
    buf += "map[";
  }
  std::vector<std::pair<const void *, const void *>> entries;
  MgoMapIter it;
  mgo_map_iter_init(t, map, &it);
  while (mgo_map_iter_next(&it))
    entries.emplace_back(it.key, it.value);
  std::stable_sort(
      entries.begin(), entries.end(), [&](const auto &a, const auto &b) {
        return compare_values({t->key, a.first}, {t->key, b.first}) < 0;
      });
  for (size_t i = 0; i < entries.size(); i++) {
    if (i > 0)
      buf += flags_.sharp_v ? ", " : " ";
    print_value({t->key, entries[i].first}, verb, depth + 1, can_iface);
    buf += ':';
    print_value({t->elem, entries[i].second}, verb, depth + 1, can_iface);
  }
  buf += flags_.sharp_v ? '}' : ']';
}

void Printer::do_print(const MgoAny *args, mgo_int count) {
  bool prev_string = false;
  for (mgo_int i = 0; i < count; i++) {
    bool is_string =
        args[i].type != nullptr && args[i].type->kind == MGO_STRING;
    if (i > 0 && !is_string && !prev_string)
      buf += ' ';
    print_arg({args[i].type, args[i].data}, 'v');
    prev_string = is_string;
  }
}

void Printer::do_println(const MgoAny *args, mgo_int count) {
  for (mgo_int i = 0; i < count; i++) {
    if (i > 0)
      buf += ' ';
    print_arg({args[i].type, args[i].data}, 'v');
  }
  buf += '\n';
}

constexpr int kTooLarge = 1000000;

// Go's parsenum: a decimal number at format[i:end], if any.
bool parse_num(std::string_view format, size_t &i, int &num) {
  num = 0;
  bool isnum = false;
  for (; i < format.size() && format[i] >= '0' && format[i] <= '9'; i++) {
    if (num >= kTooLarge) {
      i = format.size();
      num = 0;
      return false;
    }
    num = num * 10 + (format[i] - '0');
    isnum = true;
  }
  return isnum;
}

// Go's intFromArg: the int for a '*' width or precision.
bool int_from_arg(const MgoAny *args, mgo_int count, mgo_int &arg_num,
                  int &num) {
  num = 0;
  if (arg_num >= count)
    return false;
  const MgoAny &a = args[arg_num++];
  bool ok = false;
  int64_t n = 0;
  if (a.type != nullptr && is_signed_kind(a.type->kind)) {
    n = load_int({a.type, a.data});
    ok = true;
  } else if (a.type != nullptr && is_unsigned_kind(a.type->kind)) {
    uint64_t u = load_uint({a.type, a.data});
    ok = int64_t(u) >= 0;
    n = int64_t(u);
  }
  if (!ok || n <= -kTooLarge || n >= kTooLarge)
    return false;
  num = int(n);
  return true;
}

void Printer::do_printf(std::string_view format, const MgoAny *args,
                        mgo_int count) {
  size_t end = format.size();
  mgo_int arg_num = 0;
  bool after_index = false;
  reordered_ = false;

  // Go's argNumber: an optional [n] at format[i].
  auto arg_number = [&](size_t &i) {
    if (i >= end || format[i] != '[')
      return false;
    reordered_ = true;
    size_t close = format.find(']', i + 1);
    if (end - i < 3 || close == std::string_view::npos) {
      good_arg_num_ = false;
      i += 1;
      return false;
    }
    size_t j = i + 1;
    int index;
    bool ok = parse_num(format.substr(0, close), j, index) && j == close;
    i = close + 1;
    if (ok && index >= 1 && index <= count) {
      arg_num = index - 1;
      return true;
    }
    good_arg_num_ = false;
    return ok;
  };

  for (size_t i = 0; i < end;) {
    good_arg_num_ = true;
    size_t lasti = i;
    while (i < end && format[i] != '%')
      i++;
    buf += format.substr(lasti, i - lasti);
    if (i >= end)
      break;
    i++;
    clear_flags();
    bool simple_done = false;
    for (; i < end; i++) {
      char c = format[i];
      if (c == '#') {
        flags_.sharp = true;
      } else if (c == '0') {
        flags_.zero = !flags_.minus;
      } else if (c == '+') {
        flags_.plus = true;
      } else if (c == '-') {
        flags_.minus = true;
        flags_.zero = false;
      } else if (c == ' ') {
        flags_.space = true;
      } else {
        // Fast path for a plain lower-case verb.
        if (c >= 'a' && c <= 'z' && arg_num < count) {
          if (c == 'v') {
            flags_.sharp_v = flags_.sharp;
            flags_.sharp = false;
            flags_.plus_v = flags_.plus;
            flags_.plus = false;
          }
          arg_index_ = arg_num;
          print_arg({args[arg_num].type, args[arg_num].data}, char32_t(c));
          arg_num++;
          i++;
          simple_done = true;
        }
        break;
      }
    }
    if (simple_done)
      continue;

    after_index = arg_number(i);
    if (i < end && format[i] == '*') {
      i++;
      flags_.wid_present = int_from_arg(args, count, arg_num, flags_.wid);
      if (!flags_.wid_present)
        buf += "%!(BADWIDTH)";
      if (flags_.wid < 0) {
        flags_.wid = -flags_.wid;
        flags_.minus = true;
        flags_.zero = false;
      }
      after_index = false;
    } else {
      flags_.wid_present = parse_num(format, i, flags_.wid);
      if (after_index && flags_.wid_present)
        good_arg_num_ = false;
    }

    if (i + 1 < end && format[i] == '.') {
      i++;
      if (after_index)
        good_arg_num_ = false;
      after_index = arg_number(i);
      if (i < end && format[i] == '*') {
        i++;
        flags_.prec_present = int_from_arg(args, count, arg_num, flags_.prec);
        if (flags_.prec < 0) {
          flags_.prec = 0;
          flags_.prec_present = false;
        }
        if (!flags_.prec_present)
          buf += "%!(BADPREC)";
        after_index = false;
      } else {
        flags_.prec_present = parse_num(format, i, flags_.prec);
        if (!flags_.prec_present) {
          flags_.prec = 0;
          flags_.prec_present = true;
        }
      }
    }

    if (!after_index)
      after_index = arg_number(i);

    if (i >= end) {
      buf += "%!(NOVERB)";
      break;
    }

    char32_t verb = uint8_t(format[i]);
    size_t size = 1;
    if (verb >= 0x80)
      verb = char32_t(mgo::decode_rune(format, i, &size));
    i += size;

    if (verb == '%') {
      buf += '%';
    } else if (!good_arg_num_) {
      buf += "%!";
      write_rune(verb);
      buf += "(BADINDEX)";
    } else if (arg_num >= count) {
      buf += "%!";
      write_rune(verb);
      buf += "(MISSING)";
    } else {
      if (verb == 'v') {
        flags_.sharp_v = flags_.sharp;
        flags_.sharp = false;
        flags_.plus_v = flags_.plus;
        flags_.plus = false;
      }
      arg_index_ = arg_num;
      print_arg({args[arg_num].type, args[arg_num].data}, verb);
      arg_num++;
    }
  }

  if (!reordered_ && arg_num < count) {
    clear_flags();
    buf += "%!(EXTRA ";
    for (mgo_int k = arg_num; k < count; k++) {
      if (k > arg_num)
        buf += ", ";
      if (args[k].type == nullptr) {
        buf += "<nil>";
      } else {
        buf += mgo::view(args[k].type->name);
        buf += '=';
        print_arg({args[k].type, args[k].data}, 'v');
      }
    }
    buf += ')';
  }
}

// The byte count is what fmt.Print* return as n. A closed pipe kills the
// program with SIGPIPE before write returns, as in gc; another error ends
// the write with what was written, as gc's Fprintf returns it.
mgo_int write_stdout(const std::string &s) {
  mgo::BlockingSyscall blocking; // a full pipe or terminal blocks
  size_t done = 0;
  while (done < s.size()) {
    ssize_t n = write(STDOUT_FILENO, s.data() + done, s.size() - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      break;
    done += size_t(n);
  }
  return mgo_int(done);
}

} // namespace

extern "C" mgo_int mgo_fmt_print(const MgoAny *args, mgo_int count) {
  Printer p;
  p.do_print(args, count);
  return write_stdout(p.buf);
}

extern "C" mgo_int mgo_fmt_println(const MgoAny *args, mgo_int count) {
  Printer p;
  p.do_println(args, count);
  return write_stdout(p.buf);
}

extern "C" mgo_int mgo_fmt_printf(const uint8_t *format, mgo_int format_len,
                                  const MgoAny *args, mgo_int count) {
  Printer p;
  p.do_printf({reinterpret_cast<const char *>(format), size_t(format_len)},
              args, count);
  return write_stdout(p.buf);
}

extern "C" MgoString mgo_fmt_sprint(const MgoAny *args, mgo_int count) {
  Printer p;
  p.do_print(args, count);
  return mgo::make_string(p.buf);
}

extern "C" MgoString mgo_fmt_sprintln(const MgoAny *args, mgo_int count) {
  Printer p;
  p.do_println(args, count);
  return mgo::make_string(p.buf);
}

extern "C" MgoString mgo_fmt_sprintf(const uint8_t *format, mgo_int format_len,
                                     const MgoAny *args, mgo_int count) {
  Printer p;
  p.do_printf({reinterpret_cast<const char *>(format), size_t(format_len)},
              args, count);
  return mgo::make_string(p.buf);
}

// Sprintf for Errorf (stdlib/fmt/errors.go): *wrapped receives the index of
// the argument a valid %w formatted, or -1.
extern "C" MgoString mgo_fmt_errorf(MgoString format, const MgoAny *args,
                                    mgo_int count, mgo_int *wrapped) {
  Printer p;
  p.wrap_errs = true;
  p.do_printf(mgo::view(format), args, count);
  *wrapped = p.wrapped;
  return mgo::make_string(p.buf);
}

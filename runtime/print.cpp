// The print and println builtins: unbuffered writes to stderr in the
// runtime's own formats, which differ from fmt's (floats always in
// "+d.dddddde+ddd" form).
#include "print.h"
#include "mgo/abi.h"
#include "syscall.h"

#include <cstdio>

static void write_stderr(const char *s, size_t n) {
  mgo::BlockingSyscall blocking; // stderr may be a full pipe
  std::fwrite(s, 1, n, stderr);
}

static void write_stderr(const std::string &s) {
  write_stderr(s.data(), s.size());
}

// A transcription of Go's runtime.printfloat, including its imprecise
// rounding (adding 5e-8 before truncating), so the digits match Go's.
void mgo::append_print_float(std::string &out, double v) {
  if (v != v) {
    out += "NaN";
    return;
  }
  if (v + v == v && v > 0) {
    out += "+Inf";
    return;
  }
  if (v + v == v && v < 0) {
    out += "-Inf";
    return;
  }
  constexpr int n = 7;
  char buf[n + 7];
  buf[0] = '+';
  int e = 0;
  if (v == 0) {
    if (1 / v < 0)
      buf[0] = '-';
  } else {
    if (v < 0) {
      v = -v;
      buf[0] = '-';
    }
    for (; v >= 10; e++)
      v /= 10;
    for (; v < 1; e--)
      v *= 10;
    double h = 5.0;
    for (int i = 0; i < n; i++)
      h /= 10;
    v += h;
    if (v >= 10) {
      e++;
      v /= 10;
    }
  }
  for (int i = 0; i < n; i++) {
    int s = int(v);
    buf[i + 2] = char(s + '0');
    v -= double(s);
    v *= 10;
  }
  buf[1] = buf[2];
  buf[2] = '.';
  buf[n + 2] = 'e';
  buf[n + 3] = '+';
  if (e < 0) {
    e = -e;
    buf[n + 3] = '-';
  }
  buf[n + 4] = char(e / 100 + '0');
  buf[n + 5] = char(e / 10 % 10 + '0');
  buf[n + 6] = char(e % 10 + '0');
  out.append(buf, sizeof buf);
}

void mgo::append_print_hex(std::string &out, uint64_t v) {
  char buf[18];
  int i = sizeof buf;
  do {
    buf[--i] = "0123456789abcdef"[v & 15];
    v >>= 4;
  } while (v != 0);
  buf[--i] = 'x';
  buf[--i] = '0';
  out.append(buf + i, sizeof buf - i);
}

extern "C" void mgo_print_bool(mgo_bool v) {
  write_stderr(v ? "true" : "false", v ? 4 : 5);
}

extern "C" void mgo_print_int(mgo_int v) { write_stderr(std::to_string(v)); }

extern "C" void mgo_print_uint(mgo_int v) {
  write_stderr(std::to_string(uint64_t(v)));
}

extern "C" void mgo_print_float(mgo_f64 v) {
  std::string s;
  mgo::append_print_float(s, v);
  write_stderr(s);
}

extern "C" void mgo_print_complex(mgo_f64 re, mgo_f64 im) {
  std::string s = "(";
  mgo::append_print_float(s, re);
  mgo::append_print_float(s, im);
  s += "i)";
  write_stderr(s);
}

extern "C" void mgo_print_string(const uint8_t *s, mgo_int len) {
  write_stderr(reinterpret_cast<const char *>(s), size_t(len));
}

extern "C" void mgo_print_pointer(mgo_ptr p) {
  std::string s;
  mgo::append_print_hex(s, reinterpret_cast<uintptr_t>(p));
  write_stderr(s);
}

extern "C" void mgo_print_space(void) { write_stderr(" ", 1); }

extern "C" void mgo_print_newline(void) { write_stderr("\n", 1); }

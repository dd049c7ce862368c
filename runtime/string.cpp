// Strings. Go strings are immutable (pointer, length) pairs, so operations
// that produce a string allocate fresh pointer-free memory and never share a
// caller's mutable buffer; conversions to []byte/[]rune likewise copy, and
// take their capacity from Go's size classes as Go's rawbyteslice does.
// UTF-8 decoding follows unicode/utf8 exactly: overlong forms, surrogates and
// code points above U+10FFFF are invalid and decode as U+FFFD of width 1.
#include "alloc.h"
#include "strings.h"

#include <algorithm>
#include <cstring>

MgoString mgo::make_string(std::string_view s) {
  if (s.empty())
    return {nullptr, 0};
  auto *p = static_cast<uint8_t *>(mgo_alloc_noscan(mgo_int(s.size())));
  std::memcpy(p, s.data(), s.size());
  return {p, mgo_int(s.size())};
}

bool mgo::valid_rune(int64_t r) {
  return (0 <= r && r < 0xD800) || (0xDFFF < r && r <= kMaxRune);
}

static size_t encode_rune(uint8_t *p, int64_t r) {
  if (!mgo::valid_rune(r))
    r = mgo::kRuneError;
  if (r < 0x80) {
    p[0] = uint8_t(r);
    return 1;
  }
  if (r < 0x800) {
    p[0] = uint8_t(0xC0 | (r >> 6));
    p[1] = uint8_t(0x80 | (r & 0x3F));
    return 2;
  }
  if (r < 0x10000) {
    p[0] = uint8_t(0xE0 | (r >> 12));
    p[1] = uint8_t(0x80 | ((r >> 6) & 0x3F));
    p[2] = uint8_t(0x80 | (r & 0x3F));
    return 3;
  }
  p[0] = uint8_t(0xF0 | (r >> 18));
  p[1] = uint8_t(0x80 | ((r >> 12) & 0x3F));
  p[2] = uint8_t(0x80 | ((r >> 6) & 0x3F));
  p[3] = uint8_t(0x80 | (r & 0x3F));
  return 4;
}

static size_t rune_len(int64_t r) {
  if (!mgo::valid_rune(r))
    return 3;
  return r < 0x80 ? 1 : r < 0x800 ? 2 : r < 0x10000 ? 3 : 4;
}

void mgo::append_rune(std::string &out, int64_t r) {
  uint8_t buf[4];
  out.append(reinterpret_cast<char *>(buf), encode_rune(buf, r));
}

mgo_rune mgo::decode_rune(std::string_view s, size_t pos, size_t *width) {
  auto byte = [&](size_t i) { return uint8_t(s[pos + i]); };
  size_t n = s.size() - pos;
  uint8_t b0 = byte(0);
  *width = 1;
  if (b0 < 0x80)
    return b0;
  // The second byte's range depends on the first (utf8.acceptRanges): this
  // is what rejects overlong encodings, surrogates and values past U+10FFFF.
  uint8_t lo = 0x80, hi = 0xBF;
  size_t size;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    size = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    size = 3;
    if (b0 == 0xE0)
      lo = 0xA0;
    else if (b0 == 0xED)
      hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    size = 4;
    if (b0 == 0xF0)
      lo = 0x90;
    else if (b0 == 0xF4)
      hi = 0x8F;
  } else {
    return kRuneError;
  }
  if (n < size || byte(1) < lo || byte(1) > hi)
    return kRuneError;
  for (size_t i = 2; i < size; i++)
    if (byte(i) < 0x80 || byte(i) > 0xBF)
      return kRuneError;
  mgo_rune r = b0 & (0xFF >> (size + 1));
  for (size_t i = 1; i < size; i++)
    r = (r << 6) | (byte(i) & 0x3F);
  *width = size;
  return r;
}

static std::string_view sv(const uint8_t *s, mgo_int len) {
  return {reinterpret_cast<const char *>(s), size_t(len)};
}

extern "C" MgoString mgo_string_concat(const MgoString *parts, mgo_int count) {
  mgo_int total = 0, nonempty = 0;
  const MgoString *last = nullptr;
  for (mgo_int i = 0; i < count; i++) {
    total += parts[i].len;
    if (parts[i].len != 0) {
      nonempty++;
      last = &parts[i];
    }
  }
  // Strings are immutable, so a lone non-empty part can be shared.
  if (nonempty <= 1)
    return last ? *last : MgoString{nullptr, 0};
  auto *p = static_cast<uint8_t *>(mgo_alloc_noscan(total));
  MgoString result{p, total};
  for (mgo_int i = 0; i < count; i++) {
    std::memcpy(p, parts[i].ptr, size_t(parts[i].len));
    p += parts[i].len;
  }
  return result;
}

extern "C" mgo_bool mgo_string_equal(const uint8_t *a, mgo_int alen,
                                     const uint8_t *b, mgo_int blen) {
  return alen == blen && (a == b || std::memcmp(a, b, size_t(alen)) == 0);
}

extern "C" mgo_int mgo_string_compare(const uint8_t *a, mgo_int alen,
                                      const uint8_t *b, mgo_int blen) {
  int c = sv(a, alen).compare(sv(b, blen));
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

extern "C" MgoString mgo_string_from_rune(mgo_int rune) {
  uint8_t buf[4];
  return mgo::make_string(sv(buf, mgo_int(encode_rune(buf, rune))));
}

extern "C" MgoString mgo_string_from_bytes(const uint8_t *bytes, mgo_int len) {
  return mgo::make_string(sv(bytes, len));
}

extern "C" MgoString mgo_string_from_runes(const mgo_rune *runes, mgo_int len) {
  size_t total = 0;
  for (mgo_int i = 0; i < len; i++)
    total += rune_len(runes[i]);
  if (total == 0)
    return {nullptr, 0};
  auto *p = static_cast<uint8_t *>(mgo_alloc_noscan(mgo_int(total)));
  MgoString result{p, mgo_int(total)};
  for (mgo_int i = 0; i < len; i++)
    p += encode_rune(p, runes[i]);
  return result;
}

extern "C" void mgo_bytes_from_string(MgoSlice *out, const uint8_t *s,
                                      mgo_int len) {
  mgo_int cap = mgo_int(mgo::roundupsize(uint64_t(len)));
  void *p = len == 0 ? mgo::zero_base() : mgo_alloc_noscan(cap);
  if (len != 0)
    std::memcpy(p, s, size_t(len));
  *out = {p, len, cap};
}

extern "C" void mgo_runes_from_string(MgoSlice *out, const uint8_t *s,
                                      mgo_int len) {
  std::string_view str = sv(s, len);
  mgo_int n = 0;
  for (size_t pos = 0, w; pos < str.size(); pos += w, n++)
    mgo::decode_rune(str, pos, &w);
  if (n == 0) {
    *out = {mgo::zero_base(), 0, 0};
    return;
  }
  mgo_int mem = mgo_int(mgo::roundupsize(uint64_t(n) * sizeof(mgo_rune)));
  auto *runes = static_cast<mgo_rune *>(mgo_alloc_noscan(mem));
  size_t pos = 0, w;
  for (mgo_int i = 0; i < n; i++, pos += w)
    runes[i] = mgo::decode_rune(str, pos, &w);
  *out = {runes, n, mem / mgo_int(sizeof(mgo_rune))};
}

extern "C" mgo_rune mgo_decode_rune(const uint8_t *s, mgo_int len, mgo_int pos,
                                    mgo_int *width) {
  size_t w;
  mgo_rune r = mgo::decode_rune(sv(s, len), size_t(pos), &w);
  *width = mgo_int(w);
  return r;
}

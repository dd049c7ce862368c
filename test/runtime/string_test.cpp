// Strings: conversions, comparison and UTF-8 decoding as unicode/utf8 does.
#include "test_values.h"

#include <gtest/gtest.h>

using namespace mgotest;

namespace {

struct Decoded {
  mgo_rune rune;
  mgo_int width;
};

Decoded decode(std::string_view s, mgo_int pos = 0) {
  mgo_int width = 0;
  mgo_rune r = mgo_decode_rune(reinterpret_cast<const uint8_t *>(s.data()),
                               mgo_int(s.size()), pos, &width);
  return {r, width};
}

void expect_decode(std::string_view s, mgo_rune rune, mgo_int width) {
  Decoded d = decode(s);
  EXPECT_EQ(d.rune, rune) << "input of " << s.size() << " bytes";
  EXPECT_EQ(d.width, width) << "input of " << s.size() << " bytes";
}

TEST(String, DecodeValidRunes) {
  expect_decode("a", 'a', 1);
  expect_decode("\xC3\xA9", 0xE9, 2);
  expect_decode("\xE2\x82\xAC", 0x20AC, 3);
  expect_decode("\xF0\x9F\x98\x80", 0x1F600, 4);
  expect_decode("\xF4\x8F\xBF\xBF", 0x10FFFF, 4);
}

TEST(String, DecodeInvalidIsReplacementWidthOne) {
  expect_decode("\x80", 0xFFFD, 1);             // lone continuation
  expect_decode("\xC0\x80", 0xFFFD, 1);         // overlong NUL
  expect_decode("\xC1\xBF", 0xFFFD, 1);         // overlong
  expect_decode("\xE0\x80\x80", 0xFFFD, 1);     // overlong 3-byte
  expect_decode("\xED\xA0\x80", 0xFFFD, 1);     // surrogate U+D800
  expect_decode("\xF0\x80\x80\x80", 0xFFFD, 1); // overlong 4-byte
  expect_decode("\xF4\x90\x80\x80", 0xFFFD, 1); // above U+10FFFF
  expect_decode("\xF5\x80\x80\x80", 0xFFFD, 1);
  expect_decode("\xE2\x82", 0xFFFD, 1); // truncated
  expect_decode("\xE2\x28\xA1", 0xFFFD, 1);
  expect_decode("\xFF", 0xFFFD, 1);
}

TEST(String, DecodeAtOffset) {
  Decoded d = decode("a\xC3\xA9", 1);
  EXPECT_EQ(d.rune, 0xE9);
  EXPECT_EQ(d.width, 2);
}

TEST(String, FromRuneEncodesOrReplaces) {
  EXPECT_EQ(str(mgo_string_from_rune(0x20AC)), "\xE2\x82\xAC");
  EXPECT_EQ(str(mgo_string_from_rune(0xD800)), "\xEF\xBF\xBD");
  EXPECT_EQ(str(mgo_string_from_rune(0x110000)), "\xEF\xBF\xBD");
  EXPECT_EQ(str(mgo_string_from_rune(-1)), "\xEF\xBF\xBD");
  EXPECT_EQ(str(mgo_string_from_rune(int64_t(1) << 40 | 'a')), "\xEF\xBF\xBD");
}

TEST(String, ConcatJoinsAllParts) {
  MgoString parts[] = {S("ab"), S(""), S("cd"), S("e")};
  EXPECT_EQ(str(mgo_string_concat(parts, 4)), "abcde");
}

TEST(String, ConcatOfOneNonEmptyPartSharesIt) {
  MgoString parts[] = {S(""), S("xy"), S("")};
  MgoString r = mgo_string_concat(parts, 3);
  EXPECT_EQ(r.ptr, parts[1].ptr);
  EXPECT_EQ(r.len, 2);
}

TEST(String, CompareIsBytewise) {
  auto cmp = [](std::string_view a, std::string_view b) {
    return mgo_string_compare(
        reinterpret_cast<const uint8_t *>(a.data()), mgo_int(a.size()),
        reinterpret_cast<const uint8_t *>(b.data()), mgo_int(b.size()));
  };
  EXPECT_EQ(cmp("abc", "abd"), -1);
  EXPECT_EQ(cmp("abc", "ab"), 1);
  EXPECT_EQ(cmp("", ""), 0);
  EXPECT_EQ(cmp("\xFF", "a"), 1);
}

TEST(String, Equal) {
  auto *a = reinterpret_cast<const uint8_t *>("hello");
  auto *b = reinterpret_cast<const uint8_t *>("help!");
  EXPECT_TRUE(mgo_string_equal(a, 3, b, 3));
  EXPECT_FALSE(mgo_string_equal(a, 4, b, 4));
  EXPECT_FALSE(mgo_string_equal(a, 3, b, 2));
}

TEST(String, RunesRoundTripWithReplacement) {
  std::string_view s = "a\xC3\xA9\xFF\xF0\x9F\x98\x80";
  MgoSlice runes;
  mgo_runes_from_string(&runes, reinterpret_cast<const uint8_t *>(s.data()),
                        mgo_int(s.size()));
  ASSERT_EQ(runes.len, 4);
  auto *r = static_cast<mgo_rune *>(runes.ptr);
  EXPECT_EQ(r[0], 'a');
  EXPECT_EQ(r[1], 0xE9);
  EXPECT_EQ(r[2], 0xFFFD);
  EXPECT_EQ(r[3], 0x1F600);
  EXPECT_EQ(str(mgo_string_from_runes(r, runes.len)),
            "a\xC3\xA9\xEF\xBF\xBD\xF0\x9F\x98\x80");
}

TEST(String, BytesCopyWithSizeClassCapacity) {
  std::string_view s = "hello, world wide!!";
  MgoSlice b;
  mgo_bytes_from_string(&b, reinterpret_cast<const uint8_t *>(s.data()),
                        mgo_int(s.size()));
  EXPECT_EQ(b.len, 19);
  EXPECT_EQ(b.cap, 24);
  EXPECT_EQ(std::string_view(static_cast<char *>(b.ptr), 19), s);
  EXPECT_NE(b.ptr, static_cast<const void *>(s.data()));
}

TEST(String, EmptyConversionsAreNotNil) {
  MgoSlice b, r;
  mgo_bytes_from_string(&b, nullptr, 0);
  mgo_runes_from_string(&r, nullptr, 0);
  EXPECT_NE(b.ptr, nullptr);
  EXPECT_NE(r.ptr, nullptr);
  EXPECT_EQ(b.len + r.len, 0);
}

} // namespace

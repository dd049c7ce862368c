// Compile-time constant values with Go's arbitrary-precision semantics.
//
// Untyped integer constants are exact: they live in 1024-bit two's-complement
// APInts and the checker reports "constant overflow" beyond 512 bits of
// magnitude (Go guarantees at least 256). Floating-point constants use IEEE
// quadruple precision, whose 113-bit mantissa covers every float64 result
// exactly and keeps untyped float arithmetic (2.0/3*3 == 2) as Go computes it.
// Complex constants are a pair of such floats. Values are immutable;
// operations return new values.
#ifndef MGO_FRONTEND_CONSTANT_H
#define MGO_FRONTEND_CONSTANT_H

#include "frontend/Token.h"

#include <llvm/ADT/APFloat.h>
#include <llvm/ADT/APInt.h>

#include <optional>
#include <string>

namespace mgo {

class ConstValue {
public:
  enum Kind { Bool, String, Int, Float, Complex };
  static constexpr unsigned IntBits = 1024;

  static ConstValue makeBool(bool b);
  static ConstValue makeString(std::string s);
  static ConstValue makeInt(const llvm::APInt &v); // sign-extended to IntBits
  static ConstValue makeInt(int64_t v);
  static ConstValue makeUint(uint64_t v);
  static ConstValue makeFloat(const llvm::APFloat &v); // converted to quad
  static ConstValue makeFloat(double v);
  // Parts are Int or Float values.
  static ConstValue makeComplex(const ConstValue &re, const ConstValue &im);
  // Parses a Go literal as the lexer produced it (INT, FLOAT, IMAG, CHAR,
  // STRING);
  // nullopt (with *error set) when malformed.
  static std::optional<ConstValue>
  fromLiteral(Token::Kind tok, const std::string &raw, std::string *error);

  Kind kind() const { return kind_; }
  bool isBool() const { return kind_ == Bool; }
  bool isString() const { return kind_ == String; }
  bool isInt() const { return kind_ == Int; }
  bool isFloat() const { return kind_ == Float; }
  bool isComplex() const { return kind_ == Complex; }
  bool isNumeric() const {
    return kind_ == Int || kind_ == Float || kind_ == Complex;
  }

  bool boolValue() const { return b_; }
  const std::string &stringValue() const { return s_; }
  const llvm::APInt &intValue() const { return i_; }     // IntBits wide, signed
  const llvm::APFloat &floatValue() const { return f_; } // IEEE quad

  // Conversions between numeric kinds; toInt is nullopt when the value is not
  // an exact integer (Go: "truncated").
  std::optional<ConstValue> toInt() const;
  ConstValue toFloat() const; // of a Complex: its real part
  ConstValue toComplex() const;
  // The parts of a numeric value as Float values (an Int or Float's imaginary
  // part is 0).
  ConstValue realPart() const;
  ConstValue imagPart() const;
  // Whether a Complex value's imaginary part is zero (true for Int and Float),
  // the condition for it to be representable by an integer or float type.
  bool hasZeroImag() const;

  // Whether the value fits the integer type of the given width and signedness.
  bool fitsInt(unsigned bits, bool isSigned) const;
  // Rounds a float value to float32/float64 precision; false on overflow to
  // infinity.
  bool roundToFloat(bool isFloat32, ConstValue *out) const;

  // For codegen: the value as an integer of the given width (must fit), or as
  // a double/float.
  llvm::APInt toAPInt(unsigned bits) const;
  double toDouble() const;
  float toFloat32() const;

  // Arithmetic with Go's rules for untyped constants; division by zero and
  // overflow are reported by the caller (the checker) through the error out-
  // parameter. Integer division truncates when both operands are Int.
  static std::optional<ConstValue> binaryOp(Token::Kind op, const ConstValue &x,
                                            const ConstValue &y,
                                            std::string *error);
  static std::optional<ConstValue> unaryOp(Token::Kind op, const ConstValue &x,
                                           unsigned typeBits,
                                           bool typeIsUnsigned,
                                           std::string *error);
  static std::optional<ConstValue> shift(Token::Kind op, const ConstValue &x,
                                         uint64_t count, std::string *error);
  static bool compare(Token::Kind op, const ConstValue &x, const ConstValue &y);

  // As Go's go/constant prints values in error messages: 300, 1.5, "s", true.
  std::string toString() const;

private:
  Kind kind_ = Int;
  bool b_ = false;
  std::string s_;
  llvm::APInt i_{IntBits, 0};
  llvm::APFloat f_{llvm::APFloat::IEEEquad()}; // a Complex's real part
  llvm::APFloat im_{llvm::APFloat::IEEEquad()};
};

// s as Go's strconv.Quote spells it (messages, and struct tags in type
// names as the runtime prints them).
std::string quoteGo(const std::string &s);

} // namespace mgo

#endif

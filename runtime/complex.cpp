// Complex division as Go's runtime defines it (complex128div): Smith's
// algorithm (Algorithm 116, CACM 5(8), 1962), and when both parts come out
// NaN, C99's Annex G rules for the operands that explain it (a zero divisor,
// an infinite dividend, an infinite divisor). Each step is its own statement
// so that no compiler may contract a product and a sum into one rounding.
#include "mgo/abi.h"

#include <cmath>

namespace {

// An infinity becomes ±1 and anything else ±0, keeping the sign.
double inf_to_one(double f) {
  return std::copysign(std::isinf(f) ? 1.0 : 0.0, f);
}

} // namespace

MgoComplex128 mgo_complex128div(mgo_f64 a, mgo_f64 b, mgo_f64 c, mgo_f64 d) {
  double e, f;
  if (std::fabs(c) >= std::fabs(d)) {
    double ratio = d / c;
    double t = ratio * d;
    double denom = c + t;
    double bt = b * ratio, at = a * ratio;
    e = (a + bt) / denom;
    f = (b - at) / denom;
  } else {
    double ratio = c / d;
    double t = ratio * c;
    double denom = d + t;
    double at = a * ratio, bt = b * ratio;
    e = (at + b) / denom;
    f = (bt - a) / denom;
  }
  if (std::isnan(e) && std::isnan(f)) {
    const double inf = HUGE_VAL;
    if (c == 0 && d == 0 && (!std::isnan(a) || !std::isnan(b))) {
      e = std::copysign(inf, c) * a;
      f = std::copysign(inf, c) * b;
    } else if ((std::isinf(a) || std::isinf(b)) && std::isfinite(c) &&
               std::isfinite(d)) {
      a = inf_to_one(a);
      b = inf_to_one(b);
      double ac = a * c, bd = b * d, bc = b * c, ad = a * d;
      e = inf * (ac + bd);
      f = inf * (bc - ad);
    } else if ((std::isinf(c) || std::isinf(d)) && std::isfinite(a) &&
               std::isfinite(b)) {
      c = inf_to_one(c);
      d = inf_to_one(d);
      double ac = a * c, bd = b * d, bc = b * c, ad = a * d;
      e = 0 * (ac + bd);
      f = 0 * (bc - ad);
    }
  }
  return MgoComplex128{e, f};
}

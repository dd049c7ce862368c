// Library packages: fmt calls box their arguments into an array of MgoAny
// and call mgo_fmt_*; math functions become LLVM intrinsics or libm calls.
#include "codegen/CodegenContext.h"

#include <map>

using namespace llvm;

namespace mgo {

Value *CodegenContext::genLibraryCall(CallExpr *e, types::Func *fn) {
  const std::string &name = fn->libraryName;
  if (name.rfind("fmt.", 0) == 0)
    return genFmtCall(e, name);
  if (name.rfind("math.", 0) == 0)
    return genMathCall(e, name);
  if (name.rfind("runtime.", 0) == 0)
    return genRuntimeCall(e, name);
  throw CodegenError(name + " is not supported yet");
}

Value *CodegenContext::genFmtCall(CallExpr *e, const std::string &name) {
  bool hasFormat = name == "fmt.Printf" || name == "fmt.Sprintf";
  size_t first = hasFormat ? 1 : 0;
  Value *args, *count;
  if (e->hasEllipsis) {
    // fmt.Println(xs...) with xs []any: the slice already is an MgoAny array.
    Value *s = genExpr(e->args.back());
    args = B.CreateExtractValue(s, 0, "args");
    count = B.CreateExtractValue(s, 1, "nargs");
  } else {
    std::vector<std::pair<Value *, types::Type *>> vals;
    for (size_t i = first; i < e->args.size(); ++i) {
      Expr *a = e->args[i];
      if (auto *tuple = dyn_cast_or_null<types::Tuple>(a->tv.type)) {
        std::vector<Value *> vs = genMulti(a);
        for (size_t j = 0; j < vs.size(); ++j)
          vals.push_back({vs[j], tuple->at(j)});
        continue;
      }
      if (isNilLiteral(a)) {
        vals.push_back({nullptr, nullptr});
        continue;
      }
      vals.push_back({nullptr, typeOf(a)});
    }
    std::vector<Expr *> plain;
    std::vector<types::Type *> plainTypes;
    for (size_t i = first; i < e->args.size(); ++i) {
      if (vals[i - first].second && vals[i - first].first == nullptr) {
        plain.push_back(e->args[i]);
        plainTypes.push_back(vals[i - first].second);
      }
    }
    std::vector<Value *> evaluated = genOrderedArgs(plain, plainTypes);
    for (size_t i = 0, k = 0; i < vals.size() && k < evaluated.size(); ++i)
      if (vals[i].second && !vals[i].first)
        vals[i].first = evaluated[k++];
    auto *arrTy = ArrayType::get(ifaceTy, vals.size());
    AllocaInst *arr = entryAlloca(arrTy, "fmt.args");
    for (size_t i = 0; i < vals.size(); ++i) {
      Value *boxed = vals[i].first
                         ? boxAny(vals[i].first, vals[i].second, false)
                         : Constant::getNullValue(ifaceTy);
      B.CreateStore(boxed, B.CreateConstInBoundsGEP2_64(arrTy, arr, 0, i));
    }
    args = arr;
    count = i64c(vals.size());
  }
  if (hasFormat) {
    Value *f = genExprAs(e->args[0], tc.basic(types::BasicKind::String));
    Value *fp = B.CreateExtractValue(f, 0, "fmt.ptr");
    Value *fl = B.CreateExtractValue(f, 1, "fmt.len");
    if (name == "fmt.Printf")
      return rt.call(B, Rt::mgo_fmt_printf, {fp, fl, args, count});
    return rt.call(B, Rt::mgo_fmt_sprintf, {fp, fl, args, count}, "str");
  }
  if (name == "fmt.Println")
    return rt.call(B, Rt::mgo_fmt_println, {args, count});
  if (name == "fmt.Print")
    return rt.call(B, Rt::mgo_fmt_print, {args, count});
  if (name == "fmt.Sprint")
    return rt.call(B, Rt::mgo_fmt_sprint, {args, count}, "str");
  if (name == "fmt.Sprintln")
    return rt.call(B, Rt::mgo_fmt_sprintln, {args, count}, "str");
  throw CodegenError(name + " is not supported yet");
}

namespace {

const std::map<std::string, Intrinsic::ID> unaryIntrinsics = {
    {"math.Sqrt", Intrinsic::sqrt},
    {"math.Abs", Intrinsic::fabs},
    {"math.Floor", Intrinsic::floor},
    {"math.Ceil", Intrinsic::ceil},
    {"math.Trunc", Intrinsic::trunc},
    {"math.Round", Intrinsic::round},
    {"math.RoundToEven", Intrinsic::roundeven},
};

const std::map<std::string, Intrinsic::ID> binaryIntrinsics = {
    {"math.Max", Intrinsic::maximum},
    {"math.Min", Intrinsic::minimum},
    {"math.Copysign", Intrinsic::copysign},
};

// Functions whose libm counterpart has the same special cases as Go's.
const std::map<std::string, std::string> libmFunctions = {
    {"math.Pow", "pow"},     {"math.Log", "log"},     {"math.Log2", "log2"},
    {"math.Log10", "log10"}, {"math.Log1p", "log1p"}, {"math.Exp", "exp"},
    {"math.Exp2", "exp2"},   {"math.Expm1", "expm1"}, {"math.Sin", "sin"},
    {"math.Cos", "cos"},     {"math.Tan", "tan"},     {"math.Asin", "asin"},
    {"math.Acos", "acos"},   {"math.Atan", "atan"},   {"math.Atan2", "atan2"},
    {"math.Sinh", "sinh"},   {"math.Cosh", "cosh"},   {"math.Tanh", "tanh"},
    {"math.Cbrt", "cbrt"},   {"math.Hypot", "hypot"}, {"math.Gamma", "tgamma"},
    {"math.Erf", "erf"},     {"math.Erfc", "erfc"},
};

} // namespace

Value *CodegenContext::genMathCall(CallExpr *e, const std::string &name) {
  types::Type *f64 = tc.basic(types::BasicKind::Float64);
  llvm::Type *dbl = B.getDoubleTy();
  auto arg = [&](size_t i) { return genExprAs(e->args[i], f64); };
  if (auto it = unaryIntrinsics.find(name); it != unaryIntrinsics.end())
    return B.CreateUnaryIntrinsic(it->second, arg(0));
  if (auto it = binaryIntrinsics.find(name); it != binaryIntrinsics.end()) {
    Value *x = arg(0);
    return B.CreateBinaryIntrinsic(it->second, x, arg(1));
  }
  if (auto it = libmFunctions.find(name); it != libmFunctions.end()) {
    std::vector<Value *> args;
    for (size_t i = 0; i < e->args.size(); ++i)
      args.push_back(arg(i));
    std::vector<llvm::Type *> params(args.size(), dbl);
    FunctionCallee fn = M->getOrInsertFunction(
        it->second, FunctionType::get(dbl, params, false));
    return B.CreateCall(fn, args);
  }
  if (name == "math.Mod") {
    Value *x = arg(0);
    return B.CreateFRem(x, arg(1), "mod");
  }
  if (name == "math.NaN")
    return ConstantFP::getNaN(dbl);
  if (name == "math.Inf") {
    Value *sign = genExprAs(e->args[0], intType());
    return B.CreateSelect(B.CreateICmpSGE(sign, i64c(0)),
                          ConstantFP::getInfinity(dbl, false),
                          ConstantFP::getInfinity(dbl, true), "inf");
  }
  if (name == "math.IsNaN") {
    Value *x = arg(0);
    return B.CreateFCmpUNO(x, x, "isnan");
  }
  if (name == "math.IsInf") {
    Value *x = arg(0);
    Value *sign = genExprAs(e->args[1], intType());
    Value *pos =
        B.CreateAnd(B.CreateICmpSGE(sign, i64c(0)),
                    B.CreateFCmpOEQ(x, ConstantFP::getInfinity(dbl, false)));
    Value *neg =
        B.CreateAnd(B.CreateICmpSLE(sign, i64c(0)),
                    B.CreateFCmpOEQ(x, ConstantFP::getInfinity(dbl, true)));
    return B.CreateOr(pos, neg, "isinf");
  }
  if (name == "math.Signbit")
    return B.CreateICmpSLT(B.CreateBitCast(arg(0), i64), i64c(0), "signbit");
  if (name == "math.Float64bits")
    return B.CreateBitCast(arg(0), i64);
  if (name == "math.Float64frombits")
    return B.CreateBitCast(
        genExprAs(e->args[0], tc.basic(types::BasicKind::Uint64)), dbl);
  throw CodegenError(name + " is not supported yet");
}

// Package runtime's scheduler queries map one to one onto the runtime ABI.
Value *CodegenContext::genRuntimeCall(CallExpr *e, const std::string &name) {
  if (name == "runtime.Gosched") {
    rt.call(B, Rt::mgo_gosched, {});
    return nullptr;
  }
  if (name == "runtime.NumGoroutine")
    return rt.call(B, Rt::mgo_num_goroutine, {}, "ngoroutine");
  if (name == "runtime.NumCPU")
    return rt.call(B, Rt::mgo_num_cpu, {}, "ncpu");
  if (name == "runtime.GOMAXPROCS")
    return rt.call(B, Rt::mgo_gomaxprocs, {genExprAs(e->args[0], intType())},
                   "procs");
  throw CodegenError(name + " is not supported yet");
}

} // namespace mgo

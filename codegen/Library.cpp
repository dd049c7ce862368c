// Library packages: fmt calls box their arguments into an array of MgoAny
// and call mgo_fmt_*; math functions become LLVM intrinsics or libm calls.
// A library function used as a value gets a wrapper with the func-value
// calling convention whose body is the same lowering.
#include "codegen/CodegenContext.h"

#include "llvm/IR/InlineAsm.h"

#include <map>

using namespace llvm;

namespace mgo {

namespace {

// What runtime.Version reports: the release whose behaviour mgoc follows
// (docs/language.md).
constexpr const char *kGoVersion = "go1.19";

bool startsWith(const std::string &s, const char *prefix) {
  return s.rfind(prefix, 0) == 0;
}

bool hasFormat(const std::string &name) {
  return name == "fmt.Printf" || name == "fmt.Sprintf";
}

} // namespace

Value *CodegenContext::genLibraryCall(CallExpr *e, types::Func *fn) {
  if (startsWith(fn->libraryName, "fmt.") && !e->hasEllipsis)
    return genFmtCall(e, fn);
  if (fn->libraryName == "runtime.SetFinalizer" && e->args.size() == 2)
    return genSetFinalizer(e);
  return lowerLibraryCall(fn, genArgs(e, fn->signature()));
}

// The call of library function fn on arguments already evaluated and
// converted to its parameter types (a variadic one as a slice).
Value *CodegenContext::lowerLibraryCall(types::Func *fn,
                                        ArrayRef<Value *> args) {
  const std::string &name = fn->libraryName;
  if (startsWith(name, "fmt.")) {
    // fmt.Println(xs...) with xs []any: the slice already is an MgoAny array.
    Value *format = hasFormat(name) ? args[0] : nullptr;
    Value *ptr = B.CreateExtractValue(args.back(), 0, "args");
    return callFmt(fn, format, ptr,
                   B.CreateExtractValue(args.back(), 1, "nargs"));
  }
  if (startsWith(name, "math."))
    return lowerMathCall(name, args);
  if (startsWith(name, "runtime."))
    return lowerRuntimeCall(name, args);
  throw CodegenError(name + " is not supported yet");
}

// A library function as a func value: a constant closure of the wrapper
// NAME-fv, emitted once per module, which takes %env then the parameters.
Value *CodegenContext::libraryFuncValue(types::Func *fn) {
  std::string name = fn->libraryName + "-fv";
  Function *wrapper = M->getFunction(name);
  if (!wrapper) {
    wrapper = Function::Create(funcType(fn->signature()),
                               GlobalValue::InternalLinkage, name, *M);
    IRBuilderBase::InsertPoint ip = B.saveIP();
    DebugLoc dl = B.getCurrentDebugLocation();
    B.SetInsertPoint(BasicBlock::Create(C, "entry", wrapper));
    B.SetCurrentDebugLocation(DebugLoc());
    wrapper->getArg(0)->setName("env");
    std::vector<Value *> params;
    for (unsigned i = 1; i < wrapper->arg_size(); ++i)
      params.push_back(wrapper->getArg(i));
    Value *r = lowerLibraryCall(fn, params);
    if (wrapper->getReturnType()->isVoidTy())
      B.CreateRetVoid();
    else
      B.CreateRet(r);
    B.restoreIP(ip);
    B.SetCurrentDebugLocation(dl);
  }
  return staticClosure(wrapper);
}

Value *CodegenContext::genFmtCall(CallExpr *e, types::Func *fn) {
  size_t first = hasFormat(fn->libraryName) ? 1 : 0;
  std::vector<std::pair<Value *, types::Type *>> vals;
  types::Type *stringT = tc.basic(types::BasicKind::String);
  Value *format = nullptr;
  // fmt.Sprintf(g()): g's first result is the format, the rest the operands.
  if (auto *tuple = first ? dyn_cast_or_null<types::Tuple>(e->args[0]->tv.type)
                          : nullptr) {
    std::vector<Value *> vs = genMulti(e->args[0]);
    format = convertValue(vs[0], tuple->at(0), stringT);
    for (size_t j = 1; j < vs.size(); ++j)
      vals.push_back({vs[j], tuple->at(j)});
  }
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
    Value *boxed = vals[i].first ? boxAny(vals[i].first, vals[i].second, false)
                                 : Constant::getNullValue(ifaceTy);
    B.CreateStore(boxed, B.CreateConstInBoundsGEP2_64(arrTy, arr, 0, i));
  }
  if (first && !format)
    format = genExprAs(e->args[0], stringT);
  return callFmt(fn, format, arr, i64c(vals.size()));
}

// fmt.Print, Println and Printf return (n int, err error): the byte count
// the runtime wrote and a nil error, as os.Stdout's Write reports.
Value *CodegenContext::callFmt(types::Func *fn, Value *format, Value *args,
                               Value *count) {
  const std::string &name = fn->libraryName;
  Value *n;
  if (format) {
    Value *fp = B.CreateExtractValue(format, 0, "fmt.ptr");
    Value *fl = B.CreateExtractValue(format, 1, "fmt.len");
    if (name == "fmt.Sprintf")
      return rt.call(B, Rt::mgo_fmt_sprintf, {fp, fl, args, count}, "str");
    n = rt.call(B, Rt::mgo_fmt_printf, {fp, fl, args, count}, "fmt.n");
  } else if (name == "fmt.Sprint") {
    return rt.call(B, Rt::mgo_fmt_sprint, {args, count}, "str");
  } else if (name == "fmt.Sprintln") {
    return rt.call(B, Rt::mgo_fmt_sprintln, {args, count}, "str");
  } else if (name == "fmt.Println") {
    n = rt.call(B, Rt::mgo_fmt_println, {args, count}, "fmt.n");
  } else if (name == "fmt.Print") {
    n = rt.call(B, Rt::mgo_fmt_print, {args, count}, "fmt.n");
  } else {
    throw CodegenError(name + " is not supported yet");
  }
  Type *results = resultType(fn->signature());
  return B.CreateInsertValue(Constant::getNullValue(results), n, {0});
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
    {"math.Erf", "erf"},     {"math.Erfc", "erfc"},   {"math.Asinh", "asinh"},
    {"math.Acosh", "acosh"}, {"math.Atanh", "atanh"},
};

} // namespace

Value *CodegenContext::lowerMathCall(const std::string &name,
                                     ArrayRef<Value *> args) {
  llvm::Type *dbl = B.getDoubleTy();
  if (auto it = unaryIntrinsics.find(name); it != unaryIntrinsics.end())
    return B.CreateUnaryIntrinsic(it->second, args[0]);
  if (auto it = binaryIntrinsics.find(name); it != binaryIntrinsics.end())
    return B.CreateBinaryIntrinsic(it->second, args[0], args[1]);
  if (auto it = libmFunctions.find(name); it != libmFunctions.end()) {
    std::vector<llvm::Type *> params(args.size(), dbl);
    FunctionCallee fn = M->getOrInsertFunction(
        it->second, FunctionType::get(dbl, params, false));
    return B.CreateCall(fn, args);
  }
  if (name == "math.Mod")
    return B.CreateFRem(args[0], args[1], "mod");
  if (name == "math.NaN")
    return goNaN();
  if (name == "math.Remainder")
    return lowerRemainder(args[0], args[1]);
  if (name == "math.Dim") {
    // Go's x - y, or +0 when that is not positive: NaN stays NaN.
    Value *v = B.CreateFSub(args[0], args[1], "dim.v");
    return B.CreateSelect(B.CreateFCmpOLE(v, ConstantFP::get(dbl, 0.0)),
                          ConstantFP::get(dbl, 0.0), v, "dim");
  }
  if (name == "math.Inf")
    return B.CreateSelect(B.CreateICmpSGE(args[0], i64c(0)),
                          ConstantFP::getInfinity(dbl, false),
                          ConstantFP::getInfinity(dbl, true), "inf");
  if (name == "math.IsNaN")
    return B.CreateFCmpUNO(args[0], args[0], "isnan");
  if (name == "math.IsInf") {
    Value *x = args[0], *sign = args[1];
    Value *pos =
        B.CreateAnd(B.CreateICmpSGE(sign, i64c(0)),
                    B.CreateFCmpOEQ(x, ConstantFP::getInfinity(dbl, false)));
    Value *neg =
        B.CreateAnd(B.CreateICmpSLE(sign, i64c(0)),
                    B.CreateFCmpOEQ(x, ConstantFP::getInfinity(dbl, true)));
    return B.CreateOr(pos, neg, "isinf");
  }
  if (name == "math.Signbit")
    return B.CreateICmpSLT(B.CreateBitCast(args[0], i64), i64c(0), "signbit");
  if (name == "math.Float64bits")
    return B.CreateBitCast(args[0], i64);
  if (name == "math.Float64frombits")
    return B.CreateBitCast(args[0], dbl);
  if (name == "math.Float32bits")
    return B.CreateBitCast(args[0], i32);
  if (name == "math.Float32frombits")
    return B.CreateBitCast(args[0], B.getFloatTy());
  // Go's FMA rounds once, as the intrinsic does (a libm call where the
  // target has no fused instruction).
  if (name == "math.FMA")
    return B.CreateIntrinsic(Intrinsic::fma, {dbl},
                             {args[0], args[1], args[2]});
  throw CodegenError(name + " is not supported yet");
}

// Go's math.NaN(): the quiet NaN with payload 1 (0x7FF8000000000001).
Constant *CodegenContext::goNaN() {
  return ConstantFP::get(
      B.getDoubleTy(),
      APFloat(APFloat::IEEEdouble(), APInt(64, 0x7FF8000000000001ULL)));
}

// The IEEE remainder is exact, so libm's equals Go's bit for bit, except
// that Go's special cases (a NaN operand, x infinite, y zero) return
// math.NaN() itself.
Value *CodegenContext::lowerRemainder(Value *x, Value *y) {
  llvm::Type *dbl = B.getDoubleTy();
  FunctionCallee fn = M->getOrInsertFunction(
      "remainder", FunctionType::get(dbl, {dbl, dbl}, false));
  Value *r = B.CreateCall(fn, {x, y}, "rem");
  return B.CreateSelect(B.CreateFCmpUNO(r, r), goNaN(), r, "remainder");
}

// runtime.SetFinalizer(obj, finalizer). The runtime makes Go's checks on
// obj's dynamic type, but type descriptors do not describe a func type's
// parameters, so the finalizer's type must be known here: its shape (1:
// variadic, 2: not one parameter) and parameter type go to the runtime, with
// a thunk that passes the object to the finalizer as that type. A finalizer
// held in an interface would need the descriptors to grow; it is refused.
Value *CodegenContext::genSetFinalizer(CallExpr *e) {
  Value *obj = genExprAs(e->args[0], tc.emptyInterface());
  Expr *fe = e->args[1];
  Constant *null = ConstantPointerNull::get(ptrTy);
  Value *finType = null, *closure = null, *param = null, *thunk = null;
  int64_t shape = 0;
  if (!isNilLiteral(fe)) {
    types::Type *ft = concrete(typeOf(fe));
    if (types::isInterface(ft))
      throw CodegenError("runtime.SetFinalizer with a finalizer of interface "
                         "type is not supported yet");
    Value *fv = genExprAs(fe, ft);
    finType = typeDesc(ft);
    if (auto *sig = dyn_cast<types::Signature>(ft->underlying())) {
      closure = fv;
      if (sig->variadic) {
        shape = 1;
      } else if (sig->params->size() != 1) {
        shape = 2;
      } else {
        // Only a pointer or an interface parameter can accept the object
        // (a pointer); for any other the runtime reports the mismatch.
        types::Type *pt = sig->params->at(0);
        param = typeDesc(pt);
        if (isa<types::Pointer>(pt->underlying()) || types::isInterface(pt))
          thunk = finalizerThunk(sig);
      }
    }
  }
  rt.call(B, Rt::mgo_set_finalizer,
          {B.CreateExtractValue(obj, 0, "obj.type"),
           B.CreateExtractValue(obj, 1, "obj.data"), finType, closure,
           i64c(shape), param, thunk});
  return nullptr;
}

// void thunk(ptr finalizer, ptr objType, ptr obj): calls the finalizer of
// type sig on the object, converted to its parameter type (the runtime has
// checked that it converts), and drops the results.
Function *CodegenContext::finalizerThunk(types::Signature *sig) {
  std::string name = "runtime.finalizer:" + typeSymbol(sig);
  if (Function *f = M->getFunction(name))
    return f;
  auto *fnTy = FunctionType::get(B.getVoidTy(), {ptrTy, ptrTy, ptrTy}, false);
  Function *thunk =
      Function::Create(fnTy, GlobalValue::InternalLinkage, name, *M);
  IRBuilderBase::InsertPoint ip = B.saveIP();
  DebugLoc dl = B.getCurrentDebugLocation();
  B.SetInsertPoint(BasicBlock::Create(C, "entry", thunk));
  B.SetCurrentDebugLocation(DebugLoc());
  Value *closure = thunk->getArg(0), *objType = thunk->getArg(1),
        *obj = thunk->getArg(2);
  closure->setName("finalizer");
  objType->setName("obj.type");
  obj->setName("obj");
  types::Type *param = sig->params->at(0);
  Value *arg = obj;
  if (types::isInterface(param)) {
    types::Type *cellType = tc.getPointer(tc.basic(types::BasicKind::Uint8));
    Value *cell = heapAlloc(cellType, "boxed");
    store(obj, cell, cellType);
    Value *word0 =
        cast<types::Interface>(param->underlying())->isEmpty()
            ? objType
            : rt.call(B, Rt::mgo_itab_find, {typeDesc(param), objType}, "itab");
    arg = makeIface(word0, cell);
  }
  callFuncValue(closure, sig, {arg});
  B.CreateRetVoid();
  B.restoreIP(ip);
  B.SetCurrentDebugLocation(dl);
  return thunk;
}

// Package runtime's scheduler queries map one to one onto the runtime ABI.
Value *CodegenContext::lowerRuntimeCall(const std::string &name,
                                        ArrayRef<Value *> args) {
  if (name == "runtime.Version")
    return stringConst(kGoVersion);
  if (name == "runtime.KeepAlive") {
    // An empty asm reading the box of x: the optimiser keeps the box, and
    // so what x points to, live up to here, where the collector sees it.
    auto *asmTy = FunctionType::get(B.getVoidTy(), {ptrTy}, false);
    B.CreateCall(InlineAsm::get(asmTy, "", "r,~{memory}", true),
                 {B.CreateExtractValue(args[0], 1, "keepalive")});
    return nullptr;
  }
  if (name == "runtime.Gosched") {
    rt.call(B, Rt::mgo_gosched, {});
    return nullptr;
  }
  if (name == "runtime.NumGoroutine")
    return rt.call(B, Rt::mgo_num_goroutine, {}, "ngoroutine");
  if (name == "runtime.NumCPU")
    return rt.call(B, Rt::mgo_num_cpu, {}, "ncpu");
  if (name == "runtime.GOMAXPROCS")
    return rt.call(B, Rt::mgo_gomaxprocs, {args[0]}, "procs");
  throw CodegenError(name + " is not supported yet");
}

} // namespace mgo

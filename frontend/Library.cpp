// The library packages mini-Go provides, with the signatures of Go's own.
// Codegen lowers calls to them by Func::libraryName.
#include "frontend/Types.h"

namespace mgo::types {

namespace {

struct Param {
  const char *name;
  Type *type;
};

class LibraryBuilder {
public:
  LibraryBuilder(TypeContext &ctx, Package *pkg) : ctx_(ctx), pkg_(pkg) {}

  void func(const std::string &name, std::vector<Param> params,
            std::vector<Param> results, bool variadic = false) {
    Signature *sig = ctx_.getSignature(tuple(params), tuple(results), variadic);
    auto *f = ctx_.newObject<Func>(name, sig, SrcLoc{});
    f->pkg = pkg_;
    f->libraryName = pkg_->path + "." + name;
    pkg_->scope->insert(f);
  }

  void constant(const std::string &name, BasicKind kind, ConstValue v) {
    auto *c =
        ctx_.newObject<Const>(name, ctx_.basic(kind), SrcLoc{}, std::move(v));
    c->pkg = pkg_;
    pkg_->scope->insert(c);
  }

  void typeName(const std::string &name, Type *t) {
    auto *tn = ctx_.newObject<TypeName>(name, t, SrcLoc{});
    tn->pkg = pkg_;
    pkg_->scope->insert(tn);
  }

  void builtin(const std::string &name, BuiltinId id) {
    auto *f = ctx_.newObject<Builtin>(name, id);
    f->pkg = pkg_;
    pkg_->scope->insert(f);
  }

  void intConst(const std::string &name, const llvm::APInt &v) {
    constant(name, BasicKind::UntypedInt, ConstValue::makeInt(v));
  }

  void floatConst(const std::string &name, const char *literal) {
    std::string err;
    constant(name, BasicKind::UntypedFloat,
             *ConstValue::fromLiteral(Token::FLOAT, literal, &err));
  }

private:
  Tuple *tuple(const std::vector<Param> &ps) {
    std::vector<Var *> vars;
    for (const Param &p : ps) {
      auto *v = ctx_.newObject<Var>(p.name, p.type, SrcLoc{});
      v->isParam = true;
      vars.push_back(v);
    }
    return ctx_.getTuple(vars);
  }

  TypeContext &ctx_;
  Package *pkg_;
};

void buildFmt(TypeContext &ctx, LibraryBuilder &b) {
  Type *anys = ctx.getSlice(ctx.emptyInterface());
  Type *str = ctx.basic(BasicKind::String);
  Type *integer = ctx.basic(BasicKind::Int);
  std::vector<Param> written{{"n", integer}, {"err", ctx.errorType()}};
  b.func("Println", {{"a", anys}}, written, true);
  b.func("Print", {{"a", anys}}, written, true);
  b.func("Printf", {{"format", str}, {"a", anys}}, written, true);
  b.func("Sprintf", {{"format", str}, {"a", anys}}, {{"", str}}, true);
  b.func("Sprint", {{"a", anys}}, {{"", str}}, true);
  b.func("Sprintln", {{"a", anys}}, {{"", str}}, true);
}

void buildMathConstants(LibraryBuilder &b) {
  using llvm::APInt;
  constexpr unsigned W = ConstValue::IntBits;
  for (unsigned bits : {8u, 16u, 32u, 64u}) {
    std::string n = std::to_string(bits);
    b.intConst("MaxInt" + n, APInt::getSignedMaxValue(bits).sext(W));
    b.intConst("MinInt" + n, APInt::getSignedMinValue(bits).sext(W));
    b.intConst("MaxUint" + n, APInt::getMaxValue(bits).zext(W));
  }
  b.intConst("MaxInt", APInt::getSignedMaxValue(64).sext(W));
  b.intConst("MinInt", APInt::getSignedMinValue(64).sext(W));
  b.intConst("MaxUint", APInt::getMaxValue(64).zext(W));
  b.floatConst(
      "Pi", "3.14159265358979323846264338327950288419716939937510582097494459");
  b.floatConst(
      "E", "2.71828182845904523536028747135266249775724709369995957496696763");
  b.floatConst(
      "Phi",
      "1.61803398874989484820458683436563811772030917980576286213544862");
  b.floatConst(
      "Sqrt2",
      "1.41421356237309504880168872420969807856967187537694807317667974");
  b.floatConst(
      "SqrtE",
      "1.64872127070012814684865078831312635104062637362244546240813939");
  b.floatConst(
      "SqrtPi",
      "1.77245385090551602729816748334114518279754945612238712821380779");
  b.floatConst(
      "SqrtPhi",
      "1.27201964951406896425242246173749149171560804184009624861664038");
  b.floatConst(
      "Ln2",
      "0.693147180559945309417232121458176568075500134360255254120680009");
  b.floatConst(
      "Log2E",
      "1.44269504088896340735992468100189213742664595415298593413544940");
  b.floatConst(
      "Ln10",
      "2.30258509299404568401799145468436420760110148862877297603332790");
  b.floatConst(
      "Log10E",
      "0.434294481903251827651128918916605082294397005803666566114453783");
  b.floatConst("MaxFloat64", "0x1.fffffffffffffp1023");
  b.floatConst("SmallestNonzeroFloat64", "0x1p-1074");
  b.floatConst("MaxFloat32", "0x1.fffffep127");
  b.floatConst("SmallestNonzeroFloat32", "0x1p-149");
}

void buildMath(TypeContext &ctx, LibraryBuilder &b) {
  Type *f = ctx.basic(BasicKind::Float64);
  Type *i = ctx.basic(BasicKind::Int);
  Type *boolean = ctx.basic(BasicKind::Bool);
  for (const char *name :
       {"Sqrt",        "Abs",   "Floor", "Ceil",  "Trunc", "Round",
        "RoundToEven", "Log",   "Log2",  "Log10", "Log1p", "Exp",
        "Exp2",        "Expm1", "Sin",   "Cos",   "Tan",   "Asin",
        "Acos",        "Atan",  "Sinh",  "Cosh",  "Tanh",  "Cbrt",
        "Asinh",       "Acosh", "Atanh", "Gamma", "Erf",   "Erfc"})
    b.func(name, {{"x", f}}, {{"", f}});
  for (const char *name : {"Pow", "Mod", "Max", "Min", "Atan2", "Hypot",
                           "Remainder", "Dim", "Copysign"})
    b.func(name, {{"x", f}, {"y", f}}, {{"", f}});
  b.func("Inf", {{"sign", i}}, {{"", f}});
  b.func("NaN", {}, {{"", f}});
  b.func("IsNaN", {{"f", f}}, {{"is", boolean}});
  b.func("IsInf", {{"f", f}, {"sign", i}}, {{"", boolean}});
  b.func("Signbit", {{"x", f}}, {{"", boolean}});
  b.func("Float64bits", {{"f", f}}, {{"", ctx.basic(BasicKind::Uint64)}});
  b.func("Float64frombits", {{"b", ctx.basic(BasicKind::Uint64)}}, {{"", f}});
  Type *f32 = ctx.basic(BasicKind::Float32);
  b.func("Float32bits", {{"f", f32}}, {{"", ctx.basic(BasicKind::Uint32)}});
  b.func("Float32frombits", {{"b", ctx.basic(BasicKind::Uint32)}}, {{"", f32}});
  b.func("FMA", {{"x", f}, {"y", f}, {"z", f}}, {{"", f}});
  buildMathConstants(b);
}

// unsafe.Pointer and the built-ins Go declares in package unsafe.
void buildUnsafe(TypeContext &ctx, LibraryBuilder &b) {
  b.typeName("Pointer", ctx.basic(BasicKind::UnsafePointer));
  b.builtin("Add", BuiltinId::Add);
  b.builtin("Alignof", BuiltinId::Alignof);
  b.builtin("Offsetof", BuiltinId::Offsetof);
  b.builtin("Sizeof", BuiltinId::Sizeof);
  b.builtin("Slice", BuiltinId::Slice);
}

void buildRuntime(TypeContext &ctx, LibraryBuilder &b) {
  Type *i = ctx.basic(BasicKind::Int);
  Type *any = ctx.emptyInterface();
  b.func("Gosched", {}, {});
  b.func("NumGoroutine", {}, {{"", i}});
  b.func("NumCPU", {}, {{"", i}});
  b.func("GOMAXPROCS", {{"n", i}}, {{"", i}});
  b.func("Version", {}, {{"", ctx.basic(BasicKind::String)}});
  b.func("KeepAlive", {{"x", any}}, {});
  b.func("SetFinalizer", {{"obj", any}, {"finalizer", any}}, {});
  // The target gc 1.19 builds for on this machine; Compiler says whose
  // behaviour programs get (docs/language.md).
  b.constant("GOOS", BasicKind::String, ConstValue::makeString("linux"));
  b.constant("GOARCH", BasicKind::String, ConstValue::makeString("amd64"));
  b.constant("Compiler", BasicKind::UntypedString,
             ConstValue::makeString("gc"));
}

using Builder = void (*)(TypeContext &, LibraryBuilder &);

Builder builderFor(const std::string &path) {
  if (path == "fmt")
    return buildFmt;
  if (path == "math")
    return buildMath;
  if (path == "runtime")
    return buildRuntime;
  if (path == "unsafe")
    return buildUnsafe;
  return nullptr;
}

} // namespace

Package *TypeContext::libraryPackage(const std::string &path) {
  auto it = libraries_.find(path);
  if (it != libraries_.end())
    return it->second;
  Builder build = builderFor(path);
  if (!build)
    return nullptr;
  Package *pkg = newPackage(path, path.substr(path.rfind('/') + 1));
  libraries_[path] = pkg;
  LibraryBuilder b(*this, pkg);
  build(*this, b);
  return pkg;
}

bool TypeContext::declareLibraryMembers(Package *pkg) {
  Builder build = builderFor(pkg->path);
  if (!build)
    return false;
  LibraryBuilder b(*this, pkg);
  build(*this, b);
  return true;
}

} // namespace mgo::types

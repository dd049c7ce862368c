// LLVM declarations of the runtime ABI. The C prototypes in mgo/abi.h are the
// single source of truth: each entry's LLVM type is computed from the C
// function type by the IRType traits below, so a change to abi.def changes
// both sides at once.
#include "codegen/RuntimeABI.h"

#include "mgo/abi.h"

#include <type_traits>

using namespace llvm;

namespace mgo {
namespace {

struct TypeEnv {
  LLVMContext &c;
  StructType *stringTy;
};

// The LLVM type a C type of the ABI is passed as (x86-64 SysV).
template <typename T> struct IRType;
template <> struct IRType<void> {
  static Type *get(TypeEnv &e) { return Type::getVoidTy(e.c); }
};
template <> struct IRType<mgo_int> {
  static Type *get(TypeEnv &e) { return Type::getInt64Ty(e.c); }
};
template <> struct IRType<mgo_rune> {
  static Type *get(TypeEnv &e) { return Type::getInt32Ty(e.c); }
};
template <> struct IRType<uint32_t> {
  static Type *get(TypeEnv &e) { return Type::getInt32Ty(e.c); }
};
template <> struct IRType<mgo_bool> {
  static Type *get(TypeEnv &e) { return Type::getInt1Ty(e.c); }
};
template <> struct IRType<mgo_f64> {
  static Type *get(TypeEnv &e) { return Type::getDoubleTy(e.c); }
};
template <> struct IRType<MgoString> {
  static Type *get(TypeEnv &e) { return e.stringTy; }
};
template <> struct IRType<MgoComplex128> {
  static Type *get(TypeEnv &e) {
    return StructType::get(e.c,
                           {Type::getDoubleTy(e.c), Type::getDoubleTy(e.c)});
  }
};
template <typename T> struct IRType<T *> {
  static Type *get(TypeEnv &e) { return PointerType::get(e.c, 0); }
};

template <typename T> constexpr bool needsZeroExt = std::is_same_v<T, mgo_bool>;

template <typename R, typename... A> struct Signature;
template <typename R, typename... A> struct Signature<R(A...)> {
  static FunctionType *type(TypeEnv &e) {
    return FunctionType::get(IRType<R>::get(e), {IRType<A>::get(e)...}, false);
  }
  static void addExtAttrs(Function *f) {
    if (needsZeroExt<R>)
      f->addRetAttr(Attribute::ZExt);
    unsigned i = 0;
    ((needsZeroExt<A> ? f->addParamAttr(i, Attribute::ZExt) : void(), ++i),
     ...);
  }
};

struct Entry {
  const char *name;
  FunctionType *(*type)(TypeEnv &);
  void (*addExtAttrs)(Function *);
  int attrs;
};

const Entry entries[] = {
#define MGO_RT(name, ret, params, attrs)                                       \
  {#name, &Signature<decltype(::name)>::type,                                  \
   &Signature<decltype(::name)>::addExtAttrs, attrs},
#include "mgo/abi.def"
#undef MGO_RT
};

} // namespace

void RuntimeABI::init(Module *module, StructType *stringTy) {
  module_ = module;
  stringTy_ = stringTy;
}

bool RuntimeABI::isNoReturn(Rt id) const {
  return entries[static_cast<int>(id)].attrs == MGO_NORETURN;
}

std::optional<Rt> RuntimeABI::lookup(StringRef name) const {
  for (int i = 0; i < static_cast<int>(Rt::Count); ++i)
    if (name == entries[i].name)
      return static_cast<Rt>(i);
  return std::nullopt;
}

Function *RuntimeABI::get(Rt id) {
  Function *&f = decls_[static_cast<int>(id)];
  if (f)
    return f;
  const Entry &e = entries[static_cast<int>(id)];
  // A module codegen has finished declares what it used already.
  if ((f = module_->getFunction(e.name)))
    return f;
  TypeEnv env{module_->getContext(), stringTy_};
  f = Function::Create(e.type(env), GlobalValue::ExternalLinkage, e.name,
                       module_);
  e.addExtAttrs(f);
  if (e.attrs == MGO_NORETURN) {
    // A panic unwinds into the caller's landing pad: not nounwind.
    f->addFnAttr(Attribute::NoReturn);
    f->addFnAttr(Attribute::Cold);
  } else if (e.attrs == MGO_PURE) {
    f->setMemoryEffects(MemoryEffects::argMemOnly(ModRefInfo::Ref));
    f->addFnAttr(Attribute::NoUnwind);
    f->addFnAttr(Attribute::WillReturn);
  }
  return f;
}

CallInst *RuntimeABI::call(IRBuilder<> &b, Rt id, ArrayRef<Value *> args,
                           const Twine &name) {
  Function *f = get(id);
  CallInst *ci =
      b.CreateCall(f, args, f->getReturnType()->isVoidTy() ? "" : name);
  ci->setAttributes(f->getAttributes());
  if (isNoReturn(id))
    b.CreateUnreachable();
  return ci;
}

} // namespace mgo

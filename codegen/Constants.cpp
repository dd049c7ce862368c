// Constants: checker-computed values (frontend/Constant.h) at the type the
// context needs, and string literals as private byte arrays.
#include "codegen/CodegenContext.h"

using namespace llvm;

namespace mgo {

Constant *CodegenContext::i64c(int64_t v) {
  return ConstantInt::get(i64, v, true);
}

Constant *CodegenContext::i1c(bool v) { return ConstantInt::get(i1, v); }

// The bytes of a string literal, shared between equal literals.
Constant *CodegenContext::stringBytes(StringRef s) {
  auto it = strings.find(s.str());
  if (it != strings.end())
    return it->second;
  Constant *data = ConstantDataArray::getString(C, s, false);
  auto *g = new GlobalVariable(*M, data->getType(), true,
                               GlobalValue::PrivateLinkage, data, ".str");
  g->setUnnamedAddr(GlobalValue::UnnamedAddr::Global);
  g->setAlignment(Align(1));
  strings[s.str()] = g;
  return g;
}

Constant *CodegenContext::stringConst(StringRef s) {
  if (s.empty())
    return ConstantStruct::get(stringTy,
                               {ConstantPointerNull::get(ptrTy), i64c(0)});
  return ConstantStruct::get(stringTy, {stringBytes(s), i64c(s.size())});
}

Constant *CodegenContext::constValue(const ConstValue &v, types::Type *t) {
  t = concrete(t);
  llvm::Type *ty = llType(t);
  auto *b = basicOf(t);
  if (!b)
    return Constant::getNullValue(
        ty); // nil of a pointer, slice, map, func or interface type
  if (b->isBoolean())
    return i1c(v.boolValue());
  if (b->isString())
    return stringConst(v.stringValue());
  if (b->isComplex()) {
    llvm::Type *part = cast<StructType>(ty)->getElementType(0);
    bool is64 = b->basicKind == types::BasicKind::Complex64;
    auto lower = [&](const ConstValue &p) -> Constant * {
      return is64 ? ConstantFP::get(part, p.toFloat32())
                  : ConstantFP::get(part, p.toDouble());
    };
    return ConstantStruct::get(cast<StructType>(ty),
                               {lower(v.realPart()), lower(v.imagPart())});
  }
  if (b->isFloat()) {
    if (b->basicKind == types::BasicKind::Float32)
      return ConstantFP::get(ty, v.isFloat() ? v.toFloat32()
                                             : v.toFloat().toFloat32());
    return ConstantFP::get(ty,
                           v.isFloat() ? v.toDouble() : v.toFloat().toDouble());
  }
  if (b->isInteger()) {
    unsigned bits = ty->getIntegerBitWidth();
    if (v.isInt())
      return ConstantInt::get(C, v.toAPInt(bits));
    if (auto iv = v.toInt())
      return ConstantInt::get(C, iv->toAPInt(bits));
  }
  throw CodegenError("cannot lower constant " + v.toString() + " of type " +
                     t->toString());
}

} // namespace mgo

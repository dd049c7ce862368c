// Go types to LLVM types. Strings, slices and interfaces are small structs
// passed by value; maps, channels, pointers and func values are one pointer
// (a func value points to a closure object, see Closures.cpp); arrays and
// structs are LLVM aggregates with C layout, so sizes and offsets agree with
// the MgoType descriptors.
#include "codegen/CodegenContext.h"

using namespace llvm;

namespace mgo {

using types::BasicKind;

types::Basic *CodegenContext::basicOf(types::Type *t) {
  return dyn_cast<types::Basic>(t->underlying());
}

types::Type *CodegenContext::intType() { return tc.basic(BasicKind::Int); }

// Untyped kinds can reach codegen on non-constant expressions (comparisons,
// shifts of untyped operands); they take their default types.
types::Type *CodegenContext::concrete(types::Type *t) {
  auto *b = dyn_cast<types::Basic>(t);
  if (!b || !b->isUntyped())
    return t;
  switch (b->basicKind) {
  case BasicKind::UntypedBool:
    return tc.basic(BasicKind::Bool);
  case BasicKind::UntypedInt:
    return tc.basic(BasicKind::Int);
  case BasicKind::UntypedRune:
    return tc.basic(BasicKind::Int32);
  case BasicKind::UntypedFloat:
    return tc.basic(BasicKind::Float64);
  case BasicKind::UntypedComplex:
    return tc.basic(BasicKind::Complex128);
  case BasicKind::UntypedString:
    return tc.basic(BasicKind::String);
  default:
    return t;
  }
}

bool CodegenContext::isString(types::Type *t) {
  auto *b = basicOf(t);
  return b && b->isString();
}

bool CodegenContext::isSigned(types::Type *t) {
  auto *b = basicOf(t);
  return b && b->isInteger() && !b->isUnsigned();
}

bool CodegenContext::isFloat(types::Type *t) {
  auto *b = basicOf(t);
  return b && b->isFloat();
}

bool CodegenContext::isComplex(types::Type *t) {
  auto *b = basicOf(t);
  return b && b->isComplex();
}

bool CodegenContext::isAggregate(types::Type *t) {
  return isa<types::Struct>(t->underlying()) ||
         isa<types::Array>(t->underlying());
}

llvm::Type *CodegenContext::llType(types::Type *t) {
  t = t->underlying();
  switch (t->kind()) {
  case types::Type::BasicKind: {
    auto *b = cast<types::Basic>(t);
    switch (b->basicKind) {
    case BasicKind::Bool:
    case BasicKind::UntypedBool:
      return i1;
    case BasicKind::Float32:
      return llvm::Type::getFloatTy(C);
    case BasicKind::Float64:
    case BasicKind::UntypedFloat:
      return llvm::Type::getDoubleTy(C);
    // A struct of two floats, not a vector: complex64 keeps Go's 4-byte
    // alignment and both kinds C's layout, which the runtime reads them as
    // (std::complex).
    case BasicKind::Complex64:
      return StructType::get(
          C, {llvm::Type::getFloatTy(C), llvm::Type::getFloatTy(C)});
    case BasicKind::Complex128:
    case BasicKind::UntypedComplex:
      return StructType::get(
          C, {llvm::Type::getDoubleTy(C), llvm::Type::getDoubleTy(C)});
    case BasicKind::String:
    case BasicKind::UntypedString:
      return stringTy;
    case BasicKind::UntypedRune:
      return i32;
    case BasicKind::UntypedNil:
    case BasicKind::UnsafePointer:
    case BasicKind::Invalid:
      return ptrTy;
    default:
      return IntegerType::get(C, b->bits());
    }
  }
  case types::Type::PointerKind:
  case types::Type::MapKind:
  case types::Type::ChanKind:
  case types::Type::SignatureKind:
    return ptrTy;
  case types::Type::SliceKind:
    return sliceTy;
  case types::Type::InterfaceKind:
    return ifaceTy;
  case types::Type::ArrayKind: {
    auto *a = cast<types::Array>(t);
    return ArrayType::get(llType(a->elem), a->len);
  }
  case types::Type::StructKind: {
    auto *st = cast<types::Struct>(t);
    std::vector<llvm::Type *> fields;
    for (types::Var *f : st->fields)
      fields.push_back(llType(f->type));
    // gc pads a struct whose last field has size zero (unless all of it
    // does) so that the field's address stays inside the struct; the
    // padding keeps sizes and array strides equal to unsafe.Sizeof's.
    if (!st->fields.empty() && types::gcSizeof(st->fields.back()->type) == 0 &&
        types::gcOffsetsof(st).back() > 0)
      fields.push_back(i8);
    return StructType::get(C, fields);
  }
  case types::Type::TupleKind: {
    std::vector<llvm::Type *> elems;
    for (types::Var *v : cast<types::Tuple>(t)->vars)
      elems.push_back(llType(v->type));
    return StructType::get(C, elems);
  }
  case types::Type::NamedKind:
  case types::Type::TypeParamKind:
    break;
  }
  throw CodegenError("type without an underlying type: " + t->toString());
}

// No results: void; one: its type; several: an anonymous struct.
llvm::Type *CodegenContext::resultType(types::Signature *sig) {
  size_t n = sig->results->size();
  if (n == 0)
    return llvm::Type::getVoidTy(C);
  if (n == 1)
    return llType(sig->results->at(0));
  return llType(sig->results);
}

// Every Go function takes the closure context first (null for direct calls
// of top-level functions), then the receiver of a method, then its parameters.
FunctionType *CodegenContext::funcType(types::Signature *sig) {
  std::vector<llvm::Type *> params{ptrTy};
  if (sig->recv)
    params.push_back(llType(sig->recv->type));
  for (types::Var *p : sig->params->vars)
    params.push_back(llType(p->type));
  return FunctionType::get(resultType(sig), params, false);
}

uint64_t CodegenContext::sizeOf(types::Type *t) {
  return M->getDataLayout().getTypeAllocSize(llType(t));
}

uint64_t CodegenContext::alignOf(types::Type *t) {
  return M->getDataLayout().getABITypeAlign(llType(t)).value();
}

Value *CodegenContext::sizeValue(types::Type *t) { return i64c(sizeOf(t)); }

} // namespace mgo

// MgoType descriptors (runtime/include/mgo/abi.h): one constant global per Go
// type that reaches the runtime, named "type:<Go spelling>". Types are
// interned by the checker, so one descriptor per types::Type pointer gives
// the runtime its invariant that descriptor identity is type identity.
#include "codegen/CodegenContext.h"

#include "mgo/abi.h"

using namespace llvm;

namespace mgo {

int CodegenContext::mgoKind(types::Type *t) {
  t = concrete(t)->underlying();
  switch (t->kind()) {
  case types::Type::BasicKind:
    switch (cast<types::Basic>(t)->basicKind) {
    case types::BasicKind::Bool:
      return MGO_BOOL;
    case types::BasicKind::Int:
      return MGO_INT;
    case types::BasicKind::Int8:
      return MGO_INT8;
    case types::BasicKind::Int16:
      return MGO_INT16;
    case types::BasicKind::Int32:
      return MGO_INT32;
    case types::BasicKind::Int64:
      return MGO_INT64;
    case types::BasicKind::Uint:
      return MGO_UINT;
    case types::BasicKind::Uint8:
      return MGO_UINT8;
    case types::BasicKind::Uint16:
      return MGO_UINT16;
    case types::BasicKind::Uint32:
      return MGO_UINT32;
    case types::BasicKind::Uint64:
      return MGO_UINT64;
    case types::BasicKind::Uintptr:
      return MGO_UINTPTR;
    case types::BasicKind::Float32:
      return MGO_FLOAT32;
    case types::BasicKind::Float64:
      return MGO_FLOAT64;
    case types::BasicKind::String:
      return MGO_STRING;
    default:
      return MGO_INVALID;
    }
  case types::Type::PointerKind:
    return MGO_POINTER;
  case types::Type::SliceKind:
    return MGO_SLICE;
  case types::Type::ArrayKind:
    return MGO_ARRAY;
  case types::Type::MapKind:
    return MGO_MAP;
  case types::Type::ChanKind:
    return MGO_CHAN;
  case types::Type::StructKind:
    return MGO_STRUCT;
  case types::Type::SignatureKind:
    return MGO_FUNC;
  case types::Type::InterfaceKind:
    return MGO_INTERFACE;
  default:
    return MGO_INVALID;
  }
}

namespace {

int chanDir(types::Chan *c) {
  switch (c->dir) {
  case ChanDir::Recv:
    return 1;
  case ChanDir::Send:
    return 2;
  default:
    return 3;
  }
}

} // namespace

Constant *CodegenContext::typeDesc(types::Type *t) {
  t = concrete(t);
  if (auto it = typeDescs.find(t); it != typeDescs.end())
    return it->second;
  // Registered before its initializer is built: a recursive type refers to
  // its own descriptor through a pointer field.
  auto *g =
      new GlobalVariable(*M, typeDescTy, true, GlobalValue::InternalLinkage,
                         nullptr, "type:" + t->toString());
  typeDescs[t] = g;

  Constant *null = ConstantPointerNull::get(ptrTy);
  Constant *elem = null, *key = null, *fields = null;
  int64_t len = 0, dir = 0;
  types::Type *u = t->underlying();
  if (auto *p = dyn_cast<types::Pointer>(u)) {
    elem = typeDesc(p->elem);
  } else if (auto *s = dyn_cast<types::Slice>(u)) {
    elem = typeDesc(s->elem);
  } else if (auto *a = dyn_cast<types::Array>(u)) {
    elem = typeDesc(a->elem);
    len = a->len;
  } else if (auto *m = dyn_cast<types::Map>(u)) {
    elem = typeDesc(m->elem);
    key = typeDesc(m->key);
  } else if (auto *c = dyn_cast<types::Chan>(u)) {
    elem = typeDesc(c->elem);
    dir = chanDir(c);
  } else if (auto *st = dyn_cast<types::Struct>(u)) {
    const StructLayout *layout =
        M->getDataLayout().getStructLayout(cast<StructType>(llType(st)));
    std::vector<Constant *> fs;
    for (size_t i = 0; i < st->fields.size(); ++i) {
      types::Var *f = st->fields[i];
      fs.push_back(
          ConstantStruct::get(fieldTy, {stringConst(f->name), typeDesc(f->type),
                                        i64c(layout->getElementOffset(i))}));
    }
    len = fs.size();
    if (!fs.empty()) {
      auto *arrTy = ArrayType::get(fieldTy, fs.size());
      fields = new GlobalVariable(*M, arrTy, true, GlobalValue::InternalLinkage,
                                  ConstantArray::get(arrTy, fs),
                                  "fields:" + t->toString());
    }
  }
  Constant *init = ConstantStruct::get(
      typeDescTy, {i64c(mgoKind(t)), i64c(sizeOf(t)), i64c(alignOf(t)),
                   stringConst(t->toString()), elem, key, i64c(len), fields,
                   i64c(0), null, i64c(dir)});
  g->setInitializer(init);
  return g;
}

} // namespace mgo

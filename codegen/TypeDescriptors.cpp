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
    case types::BasicKind::Complex64:
      return MGO_COMPLEX64;
    case types::BasicKind::Complex128:
      return MGO_COMPLEX128;
    case types::BasicKind::String:
      return MGO_STRING;
    case types::BasicKind::UnsafePointer:
      return MGO_UNSAFEPOINTER;
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

std::string runtimeName(types::Type *t);

std::string joinTypes(const types::Tuple *tuple, bool variadic) {
  std::string out;
  for (size_t i = 0; i < tuple->vars.size(); ++i) {
    if (i > 0)
      out += ", ";
    types::Type *vt = tuple->vars[i]->type;
    if (variadic && i + 1 == tuple->vars.size()) {
      out += "...";
      vt = cast<types::Slice>(vt)->elem;
    }
    out += runtimeName(vt);
  }
  return out;
}

// A signature without "func", parameter names dropped: "(int) string".
std::string signatureName(types::Signature *sig) {
  std::string out = "(" + joinTypes(sig->params, sig->variadic) + ")";
  if (sig->results->size() == 1)
    out += " " + runtimeName(sig->results->vars[0]->type);
  else if (sig->results->size() > 1)
    out += " (" + joinTypes(sig->results, false) + ")";
  return out;
}

// The type as Go's runtime spells it (%T, panics, and the func type names the
// runtime matches methods by): "interface {}", "struct { a int }",
// "func(int) string" without parameter names.
std::string runtimeName(types::Type *t) {
  if (auto *p = dyn_cast<types::Pointer>(t))
    return "*" + runtimeName(p->elem);
  if (auto *sl = dyn_cast<types::Slice>(t))
    return "[]" + runtimeName(sl->elem);
  if (auto *a = dyn_cast<types::Array>(t))
    return "[" + std::to_string(a->len) + "]" + runtimeName(a->elem);
  if (auto *m = dyn_cast<types::Map>(t))
    return "map[" + runtimeName(m->key) + "]" + runtimeName(m->elem);
  if (auto *c = dyn_cast<types::Chan>(t)) {
    const char *dir = c->dir == ChanDir::Send   ? "chan<- "
                      : c->dir == ChanDir::Recv ? "<-chan "
                                                : "chan ";
    return dir + runtimeName(c->elem);
  }
  if (auto *sig = dyn_cast<types::Signature>(t))
    return "func" + signatureName(sig);
  if (auto *st = dyn_cast<types::Struct>(t)) {
    if (st->fields.empty())
      return "struct {}";
    std::string out = "struct {";
    for (size_t i = 0; i < st->fields.size(); ++i) {
      types::Var *f = st->fields[i];
      out += std::string(i ? ";" : "") + " " +
             (f->embedded ? "" : f->name + " ") + runtimeName(f->type);
    }
    return out + " }";
  }
  if (auto *it = dyn_cast<types::Interface>(t)) {
    if (it->methods.empty())
      return "interface {}";
    std::string out = "interface {";
    for (size_t i = 0; i < it->methods.size(); ++i)
      out += std::string(i ? ";" : "") + " " + it->methods[i]->name +
             signatureName(it->methods[i]->signature());
    return out + " }";
  }
  return t->toString();
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
  int64_t nmethods = 0;
  Constant *methods = methodTable(t, nmethods);
  Constant *init = ConstantStruct::get(
      typeDescTy, {i64c(mgoKind(t)), i64c(sizeOf(t)), i64c(alignOf(t)),
                   stringConst(runtimeName(t)), elem, key, i64c(len), fields,
                   i64c(nmethods), methods, i64c(dir)});
  g->setInitializer(init);
  return g;
}

} // namespace mgo

// The universe scope: predeclared types, constants, nil and built-ins.
#include "frontend/Types.h"

namespace mgo::types {

namespace {

struct BasicInfo {
  BasicKind kind;
  const char *name;
};

const BasicInfo basicInfos[] = {
    {BasicKind::Invalid, "invalid type"},
    {BasicKind::Bool, "bool"},
    {BasicKind::Int, "int"},
    {BasicKind::Int8, "int8"},
    {BasicKind::Int16, "int16"},
    {BasicKind::Int32, "int32"},
    {BasicKind::Int64, "int64"},
    {BasicKind::Uint, "uint"},
    {BasicKind::Uint8, "uint8"},
    {BasicKind::Uint16, "uint16"},
    {BasicKind::Uint32, "uint32"},
    {BasicKind::Uint64, "uint64"},
    {BasicKind::Uintptr, "uintptr"},
    {BasicKind::Float32, "float32"},
    {BasicKind::Float64, "float64"},
    {BasicKind::Complex64, "complex64"},
    {BasicKind::Complex128, "complex128"},
    {BasicKind::String, "string"},
    {BasicKind::UnsafePointer, "unsafe.Pointer"},
    {BasicKind::UntypedBool, "untyped bool"},
    {BasicKind::UntypedInt, "untyped int"},
    {BasicKind::UntypedRune, "untyped rune"},
    {BasicKind::UntypedFloat, "untyped float"},
    {BasicKind::UntypedComplex, "untyped complex"},
    {BasicKind::UntypedString, "untyped string"},
    {BasicKind::UntypedNil, "untyped nil"},
};

struct BuiltinInfo {
  const char *name;
  BuiltinId id;
};

const BuiltinInfo builtinInfos[] = {
    {"append", BuiltinId::Append},   {"cap", BuiltinId::Cap},
    {"clear", BuiltinId::Clear},     {"close", BuiltinId::Close},
    {"complex", BuiltinId::Complex}, {"copy", BuiltinId::Copy},
    {"delete", BuiltinId::Delete},   {"imag", BuiltinId::Imag},
    {"len", BuiltinId::Len},         {"make", BuiltinId::Make},
    {"max", BuiltinId::Max},         {"min", BuiltinId::Min},
    {"new", BuiltinId::New},         {"panic", BuiltinId::Panic},
    {"print", BuiltinId::Print},     {"println", BuiltinId::Println},
    {"real", BuiltinId::Real},       {"recover", BuiltinId::Recover},
};

} // namespace

TypeContext::TypeContext() {
  for (const BasicInfo &b : basicInfos)
    basics_.push_back(own<Basic>(b.kind, b.name));
  universe_ = newScope(nullptr);
  for (const BasicInfo &b : basicInfos)
    if (b.kind != BasicKind::Invalid && b.kind != BasicKind::UnsafePointer &&
        b.kind < BasicKind::UntypedBool)
      universe_->insert(newObject<TypeName>(b.name, basic(b.kind), SrcLoc{}));
  auto alias = [&](const char *name, Type *t) {
    auto *tn = newObject<TypeName>(name, t, SrcLoc{});
    tn->isAlias = true;
    universe_->insert(tn);
  };
  alias("byte", basic(BasicKind::Uint8));
  alias("rune", basic(BasicKind::Int32));
  alias("any", emptyInterface());
  // comparable is a named interface only usable as a constraint.
  auto *comparableName = newObject<TypeName>("comparable", nullptr, SrcLoc{});
  Named *comparable = newNamed(comparableName);
  comparableName->type = comparable;
  comparable->underlyingType = newConstraint({}, {}, true);
  universe_->insert(comparableName);

  auto *errorName = newObject<TypeName>("error", nullptr, SrcLoc{});
  error_ = newNamed(errorName);
  errorName->type = error_;
  auto *errorMethod = newObject<Func>(
      "Error",
      getSignature(
          getTuple({}),
          getTuple({newObject<Var>("", basic(BasicKind::String), SrcLoc{})}),
          false),
      SrcLoc{});
  error_->underlyingType = getInterface({errorMethod});
  universe_->insert(errorName);

  Type *untypedBool = basic(BasicKind::UntypedBool);
  universe_->insert(newObject<Const>("true", untypedBool, SrcLoc{},
                                     ConstValue::makeBool(true)));
  universe_->insert(newObject<Const>("false", untypedBool, SrcLoc{},
                                     ConstValue::makeBool(false)));
  universe_->insert(newObject<Const>("iota", basic(BasicKind::UntypedInt),
                                     SrcLoc{}, ConstValue::makeInt(0)));
  universe_->insert(newObject<Nil>(basic(BasicKind::UntypedNil)));
  for (const BuiltinInfo &b : builtinInfos)
    universe_->insert(newObject<Builtin>(b.name, b.id));
}

} // namespace mgo::types

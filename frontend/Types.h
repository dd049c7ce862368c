// Go's types and the objects names denote, as in go/types.
//
// Invariant: types are interned by TypeContext, so two types are identical
// (in the Go spec's sense) exactly when their pointers are equal. Named types
// are unique per declaration; every other type is built from its parts by a
// TypeContext::get* call that returns the existing instance when there is one.
// Objects (variables, constants, type names, functions, built-ins, package
// names, labels) are owned by the TypeContext too.
#ifndef MGO_FRONTEND_TYPES_H
#define MGO_FRONTEND_TYPES_H

#include "frontend/AST.h"
#include "frontend/Constant.h"

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace mgo {
// Whether another package may refer to the name (an upper-case first letter;
// library packages spell their exported names in ASCII).
bool isExported(const std::string &name);
} // namespace mgo

namespace mgo::types {

class Named;
class TypeName;
class Scope;

class Type {
public:
  enum Kind {
    BasicKind,
    PointerKind,
    SliceKind,
    ArrayKind,
    MapKind,
    ChanKind,
    StructKind,
    TupleKind,
    SignatureKind,
    InterfaceKind,
    NamedKind,
    TypeParamKind
  };
  virtual ~Type() = default;
  Kind kind() const { return kind_; }
  // The underlying type (itself for anything but Named).
  Type *underlying();
  // Go's spelling, as error messages and %T print it: "int", "[]string",
  // "map[string]int", "main.point", "func(int) string", "struct{x int}".
  std::string toString() const;
  // As gc's error messages print it: named types of the package being
  // compiled unqualified ("point", "[]point").
  std::string errorString() const;

protected:
  explicit Type(Kind k) : kind_(k) {}

private:
  Kind kind_;
};

enum class BasicKind {
  Invalid,
  Bool,
  Int,
  Int8,
  Int16,
  Int32,
  Int64,
  Uint,
  Uint8,
  Uint16,
  Uint32,
  Uint64,
  Uintptr,
  Float32,
  Float64,
  Complex64,
  Complex128,
  String,
  UnsafePointer, // unsafe.Pointer: declared in package unsafe, not the universe
  UntypedBool,
  UntypedInt,
  UntypedRune,
  UntypedFloat,
  UntypedComplex,
  UntypedString,
  UntypedNil,
};

class Basic : public Type {
public:
  Basic(types::BasicKind k, std::string n)
      : Type(Type::BasicKind), basicKind(k), name(std::move(n)) {}
  types::BasicKind basicKind;
  std::string name; // "int", "untyped int", "byte" is an alias of uint8
  bool isInteger() const;
  bool isUnsigned() const;
  bool isFloat() const;
  bool isComplex() const;
  bool isNumeric() const { return isInteger() || isFloat() || isComplex(); }
  bool isString() const {
    return basicKind == types::BasicKind::String ||
           basicKind == types::BasicKind::UntypedString;
  }
  bool isBoolean() const {
    return basicKind == types::BasicKind::Bool ||
           basicKind == types::BasicKind::UntypedBool;
  }
  bool isUntyped() const { return basicKind >= types::BasicKind::UntypedBool; }
  bool isUnsafePointer() const {
    return basicKind == types::BasicKind::UnsafePointer;
  }
  // Width in bits of an integer, float or complex kind (int, uint, uintptr:
  // 64; complex64: 64, complex128: 128).
  unsigned bits() const;
  static bool classof(const Type *t) { return t->kind() == Type::BasicKind; }
};

class Pointer : public Type {
public:
  explicit Pointer(Type *e) : Type(PointerKind), elem(e) {}
  Type *elem;
  static bool classof(const Type *t) { return t->kind() == PointerKind; }
};

class Slice : public Type {
public:
  explicit Slice(Type *e) : Type(SliceKind), elem(e) {}
  Type *elem;
  static bool classof(const Type *t) { return t->kind() == SliceKind; }
};

class Array : public Type {
public:
  Array(Type *e, int64_t n) : Type(ArrayKind), elem(e), len(n) {}
  Type *elem;
  int64_t len;
  static bool classof(const Type *t) { return t->kind() == ArrayKind; }
};

class Map : public Type {
public:
  Map(Type *k, Type *v) : Type(MapKind), key(k), elem(v) {}
  Type *key, *elem;
  static bool classof(const Type *t) { return t->kind() == MapKind; }
};

class Chan : public Type {
public:
  Chan(ChanDir d, Type *e) : Type(ChanKind), dir(d), elem(e) {}
  ChanDir dir;
  Type *elem;
  static bool classof(const Type *t) { return t->kind() == ChanKind; }
};

class Var;
class Func;

class Struct : public Type {
public:
  explicit Struct(std::vector<Var *> f)
      : Type(StructKind), fields(std::move(f)) {}
  std::vector<Var *> fields;     // Var::isField
  std::vector<std::string> tags; // one per field ("" untagged), for reflect
  int fieldIndex(const std::string &name) const;
  static bool classof(const Type *t) { return t->kind() == StructKind; }
};

// The results of a multi-value call, and parameter lists.
class Tuple : public Type {
public:
  explicit Tuple(std::vector<Var *> v) : Type(TupleKind), vars(std::move(v)) {}
  std::vector<Var *> vars;
  size_t size() const { return vars.size(); }
  Type *at(size_t i) const;
  static bool classof(const Type *t) { return t->kind() == TupleKind; }
};

class Signature : public Type {
public:
  Signature(Var *r, Tuple *p, Tuple *res, bool v)
      : Type(SignatureKind), recv(r), params(p), results(res), variadic(v) {}
  Var *recv;      // null for functions and for function types
  Tuple *params;  // never null (possibly empty)
  Tuple *results; // never null (possibly empty)
  bool variadic;  // the last parameter is ...T, typed []T
  static bool classof(const Type *t) { return t->kind() == SignatureKind; }
};

// One term of a constraint's union: T, or ~T (every type whose underlying
// type is T). A term may be a constraint interface (its own type set).
struct Term {
  bool tilde = false;
  Type *type = nullptr;
};

class Interface : public Type {
public:
  explicit Interface(std::vector<Func *> m)
      : Type(InterfaceKind), methods(std::move(m)) {}
  // The complete method set (embedded interfaces flattened), sorted by name.
  std::vector<Func *> methods;
  // A constraint's type set: the types in every union (embedded constraints
  // flattened); none is every type. comparable: only comparable types.
  std::vector<std::vector<Term>> unions;
  bool comparable = false;
  // A union written as a constraint ([T ~int | ~string]), which stands for
  // interface{ union } and is printed as the union alone.
  bool implicit = false;
  bool isConstraint() const { return !unions.empty() || comparable; }
  bool isEmpty() const { return methods.empty() && !isConstraint(); }
  static bool classof(const Type *t) { return t->kind() == InterfaceKind; }
};

class TypeParam;

class Named : public Type {
public:
  explicit Named(TypeName *o) : Type(NamedKind), obj(o) {}
  TypeName *obj;
  Type *underlyingType = nullptr; // set when the declaration is checked
  std::vector<Func *>
      methods; // declared methods, value and pointer receivers, in source order
  // A generic type (type List[T any] ...) has type parameters and is only
  // used instantiated; an instance (List[int]) has its origin and arguments.
  std::vector<TypeParam *> typeParams;
  Named *origin = nullptr;
  std::vector<Type *> typeArgs;
  // A generic type's declaration, the scope it is in and its methods, from
  // which each instance is made.
  TypeSpec *genericSpec = nullptr;
  Scope *genericScope = nullptr;
  std::vector<FuncDecl *> genericMethods;
  Func *lookupMethod(const std::string &name) const;
  static bool classof(const Type *t) { return t->kind() == NamedKind; }
};

// A type parameter, as it appears in a generic declaration's signature (an
// instance's syntax names its type argument instead).
class TypeParam : public Type {
public:
  TypeParam(TypeName *o, int i) : Type(TypeParamKind), obj(o), index(i) {}
  TypeName *obj;
  int index;                       // in its declaration's list
  Interface *constraint = nullptr; // set when the list is checked
  Type *bound = nullptr;           // the constraint as written, for messages
  static bool classof(const Type *t) { return t->kind() == TypeParamKind; }
};

// ---------------------------------------------------------------------------
// Objects

class Scope;
class Package;

class Object {
public:
  enum Kind {
    VarKind,
    ConstKind,
    TypeNameKind,
    FuncKind,
    BuiltinKind,
    PkgNameKind,
    NilKind,
    LabelKind
  };
  virtual ~Object() = default;
  Kind kind() const { return kind_; }
  std::string name;
  Type *type = nullptr;
  SrcLoc loc;             // where declared; invalid for universe objects
  Package *pkg = nullptr; // null for universe objects

protected:
  Object(Kind k, std::string n, Type *t, SrcLoc l)
      : name(std::move(n)), type(t), loc(l), kind_(k) {}

private:
  Kind kind_;
};

class Var : public Object {
public:
  Var(std::string n, Type *t, SrcLoc l) : Object(VarKind, std::move(n), t, l) {}
  bool isField = false;
  bool embedded = false; // a field given by its type alone, named after it
  bool isParam = false;  // parameter or named result
  bool isResult = false; // named or unnamed result
  bool isGlobal = false; // package-level variable
  bool used = false;     // for "declared but not used"
  // The variable must live on the heap: it is captured by a closure or its
  // address is taken (codegen allocates it with mgo_alloc). A captured
  // variable is shared by reference, as Go specifies.
  bool escapes = false;
  static bool classof(const Object *o) { return o->kind() == VarKind; }
};

class Const : public Object {
public:
  Const(std::string n, Type *t, SrcLoc l, ConstValue v)
      : Object(ConstKind, std::move(n), t, l), value(std::move(v)) {}
  ConstValue value;
  static bool classof(const Object *o) { return o->kind() == ConstKind; }
};

class TypeName : public Object {
public:
  TypeName(std::string n, Type *t, SrcLoc l)
      : Object(TypeNameKind, std::move(n), t, l) {}
  bool isAlias = false;
  // In an instance, a type parameter's name is an alias of its type
  // argument; what gc checks against is the parameter's constraint.
  TypeParam *param = nullptr;
  static bool classof(const Object *o) { return o->kind() == TypeNameKind; }
};

class Func : public Object {
public:
  // type is a Signature; for methods, Signature::recv is set.
  Func(std::string n, Type *t, SrcLoc l)
      : Object(FuncKind, std::move(n), t, l) {}
  FuncDecl *decl = nullptr; // null for interface methods and library functions
  // Library functions (package fmt, math, strings, os...): the qualified
  // name codegen lowers them by, e.g. "fmt.Println". Empty for user code.
  std::string libraryName;
  // A library function without a body: the runtime's C function that
  // implements it (mgo_syscall_RawSyscall6), or the function of another
  // package a //go:linkname names (linkTarget).
  std::string runtimeName;
  Func *linkTarget = nullptr;
  // A generic function's type parameters (its type is then the signature
  // over them); an instance's origin and type arguments.
  std::vector<TypeParam *> typeParams;
  Scope *genericScope = nullptr; // where a generic function is declared
  Func *origin = nullptr;
  std::vector<Type *> typeArgs;
  Signature *signature() const;
  bool hasPointerReceiver() const;
  static bool classof(const Object *o) { return o->kind() == FuncKind; }
};

enum class BuiltinId {
  Append,
  Cap,
  Clear,
  Close,
  Complex,
  Copy,
  Delete,
  Imag,
  Len,
  Make,
  Max,
  Min,
  New,
  Panic,
  Print,
  Println,
  Real,
  Recover,
  // package unsafe's
  Add,
  Alignof,
  Offsetof,
  Sizeof,
  Slice,
};

class Builtin : public Object {
public:
  Builtin(std::string n, BuiltinId i)
      : Object(BuiltinKind, std::move(n), nullptr, {}), id(i) {}
  BuiltinId id;
  static bool classof(const Object *o) { return o->kind() == BuiltinKind; }
};

class PkgName : public Object {
public:
  PkgName(std::string n, Package *p, SrcLoc l)
      : Object(PkgNameKind, std::move(n), nullptr, l), imported(p) {}
  Package *imported;
  bool used = false; // for "imported and not used"
  static bool classof(const Object *o) { return o->kind() == PkgNameKind; }
};

class Nil : public Object {
public:
  explicit Nil(Type *t) : Object(NilKind, "nil", t, {}) {}
  static bool classof(const Object *o) { return o->kind() == NilKind; }
};

class Label : public Object {
public:
  Label(std::string n, SrcLoc l, LabeledStmt *s)
      : Object(LabelKind, std::move(n), nullptr, l), stmt(s) {}
  LabeledStmt *stmt;
  bool used = false;
  static bool classof(const Object *o) { return o->kind() == LabelKind; }
};

class Scope {
public:
  explicit Scope(Scope *p) : parent(p) {}
  Scope *parent;
  Object *lookupLocal(const std::string &name) const;
  // Walks outwards to the universe.
  Object *lookup(const std::string &name) const;
  // Returns the object already declared under that name, or null after
  // inserting.
  Object *insert(Object *obj);
  std::vector<Object *> objects; // in declaration order

private:
  std::unordered_map<std::string, Object *> byName_;
};

// A package: `main`, or a library package mini-Go provides (fmt, math...).
class Package {
public:
  Package(std::string p, std::string n, Scope *s)
      : path(std::move(p)), name(std::move(n)), scope(s) {}
  std::string path; // "fmt", "math/rand"
  std::string name; // "fmt", "rand"
  Scope *scope;
};

// Owns and interns every type and object of a compilation.
class TypeContext {
public:
  TypeContext();
  ~TypeContext();

  Scope *universe() const { return universe_; }
  Basic *basic(BasicKind k) const { return basics_[static_cast<int>(k)]; }
  Interface *emptyInterface(); // interface{} / any
  Named *errorType() const { return error_; }
  // Every instance of a generic function or type, by origin and type
  // arguments, shared by the packages of the compilation.
  std::map<std::pair<const Object *, std::vector<Type *>>, Object *> instances;

  Pointer *getPointer(Type *elem);
  Slice *getSlice(Type *elem);
  Array *getArray(Type *elem, int64_t len);
  Map *getMap(Type *key, Type *elem);
  Chan *getChan(ChanDir dir, Type *elem);
  // Fields are compared by name, type and tag; a new Struct takes ownership of
  // the vars given only if it is new.
  Struct *getStruct(const std::vector<Var *> &fields,
                    const std::vector<std::string> &tags = {});
  Tuple *getTuple(const std::vector<Var *> &vars);
  Signature *getSignature(Tuple *params, Tuple *results, bool variadic);
  Signature *getMethodSignature(Var *recv, Tuple *params, Tuple *results,
                                bool variadic);
  Interface *getInterface(const std::vector<Func *> &methods);
  // Interfaces with a type set (used only as constraints) are not interned.
  Interface *newConstraint(const std::vector<Func *> &methods,
                           std::vector<std::vector<Term>> unions,
                           bool comparable);
  TypeParam *newTypeParam(TypeName *obj, int index);
  Named *newNamed(TypeName *obj);
  Scope *newScope(Scope *parent);
  Package *newPackage(std::string path, std::string name);
  // The library package for an import path, or null when mini-Go has none.
  Package *libraryPackage(const std::string &path);
  // Adds the C++-declared members of pkg's path to pkg, a package written in
  // mini-Go under stdlib/ that is also partly C++ (fmt); false if it has none.
  bool declareLibraryMembers(Package *pkg);

  template <typename T, typename... Args> T *newObject(Args &&...args) {
    auto obj = std::make_unique<T>(std::forward<Args>(args)...);
    T *raw = obj.get();
    objects_.push_back(std::move(obj));
    return raw;
  }

  // Syntax the checker adds (the implicit selectors of promoted fields and
  // methods) lives as long as the types that annotate it.
  template <typename T, typename... Args> T *newNode(Args &&...args) {
    auto node = std::make_unique<T>(std::forward<Args>(args)...);
    T *raw = node.get();
    nodes_.push_back(std::move(node));
    return raw;
  }
  void adoptNode(std::unique_ptr<Node> node) {
    nodes_.push_back(std::move(node));
  }

private:
  template <typename T, typename... Args> T *own(Args &&...args) {
    auto t = std::make_unique<T>(std::forward<Args>(args)...);
    T *raw = t.get();
    types_.push_back(std::move(t));
    return raw;
  }

  // Field and method names as stable pointers for intern keys.
  const void *internName(const std::string &s);

  std::vector<std::unique_ptr<Type>> types_;
  std::vector<std::unique_ptr<Object>> objects_;
  std::vector<std::unique_ptr<Node>> nodes_;
  std::vector<std::unique_ptr<Scope>> scopes_;
  std::vector<std::unique_ptr<Package>> packages_;
  std::vector<Basic *> basics_;
  Scope *universe_ = nullptr;
  Named *error_ = nullptr;
  std::map<std::string, Package *> libraries_;
  // Intern tables keyed by the component pointers (and lengths/flags).
  std::map<std::vector<const void *>, Type *> interned_;
  std::set<std::string> names_;
};

// What a selector x.name denotes for x of type t, by Go's embedding rules
// (go/types' LookupFieldOrMethod): the shallowest field or method of that
// name, found through embedded fields.
struct Selected {
  // A field Var or a method Func; null if there is none or it is ambiguous.
  Object *obj = nullptr;
  // The embedded fields walked through, outermost first.
  std::vector<int> path;
  // A pointer was walked through (t itself or an embedded *T).
  bool indirect = false;
  // Two or more at the shallowest depth.
  bool ambiguous = false;
};
// Selecting from package from, another package's unexported names are not
// there; a null from finds them too.
Selected lookupFieldOrMethod(Type *t, const std::string &name,
                             const Package *from = nullptr);
// Go's method set of t, sorted by name: promoted methods included; a method
// with a pointer receiver only when a pointer leads to its receiver.
std::vector<Selected> methodSet(Type *t);

// Whether pred holds for t or, t a type parameter, for every type in its
// type set (false when the set has no specific types: frontend/TypeSet.cpp).
bool typeSetAll(Type *t, const std::function<bool(Type *)> &pred);

// Go's rules on types, used by the checker and by codegen.
bool isComparable(Type *t);
bool hasPointers(Type *t); // whether values hold pointers the GC must scan
// unsafe.Sizeof, Alignof and Offsetof as gc computes them on linux/amd64
// (cmd/compile/internal/noder/sizes.go); codegen's layout agrees.
int64_t gcSizeof(Type *t);
int64_t gcAlignof(Type *t);
std::vector<int64_t> gcOffsetsof(Struct *s);
bool isInterface(Type *t);
// The default type of an untyped constant type (untyped int -> int...).
Type *defaultType(TypeContext &ctx, Type *t);

} // namespace mgo::types

#endif

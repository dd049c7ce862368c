#include "frontend/Types.h"

#include <llvm/Support/Casting.h>

#include <algorithm>
#include <set>

using llvm::cast;
using llvm::dyn_cast;
using llvm::dyn_cast_or_null;
using llvm::isa;
using llvm::isa_and_nonnull;

namespace mgo::types {

Type *Type::underlying() {
  if (auto *n = dyn_cast<Named>(this))
    return n->underlyingType ? n->underlyingType : this;
  return this;
}

namespace {

void writeType(std::string &out, const Type *t, bool qualified,
               std::set<const Type *> &seen);

void writeTuple(std::string &out, const Tuple *t, bool variadic, bool qualified,
                std::set<const Type *> &seen) {
  out += '(';
  for (size_t i = 0; i < t->vars.size(); i++) {
    Var *v = t->vars[i];
    if (i > 0)
      out += ", ";
    if (!v->name.empty()) {
      out += v->name;
      out += ' ';
    }
    if (variadic && i + 1 == t->vars.size()) {
      out += "...";
      auto *s = dyn_cast<Slice>(v->type);
      writeType(out, s ? s->elem : v->type, qualified, seen);
    } else {
      writeType(out, v->type, qualified, seen);
    }
  }
  out += ')';
}

void writeSignature(std::string &out, const Signature *s, bool qualified,
                    std::set<const Type *> &seen) {
  writeTuple(out, s->params, s->variadic, qualified, seen);
  size_t n = s->results->size();
  if (n == 0)
    return;
  out += ' ';
  if (n == 1 && s->results->vars[0]->name.empty()) {
    writeType(out, s->results->vars[0]->type, qualified, seen);
    return;
  }
  writeTuple(out, s->results, false, qualified, seen);
}

void writeStruct(std::string &out, const Struct *s, bool qualified,
                 std::set<const Type *> &seen) {
  out += "struct{";
  for (size_t i = 0; i < s->fields.size(); i++) {
    if (i > 0)
      out += "; ";
    if (!s->fields[i]->embedded) {
      out += s->fields[i]->name;
      out += ' ';
    }
    writeType(out, s->fields[i]->type, qualified, seen);
  }
  out += '}';
}

void writeInterface(std::string &out, const Interface *t, bool qualified,
                    std::set<const Type *> &seen) {
  if (t->isEmpty()) {
    out += "any";
    return;
  }
  // types2 prints a constraint's methods, then what it embeds: comparable
  // and each union, whose terms are joined by | without spaces.
  auto writeUnion = [&](const std::vector<Term> &terms) {
    for (size_t i = 0; i < terms.size(); i++) {
      if (i > 0)
        out += '|';
      if (terms[i].tilde)
        out += '~';
      writeType(out, terms[i].type, qualified, seen);
    }
  };
  if (t->implicit && t->unions.size() == 1 && t->methods.empty()) {
    writeUnion(t->unions[0]);
    return;
  }
  out += "interface{";
  std::string sep;
  for (Func *m : t->methods) {
    out += sep + m->name;
    writeSignature(out, cast<Signature>(m->type), qualified, seen);
    sep = "; ";
  }
  if (t->comparable) {
    out += sep + "comparable";
    sep = "; ";
  }
  for (const auto &terms : t->unions) {
    out += sep;
    writeUnion(terms);
    sep = "; ";
  }
  out += '}';
}

void writeChan(std::string &out, const Chan *c, bool qualified,
               std::set<const Type *> &seen) {
  bool parens = false;
  switch (c->dir) {
  case ChanDir::Both: {
    out += "chan ";
    auto *e = dyn_cast<Chan>(c->elem);
    parens = e && e->dir == ChanDir::Recv;
    break;
  }
  case ChanDir::Send:
    out += "chan<- ";
    break;
  case ChanDir::Recv:
    out += "<-chan ";
    break;
  }
  if (parens)
    out += '(';
  writeType(out, c->elem, qualified, seen);
  if (parens)
    out += ')';
}

void writeType(std::string &out, const Type *t, bool qualified,
               std::set<const Type *> &seen) {
  if (!t) {
    out += "<nil>";
    return;
  }
  if (seen.count(t)) {
    out += "<cycle>";
    return;
  }
  seen.insert(t);
  switch (t->kind()) {
  case Type::BasicKind:
    out += cast<Basic>(t)->name;
    break;
  case Type::PointerKind:
    out += '*';
    writeType(out, cast<Pointer>(t)->elem, qualified, seen);
    break;
  case Type::SliceKind:
    out += "[]";
    writeType(out, cast<Slice>(t)->elem, qualified, seen);
    break;
  case Type::ArrayKind:
    out += '[' + std::to_string(cast<Array>(t)->len) + ']';
    writeType(out, cast<Array>(t)->elem, qualified, seen);
    break;
  case Type::MapKind:
    out += "map[";
    writeType(out, cast<Map>(t)->key, qualified, seen);
    out += ']';
    writeType(out, cast<Map>(t)->elem, qualified, seen);
    break;
  case Type::ChanKind:
    writeChan(out, cast<Chan>(t), qualified, seen);
    break;
  case Type::StructKind:
    writeStruct(out, cast<Struct>(t), qualified, seen);
    break;
  case Type::TupleKind:
    writeTuple(out, cast<Tuple>(t), false, qualified, seen);
    break;
  case Type::SignatureKind:
    out += "func";
    writeSignature(out, cast<Signature>(t), qualified, seen);
    break;
  case Type::InterfaceKind:
    writeInterface(out, cast<Interface>(t), qualified, seen);
    break;
  case Type::NamedKind: {
    auto *n = cast<Named>(t);
    const TypeName *obj = n->obj;
    // gc's messages qualify the names of other packages only.
    if (obj->pkg && (qualified || obj->pkg->path != "main"))
      out += obj->pkg->name + ".";
    out += obj->name;
    if (!n->typeArgs.empty()) {
      // %T prints List[int,string], types2's messages List[int, string].
      out += '[';
      for (size_t i = 0; i < n->typeArgs.size(); i++) {
        if (i > 0)
          out += qualified ? "," : ", ";
        writeType(out, n->typeArgs[i], qualified, seen);
      }
      out += ']';
    }
    break;
  }
  case Type::TypeParamKind:
    out += cast<TypeParam>(t)->obj->name;
    break;
  }
  seen.erase(t);
}

} // namespace

std::string Type::toString() const {
  std::string out;
  std::set<const Type *> seen;
  writeType(out, this, true, seen);
  return out;
}

std::string Type::errorString() const {
  std::string out;
  std::set<const Type *> seen;
  writeType(out, this, false, seen);
  return out;
}

bool Basic::isInteger() const {
  return (basicKind >= BasicKind::Int && basicKind <= BasicKind::Uintptr) ||
         basicKind == BasicKind::UntypedInt ||
         basicKind == BasicKind::UntypedRune;
}

bool Basic::isUnsigned() const {
  return basicKind >= BasicKind::Uint && basicKind <= BasicKind::Uintptr;
}

bool Basic::isFloat() const {
  return basicKind == BasicKind::Float32 || basicKind == BasicKind::Float64 ||
         basicKind == BasicKind::UntypedFloat;
}

bool Basic::isComplex() const {
  return basicKind == BasicKind::Complex64 ||
         basicKind == BasicKind::Complex128 ||
         basicKind == BasicKind::UntypedComplex;
}

unsigned Basic::bits() const {
  switch (basicKind) {
  case BasicKind::Complex128:
    return 128;
  case BasicKind::Int8:
  case BasicKind::Uint8:
    return 8;
  case BasicKind::Int16:
  case BasicKind::Uint16:
    return 16;
  case BasicKind::Int32:
  case BasicKind::Uint32:
  case BasicKind::Float32:
    return 32;
  default:
    return 64;
  }
}

int Struct::fieldIndex(const std::string &name) const {
  for (size_t i = 0; i < fields.size(); i++)
    if (fields[i]->name == name)
      return int(i);
  return -1;
}

Type *Tuple::at(size_t i) const { return vars[i]->type; }

Func *Named::lookupMethod(const std::string &name) const {
  for (Func *m : methods)
    if (m->name == name)
      return m;
  return nullptr;
}

Signature *Func::signature() const { return cast<Signature>(type); }

bool Func::hasPointerReceiver() const {
  Signature *s = signature();
  return s->recv && isa<Pointer>(s->recv->type);
}

Object *Scope::lookupLocal(const std::string &name) const {
  auto it = byName_.find(name);
  return it == byName_.end() ? nullptr : it->second;
}

Object *Scope::lookup(const std::string &name) const {
  for (const Scope *s = this; s; s = s->parent)
    if (Object *o = s->lookupLocal(name))
      return o;
  return nullptr;
}

Object *Scope::insert(Object *obj) {
  auto [it, inserted] = byName_.emplace(obj->name, obj);
  if (!inserted)
    return it->second;
  objects.push_back(obj);
  return nullptr;
}

// ---------------------------------------------------------------------------
// Interning

namespace {

enum KeyTag : uintptr_t {
  PointerTag = 1,
  SliceTag,
  ArrayTag,
  MapTag,
  ChanTag,
  StructTag,
  TupleTag,
  SigTag,
  MethodSigTag,
  InterfaceTag
};

const void *tag(uintptr_t v) { return reinterpret_cast<const void *>(v); }

} // namespace

const void *TypeContext::internName(const std::string &s) {
  return &*names_.insert(s).first;
}

Pointer *TypeContext::getPointer(Type *elem) {
  std::vector<const void *> key{tag(PointerTag), elem};
  Type *&slot = interned_[key];
  if (!slot)
    slot = own<Pointer>(elem);
  return cast<Pointer>(slot);
}

Slice *TypeContext::getSlice(Type *elem) {
  std::vector<const void *> key{tag(SliceTag), elem};
  Type *&slot = interned_[key];
  if (!slot)
    slot = own<Slice>(elem);
  return cast<Slice>(slot);
}

Array *TypeContext::getArray(Type *elem, int64_t len) {
  std::vector<const void *> key{tag(ArrayTag), elem, tag(uintptr_t(len))};
  Type *&slot = interned_[key];
  if (!slot)
    slot = own<Array>(elem, len);
  return cast<Array>(slot);
}

Map *TypeContext::getMap(Type *key, Type *elem) {
  std::vector<const void *> k{tag(MapTag), key, elem};
  Type *&slot = interned_[k];
  if (!slot)
    slot = own<Map>(key, elem);
  return cast<Map>(slot);
}

Chan *TypeContext::getChan(ChanDir dir, Type *elem) {
  std::vector<const void *> key{tag(ChanTag), tag(uintptr_t(dir)), elem};
  Type *&slot = interned_[key];
  if (!slot)
    slot = own<Chan>(dir, elem);
  return cast<Chan>(slot);
}

Struct *TypeContext::getStruct(const std::vector<Var *> &fields,
                               const std::vector<std::string> &tags) {
  std::vector<const void *> key{tag(StructTag)};
  for (size_t i = 0; i < fields.size(); i++) {
    key.push_back(internName(fields[i]->name));
    key.push_back(fields[i]->type);
    key.push_back(tag(fields[i]->embedded));
    // Unexported field names of different packages differ (struct{ s string }
    // in package errors is not main's).
    key.push_back(isExported(fields[i]->name) ? nullptr : fields[i]->pkg);
    key.push_back(internName(i < tags.size() ? tags[i] : ""));
  }
  Type *&slot = interned_[key];
  if (!slot) {
    auto *st = own<Struct>(fields);
    st->tags = tags;
    st->tags.resize(fields.size());
    slot = st;
  }
  return cast<Struct>(slot);
}

Tuple *TypeContext::getTuple(const std::vector<Var *> &vars) {
  std::vector<const void *> key{tag(TupleTag)};
  for (Var *v : vars)
    key.push_back(v->type);
  Type *&slot = interned_[key];
  if (!slot)
    slot = own<Tuple>(vars);
  return cast<Tuple>(slot);
}

Signature *TypeContext::getSignature(Tuple *params, Tuple *results,
                                     bool variadic) {
  std::vector<const void *> key{tag(SigTag), params, results, tag(variadic)};
  Type *&slot = interned_[key];
  if (!slot)
    slot = own<Signature>(nullptr, params, results, variadic);
  return cast<Signature>(slot);
}

Signature *TypeContext::getMethodSignature(Var *recv, Tuple *params,
                                           Tuple *results, bool variadic) {
  // Each method has its own signature: the receiver is part of its identity.
  return own<Signature>(recv, params, results, variadic);
}

Interface *TypeContext::getInterface(const std::vector<Func *> &methods) {
  std::vector<Func *> sorted = methods;
  std::sort(sorted.begin(), sorted.end(),
            [](Func *a, Func *b) { return a->name < b->name; });
  std::vector<const void *> key{tag(InterfaceTag)};
  for (Func *m : sorted) {
    key.push_back(internName(m->name));
    key.push_back(m->type);
  }
  Type *&slot = interned_[key];
  if (!slot)
    slot = own<Interface>(sorted);
  return cast<Interface>(slot);
}

Interface *TypeContext::emptyInterface() { return getInterface({}); }

Interface *TypeContext::newConstraint(const std::vector<Func *> &methods,
                                      std::vector<std::vector<Term>> unions,
                                      bool comparable) {
  std::vector<Func *> sorted = methods;
  std::sort(sorted.begin(), sorted.end(),
            [](Func *a, Func *b) { return a->name < b->name; });
  auto *i = own<Interface>(sorted);
  i->unions = std::move(unions);
  i->comparable = comparable;
  return i;
}

TypeParam *TypeContext::newTypeParam(TypeName *obj, int index) {
  return own<TypeParam>(obj, index);
}

Named *TypeContext::newNamed(TypeName *obj) { return own<Named>(obj); }

Scope *TypeContext::newScope(Scope *parent) {
  scopes_.push_back(std::make_unique<Scope>(parent));
  return scopes_.back().get();
}

Package *TypeContext::newPackage(std::string path, std::string name) {
  packages_.push_back(std::make_unique<Package>(
      std::move(path), std::move(name), newScope(universe_)));
  return packages_.back().get();
}

TypeContext::~TypeContext() = default;

// ---------------------------------------------------------------------------
// Predicates

bool isComparable(Type *t) {
  if (auto *tp = dyn_cast<TypeParam>(t))
    return (tp->constraint && tp->constraint->comparable) ||
           typeSetAll(t, isComparable);
  Type *u = t->underlying();
  switch (u->kind()) {
  case Type::BasicKind:
    return cast<Basic>(u)->basicKind != BasicKind::UntypedNil;
  case Type::PointerKind:
  case Type::ChanKind:
  case Type::InterfaceKind:
    return true;
  case Type::ArrayKind:
    return isComparable(cast<Array>(u)->elem);
  case Type::StructKind:
    for (Var *f : cast<Struct>(u)->fields)
      if (!isComparable(f->type))
        return false;
    return true;
  default:
    return false;
  }
}

bool hasPointers(Type *t) {
  Type *u = t->underlying();
  switch (u->kind()) {
  case Type::BasicKind:
    return cast<Basic>(u)->isString() || cast<Basic>(u)->isUnsafePointer();
  case Type::ArrayKind:
    return cast<Array>(u)->len > 0 && hasPointers(cast<Array>(u)->elem);
  case Type::StructKind:
    for (Var *f : cast<Struct>(u)->fields)
      if (hasPointers(f->type))
        return true;
    return false;
  case Type::TupleKind:
    for (Var *v : cast<Tuple>(u)->vars)
      if (hasPointers(v->type))
        return true;
    return false;
  default:
    return true;
  }
}

bool isInterface(Type *t) { return isa<Interface>(t->underlying()); }

namespace {

constexpr int64_t kPtrSize = 8;

int64_t roundUp(int64_t x, int64_t a) { return (x + a - 1) / a * a; }

} // namespace

int64_t gcAlignof(Type *t) {
  Type *u = t->underlying();
  if (auto *a = dyn_cast<Array>(u))
    return gcAlignof(a->elem);
  if (auto *s = dyn_cast<Struct>(u)) {
    int64_t max = 1;
    for (Var *f : s->fields)
      max = std::max(max, gcAlignof(f->type));
    return max;
  }
  if (isa<Slice, Interface>(u) || (isa<Basic>(u) && cast<Basic>(u)->isString()))
    return kPtrSize;
  // complex64 and complex128 align as [2]float32 and [2]float64.
  if (isa<Basic>(u) && cast<Basic>(u)->isComplex())
    return gcSizeof(t) / 2;
  return std::clamp<int64_t>(gcSizeof(t), 1, kPtrSize);
}

std::vector<int64_t> gcOffsetsof(Struct *s) {
  std::vector<int64_t> offsets;
  int64_t o = 0;
  for (Var *f : s->fields) {
    o = roundUp(o, gcAlignof(f->type));
    offsets.push_back(o);
    o += gcSizeof(f->type);
  }
  return offsets;
}

int64_t gcSizeof(Type *t) {
  Type *u = t->underlying();
  switch (u->kind()) {
  case Type::BasicKind: {
    auto *b = cast<Basic>(u);
    if (b->isString())
      return 2 * kPtrSize;
    if (b->isBoolean())
      return 1;
    if (b->isUnsafePointer())
      return kPtrSize;
    return b->bits() / 8;
  }
  case Type::ArrayKind: {
    auto *a = cast<Array>(u);
    return a->len <= 0 ? 0 : gcSizeof(a->elem) * a->len;
  }
  case Type::SliceKind:
    return 3 * kPtrSize;
  case Type::StructKind: {
    auto *s = cast<Struct>(u);
    if (s->fields.empty())
      return 0;
    std::vector<int64_t> offsets = gcOffsetsof(s);
    // A pointer to a zero-size last field must not point past the struct.
    int64_t last = gcSizeof(s->fields.back()->type);
    if (last == 0 && offsets.back() > 0)
      last = 1;
    return roundUp(offsets.back() + last, gcAlignof(t));
  }
  case Type::InterfaceKind:
    return 2 * kPtrSize;
  default:
    return kPtrSize;
  }
}

Type *defaultType(TypeContext &ctx, Type *t) {
  auto *b = dyn_cast<Basic>(t);
  if (!b)
    return t;
  switch (b->basicKind) {
  case BasicKind::UntypedBool:
    return ctx.basic(BasicKind::Bool);
  case BasicKind::UntypedInt:
    return ctx.basic(BasicKind::Int);
  case BasicKind::UntypedRune:
    return ctx.basic(BasicKind::Int32);
  case BasicKind::UntypedFloat:
    return ctx.basic(BasicKind::Float64);
  case BasicKind::UntypedComplex:
    return ctx.basic(BasicKind::Complex128);
  case BasicKind::UntypedString:
    return ctx.basic(BasicKind::String);
  default:
    return t;
  }
}

namespace {

// A type reached through embedded fields at the depth being searched.
struct Embedded {
  Type *type; // *T is walked through to T
  std::vector<int> path;
  bool indirect;
  bool multiples; // reached along two paths at this depth
};

Type *derefPointer(Type *t, bool &isPtr) {
  auto *p = dyn_cast<Pointer>(t);
  isPtr = p != nullptr;
  return p ? p->elem : t;
}

// Go's breadth-first search: a depth hides everything deeper, and two
// matches at one depth hide each other.
Selected lookupThroughEmbedding(Type *t, const std::string &name,
                                const Package *from) {
  auto named = [&](const Object *obj) {
    return obj->name == name &&
           (!from || !obj->pkg || obj->pkg == from || isExported(name));
  };
  Selected r;
  bool isPtr;
  Type *start = derefPointer(t, isPtr);
  if (isPtr && isa<Interface>(start->underlying()))
    return r;
  std::vector<Embedded> current{{start, {}, isPtr, false}};
  std::set<Named *> seen;
  while (!current.empty()) {
    std::vector<Embedded> next;
    auto found = [&](Object *obj, const Embedded &e) {
      if (r.obj || e.multiples) {
        r.ambiguous = true;
        return;
      }
      r.obj = obj;
      r.path = e.path;
      r.indirect = e.indirect;
    };
    for (const Embedded &e : current) {
      if (auto *n = dyn_cast<Named>(e.type)) {
        // A recursive embedding (type T struct{ *T }) reaches T again.
        if (!seen.insert(n).second)
          continue;
        if (Func *m = n->lookupMethod(name); m && named(m)) {
          found(m, e);
          if (r.ambiguous)
            return Selected{nullptr, e.path, false, true};
          continue;
        }
      }
      Type *u = e.type->underlying();
      // A type parameter has its constraint's methods and no fields.
      if (auto *tp = dyn_cast<TypeParam>(u); tp && tp->constraint)
        u = tp->constraint;
      if (auto *s = dyn_cast<Struct>(u)) {
        for (size_t i = 0; i < s->fields.size(); i++) {
          Var *f = s->fields[i];
          if (named(f) && name != "_") {
            found(f, e);
            if (r.ambiguous)
              return Selected{nullptr, e.path, false, true};
            continue;
          }
          if (!r.obj && f->embedded) {
            bool viaPtr;
            Type *ft = derefPointer(f->type, viaPtr);
            std::vector<int> path = e.path;
            path.push_back(int(i));
            next.push_back({ft, path, e.indirect || viaPtr, e.multiples});
          }
        }
      } else if (auto *it = dyn_cast<Interface>(u)) {
        for (Func *m : it->methods)
          if (named(m)) {
            found(m, e);
            if (r.ambiguous)
              return Selected{nullptr, e.path, false, true};
          }
      }
    }
    if (r.obj)
      return r;
    // One type reached twice at a depth is searched once, and what it holds
    // is ambiguous.
    current.clear();
    for (Embedded &e : next) {
      auto dup =
          std::find_if(current.begin(), current.end(),
                       [&](const Embedded &c) { return c.type == e.type; });
      if (dup == current.end())
        current.push_back(std::move(e));
      else
        dup->multiples = true;
    }
  }
  return r;
}

} // namespace

Selected lookupFieldOrMethod(Type *t, const std::string &name,
                             const Package *from) {
  // A named pointer type has its base type's fields but no methods (the
  // spec's receiver base type cannot be a pointer).
  if (auto *n = dyn_cast<Named>(t))
    if (auto *p = dyn_cast_or_null<Pointer>(n->underlyingType)) {
      Selected r = lookupThroughEmbedding(p, name, from);
      if (isa_and_nonnull<Func>(r.obj))
        return Selected{};
      return r;
    }
  return lookupThroughEmbedding(t, name, from);
}

std::vector<Selected> methodSet(Type *t) {
  std::set<std::string> names;
  std::vector<Type *> work{t};
  std::set<Type *> visited;
  while (!work.empty()) {
    bool isPtr;
    Type *x = derefPointer(work.back(), isPtr);
    work.pop_back();
    if (!visited.insert(x).second)
      continue;
    if (auto *n = dyn_cast<Named>(x))
      for (Func *m : n->methods)
        names.insert(m->name);
    if (auto *s = dyn_cast<Struct>(x->underlying())) {
      for (Var *f : s->fields)
        if (f->embedded)
          work.push_back(f->type);
    } else if (auto *it = dyn_cast<Interface>(x->underlying())) {
      for (Func *m : it->methods)
        names.insert(m->name);
    }
  }
  std::vector<Selected> out;
  for (const std::string &name : names) {
    Selected s = lookupFieldOrMethod(t, name);
    auto *m = dyn_cast_or_null<Func>(s.obj);
    if (m && (s.indirect || !m->hasPointerReceiver()))
      out.push_back(std::move(s));
  }
  return out;
}

} // namespace mgo::types

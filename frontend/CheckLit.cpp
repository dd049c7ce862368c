// Composite literals. An elided literal type (`{...}` inside another
// literal) takes the element type; when that is *T, the literal means &T{...}
// and its recorded type is the pointer type.
#include "frontend/CheckerImpl.h"

namespace mgo {

using namespace types;

// gc reports errors about a keyed element at its colon.
SrcLoc Checker::colonOf(Expr *e) {
  auto *kv = dyn_cast<KeyValueExpr>(e);
  if (!kv)
    return e->loc;
  SrcLoc k = kv->key->loc;
  return {k.line, uint32_t(k.col + exprString(kv->key).size())};
}

void Checker::compositeLit(Operand &x, CompositeLit *e, Type *hint) {
  Type *typ = nullptr, *base = nullptr;
  if (e->type) {
    auto *at = dyn_cast<ArrayTypeExpr>(e->type);
    if (at && at->len && isa<Ellipsis>(at->len) &&
        !cast<Ellipsis>(at->len)->elt) {
      Type *elem = typExpr(at->elt);
      if (isInvalidType(elem)) {
        useExprs(e->elts);
        return;
      }
      int64_t n = indexedElts(e->elts, elem, -1);
      typ = ctx.getArray(elem, n);
      e->type->tv.mode = TypeAndValue::TypeExpr;
      e->type->tv.type = typ;
      x.mode = TypeAndValue::Value;
      x.type = typ;
      return;
    }
    typ = typExpr(e->type);
    base = typ;
    // T{} in a generic body is valid only when T's constraint has a core
    // type that has literals, whatever the instance's type argument.
    if (TypeParam *tp = typeParamNamed(e->type)) {
      Type *core = coreType(tp->constraint);
      if (!core || !(isa<types::Struct>(core) || isa<types::Array>(core) ||
                     isa<types::Slice>(core) || isa<types::Map>(core))) {
        errorAt(e, "invalid composite literal type " + tp->obj->name);
        useExprs(e->elts);
        return;
      }
    }
  } else if (hint) {
    typ = hint;
    base = hint;
    if (auto *p = dyn_cast<types::Pointer>(coreOf(hint)))
      base = p->elem;
  } else {
    errorAt(e, "missing type in composite literal");
    useExprs(e->elts);
    return;
  }
  if (isInvalidType(typ)) {
    useExprs(e->elts);
    return;
  }
  Type *u = coreOf(base);
  if (auto *st = dyn_cast<types::Struct>(u)) {
    structLit(e, st, base);
  } else if (auto *a = dyn_cast<types::Array>(u)) {
    indexedElts(e->elts, a->elem, a->len);
  } else if (auto *s = dyn_cast<types::Slice>(u)) {
    indexedElts(e->elts, s->elem, -1);
  } else if (auto *m = dyn_cast<types::Map>(u)) {
    mapLit(e, m);
  } else {
    // A type whose declaration is in error (invalid recursive type T) has
    // had its error.
    if (!isInvalidType(u))
      errorAt(e, "invalid composite literal type " + typeString(typ));
    useExprs(e->elts);
    return;
  }
  x.mode = TypeAndValue::Value;
  x.type = typ;
}

void Checker::structLit(CompositeLit *e, types::Struct *st, Type *base) {
  if (e->elts.empty())
    return;
  if (isa<KeyValueExpr>(e->elts[0])) {
    std::vector<bool> visited(st->fields.size());
    for (Expr *el : e->elts) {
      auto *kv = dyn_cast<KeyValueExpr>(el);
      if (!kv) {
        errorAt(el,
                "mixture of field:value and value elements in struct literal");
        useExprs({el});
        continue;
      }
      auto *key = dyn_cast<Ident>(kv->key);
      if (!key) {
        errorAt(kv, "invalid field name " + exprString(kv->key) +
                        " in struct literal");
        useExprs({kv->value});
        continue;
      }
      // A blank field cannot be named, so no key selects it.
      int i = key->isBlank() ? -1 : st->fieldIndex(key->name);
      if (i < 0) {
        errorAt(kv->key, "unknown field '" + key->name +
                             "' in struct literal of type " + typeString(base));
        useExprs({kv->value});
        continue;
      }
      Var *fld = st->fields[i];
      key->obj = fld;
      key->tv.mode = TypeAndValue::NoValue;
      key->tv.type = fld->type;
      // A struct literal's values never elide their type (only array,
      // slice and map elements do).
      Operand x;
      expr(x, kv->value);
      assignment(x, fld->type, "struct literal");
      if (visited[i]) {
        error(colonOf(kv),
              "duplicate field name " + key->name + " in struct literal");
        continue;
      }
      visited[i] = true;
    }
    return;
  }
  // Element i is field i, a misplaced key: value element included (as in
  // types2, which then counts it among the values).
  for (size_t i = 0; i < e->elts.size(); i++) {
    Expr *el = e->elts[i];
    if (isa<KeyValueExpr>(el)) {
      error(colonOf(el),
            "mixture of field:value and value elements in struct literal");
      useExprs({cast<KeyValueExpr>(el)->value});
      continue;
    }
    Operand x;
    if (i >= st->fields.size()) {
      exprWithHint(x, el, nullptr);
      errorAt(x.expr, "too many values in " + typeString(base) + "{…}");
      return;
    }
    Var *fld = st->fields[i];
    expr(x, el);
    if (!isExported(fld->name) && fld->pkg != pkg) {
      errorAt(x.expr, "implicit assignment to unexported field " + fld->name +
                          " in " + typeString(base) + " literal");
      continue;
    }
    assignment(x, fld->type, "struct literal");
  }
  if (e->elts.size() < st->fields.size())
    error(e->rbrace, "too few values in " + typeString(base) + "{…}");
}

int64_t Checker::indexedElts(const std::vector<Expr *> &elts, Type *elem,
                             int64_t length) {
  std::set<int64_t> visited;
  int64_t idx = 0, max = 0;
  for (Expr *e : elts) {
    bool validIndex = false;
    Expr *val = e;
    if (auto *kv = dyn_cast<KeyValueExpr>(e)) {
      int64_t i = index(kv->key, length);
      if (i >= 0) {
        idx = i;
        validIndex = true;
      } else if (i == -1) {
        errorAt(kv->key,
                "index " + exprString(kv->key) + " must be integer constant");
      }
      val = kv->value;
    } else if (length >= 0 && idx >= length) {
      errorAt(e, "index " + std::to_string(idx) +
                     " is out of bounds (>= " + std::to_string(length) + ")");
    } else {
      validIndex = true;
    }
    if (validIndex && !visited.insert(idx).second)
      error(colonOf(e), "duplicate index " + std::to_string(idx) +
                            " in array or slice literal");
    idx++;
    if (idx > max)
      max = idx;
    Operand x;
    exprWithHint(x, val, elem);
    assignment(x, elem, "array or slice literal");
  }
  return max;
}

void Checker::mapLit(CompositeLit *e, types::Map *m) {
  std::vector<std::pair<ConstValue, Type *>> seen;
  for (Expr *el : e->elts) {
    auto *kv = dyn_cast<KeyValueExpr>(el);
    if (!kv) {
      errorAt(el, "missing key in map literal");
      useExprs({el});
      continue;
    }
    Operand k;
    exprWithHint(k, kv->key, m->key);
    assignment(k, m->key, "map literal");
    // In an instance a key converted to a type parameter was not constant.
    if (k.isConst() && !k.invalid() && !inInstance) {
      bool dup = false;
      for (auto &[v, t] : seen)
        if (t == k.type && v.kind() == k.val->kind() &&
            ConstValue::compare(Token::EQL, v, *k.val))
          dup = true;
      if (dup)
        errorAt(kv->key,
                "duplicate key " + k.val->toString() + " in map literal");
      else
        seen.push_back({*k.val, k.type});
    }
    Operand v;
    exprWithHint(v, kv->value, m->elem);
    assignment(v, m->elem, "map literal");
  }
}

} // namespace mgo

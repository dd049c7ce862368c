// MgoType descriptors (runtime/include/mgo/abi.h): one constant global per Go
// type that reaches the runtime, named "type:<Go spelling>". Types are
// interned by the checker, so one descriptor per types::Type pointer gives
// the runtime its invariant that descriptor identity is type identity.
#include "codegen/CodegenContext.h"

#include "frontend/Constant.h"
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

} // namespace

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
      if (!st->tags[i].empty())
        out += " " + quoteGo(st->tags[i]);
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

Constant *CodegenContext::typeDesc(types::Type *t) {
  t = concrete(t);
  if (auto it = typeDescs.find(t); it != typeDescs.end())
    return it->second;
  // Registered before its initializer is built: a recursive type refers to
  // its own descriptor through a pointer field.
  llvm::Type *gTy = typeDescTy;
  if (reflectUsed())
    gTy = StructType::get(C, {typeDescTy, typeXTy()});
  std::string name = "type:" + typeSymbol(t);
  auto *g = new GlobalVariable(*M, gTy, true, GlobalValue::InternalLinkage,
                               nullptr, name);
  shareAcrossPackages(g, name);
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
      std::string fname = "fields:" + typeSymbol(t);
      auto *fg =
          new GlobalVariable(*M, arrTy, true, GlobalValue::InternalLinkage,
                             ConstantArray::get(arrTy, fs), fname);
      shareAcrossPackages(fg, fname);
      fields = fg;
    }
  }
  int64_t nmethods = 0;
  Constant *methods = methodTable(t, nmethods);
  Constant *init = ConstantStruct::get(
      typeDescTy, {i64c(mgoKind(t)), i64c(sizeOf(t)), i64c(alignOf(t)),
                   stringConst(runtimeName(t)), elem, key, i64c(len), fields,
                   i64c(nmethods), methods, i64c(dir)});
  if (reflectUsed())
    init = ConstantStruct::get(cast<StructType>(gTy), {init, typeX(t, g)});
  g->setInitializer(init);
  return g;
}

// Whether the program imports package reflect, which alone reads MgoTypeX.
bool CodegenContext::reflectUsed() {
  if (reflectState < 0) {
    reflectState = 0;
    for (const CheckedProgram *p : prog.libraries)
      if (p->pkg && p->pkg->path == "reflect")
        reflectState = 1;
  }
  return reflectState == 1;
}

StructType *CodegenContext::typeXTy() {
  if (!typeXTy_) {
    fieldXTy_ = StructType::create(C, {stringTy, stringTy, i64}, "mgo.fieldx");
    typeXTy_ =
        StructType::create(C,
                           {stringTy, i64, ptrTy, ptrTy, ptrTy, i64, i64, i64,
                            ptrTy, ptrTy, ptrTy, ptrTy, ptrTy, ptrTy},
                           "mgo.typex");
  }
  return typeXTy_;
}

Constant *CodegenContext::descArray(const std::vector<Constant *> &descs,
                                    const Twine &name) {
  if (descs.empty())
    return ConstantPointerNull::get(ptrTy);
  auto *arrTy = ArrayType::get(ptrTy, descs.size());
  return new GlobalVariable(*M, arrTy, true, GlobalValue::InternalLinkage,
                            ConstantArray::get(arrTy, descs), name);
}

namespace {

// A package's path as reflect reports it: gc names the main package "main"
// whatever the go command called it.
std::string reflectPkgPath(types::Package *pkg) {
  if (!pkg)
    return "";
  return pkg->name == "main" ? "main" : pkg->path;
}

} // namespace

// t's MgoTypeX (runtime/include/mgo/abi.h); desc is t's descriptor.
Constant *CodegenContext::typeX(types::Type *t, GlobalVariable *desc) {
  Constant *null = ConstantPointerNull::get(ptrTy);
  std::string pkgPath;
  bool named = false;
  Constant *ptrTo = null;
  if (auto *n = dyn_cast<types::Named>(t)) {
    named = true;
    pkgPath = reflectPkgPath(n->obj->pkg);
  } else if (auto *b = dyn_cast<types::Basic>(t)) {
    named = true;
    if (b->basicKind == types::BasicKind::UnsafePointer)
      pkgPath = "unsafe";
  }
  // reflect.New(T) and PointerTo(T) answer with the program's own *T, so
  // that an assertion to *T holds; a **T is made by reflect.
  if (!isa<types::Pointer>(t))
    ptrTo = typeDesc(tc.getPointer(t));
  Constant *fieldX = null, *params = null, *mtypes = null;
  Constant *call = null, *makeFunc = null, *methodValue = null,
           *methodExpr = null;
  int64_t nin = 0, nout = 0, variadic = 0;
  types::Type *u = t->underlying();
  if (auto *st = dyn_cast<types::Struct>(u); st && !st->fields.empty()) {
    std::vector<Constant *> fs;
    for (size_t i = 0; i < st->fields.size(); ++i) {
      types::Var *f = st->fields[i];
      std::string fieldPkg = isExported(f->name) ? "" : reflectPkgPath(f->pkg);
      fs.push_back(ConstantStruct::get(fieldXTy_, {stringConst(st->tags[i]),
                                                   stringConst(fieldPkg),
                                                   i64c(f->embedded)}));
    }
    auto *arrTy = ArrayType::get(fieldXTy_, fs.size());
    fieldX = new GlobalVariable(*M, arrTy, true, GlobalValue::InternalLinkage,
                                ConstantArray::get(arrTy, fs),
                                "fieldx:" + t->toString());
  } else if (auto *sig = dyn_cast<types::Signature>(u)) {
    std::vector<Constant *> descs;
    for (types::Var *v : sig->params->vars)
      descs.push_back(typeDesc(v->type));
    for (types::Var *v : sig->results->vars)
      descs.push_back(typeDesc(v->type));
    nin = sig->params->size();
    nout = sig->results->size();
    variadic = sig->variadic;
    params = descArray(descs, "params:" + t->toString());
    call = reflectCallStub(sig);
    makeFunc = reflectMakeFuncStub(sig);
    methodValue = reflectMethodValueStub(sig);
    if (nin > 0)
      methodExpr = reflectMethodExprStub(sig);
  }
  if (!isa<types::Interface>(u)) {
    std::vector<Constant *> descs;
    for (const types::Selected &s : methodSet(t)) {
      types::Signature *ms = cast<types::Func>(s.obj)->signature();
      auto *recv = tc.newObject<types::Var>("", t, SrcLoc{});
      std::vector<types::Var *> ps{recv};
      ps.insert(ps.end(), ms->params->vars.begin(), ms->params->vars.end());
      descs.push_back(typeDesc(
          tc.getSignature(tc.getTuple(ps), ms->results, ms->variadic)));
    }
    mtypes = descArray(descs, "mtypes:" + t->toString());
  }
  // The descriptor's entry in the list reflect's *Of functions search: the
  // linker gathers the mgo_typelinks section into one array between
  // __start_ and __stop_ symbols. The descriptor points to its entry, so the
  // entry lives exactly as long as the descriptor does.
  auto *link = new GlobalVariable(*M, ptrTy, true, GlobalValue::InternalLinkage,
                                  desc, "typelink:" + t->toString());
  link->setSection("mgo_typelinks");
  link->setAlignment(Align(8));
  // In the descriptor's comdat: the linker keeps one entry per type, that of
  // the descriptor it keeps, so reflect's search sees each type once.
  link->setComdat(desc->getComdat());
  return ConstantStruct::get(
      typeXTy(), {stringConst(pkgPath), i64c(named), ptrTo, fieldX, params,
                  i64c(nin), i64c(nout), i64c(variadic), call, makeFunc,
                  methodValue, methodExpr, mtypes, link});
}

// The stubs below give package reflect a way to call, and to be called as,
// a function of any signature: each moves the arguments and results between
// registers and arrays of pointers to them. They have the Go calling
// convention (a context pointer first), so reflect calls them as func values
// whose closure object holds the stub.

// (env, code, ctx, args, results): calls code(ctx, *args[0], ...) and stores
// its results through results[0], ...
Function *CodegenContext::reflectCallStub(types::Signature *sig) {
  std::string name = "reflect.call:" + runtimeName(sig);
  if (Function *f = M->getFunction(name))
    return f;
  auto *ft = FunctionType::get(llvm::Type::getVoidTy(C),
                               {ptrTy, ptrTy, ptrTy, ptrTy, ptrTy}, false);
  Function *fn = Function::Create(ft, GlobalValue::InternalLinkage, name, *M);
  IRBuilder<> b(BasicBlock::Create(C, "entry", fn));
  const char *names[] = {"env", "code", "ctx", "args", "results"};
  for (unsigned i = 0; i < 5; ++i)
    fn->getArg(i)->setName(names[i]);
  Value *args = fn->getArg(3), *results = fn->getArg(4);
  std::vector<Value *> callArgs{fn->getArg(2)};
  for (size_t i = 0; i < sig->params->size(); ++i) {
    Value *p =
        b.CreateLoad(ptrTy, b.CreateConstInBoundsGEP1_64(ptrTy, args, i));
    callArgs.push_back(b.CreateLoad(llType(sig->params->vars[i]->type), p));
  }
  Value *r = b.CreateCall(funcType(sig), fn->getArg(1), callArgs);
  size_t n = sig->results->size();
  for (size_t i = 0; i < n; ++i) {
    Value *p =
        b.CreateLoad(ptrTy, b.CreateConstInBoundsGEP1_64(ptrTy, results, i));
    b.CreateStore(n == 1 ? r : b.CreateExtractValue(r, i), p);
  }
  b.CreateRetVoid();
  return fn;
}

// The code of a closure {stub, dispatch} that reflect.MakeFunc returns: it
// spills the parameters, calls the func(args, results unsafe.Pointer)
// dispatch with arrays of pointers to them and to result slots, and returns
// what dispatch stored.
Function *CodegenContext::reflectMakeFuncStub(types::Signature *sig) {
  std::string name = "reflect.makefunc:" + runtimeName(sig);
  if (Function *f = M->getFunction(name))
    return f;
  Function *fn =
      Function::Create(funcType(sig), GlobalValue::InternalLinkage, name, *M);
  IRBuilder<> b(BasicBlock::Create(C, "entry", fn));
  size_t nin = sig->params->size(), nout = sig->results->size();
  Value *args = b.CreateAlloca(ArrayType::get(ptrTy, std::max<size_t>(nin, 1)));
  for (size_t i = 0; i < nin; ++i) {
    Value *slot = b.CreateAlloca(llType(sig->params->vars[i]->type));
    b.CreateStore(fn->getArg(i + 1), slot);
    b.CreateStore(slot, b.CreateConstInBoundsGEP1_64(ptrTy, args, i));
  }
  Value *results =
      b.CreateAlloca(ArrayType::get(ptrTy, std::max<size_t>(nout, 1)));
  std::vector<Value *> slots;
  for (size_t i = 0; i < nout; ++i) {
    llvm::Type *rt = llType(sig->results->vars[i]->type);
    Value *slot = b.CreateAlloca(rt);
    b.CreateStore(Constant::getNullValue(rt), slot);
    b.CreateStore(slot, b.CreateConstInBoundsGEP1_64(ptrTy, results, i));
    slots.push_back(slot);
  }
  Value *dispatch = b.CreateLoad(
      ptrTy, b.CreateConstInBoundsGEP1_64(ptrTy, fn->getArg(0), 1), "dispatch");
  Value *code = b.CreateLoad(ptrTy, dispatch, "code");
  auto *dt =
      FunctionType::get(llvm::Type::getVoidTy(C), {ptrTy, ptrTy, ptrTy}, false);
  b.CreateCall(dt, code, {dispatch, args, results});
  if (nout == 0) {
    b.CreateRetVoid();
    return fn;
  }
  Value *r = UndefValue::get(resultType(sig));
  for (size_t i = 0; i < nout; ++i) {
    Value *v = b.CreateLoad(llType(sig->results->vars[i]->type), slots[i]);
    if (nout == 1)
      r = v;
    else
      r = b.CreateInsertValue(r, v, i);
  }
  b.CreateRet(r);
  return fn;
}

// The code of a method value {stub, fn, data} that Value.Method makes: calls
// the descriptor's method fn with the boxed receiver data, as an itab entry
// is called.
Function *CodegenContext::reflectMethodValueStub(types::Signature *sig) {
  std::string name = "reflect.methodvalue:" + runtimeName(sig);
  if (Function *f = M->getFunction(name))
    return f;
  Function *fn =
      Function::Create(funcType(sig), GlobalValue::InternalLinkage, name, *M);
  IRBuilder<> b(BasicBlock::Create(C, "entry", fn));
  Value *env = fn->getArg(0);
  Value *code =
      b.CreateLoad(ptrTy, b.CreateConstInBoundsGEP1_64(ptrTy, env, 1), "fn");
  Value *data =
      b.CreateLoad(ptrTy, b.CreateConstInBoundsGEP1_64(ptrTy, env, 2), "data");
  forwardCall(b, fn, {funcType(sig), code}, {data}, 1);
  return fn;
}

// The code of a method expression {stub, fn} that Type.Method makes: sig's
// first parameter is the receiver, which it boxes on the stack for the
// descriptor's method fn (which only loads it).
Function *CodegenContext::reflectMethodExprStub(types::Signature *sig) {
  std::string name = "reflect.methodexpr:" + runtimeName(sig);
  if (Function *f = M->getFunction(name))
    return f;
  Function *fn =
      Function::Create(funcType(sig), GlobalValue::InternalLinkage, name, *M);
  IRBuilder<> b(BasicBlock::Create(C, "entry", fn));
  Value *code = b.CreateLoad(
      ptrTy, b.CreateConstInBoundsGEP1_64(ptrTy, fn->getArg(0), 1), "fn");
  Value *box = b.CreateAlloca(fn->getArg(1)->getType(), nullptr, "recv");
  b.CreateStore(fn->getArg(1), box);
  std::vector<llvm::Type *> ps{ptrTy};
  for (unsigned i = 2; i < fn->arg_size(); ++i)
    ps.push_back(fn->getArg(i)->getType());
  auto *mt = FunctionType::get(fn->getReturnType(), ps, false);
  forwardCall(b, fn, {mt, code}, {box}, 2);
  return fn;
}

} // namespace mgo

// The module: functions, package variables, main..init and the C main, plus
// the small IR-building helpers every other file uses.
#include "codegen/CodegenContext.h"

#include <llvm/IR/MDBuilder.h>
#include <llvm/TargetParser/Host.h>

#include <algorithm>

using namespace llvm;

namespace mgo {

namespace {

// x86-64 System V, as clang-19 lays it out; the driver sets the same layout
// from its TargetMachine before emitting code.
const char *hostDataLayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-"
                             "i128:128-f80:128-n8:16:32:64-S128";

} // namespace

CodegenContext::CodegenContext(const CheckedProgram &program,
                               const CheckedProgram &package,
                               types::TypeContext &types, LLVMContext &llvm,
                               const CodegenOptions &options)
    : prog(program), unit(package), tc(types), C(llvm), opts(options), B(llvm) {
  M = std::make_unique<Module>(options.sourcePath, C);
  M->setSourceFileName(options.sourcePath);
  M->setTargetTriple(sys::getDefaultTargetTriple());
  M->setDataLayout(hostDataLayout);
  ptrTy = PointerType::get(C, 0);
  i1 = Type::getInt1Ty(C);
  i8 = Type::getInt8Ty(C);
  i32 = Type::getInt32Ty(C);
  i64 = Type::getInt64Ty(C);
  stringTy = StructType::create(C, {ptrTy, i64}, "mgo.string");
  sliceTy = StructType::create(C, {ptrTy, i64, i64}, "mgo.slice");
  ifaceTy = StructType::create(C, {ptrTy, ptrTy}, "mgo.iface");
  fieldTy = StructType::create(C, {stringTy, ptrTy, i64}, "mgo.field");
  methodTy = StructType::create(C, {stringTy, ptrTy, ptrTy}, "mgo.method");
  typeDescTy = StructType::create(
      C, {i64, i64, i64, stringTy, ptrTy, ptrTy, i64, ptrTy, i64, ptrTy, i64},
      "mgo.type");
  mapIterTy = StructType::create(
      C, {ptrTy, ptrTy, ptrTy, i64, i64, ArrayType::get(ptrTy, 4)},
      "mgo.mapiter");
  rt.init(M.get(), stringTy);
  indexProgram();
}

std::unique_ptr<Module> CodegenContext::run() {
  // Line tables are always emitted: the runtime reads them for
  // runtime.Caller and tracebacks (docs/runtime.md, Tracebacks). DWARF 4, not
  // 5: its forms need no .debug_addr or .debug_str_offsets, which keeps the
  // runtime's reader small. Each package's module is a compile unit of its
  // own, named by the package's first file; its functions name their own
  // files, and inlined bodies of other packages theirs.
  dib = std::make_unique<DIBuilder>(*M);
  for (const std::string &path : opts.files) {
    size_t slash = path.rfind('/');
    diFiles.push_back(dib->createFile(
        slash == std::string::npos ? path : path.substr(slash + 1),
        slash == std::string::npos ? "." : path.substr(0, slash)));
  }
  if (diFiles.empty())
    diFiles.push_back(dib->createFile(opts.sourcePath, "."));
  // Full debug info, though without -g it holds no variables or types: with
  // line tables only, LLVM gives a function a DIE only when calls were
  // inlined into it, and the runtime needs every function's name and range.
  // The unit is named by its file's whole path and has no directory: the
  // line tables then give every source file its directory, and a relative
  // path a //line directive names stays as written (in directory 0).
  DIFile *unitFile =
      diFiles[opts.unitFile < diFiles.size() ? opts.unitFile : 0];
  diCU = dib->createCompileUnit(
      dwarf::DW_LANG_Go,
      dib->createFile(
          unitFile->getDirectory().empty()
              ? unitFile->getFilename().str()
              : (unitFile->getDirectory() + "/" + unitFile->getFilename())
                    .str(),
          ""),
      "mgoc", true, "", 0, "", DICompileUnit::DebugEmissionKind::FullDebug);
  M->addModuleFlag(Module::Warning, "Debug Info Version",
                   DEBUG_METADATA_VERSION);
  M->addModuleFlag(Module::Warning, "Dwarf Version", 4);
  declareFunctions();
  emitGlobals();
  for (FuncDecl *d : unit.funcs)
    emitFunctionBody(d);
  emitInit();
  if (isMainUnit())
    emitCMain();
  emitInlineBodies();
  markSplitStack();
  if (opts.debugVariables && isMainUnit())
    emitGdbScript();
  dib->finalize();
  return std::move(M);
}

namespace {

// An instance's type arguments as gc spells them in symbol names: [int,string].
std::string typeArgsString(const std::vector<types::Type *> &args) {
  if (args.empty())
    return "";
  std::string s = "[";
  for (size_t i = 0; i < args.size(); i++)
    s += (i ? "," : "") + args[i]->toString();
  return s + "]";
}

} // namespace

std::string CodegenContext::symbolName(types::Named *n) {
  return n->obj->name + typeArgsString(n->typeArgs);
}

static std::string receiverName(types::Type *t) {
  auto *n = dyn_cast<types::Named>(t);
  return n ? CodegenContext::symbolName(n) : t->toString();
}

// Go's symbol names, qualified by import path: main.f, strings.Index,
// time.(*Timer).Stop, main.Map[int,string], main.(*Stack[int]).Push.
std::string CodegenContext::mangle(types::Func *fn) {
  std::string pkg = fn->pkg ? fn->pkg->path : "main";
  types::Signature *sig = fn->signature();
  if (!sig->recv)
    return pkg + "." + fn->name + typeArgsString(fn->typeArgs);
  types::Type *rt = sig->recv->type;
  if (auto *p = dyn_cast<types::Pointer>(rt))
    return pkg + ".(*" + receiverName(p->elem) + ")." + fn->name;
  return pkg + "." + receiverName(rt) + "." + fn->name;
}

// Whether fn is an instance of a generic function or a method of an
// instantiated type: every package using it may emit it.
static bool isInstance(types::Func *fn) {
  if (fn->origin)
    return true;
  types::Var *recv = fn->signature()->recv;
  if (!recv)
    return false;
  types::Type *rt = recv->type;
  if (auto *p = dyn_cast<types::Pointer>(rt))
    rt = p->elem;
  auto *n = dyn_cast<types::Named>(rt);
  return n && n->origin;
}

// The package's functions. Package main's are its own (nothing imports
// main) but for main.main, which the C main passes to the runtime; any other
// package's are called by its importers and by the method wrappers any
// module may emit for its types.
void CodegenContext::declareFunctions() {
  int inits = 0;
  for (FuncDecl *d : unit.funcs) {
    auto *obj = cast<types::Func>(d->name->obj);
    std::string name = mangle(obj);
    if (!d->recv && obj->name == "init")
      name += "." + std::to_string(inits++);
    bool internal = isMainUnit() && obj != prog.mainFunc;
    Function *fn = Function::Create(funcType(obj->signature()),
                                    internal ? GlobalValue::InternalLinkage
                                             : GlobalValue::ExternalLinkage,
                                    name, *M);
    // Instances are emitted by each package that uses them; the linker
    // keeps one (linkonce_odr in a comdat of their own name).
    if (isInstance(obj)) {
      fn->setLinkage(GlobalValue::LinkOnceODRLinkage);
      fn->setComdat(M->getOrInsertComdat(name));
    }
    funcs[obj] = fn;
  }
}

// A top-level function used as a value: a constant closure object holding
// only the code pointer.
Constant *CodegenContext::staticClosure(Function *fn) {
  Constant *&c = staticClosures[fn];
  if (!c) {
    auto *init = ConstantStruct::getAnon(C, {fn});
    auto *g = new GlobalVariable(*M, init->getType(), true,
                                 GlobalValue::InternalLinkage, init,
                                 fn->getName() + "$closure");
    c = g;
  }
  return c;
}

void CodegenContext::emitGlobals() {
  for (types::Var *v : unit.globals) {
    if (v->name == "_")
      continue;
    auto *g = new GlobalVariable(*M, llType(v->type), false,
                                 isMainUnit() ? GlobalValue::InternalLinkage
                                              : GlobalValue::ExternalLinkage,
                                 Constant::getNullValue(llType(v->type)),
                                 unit.pkg->path + "." + v->name);
    vars[v] = VarSlot{g, false};
    describeGlobal(v, g);
  }
}

void CodegenContext::emitFunctionBody(FuncDecl *d) {
  auto *obj = cast<types::Func>(d->name->obj);
  emitFunction(functionFor(obj), obj->signature(), d->recv, d->type, d->body,
               nullptr, d->loc);
}

// A package's initialisation: PATH..init, exported, runs its variables'
// initialisers in initOrder, then its init functions in source order.
// main..init, which the runtime calls, first calls those of the packages
// main imports, directly or not, in dependency order (gc's), skipping the
// packages that have nothing to initialise.
std::string CodegenContext::initName(const CheckedProgram &p) const {
  return &p == &prog ? "main..init" : p.pkg->path + "..init";
}

bool CodegenContext::needsInit(const CheckedProgram &p) const {
  for (const GlobalInit &gi : p.initOrder)
    if (gi.rhs)
      return true;
  for (FuncDecl *d : p.funcs)
    if (!d->recv && d->name->name == "init")
      return true;
  return false;
}

void CodegenContext::emitInit() {
  auto *initTy = FunctionType::get(Type::getVoidTy(C), {ptrTy}, false);
  std::string name = initName(unit);
  auto *fn = Function::Create(initTy, GlobalValue::ExternalLinkage, name, *M);
  FuncState st;
  st.fn = fn;
  st.name = name;
  fs = &st;
  st.allocaBB = BasicBlock::Create(C, "entry", fn);
  B.SetInsertPoint(st.allocaBB);
  B.SetCurrentDebugLocation(DebugLoc());
  if (isMainUnit())
    for (const CheckedProgram *p : prog.libraries)
      if (needsInit(*p))
        B.CreateCall(M->getOrInsertFunction(initName(*p), initTy),
                     {ConstantPointerNull::get(ptrTy)});
  emitPackageInit(unit);
  ensureBlock();
  B.CreateRetVoid();
  finishLargeAggregates();
  fs = nullptr;
}

// The value of an initialiser that is data alone (constants, nil, and
// composite literals and &T{...} of them), as a constant of type t; null
// when building it needs code. gc's staticinit does the same: Go's unicode
// tables are thousands of such literals, which as init-time code were 280 KB
// of instructions run at every start and minutes of compile time.
Constant *CodegenContext::staticValue(Expr *e, types::Type *t) {
  e = unparen(e);
  if (types::isInterface(t))
    return nullptr; // a boxed value, and nil only as the zero value below
  if (isNilLiteral(e))
    return Constant::getNullValue(llType(t));
  if (e->tv.isConstant() && e->tv.value)
    return constValue(*e->tv.value, t);
  if (auto *u = dyn_cast<UnaryExpr>(e); u && u->op == Token::AND)
    if (auto *lit = dyn_cast<CompositeLit>(unparen(u->x)))
      return staticCell(lit, typeOf(lit));
  auto *lit = dyn_cast<CompositeLit>(e);
  if (!lit)
    return nullptr;
  // An elided {...} of a pointer element type is &T{...}.
  if (auto *p = dyn_cast<types::Pointer>(t->underlying()))
    return staticCell(
        lit, isa<types::Pointer>(typeOf(lit)->underlying())
                 ? cast<types::Pointer>(typeOf(lit)->underlying())->elem
                 : p->elem);
  types::Type *u = t->underlying();
  if (auto *st = dyn_cast<types::Struct>(u)) {
    auto *lt = cast<StructType>(llType(t));
    std::vector<Constant *> fields;
    for (size_t i = 0; i < st->fields.size(); ++i)
      fields.push_back(Constant::getNullValue(lt->getElementType(i)));
    for (size_t i = 0; i < lit->elts.size(); ++i) {
      auto [idx, elt] = structLitElement(st, lit->elts[i], i);
      Constant *value = staticValue(elt, st->fields[idx]->type);
      if (!value)
        return nullptr;
      // A blank field stays zero.
      if (st->fields[idx]->name != "_")
        fields[idx] = value;
    }
    return ConstantStruct::get(lt, fields);
  }
  types::Type *elemT;
  int64_t n = 0;
  if (auto *arr = dyn_cast<types::Array>(u)) {
    elemT = arr->elem;
    n = arr->len;
  } else if (auto *sl = dyn_cast<types::Slice>(u)) {
    elemT = sl->elem;
    int64_t idx = 0;
    for (Expr *elt : lit->elts) {
      if (auto *kv = dyn_cast<KeyValueExpr>(elt))
        idx = kv->key->tv.value->intValue().getSExtValue();
      n = std::max(n, ++idx);
    }
    if (n == 0)
      return nullptr; // non-nil without elements: left to the code
  } else
    return nullptr; // a map
  // Larger arrays ([100 << 20]byte{42}) stay code that stores the few
  // elements given rather than a constant of every element.
  if (n > 1 << 16)
    return nullptr;
  llvm::Type *elemLT = llType(elemT);
  std::vector<Constant *> elems(n, Constant::getNullValue(elemLT));
  int64_t idx = 0;
  for (Expr *elt : lit->elts) {
    if (auto *kv = dyn_cast<KeyValueExpr>(elt)) {
      idx = kv->key->tv.value->intValue().getSExtValue();
      elt = kv->value;
    }
    elems[idx] = staticValue(elt, elemT);
    if (!elems[idx])
      return nullptr;
    ++idx;
  }
  Constant *arr = ConstantArray::get(ArrayType::get(elemLT, n), elems);
  if (isa<types::Array>(u))
    return arr;
  // Slice elements may be assigned, so the backing array is writable.
  auto *backing = new GlobalVariable(
      *M, arr->getType(), false, GlobalValue::PrivateLinkage, arr, "backing");
  return ConstantStruct::get(cast<StructType>(llType(t)),
                             {backing, i64c(n), i64c(n)});
}

// &T{...} as data: a writable private variable holding the literal.
Constant *CodegenContext::staticCell(CompositeLit *lit, types::Type *t) {
  Constant *v = staticValue(lit, t);
  if (!v)
    return nullptr;
  return new GlobalVariable(*M, v->getType(), false,
                            GlobalValue::PrivateLinkage, v, "lit");
}

void CodegenContext::emitPackageInit(const CheckedProgram &p) {
  for (const GlobalInit &gi : p.initOrder) {
    if (!gi.rhs)
      continue;
    if (auto it = gi.lhs.size() == 1 ? vars.find(gi.lhs[0]) : vars.end();
        it != vars.end())
      if (auto *g = dyn_cast<GlobalVariable>(it->second.addr);
          g && !g->isDeclaration())
        if (Constant *v = staticValue(gi.rhs, gi.lhs[0]->type)) {
          g->setInitializer(v);
          continue;
        }
    // An array or struct literal is built in the variable itself: as a value,
    // a large one ([100 << 20]byte{42}) is one first-class aggregate, which
    // instruction selection splits element by element for minutes.
    auto *lit = dyn_cast<CompositeLit>(unparen(gi.rhs));
    if (auto it = vars.find(gi.lhs[0]);
        lit && gi.lhs.size() == 1 && it != vars.end() &&
        isa<types::Array, types::Struct>(typeOf(lit)->underlying()) &&
        !types::isInterface(gi.lhs[0]->type)) {
      genCompositeInto(it->second.addr, lit, typeOf(lit));
      continue;
    }
    std::vector<Value *> values;
    if (gi.lhs.size() == 1)
      values.push_back(genExprAs(gi.rhs, gi.lhs[0]->type));
    else {
      std::vector<types::Type *> targets;
      for (types::Var *v : gi.lhs)
        targets.push_back(v ? v->type : nullptr);
      values = genMultiAs(gi.rhs, targets);
    }
    for (size_t i = 0; i < gi.lhs.size() && i < values.size(); ++i) {
      auto it = vars.find(gi.lhs[i]);
      if (it != vars.end())
        store(values[i], it->second.addr, gi.lhs[i]->type);
    }
  }
  for (FuncDecl *d : p.funcs) {
    auto *obj = cast<types::Func>(d->name->obj);
    if (!d->recv && obj->name == "init")
      B.CreateCall(functionFor(obj), {ConstantPointerNull::get(ptrTy)});
  }
}

void CodegenContext::emitCMain() {
  auto *fn = Function::Create(FunctionType::get(i32, {i32, ptrTy}, false),
                              GlobalValue::ExternalLinkage, "main", *M);
  fn->getArg(0)->setName("argc");
  fn->getArg(1)->setName("argv");
  B.SetInsertPoint(BasicBlock::Create(C, "entry", fn));
  B.SetCurrentDebugLocation(DebugLoc());
  Function *init = M->getFunction("main..init");
  Value *mainFn = prog.mainFunc
                      ? static_cast<Value *>(functionFor(prog.mainFunc))
                      : ConstantPointerNull::get(ptrTy);
  Value *status =
      rt.call(B, Rt::mgo_start,
              {B.CreateSExt(fn->getArg(0), i64), fn->getArg(1), init, mainFn},
              "status");
  B.CreateRet(B.CreateTrunc(status, i32));
}

// Goroutine stacks start small and grow in segments (runtime/morestack.cpp):
// every function checks for room on entry and calls __morestack without it.
void CodegenContext::markSplitStack() {
  for (Function &f : *M)
    if (!f.isDeclaration())
      f.addFnAttr("split-stack");
}

// ---------------------------------------------------------------------------
// Helpers

AllocaInst *CodegenContext::entryAlloca(Type *t, const Twine &name) {
  IRBuilder<> eb(fs->allocaBB, fs->allocaBB->begin());
  return eb.CreateAlloca(t, nullptr, name);
}

BasicBlock *CodegenContext::newBlock(const Twine &name) {
  return BasicBlock::Create(C, name, fs->fn);
}

// Continues in a join block created before the blocks of a construct's body,
// moved after them so that -emit-llvm lists blocks in source order.
void CodegenContext::continueAt(BasicBlock *bb) {
  bb->moveAfter(&fs->fn->back());
  B.SetInsertPoint(bb);
}

bool CodegenContext::terminated() {
  return B.GetInsertBlock()->getTerminator() != nullptr;
}

// Code after a return, panic or branch is unreachable but still generated:
// it goes into a block no edge leads to, which LLVM deletes.
void CodegenContext::ensureBlock() {
  if (terminated())
    B.SetInsertPoint(newBlock("dead"));
}

// The blocks go into b's function, not fs's: b may be building a wrapper
// (an atomic, an interface method expression) in the middle of another.
void CodegenContext::condPanic(IRBuilder<> &b, Value *failCond,
                               const Twine &name,
                               const std::function<void()> &emitPanic) {
  if (auto *c = dyn_cast<ConstantInt>(failCond); c && c->isZero())
    return;
  Function *fn = b.GetInsertBlock()->getParent();
  BasicBlock *fail = BasicBlock::Create(C, name + ".fail", fn);
  BasicBlock *ok = BasicBlock::Create(C, name + ".ok", fn);
  MDBuilder md(C);
  b.CreateCondBr(failCond, fail, ok, md.createUnlikelyBranchWeights());
  b.SetInsertPoint(fail);
  emitPanic();
  if (!b.GetInsertBlock()->getTerminator())
    b.CreateUnreachable();
  b.SetInsertPoint(ok);
}

// The pointer in slot `slot` of the pointer array p, or null when p is null
// (an itab's type or method word, of an interface value that may be nil).
Value *CodegenContext::loadUnlessNull(Value *p, unsigned slot,
                                      const Twine &name) {
  BasicBlock *from = B.GetInsertBlock();
  BasicBlock *load = newBlock(name + ".load");
  BasicBlock *done = newBlock(name + ".done");
  B.CreateCondBr(B.CreateIsNull(p), done, load);
  B.SetInsertPoint(load);
  Value *addr = slot ? B.CreateConstInBoundsGEP1_64(ptrTy, p, slot) : p;
  Value *v = B.CreateLoad(ptrTy, addr, name + ".loaded");
  B.CreateBr(done);
  B.SetInsertPoint(done);
  PHINode *phi = B.CreatePHI(ptrTy, 2, name);
  phi->addIncoming(ConstantPointerNull::get(ptrTy), from);
  phi->addIncoming(v, load);
  return phi;
}

// LLVM lowers a first-class aggregate load or store element by element, in
// the optimiser and in instruction selection alike: a 1 MiB array copied as a
// value took minutes and over 20 GB. So a large aggregate's value is a load
// from a snapshot, a private copy nothing writes after it is taken, and
// storing that value copies the snapshot's memory instead. Small aggregates
// stay first-class values, which SROA keeps in registers.
bool CodegenContext::isLargeAggregate(types::Type *t) {
  return isAggregate(t) && sizeOf(t) > kLargeAggregateBytes;
}

// The address of part, a value taken out of whole, a snapshot's load.
static Value *partAddress(IRBuilder<> &b, LoadInst *whole,
                          ExtractValueInst *part) {
  SmallVector<Value *, 4> path{b.getInt32(0)};
  for (unsigned i : part->indices())
    path.push_back(b.getInt32(i));
  return b.CreateInBoundsGEP(whole->getType(), whole->getPointerOperand(),
                             path);
}

Value *CodegenContext::loadSnapshot(types::Type *t, Value *copy,
                                    const Twine &name) {
  fs->snapshots.insert(copy);
  LoadInst *l = B.CreateLoad(llType(t), copy, name);
  fs->snapshotLoads.push_back(l);
  return l;
}

// Where a large aggregate's value is in memory that nothing writes: its
// snapshot, a part of one, or else a new copy.
Value *CodegenContext::addressOf(Value *v) {
  if (auto *l = dyn_cast<LoadInst>(v);
      l && fs->snapshots.contains(l->getPointerOperand()))
    return l->getPointerOperand();
  if (auto *part = dyn_cast<ExtractValueInst>(v)) {
    auto *whole = dyn_cast<LoadInst>(part->getAggregateOperand());
    if (whole && fs->snapshots.contains(whole->getPointerOperand()))
      return partAddress(B, whole, part);
  }
  AllocaInst *tmp = entryAlloca(v->getType(), "tmp");
  B.CreateStore(v, tmp);
  return tmp;
}

// Element i of the array at arr, itself a snapshot when large (arr's memory is
// one).
Value *CodegenContext::elementValue(Type *arrTy, Value *arr, Value *i,
                                    types::Type *elem) {
  Value *addr = B.CreateInBoundsGEP(arrTy, arr, {i64c(0), i}, "elem.addr");
  if (!isLargeAggregate(elem))
    return B.CreateLoad(llType(elem), addr, "elem");
  return loadSnapshot(elem, addr, "elem");
}

// What is left of a snapshot's value once the function is generated: a part
// taken out of it is loaded from the snapshot itself, and a load nothing uses
// any more goes (instruction selection at -O0 would still lower it).
void CodegenContext::finishLargeAggregates() {
  std::vector<LoadInst *> work = std::move(fs->snapshotLoads);
  while (!work.empty()) {
    LoadInst *whole = work.back();
    work.pop_back();
    for (User *user : make_early_inc_range(whole->users())) {
      auto *part = dyn_cast<ExtractValueInst>(user);
      if (!part)
        continue;
      IRBuilder<> pb(part);
      LoadInst *loaded =
          pb.CreateLoad(part->getType(), partAddress(pb, whole, part));
      loaded->takeName(part);
      part->replaceAllUsesWith(loaded);
      part->eraseFromParent();
      if (loaded->getType()->isAggregateType())
        work.push_back(loaded);
    }
    if (whole->use_empty())
      whole->eraseFromParent();
  }
}

void CodegenContext::store(Value *v, Value *addr, types::Type *t) {
  (void)t;
  storeValue(v, addr);
}

void CodegenContext::storeValue(Value *v, Value *addr) {
  auto *l = dyn_cast<LoadInst>(v);
  if (l && fs->snapshots.contains(l->getPointerOperand())) {
    const DataLayout &layout = M->getDataLayout();
    B.CreateMemCpy(addr, l->getAlign(), l->getPointerOperand(), l->getAlign(),
                   layout.getTypeAllocSize(l->getType()));
    return;
  }
  B.CreateStore(v, addr);
}

Value *CodegenContext::load(types::Type *t, Value *addr, const Twine &name) {
  if (!isLargeAggregate(t))
    return B.CreateLoad(llType(t), addr, name);
  AllocaInst *copy = entryAlloca(llType(t), name + ".copy");
  copyValue(copy, addr, t);
  return loadSnapshot(t, copy, name);
}

// Aggregates are copied with memcpy rather than a first-class load and store,
// which LLVM lowers element by element.
void CodegenContext::copyValue(Value *dst, Value *src, types::Type *t) {
  if (isAggregate(t)) {
    Align a(alignOf(t));
    B.CreateMemCpy(dst, a, src, a, sizeOf(t));
    return;
  }
  B.CreateStore(B.CreateLoad(llType(t), src), dst);
}

void CodegenContext::zeroFill(Value *addr, types::Type *t) {
  if (isAggregate(t) && sizeOf(t) > 64) {
    B.CreateMemSet(addr, ConstantInt::get(i8, 0), sizeOf(t), Align(alignOf(t)));
    return;
  }
  B.CreateStore(Constant::getNullValue(llType(t)), addr);
}

// Whether a pointer one past the end of a lone value of type t can exist.
// Go code forms one only through an array inside it (slicing, &a[i] after a
// loop, LLVM's loop strength reduction over the elements) or a zero-size
// value (&x.z, which unsafe pointer arithmetic may also form). A zero-size
// last field gets gc's padding byte (llType), but zero-size fields are
// refused wherever they are: they are rare, and the rule stays one line.
static bool mayPointPastEnd(CodegenContext &cg, types::Type *t) {
  types::Type *u = t->underlying();
  if (isa<types::Array>(u) || cg.sizeOf(t) == 0)
    return true;
  auto *st = dyn_cast<types::Struct>(u);
  return st &&
         std::any_of(st->fields.begin(), st->fields.end(), [&](types::Var *f) {
           return mayPointPastEnd(cg, f->type);
         });
}

// Lone objects no pointer can point one past the end of take the exact entry
// points. Up to 128 bytes LLVM copies, zeroes and compares them with loads
// and stores at constant offsets from the base, and glibc's memcpy and memcmp
// use straight-line code addressing from their arguments, so neither holds
// only an end pointer while the object is in use (docs/lowering.md).
static constexpr uint64_t kMaxExactAlloc = 128;

Value *CodegenContext::heapAlloc(types::Type *t, const Twine &name) {
  bool scan = types::hasPointers(t);
  Rt fn = scan ? Rt::mgo_alloc : Rt::mgo_alloc_noscan;
  if (sizeOf(t) <= kMaxExactAlloc && !mayPointPastEnd(*this, t))
    fn = scan ? Rt::mgo_alloc_exact : Rt::mgo_alloc_exact_noscan;
  return rt.call(B, fn, {sizeValue(t)}, name);
}

CodegenContext::LinePos CodegenContext::linePos(SrcLoc loc) {
  const LineDirective *d = lineDirectiveAt(opts.lineDirectives, loc);
  if (!d)
    return {diFileOf(loc), loc.line, loc.col};
  // The path as written, as gc's objabi.AbsFile leaves it without a
  // directory to join: a relative one stays relative (the compile unit has
  // no directory, and the runtime keeps names in its directory 0 as they
  // are), an empty one is "??".
  auto [it, inserted] = directiveFiles.try_emplace(d->path);
  if (inserted)
    it->second = dib->createFile(d->path.empty() ? "??" : d->path, "");
  return {it->second, directedLine(*d, loc), directedCol(*d, loc)};
}

DILocation *CodegenContext::diLoc(SrcLoc loc) {
  LinePos p = linePos(loc);
  DIScope *scope = fs->scope ? fs->scope : fs->di;
  if (p.file != scope->getFile()) {
    DIScope *&in = scopesInFile[{scope, p.file}];
    if (!in)
      in = dib->createLexicalBlockFile(scope, p.file);
    scope = in;
  }
  return DILocation::get(C, p.line, p.col, scope);
}

void CodegenContext::setLoc(SrcLoc loc) {
  if (!fs || !fs->di || !loc.valid())
    return;
  B.SetCurrentDebugLocation(diLoc(loc));
}

SrcLoc CodegenContext::exprPos(Expr *e) {
  switch (e->kind()) {
  case Node::CallExprKind:
    return cast<CallExpr>(e)->lparen;
  case Node::IndexExprKind:
    return cast<IndexExpr>(e)->lbrack;
  case Node::SliceExprKind:
    return cast<SliceExpr>(e)->lbrack;
  case Node::SelectorExprKind: {
    auto *s = cast<SelectorExpr>(e);
    return s->dot.valid() ? s->dot : s->sel->loc;
  }
  case Node::TypeAssertExprKind:
    return cast<TypeAssertExpr>(e)->dot;
  case Node::StarExprKind:
  case Node::UnaryExprKind:
  case Node::BinaryExprKind:
  case Node::CompositeLitKind:
  case Node::FuncLitKind:
    return e->loc;
  default:
    return SrcLoc();
  }
}

CodegenContext::ExprLoc::ExprLoc(CodegenContext &cg, SrcLoc at) : cg(cg) {
  outer = cg.B.getCurrentDebugLocation();
  if (!outer || !at.valid() || !cg.fs || !cg.fs->di)
    return;
  LinePos p = cg.linePos(at);
  if (p.line == outer.getLine() && p.file == outer->getFile())
    return;
  cg.B.SetCurrentDebugLocation(cg.diLoc(at));
  set = true;
}

CodegenContext::ExprLoc::~ExprLoc() {
  if (set)
    cg.B.SetCurrentDebugLocation(outer);
}

std::unique_ptr<Module> generatePackage(const CheckedProgram &program,
                                        const CheckedProgram &package,
                                        types::TypeContext &types,
                                        LLVMContext &llvm,
                                        const CodegenOptions &options) {
  CodegenContext cg(program, package, types, llvm, options);
  return cg.run();
}

} // namespace mgo

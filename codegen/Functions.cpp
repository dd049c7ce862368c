// Function bodies: the prologue that gives parameters, results and captured
// variables their storage, then the statements.
#include "codegen/CodegenContext.h"

using namespace llvm;

namespace mgo {

namespace {

// The variables a field list declares, one entry per parameter (null for an
// unnamed or blank one), in order.
std::vector<types::Var *> declaredVars(FieldList *fl) {
  std::vector<types::Var *> out;
  if (!fl)
    return out;
  for (Field *f : fl->list) {
    if (f->names.empty()) {
      out.push_back(nullptr);
      continue;
    }
    for (Ident *id : f->names)
      out.push_back(id->isBlank() ? nullptr
                                  : dyn_cast_or_null<types::Var>(id->obj));
  }
  return out;
}

// gc names every instance of a generic function by its shape in tracebacks
// and runtime.FuncForPC: main.Map[...], main.(*Stack[...]).Push.
std::string tracebackName(const std::string &symbol) {
  std::string out;
  int depth = 0;
  for (char c : symbol) {
    if (c == '[' && depth++ == 0)
      out += "[...]";
    else if (c == ']')
      depth--;
    else if (depth == 0)
      out += c;
  }
  return out;
}

} // namespace

// Code codegen makes up (a go statement's thunk) is no frame of Go's, but
// the calls inlined into it are: it gets an artificial DISubprogram, which
// the runtime leaves out of stacks (runtime/symtab.cpp), and the location
// `at` of the statement it serves. Returns that location in its scope.
DebugLoc CodegenContext::artificialScope(Function *fn, const DebugLoc &at) {
  if (!at)
    return DebugLoc();
  auto *outer = cast<DISubprogram>(at->getScope()->getSubprogram());
  auto *spTy = dib->createSubroutineType(dib->getOrCreateTypeArray({}));
  DISubprogram *sp =
      dib->createFunction(outer->getFile(), fn->getName(), StringRef(),
                          outer->getFile(), at.getLine(), spTy, at.getLine(),
                          DINode::FlagPrototyped | DINode::FlagArtificial,
                          DISubprogram::SPFlagDefinition);
  fn->setSubprogram(sp);
  fn->addFnAttr("disable-tail-calls", "true");
  return DILocation::get(C, at.getLine(), at->getColumn(), sp);
}

void CodegenContext::emitFunction(Function *fn, types::Signature *sig,
                                  FieldList *recv, FuncTypeExpr *type,
                                  BlockStmt *body,
                                  const std::vector<types::Var *> *captures,
                                  SrcLoc loc) {
  FuncState st;
  st.fn = fn;
  st.sig = sig;
  st.name = tracebackName(fn->getName().str());
  fs = &st;
  DIFile *file = diFiles[loc.file < diFiles.size() ? loc.file : 0];
  auto *spTy = dib->createSubroutineType(dib->getOrCreateTypeArray({}));
  st.di = dib->createFunction(file, st.name, StringRef(), file, loc.line, spTy,
                              loc.line, DINode::FlagPrototyped,
                              DISubprogram::SPFlagDefinition);
  fn->setSubprogram(st.di);
  // Go keeps every call's frame: tail calls and tail recursion made into a
  // loop would drop frames runtime.Callers and tracebacks show.
  fn->addFnAttr("disable-tail-calls", "true");
  st.allocaBB = BasicBlock::Create(C, "entry", fn);
  B.SetInsertPoint(st.allocaBB);
  // The prologue that gives parameters and captures their slots has no
  // line: LLVM marks the first instruction with one as prologue_end, where
  // gdb puts a breakpoint on the function, so the parameters are in place.
  B.SetCurrentDebugLocation(DebugLoc());

  Argument *ctx = fn->getArg(0);
  ctx->setName(captures ? "env" : "ctx");
  st.ctx = ctx;
  std::vector<types::Var *> params = declaredVars(recv);
  std::vector<types::Var *> plain = declaredVars(type->params);
  params.insert(params.end(), plain.begin(), plain.end());
  // A traceback prints f() for a function without parameters and f(...)
  // otherwise, as gc's: the first parameter's DIE tells the runtime which
  // (LLVM wants a type: one word). -g describes every parameter itself.
  if (fn->arg_size() > 1 && !opts.debugVariables)
    dib->createParameterVariable(
        st.di, !params.empty() && params[0] ? params[0]->name : "~p0", 1, file,
        loc.line, dib->createBasicType("uintptr", 64, dwarf::DW_ATE_unsigned),
        /*AlwaysPreserve=*/true);
  for (size_t i = 0; i < params.size() && i + 1 < fn->arg_size(); ++i) {
    Argument *arg = fn->getArg(i + 1);
    if (!params[i])
      continue;
    declareLocal(params[i], arg, i + 1);
    // The parameter's stack slot reads as %x.addr, the incoming value as %x.
    if (auto *slot = dyn_cast<AllocaInst>(vars[params[i]].addr))
      slot->setName(params[i]->name + ".addr");
    arg->setName(params[i]->name);
  }
  if (type->results)
    for (Field *f : type->results->list)
      for (Ident *id : f->names) {
        auto *r = cast<types::Var>(id->obj);
        // A blank result is still a result: a bare return returns its zero.
        if (id->isBlank()) {
          AllocaInst *slot = entryAlloca(llType(r->type), "result.blank");
          zeroFill(slot, r->type);
          vars[r] = VarSlot{slot, false};
        } else {
          declareLocal(r, nullptr);
        }
        st.results.push_back(r);
      }
  if (captures) {
    for (size_t i = 0; i < captures->size(); ++i) {
      types::Var *v = (*captures)[i];
      Value *field = B.CreateConstInBoundsGEP1_64(ptrTy, ctx, i + 1);
      Value *ref = B.CreateLoad(ptrTy, field, v->name + ".ref");
      vars[v] = VarSlot{ref, false};
      describeVariable(v, ref, 0);
    }
  }
  setLoc(loc);
  beginDefers(body);
  // The body's variables are in the function's scope, as gc's are.
  genStmts(body->list);
  if (st.defer) {
    finishDefers();
    return;
  }
  if (!terminated()) {
    if (fn->getReturnType()->isVoidTy())
      B.CreateRetVoid();
    else
      B.CreateUnreachable();
  }
}

} // namespace mgo

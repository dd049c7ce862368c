// The state of one module's code generation, shared by the codegen/*.cpp
// files; each file implements the members of one concern (see
// docs/lowering.md).
#ifndef MGO_CODEGEN_CODEGENCONTEXT_H
#define MGO_CODEGEN_CODEGENCONTEXT_H

#include "codegen/Codegen.h"
#include "codegen/RuntimeABI.h"

#include <llvm/ADT/SmallPtrSet.h>
#include <llvm/IR/DIBuilder.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Module.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace mgo {

// Where a variable lives: a heap variable's (Var::escapes) cell, any other
// local's alloca. An indirect slot holds the address of the variable's cell.
struct VarSlot {
  llvm::Value *addr = nullptr;
  bool indirect = false;
};

// An lvalue on the left of an assignment: an address, or a map entry whose
// slot is only created once the value to store is known.
struct LValue {
  enum Kind { Blank, Addr, MapEntry } kind = Blank;
  llvm::Value *addr = nullptr;
  // Checks left for the store (genLValue's deferChecks): a pointer that
  // must not be nil, an index that must be below len.
  llvm::Value *nilCheck = nullptr;
  llvm::Value *index = nullptr;
  llvm::Value *len = nullptr;
  bool indexUnsigned = false;
  types::Type *type = nullptr;
  types::Map *map = nullptr;
  llvm::Value *mapValue = nullptr;
  llvm::Value *keyAddr = nullptr;
};

struct BranchTargets {
  llvm::BasicBlock *breakBB = nullptr;
  llvm::BasicBlock *continueBB = nullptr;
};

// One defer statement: its call rewritten over variables that hold the
// function value, receiver and arguments evaluated at the statement (the
// fields of env). Null call: nothing to call (`defer recover()`).
struct DeferSite {
  CallExpr *call = nullptr;
  // defer recover(): gc's wrapper makes it a recover() of the deferring
  // function at its exit, which recovers when a panic called that function.
  bool recover = false;
  std::vector<types::Var *> vars;
  llvm::StructType *envTy = nullptr;
  llvm::Value *env = nullptr;         // open-coded: the site's alloca
  std::vector<llvm::Value *> pending; // the values, until env exists
  llvm::Value *code = nullptr;        // the callee, when known statically
  types::Var *closure = nullptr;      // else the func value called
  types::Var *ifaceRecv = nullptr;    // or the interface whose method it calls
  unsigned ifaceMethod = 0;           // (the method's itab slot)
};

// A function with defer statements returns through exitBB, which runs the
// deferred calls; so does its landing pad, which catches panics.
struct DeferFrame {
  bool list = false; // a defer in a loop: records on a list, newest first
  llvm::AllocaInst *bits = nullptr;      // open-coded: sites to run
  llvm::AllocaInst *head = nullptr;      // list: newest record
  llvm::AllocaInst *panicking = nullptr; // its address names the frame
  llvm::BasicBlock *exitBB = nullptr;
  std::vector<llvm::Value *> resultSlots; // unnamed results
  std::vector<DeferSite> sites;
  std::vector<llvm::Instruction *> noInvoke; // bookkeeping calls
};

// Per-function state.
struct FuncState {
  llvm::Function *fn = nullptr;
  llvm::Value *ctx = nullptr;
  types::Signature *sig = nullptr;
  std::vector<types::Var *> results; // named or synthesized result variables
  llvm::BasicBlock *allocaBB = nullptr;
  // Private copies of large aggregates that nothing writes after they are
  // taken (Module.cpp's load and store).
  llvm::SmallPtrSet<llvm::Value *, 8> snapshots;
  std::vector<llvm::LoadInst *> snapshotLoads;
  std::unordered_map<const Stmt *, BranchTargets> targets;
  std::vector<const Stmt *>
      breakables; // enclosing for/range/switch, innermost last
  llvm::BasicBlock *fallthroughBB = nullptr;
  // The block of each label a goto jumps to; reached once codegen has
  // emitted it, so a later goto to it is a backward jump.
  struct GotoLabel {
    llvm::BasicBlock *bb = nullptr;
    bool reached = false;
  };
  std::unordered_map<const LabeledStmt *, GotoLabel> gotoLabels;
  std::string name; // mangled name, for naming nested closures
  int closureCount = 0;
  // gc's wrappers of go and defer calls so far (gcWrapsCall): gc numbers
  // them funcN after every literal of the function.
  int wrapperCount = 0;
  // Go statements' thunks, whose bodies and names wait for the function's
  // end, when the number of its literals is known.
  struct GoThunk {
    llvm::Function *fn = nullptr;
    llvm::StructType *envTy = nullptr;
    types::Signature *sig = nullptr;
    llvm::Function *direct = nullptr;
    llvm::DebugLoc at;
    int wrapper = 0; // its index among wrapperCount
    // A built-in's call (go println(x)), made on the new goroutine over
    // argVars, which name the environment's fields; sig and direct are null.
    CallExpr *builtin = nullptr;
    std::vector<types::Var *> argVars;
  };
  std::vector<GoThunk> goThunks;
  llvm::DISubprogram *di = nullptr;
  llvm::DIScope *scope = nullptr;    // -g: the innermost lexical block, or none
  std::shared_ptr<DeferFrame> defer; // null: no defer statement
  llvm::Value *recoverToken = nullptr; // mgo_recover_enter's, if recover()
};

// Whether e is the predeclared nil (which the checker may have given the
// type of the other operand or of its destination).
bool isNilLiteral(Expr *e);

// e without the parentheses around it (codegen/Expressions.cpp).
Expr *unparen(Expr *e);

// Whether evaluating e calls a function (conversions and built-ins aside;
// codegen/Calls.cpp).
bool hasCall(Expr *e);

class CodegenContext {
public:
  CodegenContext(const CheckedProgram &program, const CheckedProgram &package,
                 types::TypeContext &types, llvm::LLVMContext &llvm,
                 const CodegenOptions &options);
  std::unique_ptr<llvm::Module> run();

  // --- Module.cpp
  void declareFunctions();
  void emitGlobals();
  void emitFunctionBody(FuncDecl *decl);
  llvm::DebugLoc wrapperScope(llvm::Function *fn, llvm::StringRef name,
                              const llvm::DebugLoc &at, bool artificial);
  void autogeneratedScope(llvm::IRBuilderBase &b, llvm::Function *fn);
  void emitFunction(llvm::Function *fn, types::Signature *sig, FieldList *recv,
                    FuncTypeExpr *type, BlockStmt *body,
                    const std::vector<types::Var *> *captures, SrcLoc loc);
  void emitInit();
  void emitPackageInit(const CheckedProgram &p);
  void emitCMain();
  void markSplitStack();
  std::string initName(const CheckedProgram &p) const;
  bool needsInit(const CheckedProgram &p) const;

  // --- Linkage.cpp: one module per package
  void indexProgram();
  bool isMainUnit() const;
  bool hasCode(types::Func *fn) const;
  bool inlinable(FuncDecl *d) const;
  void emitInlineBodies();
  llvm::Value *externalGlobal(types::Var *v);
  void shareAcrossPackages(llvm::GlobalObject *g, const std::string &name);
  std::string typeSymbol(types::Type *t);
  // --- RuntimeFuncs.cpp: library functions without a body
  llvm::Function *runtimeFuncWrapper(types::Func *fn);
  void emitAtomic(types::Func *fn, llvm::Function *wrapper);
  std::string mangle(types::Func *fn);
  // A named type's name in symbols: Stack, or Stack[int] for an instance.
  static std::string symbolName(types::Named *n);
  llvm::Function *functionFor(types::Func *fn);
  llvm::Constant *staticClosure(llvm::Function *fn);

  // --- Types.cpp
  llvm::Type *llType(types::Type *t);
  llvm::FunctionType *funcType(types::Signature *sig);
  llvm::Type *resultType(types::Signature *sig);
  uint64_t sizeOf(types::Type *t);
  uint64_t alignOf(types::Type *t);
  llvm::Value *sizeValue(types::Type *t);
  types::Type *concrete(types::Type *t); // default type of untyped kinds
  types::Basic *basicOf(types::Type *t); // underlying Basic or null
  bool isString(types::Type *t);
  bool isSigned(types::Type *t);
  bool isFloat(types::Type *t);
  bool isComplex(types::Type *t);
  bool isAggregate(types::Type *t);
  types::Type *intType();

  // --- DebugInfo.cpp (-g)
  llvm::DIType *diType(types::Type *t);
  llvm::DIType *diUnnamed(types::Type *t, const std::string &name,
                          types::Type *cacheAs);
  llvm::DIType *diInterface(types::Interface *it);
  llvm::DICompositeType *
  diStruct(types::Type *cacheAs, const std::string &name, uint64_t sizeBytes,
           const std::function<std::vector<llvm::Metadata *>(llvm::DIScope *)>
               &members);
  llvm::DIDerivedType *diMember(llvm::DIScope *scope, llvm::StringRef name,
                                llvm::DIType *type, uint64_t offsetBytes);
  llvm::DIType *diOpaque(const std::string &name);
  llvm::DIFile *diFileOf(SrcLoc loc);
  // loc as the line tables name it: its file, line and column, or those a
  // //line directive before it gives.
  struct LinePos {
    llvm::DIFile *file;
    uint32_t line, col;
  };
  LinePos linePos(SrcLoc loc);
  // loc in the current function's innermost scope.
  llvm::DILocation *diLoc(SrcLoc loc);
  void describeVariable(types::Var *v, llvm::Value *storage, unsigned argNo);
  void describeGlobal(types::Var *v, llvm::GlobalVariable *g);
  void emitGdbScript();

  // --- TypeDescriptors.cpp
  llvm::Constant *typeDesc(types::Type *t);
  int mgoKind(types::Type *t);
  bool reflectUsed();
  llvm::StructType *typeXTy();
  llvm::Constant *typeX(types::Type *t, llvm::GlobalVariable *desc);
  llvm::Constant *descArray(const std::vector<llvm::Constant *> &descs,
                            const llvm::Twine &name);
  llvm::Function *reflectCallStub(types::Signature *sig);
  llvm::Function *reflectMakeFuncStub(types::Signature *sig);
  llvm::Function *reflectMethodValueStub(types::Signature *sig);
  llvm::Function *reflectMethodExprStub(types::Signature *sig);

  // --- Constants.cpp
  llvm::Constant *constValue(const ConstValue &v, types::Type *t);
  llvm::Constant *stringConst(llvm::StringRef s);
  llvm::Constant *stringBytes(llvm::StringRef s);
  llvm::Constant *i64c(int64_t v);
  llvm::Constant *i1c(bool v);

  // --- Expressions.cpp
  llvm::Value *genExpr(Expr *e);
  llvm::Value *genExprAs(Expr *e, types::Type *target);
  llvm::Value *genAddr(Expr *e);
  llvm::Value *convertValue(llvm::Value *v, types::Type *from, types::Type *to);
  llvm::Value *genIdent(Ident *id);
  llvm::Value *genUnary(UnaryExpr *e);
  llvm::Value *genBinary(BinaryExpr *e);
  llvm::Value *genArith(Token::Kind op, llvm::Value *x, llvm::Value *y,
                        types::Type *t);
  llvm::Value *genDivRem(Token::Kind op, llvm::Value *x, llvm::Value *y,
                         types::Type *t);
  llvm::Value *genShift(Token::Kind op, llvm::Value *x, llvm::Value *y,
                        types::Type *t, types::Type *countType);
  llvm::Value *genCompare(Token::Kind op, llvm::Value *x, llvm::Value *y,
                          types::Type *t);
  llvm::Value *genEqual(llvm::Value *x, llvm::Value *y, types::Type *t);
  llvm::Value *genArrayEqualLoop(llvm::Value *x, llvm::Value *y,
                                 types::Array *arr);
  llvm::Value *genIsNil(llvm::Value *v);
  llvm::Value *genCaseMatch(llvm::Value *tag, types::Type *tagType, Expr *e);
  llvm::Value *genLogical(BinaryExpr *e);
  llvm::Value *genStringConcat(BinaryExpr *e);
  llvm::Value *genIndex(IndexExpr *e);
  llvm::Value *genIndexAddr(IndexExpr *e);
  llvm::Value *genSlice(SliceExpr *e);
  llvm::Value *genSelector(SelectorExpr *e);
  llvm::Value *genSelectorAddr(SelectorExpr *e);
  llvm::Value *genCompositeLit(CompositeLit *e);
  void genCompositeInto(llvm::Value *addr, CompositeLit *e, types::Type *t);
  llvm::Constant *staticValue(Expr *e, types::Type *t);
  llvm::Constant *staticCell(CompositeLit *lit, types::Type *t);
  llvm::Value *genMapIndex(IndexExpr *e, llvm::Value **okOut);
  llvm::Value *largeMapValue(types::Type *elem, llvm::Value *entry,
                             llvm::Value *found);
  llvm::Value *mapLookup(types::Map *mt, llvm::Value *m, llvm::Value *keyAddr,
                         llvm::Value **okOut);
  llvm::Value *genConversion(CallExpr *e);
  llvm::Value *derefCheck(llvm::Value *ptr);
  llvm::Value *derefCheck(llvm::IRBuilder<> &b, llvm::Value *ptr);
  // An index or slice bound as an int, and whether a failed check prints it
  // as unsigned (its Go type is).
  llvm::Value *genIndexValue(Expr *e);
  bool isUnsignedIndex(Expr *e);
  llvm::Value *boundsCheck(llvm::Value *index, llvm::Value *len,
                           bool indexUnsigned);
  std::vector<llvm::Value *> genMulti(Expr *e);
  std::vector<llvm::Value *>
  genMultiAs(Expr *e, const std::vector<types::Type *> &targets);
  types::Type *typeOf(Expr *e);

  // --- Calls.cpp
  llvm::Value *genCall(CallExpr *e);
  // A call of fun that is neither a conversion nor a built-in.
  llvm::Value *genCallOf(CallExpr *e, Expr *fun);
  std::vector<llvm::Value *> genArgs(CallExpr *e, types::Signature *sig,
                                     unsigned skip = 0);
  std::vector<llvm::Value *>
  genOrderedArgs(const std::vector<Expr *> &args,
                 const std::vector<types::Type *> &targets);
  llvm::Value *callFuncValue(llvm::Value *closure, types::Signature *sig,
                             llvm::ArrayRef<llvm::Value *> args);
  llvm::Value *genMethodCall(CallExpr *e, SelectorExpr *sel);
  llvm::Value *genDirectCall(CallExpr *e, types::Func *f);

  // --- Closures.cpp
  llvm::Value *genFuncLit(FuncLit *e);
  llvm::Value *genMethodValue(SelectorExpr *e);
  void forwardCall(llvm::IRBuilder<> &b, llvm::Function *fn,
                   llvm::FunctionCallee callee, std::vector<llvm::Value *> args,
                   unsigned firstArg);

  // --- Interfaces.cpp
  types::Signature *methodSig(types::Func *m);
  void forwardItabCall(llvm::IRBuilder<> &wb, llvm::Function *fn,
                       llvm::Value *iv, types::Type *it, types::Func *m,
                       types::Signature *sig);
  std::vector<types::Selected> methodSet(types::Type *t);
  llvm::Function *ifaceMethodWrapper(types::Type *t, types::Func *m);
  llvm::Function *ifaceMethodWrapper(types::Type *t,
                                     const types::Selected &entry);
  llvm::Function *promotedMethod(types::Type *recvT,
                                 const std::vector<int> &path, types::Func *m);
  llvm::Value *loadValueReceiver(llvm::IRBuilder<> &wb, llvm::Function *fn,
                                 llvm::Value *p, types::Named *n,
                                 types::Func *m);
  llvm::Constant *methodTable(types::Type *t, int64_t &count);
  llvm::Constant *itab(types::Type *iface, types::Type *t);
  llvm::Value *dynamicType(llvm::Value *iv, types::Type *t);
  llvm::Value *makeIface(llvm::Value *word0, llvm::Value *data);
  llvm::Value *toInterface(llvm::Value *v, types::Type *from, types::Type *to);
  llvm::Value *genIfaceMethodCall(CallExpr *e, SelectorExpr *sel);
  llvm::Value *genIfaceMethodValue(SelectorExpr *e);
  llvm::Value *genMethodExpr(SelectorExpr *e);
  llvm::Function *ifaceMethodExpr(types::Type *it, types::Func *m);
  llvm::Value *unboxAs(llvm::Value *iv, types::Type *src, llvm::Value *dynType,
                       types::Type *dst);
  llvm::Value *typeMatches(llvm::Value *t, types::Type *dst);
  llvm::Value *genTypeAssert(TypeAssertExpr *e, llvm::Value **okOut);
  void genTypeSwitch(TypeSwitchStmt *s, Stmt *label);
  llvm::Value *genIfaceEqual(llvm::Value *x, llvm::Value *y, types::Type *t);

  // --- Complex.cpp
  llvm::Value *makeComplex(llvm::Value *re, llvm::Value *im);
  llvm::Value *genComplexArith(Token::Kind op, llvm::Value *x, llvm::Value *y);
  llvm::Value *genComplexEqual(llvm::Value *x, llvm::Value *y);
  llvm::Value *convertComplex(llvm::Value *v, llvm::Type *to);
  llvm::Value *genComplexBuiltin(CallExpr *e, types::BuiltinId id);

  // --- Builtins.cpp
  llvm::Value *genBuiltin(CallExpr *e, types::BuiltinId id);
  CallExpr *spreadResults(CallExpr *e, types::Tuple *results);
  llvm::Value *arrayLen(Expr *x, types::Array *a);
  llvm::Value *genLen(Expr *x);
  llvm::Value *genCap(Expr *x);
  llvm::Value *genAppend(CallExpr *e);
  llvm::Value *genCopy(CallExpr *e);
  llvm::Value *genMake(CallExpr *e);
  llvm::Value *genMinMax(CallExpr *e, bool isMin);
  void genPrint(CallExpr *e, bool ln);
  // Text, or an i64 or ptr value to print.
  struct PrintPart {
    PrintPart(const char *t) : text(t) {}
    PrintPart(llvm::Value *v) : value(v) {}
    const char *text = nullptr;
    llvm::Value *value = nullptr;
  };
  void printParts(std::initializer_list<PrintPart> parts);
  void genPanic(CallExpr *e);
  llvm::Value *boxAny(llvm::Value *v, types::Type *t, bool heap);
  llvm::Value *makeSliceValue(llvm::Value *ptr, llvm::Value *len,
                              llvm::Value *cap);

  // --- Defer.cpp
  void beginDefers(BlockStmt *body);
  void genDefer(DeferStmt *s);
  void returnThroughDefers(const std::vector<llvm::Value *> &values);
  void finishDefers();
  llvm::Value *genRecover();
  types::Func *currentMethod();
  llvm::CallInst *recoverEnter(llvm::IRBuilder<> &eb);
  Ident *synthVarIdent(const std::string &name, types::Type *t);
  Ident *deferVar(DeferSite &site, llvm::Value *v, types::Type *t);
  std::vector<Expr *> evaluateCallArgs(
      CallExpr *call,
      const std::function<Ident *(llvm::Value *, types::Type *)> &bind);
  CallExpr *rewrittenCall(CallExpr *call, Expr *callee,
                          const std::vector<Expr *> &args);
  void runDeferSite(DeferSite &site, llvm::Value *env);
  llvm::Value *itabMethod(DeferSite &site);
  void runOpenDefers();
  void runListDefers();
  void invokeCalls(llvm::BasicBlock *lpad);

  // --- Library.cpp
  llvm::Value *genLibraryCall(CallExpr *e, types::Func *fn);
  llvm::Value *lowerLibraryCall(types::Func *fn,
                                llvm::ArrayRef<llvm::Value *> args);
  llvm::Value *libraryFuncValue(types::Func *fn);
  llvm::Value *genFmtCall(CallExpr *e, types::Func *fn);
  llvm::Value *callFmt(types::Func *fn, llvm::Value *format, llvm::Value *args,
                       llvm::Value *count);
  llvm::Value *lowerMathCall(const std::string &name,
                             llvm::ArrayRef<llvm::Value *> args);
  llvm::Constant *goNaN();
  llvm::Value *lowerRemainder(llvm::Value *x, llvm::Value *y);
  llvm::Value *genSetFinalizer(CallExpr *e);
  llvm::Function *finalizerThunk(types::Signature *sig);
  llvm::Value *lowerRuntimeCall(const std::string &name,
                                llvm::ArrayRef<llvm::Value *> args);

  // --- Concurrency.cpp
  llvm::Value *goCalleeChecked(CallExpr *e);
  void genGo(GoStmt *s);
  void genGoBuiltin(CallExpr *call);
  void startGoThunk(const std::vector<llvm::Value *> &values,
                    FuncState::GoThunk t);
  bool gcWrapsCall(CallExpr *e);
  void emitGoThunk(const FuncState::GoThunk &t);
  void emitBuiltinThunkBody(const FuncState::GoThunk &t, llvm::Value *env);
  std::string closureName(const FuncState &outer, int n);
  llvm::Value *genMakeChan(CallExpr *e);
  void genSend(SendStmt *s);
  llvm::Value *genRecv(UnaryExpr *e, llvm::Value **okOut);
  void genRangeChan(RangeStmt *s, BranchTargets &bt);
  void genSelect(SelectStmt *s, Stmt *label);

  // --- Statements.cpp
  void genBlock(BlockStmt *b);
  void genStmts(const std::vector<Stmt *> &list);
  void genStmt(Stmt *s);
  void genDeclStmt(DeclStmt *s);
  void genAssign(AssignStmt *s);
  void genOpAssign(AssignStmt *s);
  void genIncDec(IncDecStmt *s);
  void genReturn(ReturnStmt *s);
  void genBranch(BranchStmt *s);
  llvm::Value *genSliceToArrayPointer(llvm::Value *s, types::Array *a);
  llvm::Value *genIntArg(Expr *x);
  llvm::Value *genUnsafeSlice(CallExpr *e);
  llvm::BasicBlock *labelBlock(const LabeledStmt *l);
  void genIf(IfStmt *s);
  void genSwitch(SwitchStmt *s, Stmt *label);
  void genFor(ForStmt *s, Stmt *label);
  void genRange(RangeStmt *s, Stmt *label);
  void genRangeInt(RangeStmt *s, BranchTargets &bt);
  void genRangeIndexed(RangeStmt *s, BranchTargets &bt);
  void genRangeString(RangeStmt *s, BranchTargets &bt);
  void genRangeMap(RangeStmt *s, BranchTargets &bt);
  // --- Preempt.cpp
  void emitPreemptPoll();
  LValue genLValue(Expr *e, bool deferChecks = false);
  void storeLValue(const LValue &lv, llvm::Value *v);
  void assignTo(Expr *lhs, llvm::Value *v, types::Type *vType, bool define,
                bool isNew);
  void assignPair(Expr *k, llvm::Value *kv, types::Type *kt, Expr *v,
                  llvm::Value *vv, types::Type *vt);
  // argNo: v is the argNo-th parameter, counting from 1 (the debug info's).
  void declareLocal(types::Var *v, llvm::Value *init, unsigned argNo = 0);
  llvm::Value *varAddr(types::Var *v);

  // --- helpers (Module.cpp)
  llvm::AllocaInst *entryAlloca(llvm::Type *t, const llvm::Twine &name);
  llvm::BasicBlock *newBlock(const llvm::Twine &name);
  void continueAt(llvm::BasicBlock *bb);
  bool terminated();
  void ensureBlock();
  void condPanic(llvm::IRBuilder<> &b, llvm::Value *failCond,
                 const llvm::Twine &name,
                 const std::function<void()> &emitPanic);
  llvm::Value *loadUnlessNull(llvm::Value *p, unsigned slot,
                              const llvm::Twine &name);
  bool isLargeAggregate(types::Type *t);
  llvm::Value *loadSnapshot(types::Type *t, llvm::Value *copy,
                            const llvm::Twine &name);
  llvm::Value *addressOf(llvm::Value *v);
  llvm::Value *elementValue(llvm::Type *arrTy, llvm::Value *arr, llvm::Value *i,
                            types::Type *elem);
  void finishLargeAggregates();
  void store(llvm::Value *v, llvm::Value *addr, types::Type *t);
  void storeValue(llvm::Value *v, llvm::Value *addr);
  llvm::Value *load(types::Type *t, llvm::Value *addr,
                    const llvm::Twine &name = "");
  void copyValue(llvm::Value *dst, llvm::Value *src, types::Type *t);
  void zeroFill(llvm::Value *addr, types::Type *t);
  llvm::Value *heapAlloc(types::Type *t, const llvm::Twine &name);
  void setLoc(SrcLoc loc);
  // gc's position of e, where its faults and calls are placed: a call's
  // '(', an index's or slice's '[', a selector's or assertion's '.', an
  // operator; invalid for what cannot fault or call (names, constants).
  SrcLoc exprPos(Expr *e);
  // While alive, the current location is `at`'s if that is on another line
  // than the statement's or enclosing expression's (statements keep a single
  // row per line in the line tables); the previous one comes back after.
  class ExprLoc {
  public:
    ExprLoc(CodegenContext &cg, SrcLoc at);
    ~ExprLoc();
    ExprLoc(const ExprLoc &) = delete;
    ExprLoc &operator=(const ExprLoc &) = delete;

  private:
    CodegenContext &cg;
    llvm::DebugLoc outer;
    bool set = false;
  };

  const CheckedProgram &prog; // the whole program: main and its imports
  const CheckedProgram &unit; // the package this module is for
  types::TypeContext &tc;
  llvm::LLVMContext &C;
  CodegenOptions opts;
  std::unique_ptr<llvm::Module> M;
  llvm::IRBuilder<> B;
  RuntimeABI rt;

  llvm::StructType *stringTy, *sliceTy, *ifaceTy, *typeDescTy, *fieldTy,
      *methodTy, *mapIterTy;
  llvm::PointerType *ptrTy;
  llvm::IntegerType *i1, *i8, *i32, *i64;

  std::unordered_map<types::Func *, llvm::Function *> funcs;
  // Every package's functions with bodies, and those the runtime implements.
  std::unordered_map<types::Func *, FuncDecl *> funcDecls;
  std::unordered_set<types::Func *> bodyless;
  // Imported functions whose bodies this module gets for inlining.
  std::vector<FuncDecl *> inlineBodies;
  std::unordered_map<types::Var *, const CheckedProgram *> globalOwner;
  std::unordered_map<const types::Named *, int> localTypes;
  std::unordered_map<llvm::Function *, llvm::Constant *> staticClosures;
  std::unordered_map<types::Var *, VarSlot>
      vars; // locals of the current function, and globals
  std::unordered_map<types::Type *, llvm::Constant *> typeDescs;
  int reflectState = -1; // reflectUsed's answer, once asked
  llvm::StructType *typeXTy_ = nullptr, *fieldXTy_ = nullptr;
  std::map<std::pair<types::Type *, types::Type *>, llvm::Constant *> itabs;
  std::map<std::pair<types::Type *, types::Func *>, llvm::Function *>
      promotedMethods, promotedIfaceWrappers;
  std::map<std::string, llvm::Constant *> strings;
  FuncState *fs = nullptr;
  // Aggregates above this size are values only as loads of a snapshot
  // (Module.cpp's store and load).
  static constexpr uint64_t kLargeAggregateBytes = 1024;
  // Arrays longer than this compare in a loop (Operators.cpp).
  static constexpr int64_t kUnrolledEqualLen = 16;

  // Nodes and variables codegen makes up (deferred calls).
  std::vector<std::unique_ptr<Node>> synthNodes;
  std::vector<std::unique_ptr<types::Var>> synthVars;

  std::unique_ptr<llvm::DIBuilder> dib;
  std::vector<llvm::DIFile *> diFiles; // by SrcLoc::file
  // The files //line directives name, by path.
  std::unordered_map<std::string, llvm::DIFile *> directiveFiles;
  // A scope's lines in another file (a //line directive's).
  std::map<std::pair<llvm::DIScope *, llvm::DIFile *>, llvm::DIScope *>
      scopesInFile;
  llvm::DICompileUnit *diCU = nullptr;
  std::unordered_map<types::Type *, llvm::DIType *> diTypes; // -g
  // The runtime's structures an interface is described with, by name.
  std::unordered_map<std::string, llvm::DIType *> diRuntimeTypes;
};

// The field index and value of element i of a struct literal, keyed or
// positional (codegen/Composite.cpp).
std::pair<int, Expr *> structLitElement(types::Struct *st, Expr *elt, size_t i);

// The type as Go's runtime spells it: %T, panics, DWARF type names
// (codegen/TypeDescriptors.cpp).
std::string runtimeName(types::Type *t);

} // namespace mgo

#endif

// The checker's internal state, shared by the Check*.cpp files. The logic
// and the messages follow Go 1.19's types2 with gc's CompilerErrorMessages,
// so that mgoc reports what `go build` reports.
#ifndef MGO_FRONTEND_CHECKERIMPL_H
#define MGO_FRONTEND_CHECKERIMPL_H

#include "frontend/Checker.h"

#include <llvm/Support/Casting.h>

#include <deque>
#include <functional>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace mgo {

using llvm::cast;
using llvm::dyn_cast;
using llvm::dyn_cast_or_null;
using llvm::isa;
using types::BasicKind;
using types::Type;

struct SourcePackage;

// The value an expression denotes while it is being checked (types2's
// operand); record() stores it in the expression's TypeAndValue.
struct Operand {
  TypeAndValue::Mode mode = TypeAndValue::Invalid;
  Type *type = nullptr;
  std::optional<ConstValue> val;
  Expr *expr = nullptr;
  types::BuiltinId builtin = types::BuiltinId::Len;
  bool nilValue = false; // the predeclared nil, even once converted
  // A generic function not yet (fully) instantiated, and the explicit type
  // arguments given so far.
  types::Func *generic = nullptr;
  std::vector<Type *> typeArgs;

  bool invalid() const { return mode == TypeAndValue::Invalid; }
  bool isConst() const { return mode == TypeAndValue::Constant; }
  bool isNil() const;
};

// A package-level object's declaration, for lazy checking and init order.
struct DeclInfo {
  Node *node = nullptr;          // ValueSpec, TypeSpec or FuncDecl
  std::vector<types::Var *> lhs; // var specs with one rhs for several names
  Expr *typeExpr = nullptr;
  Expr *init = nullptr;
  int64_t iota = 0;
  std::set<types::Object *> deps; // package-level objects referenced
  std::vector<types::Object *> depOrder;
};

// The function (declaration or literal) whose body is being checked.
struct FuncContext {
  types::Signature *sig = nullptr;
  FuncLit *lit = nullptr; // null for a declared function
  FuncContext *outer = nullptr;
  int depth = 0;
  std::vector<types::Var *> locals;     // for "declared but not used"
  std::vector<types::Var *> resultVars; // the declared results (named or not)
};

class Checker {
public:
  // A package: main, one of the module's or a library package written in
  // mini-Go (path is its import path, "main" for main); root is main's
  // program, which owns every loaded package.
  Checker(std::vector<File *> files, const std::string &path,
          types::TypeContext &ctx, DiagEngine &diags, CheckedProgram &out,
          CheckedProgram &root);
  bool run();

  // --- Diagnostics (Checker.cpp)
  void error(SrcLoc loc, const std::string &msg);
  // At the start of a node's source text, as gc reports most errors.
  void errorAt(const Node *n, const std::string &msg);
  void errorAt(const types::Object *o, const std::string &msg) {
    error(o->loc, msg);
  }
  void unsupported(SrcLoc loc, const std::string &feature);
  std::string operandString(const Operand &x);
  std::string typeString(Type *t) {
    return t ? t->errorString() : "invalid type";
  }
  static std::string exprString(const Expr *e);
  void record(Operand &x);
  bool isInvalidType(Type *t) const { return t == invalidType(); }
  Type *invalidType() const { return ctx.basic(BasicKind::Invalid); }

  // --- Declarations (CheckDecl.cpp)
  void collectObjects();
  void collectFileObjects(File *file);
  void collectImports();
  // The package an import path denotes (C++ or stdlib/ source), loading and
  // checking a source package on first use; null when there is none.
  types::Package *importPackage(const std::string &path, BasicLit *spec);
  bool isLibrary() const { return library; }
  // Where an imported package's sources are: the module's directory, the
  // stdlib/ overlay embedded in mgoc, or the Go installation's src/.
  enum class Origin { Module, Overlay, Goroot };
  // A package of the current module or of Go's library (frontend/Modules.h),
  // loaded from its directory; null (reported) when there is none or it may
  // not be imported.
  types::Package *importDirectory(const std::string &path,
                                  const std::string &dir, Origin origin,
                                  BasicLit *spec);
  void importCycle(const std::string &path, BasicLit *spec);
  types::Package *checkImported(const std::string &path,
                                std::unique_ptr<SourcePackage> sp,
                                const std::vector<File *> &pkgFiles,
                                Origin origin);
  // The scope of the file a declaration is in: its imports, then the
  // package's scope.
  types::Scope *fileScope(SrcLoc loc);
  void redeclared(SrcLoc loc, const std::string &name, types::Object *prev);
  void bodylessFunc(types::Func *obj, FuncDecl *decl);
  void declarePkgObj(Ident *name, types::Object *obj, DeclInfo *d);
  void objDecl(types::Object *obj);
  void recordDef(Ident *name, types::Object *obj);
  void recordPkgDefs(Node *n);
  void varArity(ValueSpec *vs);
  void constDecl(types::Const *obj, Expr *typeExpr, Expr *init, int64_t iota);
  void varDecl(types::Var *obj, std::vector<types::Var *> lhs, Expr *typeExpr,
               Expr *init);
  void typeDecl(types::TypeName *obj, TypeSpec *spec);
  void funcDecl(types::Func *obj, FuncDecl *decl);
  void methodDecl(types::Func *obj, FuncDecl *decl);
  void funcBody(FuncDecl *decl, types::Func *obj);
  void declStmt(GenDecl *decl);
  void localConstSpecs(GenDecl *decl);
  void localVarSpec(ValueSpec *spec);
  void localTypeSpec(TypeSpec *spec);
  void declareLocal(Ident *name, types::Object *obj, SrcLoc scopeStart = {});
  void computeInitOrder();
  void checkUnusedImports();
  void checkRestrictedDirectives();
  void checkDeclDirectives();
  void markGenericImportsUsed();
  void importNameConflicts();
  void dotImport(File *f, types::Scope *fscope, ImportSpec *spec,
                 types::Package *lib);
  void markDotImportUsed(SrcLoc loc, types::Package *from);
  void checkMain();
  void recordDep(types::Object *obj);

  // --- Types (CheckTypes.cpp)
  Type *typExpr(Expr *e);
  Type *varType(Expr *e);
  bool okFlagAssignable(Type *t);
  bool embeddedFieldOk(SrcLoc loc, Type *t, bool deferred);
  Type *definedType(Expr *e, types::Named *def);
  Type *typInternal(Expr *e, types::Named *def);
  Type *arrayType(ArrayTypeExpr *e);
  Type *structType(StructTypeExpr *e);
  Type *interfaceType(InterfaceTypeExpr *e);
  types::Signature *funcType(FuncTypeExpr *e, types::Var *recv,
                             std::vector<types::Var *> *paramVars,
                             std::vector<types::Var *> *resultVars);
  types::Tuple *collectParams(FieldList *list, bool allowVariadic,
                              bool *variadic, std::vector<types::Var *> *vars,
                              bool isResult);
  int64_t arrayLength(Expr *e);
  bool validMapKey(Type *key, SrcLoc loc);
  void checkCycles(types::Named *t, SrcLoc loc);
  types::Named *definingRoot(types::Named *n);
  void resolveAwaiting(types::Named *t);

  // --- Generics (CheckGeneric.cpp)
  bool isGenericMethodDecl(FuncDecl *d);
  void collectGenericMethod(FuncDecl *d);
  std::vector<types::TypeParam *> declareTypeParams(FieldList *list);
  types::Interface *constraintType(Expr *e);
  void unionTerms(Expr *e, std::vector<types::Term> &terms);
  bool inUnion(Type *t, const std::vector<types::Term> &terms);
  bool satisfies(Type *t, types::Interface *c, std::string *cause);
  bool typeSetIn(types::Interface *c, const std::vector<types::Term> &terms);
  bool termIn(const types::Term &x, const std::vector<types::Term> &terms);
  types::Interface *substConstraint(types::Interface *c,
                                    const std::vector<types::TypeParam *> &tps,
                                    const std::vector<Type *> &args);
  Type *subst(Type *t, const std::vector<types::TypeParam *> &tps,
              const std::vector<Type *> &args);
  bool unify(Type *p, Type *a, const std::vector<types::TypeParam *> &tps,
             std::vector<Type *> &m);
  void inferFromConstraints(const std::vector<types::TypeParam *> &tps,
                            std::vector<Type *> &m);
  bool verifyTypeArgs(const std::vector<types::TypeParam *> &tps,
                      const std::vector<Type *> &args,
                      const std::vector<SrcLoc> &at);
  types::TypeParam *typeParamNamed(Expr *e);
  Type *coreType(types::Interface *c);
  // The type an operation (index, range, call, make...) on a value of type
  // t works on: t's underlying type, or a type parameter's core type (the
  // type parameter itself when it has none, which no operation accepts).
  Type *coreOf(Type *t);
  types::Scope *instanceScope(types::Scope *parent,
                              const std::vector<Ident *> &names,
                              const std::vector<types::TypeParam *> &tps,
                              const std::vector<Type *> &args);
  void atPackageLevel(types::Package *p, types::Scope *s,
                      const std::function<void()> &check);
  void genericFuncDecl(types::Func *obj, FuncDecl *decl);
  void genericTypeDecl(types::TypeName *obj, TypeSpec *spec);
  types::Func *instantiateFunc(types::Func *gen,
                               const std::vector<Type *> &args);
  types::Named *instantiateType(types::Named *gen,
                                const std::vector<Type *> &args, SrcLoc at);
  void instantiateMethod(types::Named *inst, FuncDecl *md, bool withBody);
  std::vector<Type *> typeArgList(IndexExpr *e);
  Type *instantiatedType(IndexExpr *e, types::Named *gen);
  void funcInstantiation(Operand &x, IndexExpr *e);
  void useInstance(Expr *e, types::Func *inst);
  types::Signature *inferCall(Operand &x, CallExpr *call,
                              std::vector<Operand> &args);
  void checkGenericBodies();
  void checkInstanceBodies();
  std::string genericTypeString(types::Named *gen);
  bool isGenericType(Type *t) {
    auto *n = dyn_cast_or_null<types::Named>(t);
    return n && !n->typeParams.empty();
  }

  // --- Expressions (CheckExpr.cpp)
  void rawExpr(Operand &x, Expr *e, Type *hint, bool allowGeneric = false);
  void exprInternal(Operand &x, Expr *e, Type *hint);
  void expr(Operand &x, Expr *e); // single value, not a type
  void exprWithHint(Operand &x, Expr *e, Type *hint);
  void multiExpr(Operand &x, Expr *e); // possibly a tuple
  void exprOrType(Operand &x, Expr *e);
  void exclude(Operand &x, bool allowNoValue, bool allowBuiltin,
               bool allowType);
  void singleValue(Operand &x);
  void ident(Operand &x, Ident *e, bool wantType);
  void basicLit(Operand &x, BasicLit *e);
  void funcLit(Operand &x, FuncLit *e);
  std::vector<types::Var *> resultVarsOf(FuncTypeExpr *t);
  void unary(Operand &x, UnaryExpr *e);
  void binary(Operand &x, Expr *e, Expr *lhs, Expr *rhs, Token::Kind op,
              SrcLoc opLoc);
  void comparison(Operand &x, Operand &y, Token::Kind op, bool switchCase,
                  Expr *e);
  void shift(Operand &x, Operand &y, Expr *e, Token::Kind op);
  void selector(Operand &x, SelectorExpr *e, bool wantType);
  bool promote(Operand &x, SelectorExpr *e, bool &exists);
  void interfaceMethodExpr(Operand &x, SelectorExpr *e, types::Interface *it);
  void indexExpr(Operand &x, IndexExpr *e);
  void sliceExpr(Operand &x, SliceExpr *e);
  void starExpr(Operand &x, StarExpr *e);
  void typeAssert(Operand &x, TypeAssertExpr *e);
  // -2: invalid (reported), -1: not constant, else the constant index.
  int64_t index(Expr *e, int64_t max, const char *what = "index");
  void markEscapes(Expr *e);
  void useVar(types::Var *v);
  void overflow(Operand &x, SrcLoc opLoc, Expr *opExpr);
  void useExprs(const std::vector<Expr *> &es);
  bool validIndex(Operand &x, const char *what, bool allowNegative);
  void unsafeOffsetof(Operand &x, Expr *arg);

  // --- Constants and untyped values (CheckConst.cpp)
  bool representableConst(const ConstValue &v, types::Basic *t,
                          ConstValue *rounded);
  int representation(Operand &x, types::Basic *t,
                     ConstValue *out); // 0, TruncatedFloat or NumericOverflow
  void representable(Operand &x, types::Basic *t);
  void convertUntyped(Operand &x, Type *target);
  bool implicitTypeAndValue(Operand &x, Type *target, Type **newType,
                            int *code);
  void updateExprType(Expr *e, Type *t, bool final);
  void invalidConversion(int code, Operand &x, Type *target);

  // --- Assignability and assignments (CheckAssign.cpp)
  bool assignableTo(Operand &x, Type *t, std::string *reason);
  bool implements(Type *t, types::Interface *iface, std::string *reason);
  std::string missingMethodReason(Type *t, types::Func *m, bool isIface);
  bool identicalIgnoreTags(Type *a, Type *b);
  void duplicateParams(const std::vector<types::Var *> &params,
                       const std::vector<types::Var *> &results);
  void assignment(Operand &x, Type *t, const std::string &context);
  Type *lhsVar(Expr *lhs);
  bool assignVar(Expr *lhs, Operand &x);
  void markAssignedVarsUsed(const std::vector<Expr *> &lhs);
  void assignVars(const std::vector<Expr *> &lhs,
                  const std::vector<Expr *> &rhs, SrcLoc pos);
  void initVars(const std::vector<types::Var *> &lhs,
                const std::vector<Expr *> &rhs, SrcLoc pos,
                const std::string &context = "assignment");
  void initVar(types::Var *lhs, Operand &x, const std::string &context);
  void shortVarDecl(AssignStmt *s);
  void assignOp(AssignStmt *s);
  void assignError(size_t nvars, const std::vector<Expr *> &rhs, SrcLoc pos,
                   bool returnStmt);
  bool unpack(const std::vector<Expr *> &rhs, size_t nlhs,
              std::vector<Operand> &out, bool allowCommaOk, SrcLoc pos,
              bool *commaOk);
  std::string assignableContextError(Operand &x, Type *t,
                                     const std::string &context);

  // --- Calls and conversions (CheckCall.cpp)
  void callExpr(Operand &x, CallExpr *e);
  void conversion(Operand &x, Type *t);
  // cause, if given, says why x is not assignable to t, when it is not.
  bool convertibleTo(Operand &x, Type *t, std::string *cause = nullptr);
  std::string typeSetConversionCause(const Operand &x, Type *t);
  void arguments(CallExpr *call, types::Signature *sig,
                 std::vector<Operand> &args, const std::string &fname);
  std::string tupleString(const std::vector<Operand> &args);
  std::string sigParamsString(types::Signature *sig);

  // --- Built-ins (CheckBuiltin.cpp)
  void builtinCall(Operand &x, CallExpr *call, types::BuiltinId id);
  void complexCall(Operand &x, CallExpr *call, Operand &re, Operand &im);
  void realImagCall(Operand &x, Operand &c, types::BuiltinId id);

  // --- Composite literals (CheckLit.cpp)
  void compositeLit(Operand &x, CompositeLit *e, Type *hint);
  SrcLoc colonOf(Expr *e);
  void structLit(CompositeLit *e, types::Struct *st, Type *base);
  int64_t indexedElts(const std::vector<Expr *> &elts, Type *elem,
                      int64_t length);
  void mapLit(CompositeLit *e, types::Map *m);

  // --- Statements (CheckStmt.cpp)
  void stmtList(const std::vector<Stmt *> &list, bool inSwitchCase = false);
  void stmt(Stmt *s, bool fallthroughOk);
  void openScope();
  void closeScope();
  void simpleStmt(Stmt *s);
  void exprStmt(ExprStmt *s);
  void incDec(IncDecStmt *s);
  void assignStmt(AssignStmt *s);
  void returnStmt(ReturnStmt *s);
  void branchStmt(BranchStmt *s);
  void ifStmt(IfStmt *s);
  void switchStmt(SwitchStmt *s);
  void typeSwitchStmt(TypeSwitchStmt *s);
  void multipleDefaults(const std::vector<CaseClause *> &clauses);
  std::string labelOf(Stmt *s);
  void caseValues(Operand &tag, CaseClause *clause,
                  std::vector<std::pair<Operand, SrcLoc>> &seen);
  void forStmt(ForStmt *s);
  void rangeStmt(RangeStmt *s);
  // gc's syntax/branches.go for labels and gotos: a block of the function
  // body, the labels declared in the body and where.
  struct GotoBlock {
    GotoBlock *parent;
    SrcLoc start;
  };
  struct GotoScope {
    std::deque<GotoBlock> blocks;
    std::unordered_map<std::string, std::pair<types::Label *, GotoBlock *>>
        labels;
  };
  void labels(BlockStmt *body);
  std::vector<BranchStmt *> gotoBranches(GotoScope &gs, GotoBlock *parent,
                                         SrcLoc start,
                                         const std::vector<Stmt *> &list);
  types::Label *declareLabel(GotoScope &gs, GotoBlock *b, LabeledStmt *l);
  void usage(FuncContext &f);
  bool isTerminating(Stmt *s, const std::string &label);
  bool isTerminatingList(const std::vector<Stmt *> &list,
                         const std::string &label);
  bool isTerminatingSwitch(const std::vector<CaseClause *> &clauses,
                           const std::string &label, Stmt *sw);
  bool hasBreak(Stmt *s, Stmt *target, bool implicit);
  bool hasBreakList(const std::vector<Stmt *> &list, Stmt *target,
                    bool implicit);
  void checkFuncBody(FuncContext &f, BlockStmt *body, SrcLoc rbrace);

  // State
  File *file;                // the first file
  std::vector<File *> files; // every file of the package
  std::string pkgPath = "main";
  // The package's import path in messages (main's is its directory's in the
  // module, or command-line-arguments).
  std::string importPath = "main";
  bool library = false; // written in mini-Go under stdlib/ or Go's own
  // Go's own source (GOROOT/src), whose bodyless functions gc's assembly or
  // runtime implement: mgoc has none of those.
  bool goroot = false;
  // Package main must be a program (func main) whose functions all have
  // bodies (gc's -complete, which go build passes when a package has no
  // assembly); checking alone takes any package. See PackageBuild::program.
  bool program = true;
  std::unordered_map<uint32_t, types::Scope *> fileScopes; // by SrcLoc::file
  std::unordered_set<types::Package *> failedImports;
  CheckedProgram *root; // main's program: owns the loaded library packages
  types::TypeContext &ctx;
  DiagEngine &diags;
  CheckedProgram &out;
  types::Package *pkg = nullptr;
  types::Scope *scope = nullptr;
  FuncContext *fn = nullptr;
  DeclInfo *curDecl = nullptr; // the package-level declaration being checked
  int64_t iota = -1;           // inside a constant declaration
  std::unordered_map<types::Object *, DeclInfo *> decls;
  std::vector<std::unique_ptr<DeclInfo>> declStore;
  std::vector<types::Object *> pkgObjs; // in source order
  std::unordered_map<types::Object *, int>
      color; // 0 white, 1 grey (in progress), 2 black
  // The package-level objects being declared, outermost first: a constant
  // cycle is the part of it from the constant met again.
  std::vector<types::Object *> objPath;
  // A named type defined by one still being declared (T2 in type T1
  // struct{ next *T2 }; type T2 T1) -> the one whose underlying type it
  // takes when that one's is known.
  std::unordered_map<types::Named *, types::Named *> awaiting;
  std::vector<types::PkgName *> imports;
  // Each file's dot imports, by (SrcLoc::file, package).
  std::map<std::pair<uint32_t, types::Package *>, types::PkgName *> dotImports;
  std::unordered_map<types::Var *, int>
      varDepth; // function nesting level of locals
  std::unordered_set<Expr *> shiftLhs;
  std::vector<FuncDecl *> methodDecls;
  std::vector<std::function<void()>> laters; // checks that need complete types
  // Generics: the methods of generic types by their base type's name, the
  // scope binding each instance's type parameters, the instances whose
  // bodies are still to check and those checked (for codegen).
  std::unordered_map<std::string, std::vector<FuncDecl *>> genericMethodDecls;
  std::unordered_map<FuncDecl *, types::Scope *> instanceScopes;
  struct PendingBody {
    FuncDecl *copy;      // the instance's syntax
    types::Func *func;   // the instance
    FuncDecl *generic;   // the generic declaration it is a copy of
    bool overTypeParams; // the generic body itself, checked once
  };
  std::deque<PendingBody> pendingInstances;
  std::vector<FuncDecl *> instanceFuncs;
  // Generic declarations whose body failed its check over its type
  // parameters: their instances' bodies are not checked again.
  std::unordered_set<FuncDecl *> failedGenericBodies;
  bool inInstance = false;     // checking an instance's body
  bool overTypeParams = false; // checking a generic body, once
  // types2's monomorphization check: an edge from each type parameter a
  // type argument of a generic declaration mentions to the parameter it is
  // passed for, of weight 1 unless the argument is that type parameter
  // itself; a cycle of positive weight would make instances without end.
  struct FlowEdge {
    types::TypeParam *to;
    bool grows;
    types::Type *arg;
    SrcLoc at;
  };
  std::unordered_map<types::TypeParam *, std::vector<FlowEdge>> typeParamFlow;
  std::vector<types::TypeParam *> packageTypeParams;
  bool instantiationCycle(const std::vector<types::TypeParam *> &tps,
                          const std::vector<types::Type *> &args,
                          const std::vector<SrcLoc> &at);
  // The instance whose method's receiver is being declared.
  types::Named *instanceRecv = nullptr;

  // Statement context
  struct BranchContext {
    Stmt *stmt;
    bool isLoop;
    bool isSwitch;
    std::string label;
  };
  std::vector<BranchContext> branches;
  std::unordered_map<std::string, types::Label *> funcLabels;
  std::unordered_map<Stmt *, std::string> stmtLabels;
  // Why a fallthrough ending the current case clause is refused, if it is.
  const char *fallthroughMsg = nullptr;
  std::vector<std::unique_ptr<FuncContext>> funcStore;
};

constexpr int TruncatedFloat = 1;
constexpr int NumericOverflow = 2;
constexpr int InvalidConstVal = 3;

// Predicates on underlying types.
types::Basic *asBasic(Type *t);
bool isUntyped(Type *t);
bool isTyped(Type *t);
bool isIntegerType(Type *t);
bool isUnsignedType(Type *t);
bool isFloatType(Type *t);
bool isComplexType(Type *t);
bool isNumericType(Type *t);
bool isStringType(Type *t);
bool isBooleanType(Type *t);
bool isConstType(Type *t);
bool isOrdered(Type *t);
bool hasNil(Type *t);
bool isComparisonOp(Token::Kind op);
bool isShiftOp(Token::Kind op);
std::string opString(Token::Kind op);
// Whether gc's export data of pkg holds the unexported obj (a named type the
// package's exported API mentions): gc then says `x not exported by package
// p` rather than `undefined: p.x`.
bool inExportData(types::Package *pkg, types::Object *obj);

} // namespace mgo

#endif

// -g: Go's types, parameters and locals in DWARF, in the forms gdb's Go
// support reads for gc's binaries (DW_LANG_Go units, types named as Go spells
// them, string as struct string {str, len}), and the gdb extension embedded
// in .debug_gdb_scripts (docs/lowering.md, Debug info).
#include "codegen/CodegenContext.h"

#include "mgo/abi.h"

#include <llvm/Transforms/Utils/ModuleUtils.h>

#include <cstddef>

using namespace llvm;

namespace mgo {

using types::BasicKind;

namespace {

#include "GdbScript.inc"

// gdb runs a .debug_gdb_scripts entry of this kind as Python: its first line
// names it, the rest is the script.
constexpr char kInlinePythonScript = 4;

} // namespace

DIFile *CodegenContext::diFileOf(SrcLoc loc) {
  return diFiles[loc.file < diFiles.size() ? loc.file : 0];
}

DIDerivedType *CodegenContext::diMember(DIScope *scope, StringRef name,
                                        DIType *type, uint64_t offsetBytes) {
  return dib->createMemberType(scope, name, nullptr, 0, type->getSizeInBits(),
                               0, offsetBytes * 8, DINode::FlagZero, type);
}

// A struct whose members are made once it exists (they name it as their
// scope, and a named type's members may point back to it).
DICompositeType *CodegenContext::diStruct(
    types::Type *cacheAs, const std::string &name, uint64_t sizeBytes,
    const std::function<std::vector<Metadata *>(DIScope *)> &members) {
  auto *st = dib->createReplaceableCompositeType(
      dwarf::DW_TAG_structure_type, name, diCU, nullptr, 0, 0, sizeBytes * 8, 0,
      DINode::FlagZero);
  if (cacheAs)
    diTypes[cacheAs] = st;
  dib->replaceArrays(st, dib->getOrCreateArray(members(st)));
  // Distinct: two types of one name (two packages called rand) stay two.
  st = MDNode::replaceWithDistinct(TempDICompositeType(st));
  if (cacheAs)
    diTypes[cacheAs] = st;
  return st;
}

// An opaque runtime structure a Go value points to (a channel's).
DIType *CodegenContext::diOpaque(const std::string &name) {
  return dib->createStructType(diCU, name, nullptr, 0, 0, 0,
                               DINode::FlagFwdDecl, nullptr, DINodeArray());
}

DIType *CodegenContext::diType(types::Type *t) {
  t = concrete(t);
  if (auto it = diTypes.find(t); it != diTypes.end())
    return it->second;
  std::string name = runtimeName(t);
  if (!isa<types::Named>(t)) {
    DIType *d = diUnnamed(t, name, nullptr);
    diTypes[t] = d;
    return d;
  }
  types::Type *u = t->underlying();
  // gc describes a named struct as a struct of that name; other named types
  // are typedefs of their underlying type here, so that gdb and the
  // extension still recognise a string, slice or interface behind them.
  if (isa<types::Struct>(u))
    return diUnnamed(u, name, t);
  // A placeholder while the underlying type is described: it may refer back
  // to t (type list []*list).
  auto *fwd = dib->createReplaceableCompositeType(dwarf::DW_TAG_structure_type,
                                                  name, diCU, nullptr, 0);
  diTypes[t] = fwd;
  DIType *d = dib->createTypedef(diType(u), name, nullptr, 0, diCU);
  d = dib->replaceTemporary(TempDIType(fwd), d);
  diTypes[t] = d;
  return d;
}

// t's description under the name `name`; cacheAs is the named type being
// described (a struct's members may refer back to it), or null.
DIType *CodegenContext::diUnnamed(types::Type *t, const std::string &name,
                                  types::Type *cacheAs) {
  unsigned bits = sizeOf(t) * 8;
  switch (t->kind()) {
  case types::Type::BasicKind: {
    auto *b = cast<types::Basic>(t);
    if (b->isString())
      return diStruct(cacheAs, name, sizeof(MgoString), [&](DIScope *s) {
        return std::vector<Metadata *>{
            diMember(s, "str",
                     diType(tc.getPointer(tc.basic(BasicKind::Uint8))),
                     offsetof(MgoString, ptr)),
            diMember(s, "len", diType(intType()), offsetof(MgoString, len))};
      });
    if (b->basicKind == BasicKind::Bool)
      return dib->createBasicType(name, bits, dwarf::DW_ATE_boolean);
    if (b->isComplex())
      return dib->createBasicType(name, bits, dwarf::DW_ATE_complex_float);
    if (b->isFloat())
      return dib->createBasicType(name, bits, dwarf::DW_ATE_float);
    if (b->isInteger())
      return dib->createBasicType(name, bits,
                                  b->isUnsigned() ? dwarf::DW_ATE_unsigned
                                                  : dwarf::DW_ATE_signed);
    return dib->createPointerType(nullptr, 64, 0, std::nullopt, name);
  }
  case types::Type::PointerKind:
    return dib->createPointerType(diType(cast<types::Pointer>(t)->elem), 64, 0,
                                  std::nullopt, name);
  case types::Type::SliceKind:
    return diStruct(cacheAs, name, sizeof(MgoSlice), [&](DIScope *s) {
      types::Type *elem = cast<types::Slice>(t)->elem;
      return std::vector<Metadata *>{
          diMember(s, "array", diType(tc.getPointer(elem)),
                   offsetof(MgoSlice, ptr)),
          diMember(s, "len", diType(intType()), offsetof(MgoSlice, len)),
          diMember(s, "cap", diType(intType()), offsetof(MgoSlice, cap))};
    });
  case types::Type::ArrayKind: {
    auto *a = cast<types::Array>(t);
    return dib->createArrayType(
        bits, alignOf(t) * 8, diType(a->elem),
        dib->getOrCreateArray({dib->getOrCreateSubrange(0, a->len)}));
  }
  case types::Type::MapKind: {
    // A pointer to the runtime's map, whose first words MgoMapHeader
    // describes; its slots as the struct { key; elem } they are laid out as.
    auto *m = cast<types::Map>(t);
    std::string kv = runtimeName(m->key) + "," + runtimeName(m->elem);
    auto *slotTy = StructType::get(C, {llType(m->key), llType(m->elem)});
    const StructLayout *sl = M->getDataLayout().getStructLayout(slotTy);
    DIType *slot = diStruct(
        nullptr, "mapslot<" + kv + ">", sl->getSizeInBytes(), [&](DIScope *s) {
          return std::vector<Metadata *>{
              diMember(s, "key", diType(m->key), 0),
              diMember(s, "elem", diType(m->elem), sl->getElementOffset(1))};
        });
    DIType *bytePtr = diType(tc.getPointer(tc.basic(BasicKind::Uint8)));
    DIType *header = diStruct(
        nullptr, "hash<" + kv + ">", sizeof(MgoMapHeader), [&](DIScope *s) {
          return std::vector<Metadata *>{
              diMember(s, "ctrl", bytePtr, offsetof(MgoMapHeader, ctrl)),
              diMember(s, "slots", dib->createPointerType(slot, 64),
                       offsetof(MgoMapHeader, slots)),
              diMember(s, "cap", diType(intType()),
                       offsetof(MgoMapHeader, cap)),
              diMember(s, "count", diType(intType()),
                       offsetof(MgoMapHeader, count))};
        });
    return dib->createTypedef(dib->createPointerType(header, 64), name, nullptr,
                              0, diCU);
  }
  case types::Type::ChanKind:
    return dib->createTypedef(
        dib->createPointerType(
            diOpaque("hchan<" + runtimeName(cast<types::Chan>(t)->elem) + ">"),
            64),
        name, nullptr, 0, diCU);
  case types::Type::SignatureKind:
    return dib->createTypedef(
        dib->createPointerType(diOpaque("runtime.funcval"), 64), name, nullptr,
        0, diCU);
  case types::Type::InterfaceKind:
    return dib->createTypedef(diInterface(cast<types::Interface>(t)), name,
                              nullptr, 0, diCU);
  case types::Type::StructKind: {
    auto *st = cast<types::Struct>(t);
    const StructLayout *sl =
        M->getDataLayout().getStructLayout(cast<StructType>(llType(t)));
    return diStruct(cacheAs, name, sizeOf(t), [&](DIScope *s) {
      std::vector<Metadata *> fields;
      for (size_t i = 0; i < st->fields.size(); ++i)
        fields.push_back(diMember(s, st->fields[i]->name,
                                  diType(st->fields[i]->type),
                                  sl->getElementOffset(i)));
      return fields;
    });
  }
  default:
    return dib->createPointerType(nullptr, 64, 0, std::nullopt, name);
  }
}

// gc's runtime.iface {tab, data} and runtime.eface {_type, data}, with as
// much of the descriptor (MgoType, MgoItab) as the extension reads: the
// dynamic type's name. Described once for all interface types.
DIType *CodegenContext::diInterface(types::Interface *it) {
  auto runtimeStruct =
      [&](const std::string &name, uint64_t size,
          const std::function<std::vector<Metadata *>(DIScope *)> &members) {
        DIType *&d = diRuntimeTypes[name];
        if (!d)
          d = diStruct(nullptr, name, size, members);
        return d;
      };
  DIType *desc = runtimeStruct(
      "runtime._type", offsetof(MgoType, name) + sizeof(MgoString),
      [&](DIScope *s) {
        return std::vector<Metadata *>{
            diMember(s, "name", diType(tc.basic(BasicKind::String)),
                     offsetof(MgoType, name))};
      });
  DIType *typePtr = dib->createPointerType(desc, 64);
  DIType *data = diType(tc.basic(BasicKind::UnsafePointer));
  if (it->isEmpty())
    return runtimeStruct("runtime.eface", sizeof(MgoAny), [&](DIScope *s) {
      return std::vector<Metadata *>{
          diMember(s, "_type", typePtr, offsetof(MgoAny, type)),
          diMember(s, "data", data, offsetof(MgoAny, data))};
    });
  DIType *itab =
      runtimeStruct("runtime.itab", sizeof(MgoItab), [&](DIScope *s) {
        return std::vector<Metadata *>{
            diMember(s, "_type", typePtr, offsetof(MgoItab, type)),
            diMember(s, "inter", typePtr, offsetof(MgoItab, inter))};
      });
  return runtimeStruct("runtime.iface", sizeof(MgoIface), [&](DIScope *s) {
    return std::vector<Metadata *>{
        diMember(s, "tab", dib->createPointerType(itab, 64),
                 offsetof(MgoIface, itab)),
        diMember(s, "data", data, offsetof(MgoIface, data))};
  });
}

// v lives at storage: its alloca, or the address of its heap cell (an
// escaping variable, a closure's capture), which a frame slot then keeps
// for the debugger. argNo counts parameters from 1, receiver first; 0 for
// a local.
void CodegenContext::describeVariable(types::Var *v, Value *storage,
                                      unsigned argNo) {
  if (!opts.debugVariables || !fs || !fs->di || !v->loc.valid())
    return;
  LinePos pos = linePos(v->loc);
  DIType *type = diType(v->type);
  DIScope *scope = argNo || !fs->scope ? fs->di : fs->scope;
  DILocalVariable *var =
      argNo ? dib->createParameterVariable(fs->di, v->name, argNo, pos.file,
                                           pos.line, type, true)
            : dib->createAutoVariable(scope, v->name, pos.file, pos.line, type,
                                      true);
  auto *slot = dyn_cast<AllocaInst>(storage);
  DIExpression *expr = dib->createExpression();
  if (!slot) {
    slot = entryAlloca(ptrTy, v->name + ".cell");
    B.CreateStore(storage, slot);
    expr = dib->createExpression(ArrayRef<uint64_t>{dwarf::DW_OP_deref});
  }
  auto *at = DILocation::get(C, pos.line, pos.col, scope);
  if (Instruction *next = slot->getNextNode())
    dib->insertDeclare(slot, var, expr, at, next);
  else
    dib->insertDeclare(slot, var, expr, at, slot->getParent());
}

void CodegenContext::describeGlobal(types::Var *v, GlobalVariable *g) {
  if (!opts.debugVariables)
    return;
  LinePos pos = linePos(v->loc);
  g->addDebugInfo(dib->createGlobalVariableExpression(
      diCU, g->getName(), StringRef(), pos.file, pos.line, diType(v->type),
      /*IsLocalToUnit=*/true));
}

// The extension as an inline script of .debug_gdb_scripts, which gdb loads
// with the executable when auto-loading allows it (docs/lowering.md).
void CodegenContext::emitGdbScript() {
  std::string entry = kInlinePythonScript + std::string("mgo-gdb.py\n") +
                      reinterpret_cast<const char *>(gdbScript);
  auto *init = ConstantDataArray::getString(C, entry, /*AddNull=*/true);
  auto *g = new GlobalVariable(*M, init->getType(), true,
                               GlobalValue::LinkOnceODRLinkage, init,
                               "mgo.gdb_script");
  g->setSection(".debug_gdb_scripts");
  g->setAlignment(Align(1));
  g->setComdat(M->getOrInsertComdat(g->getName()));
  appendToUsed(*M, {g});
}

} // namespace mgo

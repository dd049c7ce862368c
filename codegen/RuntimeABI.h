// Declarations of the runtime's entry points, derived from
// runtime/include/mgo/abi.def so that codegen and the runtime share one table.
#ifndef MGO_CODEGEN_RUNTIMEABI_H
#define MGO_CODEGEN_RUNTIMEABI_H

#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Module.h>

#include <optional>

namespace mgo {

enum class Rt {
#define MGO_RT(name, ret, params, attrs) name,
#include "mgo/abi.def"
#undef MGO_RT
  Count
};

class RuntimeABI {
public:
  void init(llvm::Module *module, llvm::StructType *stringTy);
  // The declaration, added to the module on first use.
  llvm::Function *get(Rt id);
  bool isNoReturn(Rt id) const;
  // The entry point of that C name, if abi.def has one.
  std::optional<Rt> lookup(llvm::StringRef name) const;
  // Calls the entry point; a noreturn call is followed by `unreachable`.
  llvm::CallInst *call(llvm::IRBuilder<> &b, Rt id,
                       llvm::ArrayRef<llvm::Value *> args,
                       const llvm::Twine &name = "");

private:
  llvm::Module *module_ = nullptr;
  llvm::StructType *stringTy_ = nullptr;
  llvm::Function *decls_[static_cast<int>(Rt::Count)] = {};
};

} // namespace mgo

#endif

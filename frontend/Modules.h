// Packages as the go command finds them: a module is the tree under a go.mod,
// a package is the .go files of one directory that a linux/amd64 build takes
// (no _test.go files, build constraints and _GOOS/_GOARCH suffixes
// evaluated), sorted by name as the go command passes them to the compiler.
#ifndef MGO_FRONTEND_MODULES_H
#define MGO_FRONTEND_MODULES_H

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mgo {

struct ModuleInfo {
  std::string root; // the directory holding go.mod, absolute
  std::string path; // its module path: "example.com/app"
};

// The module whose go.mod is in dir or the nearest directory above it; none
// when there is no go.mod. A go.mod without a module line sets err.
std::optional<ModuleInfo> findModule(const std::string &dir, std::string &err);

// Whether a file's name and its header's //go:build (or, without one,
// // +build) lines select it for linux/amd64, with or without cgo.
bool fileSelected(std::string_view name, std::string_view text, bool cgo);

// The names of the files of the package in dir, sorted; false with err set
// when the directory cannot be read.
bool packageFileNames(const std::string &dir, std::vector<std::string> &names,
                      std::string &err);

// A file's path as the go command prints it in diagnostics: relative to the
// current directory, "./" first when the file is in it.
std::string displayPath(const std::string &cwd, const std::string &file);

// The package's import path when dir is inside the module, else none.
std::optional<std::string> importPathOf(const ModuleInfo &mod,
                                        const std::string &dir);

} // namespace mgo

#endif

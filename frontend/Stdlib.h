// Library packages written in mini-Go: the sources under stdlib/, embedded
// into mgoc at build time (cmake/EmbedStdlib.cmake), and the store that owns
// a compilation's loaded packages.
//
// `import "strings"` finds the files stdlib/strings/*.go; the checker parses
// and checks them as their own package (Checker::importPackage), which
// imports its own packages the same way, and appends it to the program's
// CheckedProgram::libraries after its dependencies.
#ifndef MGO_FRONTEND_STDLIB_H
#define MGO_FRONTEND_STDLIB_H

#include "frontend/Checker.h"
#include "frontend/Modules.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace mgo {

struct StdlibFile {
  const char *path; // relative to stdlib/: "time/sleep.go"
  const char *text;
  size_t size;
};

// Every embedded file, sorted by path.
std::span<const StdlibFile> stdlibFiles();

// The files of the package with that import path (none: no such package).
std::vector<const StdlibFile *> stdlibPackageFiles(const std::string &path);

// One library package of a compilation: its sources, syntax trees and
// checked form. Diagnostics refer to its SourceFiles, so it lives as long as
// the program.
struct SourcePackage {
  std::vector<std::unique_ptr<SourceFile>> sources;
  AstContext ast;
  CheckedProgram program;
};

struct LibraryStore {
  // Null while the package is being loaded (an import cycle finds it so).
  std::map<std::string, SourcePackage *> byPath;
  std::vector<std::unique_ptr<SourcePackage>> packages;
  // Packages that failed to load (reported once).
  std::set<std::string> failed;
  // Those of them with syntax errors, which keep their sources until the
  // errors are printed.
  std::vector<std::unique_ptr<SourcePackage>> unchecked;
  // The module the program is built in; without one only the library can
  // be imported.
  std::optional<ModuleInfo> module;
  std::string cwd; // module files are named relative to it in diagnostics
  // The Go installation whose src/ provides the packages that are neither
  // C++ nor under stdlib/; empty: none.
  std::string goroot;
  // The import paths being loaded, main's first: an import cycle's chain.
  std::vector<std::string> loading;
};

} // namespace mgo

#endif

// The build cache: each package's object file, keyed by the package's files,
// the keys of the packages it imports, the flags and the compiler, so that a
// rebuild compiles only the packages that changed and those importing them;
// and a program's linked executable, keyed by its packages' keys and the
// runtime, so that an unchanged rebuild compiles and links nothing.
//
// It lives where Go's does: $MGOCACHE, else $XDG_CACHE_HOME/mgoc, else
// $HOME/.cache/mgoc; MGOCACHE=off turns it off. MGOCACHEEXE=off keeps the
// imported packages' objects only: no executable and no main package's
// object, which only a rebuild of the same program would reuse (the test
// suites build each program once, and an executable is ~4 MB).
#ifndef MGO_TOOLS_CACHE_H
#define MGO_TOOLS_CACHE_H

#include <llvm/Support/BLAKE3.h>

#include <optional>
#include <string>

namespace mgo {

// Accumulates a cache key; each part is length-prefixed so that no two
// different sequences of parts hash alike.
class CacheKey {
public:
  void add(llvm::StringRef part);
  // A file the result depends on but whose contents are too large to hash
  // on every build (the compiler, the runtime): its path, size and mtime.
  void addFileStamp(const std::string &path);
  std::string hex();

private:
  llvm::BLAKE3 hasher;
};

class BuildCache {
public:
  // The cache the environment names; disabled when it is off or no
  // directory can be named.
  static BuildCache fromEnvironment();
  static std::string directory();

  // What an entry holds: a linked executable or a package's object file.
  enum Kind { Executable, Object };

  bool enabled() const { return !dir.empty(); }
  // Whether executables and main packages' objects are kept.
  bool keepsPrograms() const { return programs; }
  // The cached entry for key, if there is one.
  std::optional<std::string> lookup(const std::string &key, Kind kind) const;
  // Copies a file in (atomically: concurrent builds may race); the path of
  // the entry, or none when it could not be written.
  std::optional<std::string> store(const std::string &key, Kind kind,
                                   const std::string &file) const;

private:
  std::string entryPath(const std::string &key, Kind kind) const;
  std::string dir;
  bool programs = true;
};

// `mgoc clean -cache`: removes the cache directory's contents.
int cleanCache();

} // namespace mgo

#endif

// The build cache (see Cache.h).
#include "tools/Cache.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

#include <cstdlib>

using namespace llvm;

namespace mgo {

void CacheKey::add(StringRef part) {
  uint64_t n = part.size();
  hasher.update(
      ArrayRef<uint8_t>(reinterpret_cast<const uint8_t *>(&n), sizeof n));
  hasher.update(part);
}

void CacheKey::addFileStamp(const std::string &path) {
  add(path);
  sys::fs::file_status st;
  if (sys::fs::status(path, st)) {
    add("missing");
    return;
  }
  add(std::to_string(st.getSize()));
  add(std::to_string(st.getLastModificationTime().time_since_epoch().count()));
}

std::string CacheKey::hex() {
  auto result = hasher.final();
  return toHex(result, /*LowerCase=*/true);
}

std::string BuildCache::directory() {
  if (const char *env = std::getenv("MGOCACHE"); env && *env)
    return std::string(env) == "off" ? "" : env;
  SmallString<256> dir;
  if (const char *xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    dir = xdg;
  } else if (const char *home = std::getenv("HOME"); home && *home) {
    dir = home;
    sys::path::append(dir, ".cache");
  } else {
    return "";
  }
  sys::path::append(dir, "mgoc");
  return std::string(dir);
}

BuildCache BuildCache::fromEnvironment() {
  BuildCache c;
  c.dir = directory();
  if (const char *env = std::getenv("MGOCACHEEXE"))
    c.programs = std::string(env) != "off";
  return c;
}

// Entries are spread over 256 subdirectories by their key's first byte, as
// Go's cache does.
std::string BuildCache::entryPath(const std::string &key, Kind kind) const {
  SmallString<256> p(dir);
  sys::path::append(p, key.substr(0, 2),
                    key + (kind == Executable ? "-exe" : "-o"));
  return std::string(p);
}

std::optional<std::string> BuildCache::lookup(const std::string &key,
                                              Kind kind) const {
  std::string p = entryPath(key, kind);
  if (kind == Executable ? !sys::fs::can_execute(p) : !sys::fs::exists(p))
    return std::nullopt;
  return p;
}

std::optional<std::string> BuildCache::store(const std::string &key, Kind kind,
                                             const std::string &file) const {
  std::string p = entryPath(key, kind);
  if (sys::fs::create_directories(sys::path::parent_path(p)))
    return std::nullopt;
  SmallString<256> tmp;
  if (sys::fs::createUniqueFile(p + ".tmp-%%%%%%", tmp))
    return std::nullopt;
  auto perms = sys::fs::all_read | sys::fs::owner_write;
  if (kind == Executable)
    perms |= sys::fs::all_exe;
  if (sys::fs::copy_file(file, tmp) || sys::fs::setPermissions(tmp, perms) ||
      sys::fs::rename(tmp, p)) {
    sys::fs::remove(tmp);
    return std::nullopt;
  }
  return p;
}

int cleanCache() {
  std::string dir = BuildCache::directory();
  if (dir.empty() || !sys::fs::exists(dir))
    return 0;
  if (auto ec = sys::fs::remove_directories(dir)) {
    errs() << "mgoc: error: cannot remove " << dir << ": " << ec.message()
           << "\n";
    return 1;
  }
  return 0;
}

} // namespace mgo

// Finding modules and the files of a package as Go 1.19's go command does
// (cmd/go's modload and go/build's shouldBuild and goodOSArchFile).
#include "frontend/Modules.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace mgo {

namespace {

constexpr std::array knownOS = {
    "aix",     "android", "darwin",  "dragonfly", "freebsd", "hurd",
    "illumos", "ios",     "js",      "linux",     "nacl",    "netbsd",
    "openbsd", "plan9",   "solaris", "windows",   "zos"};

constexpr std::array knownArch = {
    "386",       "amd64",       "amd64p32", "arm",    "armbe",   "arm64",
    "arm64be",   "loong64",     "mips",     "mipsle", "mips64",  "mips64le",
    "mips64p32", "mips64p32le", "ppc",      "ppc64",  "ppc64le", "riscv",
    "riscv64",   "s390",        "s390x",    "sparc",  "sparc64", "wasm"};

template <size_t N>
bool among(const std::array<const char *, N> &list, std::string_view s) {
  return std::any_of(list.begin(), list.end(),
                     [&](const char *x) { return s == x; });
}

// The tags a linux/amd64 build with gc satisfies. cgo counts as on for the
// module, as the go command has it wherever a C compiler is installed (a
// file that then imports "C" is refused as cgo is), and off for Go's
// library, whose packages have pure-Go files for builds without cgo.
bool tagSatisfied(std::string_view tag, bool cgo) {
  if (tag == "cgo")
    return cgo;
  if (tag == "linux" || tag == "amd64" || tag == "unix" || tag == "gc")
    return true;
  if (tag.substr(0, 4) == "go1.") {
    std::string_view minor = tag.substr(4);
    if (minor.empty() || minor.size() > 2 ||
        !std::all_of(minor.begin(), minor.end(),
                     [](char c) { return c >= '0' && c <= '9'; }))
      return false;
    return std::stoi(std::string(minor)) <= 19;
  }
  return false;
}

// A //go:build expression: || of && of ! of tags and parentheses. A
// malformed expression selects nothing (the go command reports it; a file
// it would refuse is not built here either).
class ExprParser {
public:
  ExprParser(std::string_view s, bool cgo) : s(s), cgo(cgo) {}

  bool parse(bool &ok) {
    bool v = orExpr();
    skipSpace();
    ok = good && i == s.size();
    return v;
  }

private:
  std::string_view s;
  bool cgo;
  size_t i = 0;
  bool good = true;

  void skipSpace() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t'))
      ++i;
  }
  bool take(std::string_view op) {
    skipSpace();
    if (s.substr(i, op.size()) != op)
      return false;
    i += op.size();
    return true;
  }
  bool orExpr() {
    bool v = andExpr();
    while (take("||"))
      v = andExpr() || v;
    return v;
  }
  bool andExpr() {
    bool v = notExpr();
    while (take("&&"))
      v = notExpr() && v;
    return v;
  }
  bool notExpr() {
    if (take("!"))
      return !notExpr();
    if (take("(")) {
      bool v = orExpr();
      if (!take(")"))
        good = false;
      return v;
    }
    skipSpace();
    size_t start = i;
    while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) ||
                            s[i] == '_' || s[i] == '.'))
      ++i;
    if (start == i) {
      good = false;
      return false;
    }
    return tagSatisfied(s.substr(start, i - start), cgo);
  }
};

// One `// +build` line: space-separated options of which one must hold,
// each a comma-separated list of (possibly negated) tags that all must.
bool plusBuildLine(std::string_view line, bool cgo) {
  bool any = false;
  size_t p = 0;
  while (p < line.size()) {
    while (p < line.size() && (line[p] == ' ' || line[p] == '\t'))
      ++p;
    size_t e = p;
    while (e < line.size() && line[e] != ' ' && line[e] != '\t')
      ++e;
    if (e == p)
      break;
    std::string_view opt = line.substr(p, e - p);
    bool all = true;
    for (llvm::StringRef term : llvm::split(llvm::StringRef(opt), ',')) {
      bool neg = term.consume_front("!");
      if (term.empty() || tagSatisfied(term, cgo) == neg)
        all = false;
    }
    any = any || all;
    p = e;
  }
  return any;
}

bool nameSelected(std::string_view name) {
  if (name.empty() || name[0] == '_' || name[0] == '.')
    return false;
  std::string_view stem = name.substr(0, name.rfind('.'));
  if (stem.size() >= 5 && stem.substr(stem.size() - 5) == "_test")
    return false;
  // The part before the first '_' never counts: linux.go is built anywhere.
  size_t us = stem.find('_');
  if (us == std::string_view::npos)
    return true;
  llvm::SmallVector<llvm::StringRef, 4> parts;
  llvm::StringRef(stem.substr(us + 1)).split(parts, '_');
  size_t n = parts.size();
  if (n >= 2 && among(knownOS, parts[n - 2]) && among(knownArch, parts[n - 1]))
    return parts[n - 2] == "linux" && parts[n - 1] == "amd64";
  if (among(knownOS, parts[n - 1]) || among(knownArch, parts[n - 1]))
    return parts[n - 1] == "linux" || parts[n - 1] == "amd64";
  return true;
}

} // namespace

bool fileSelected(std::string_view name, std::string_view text, bool cgo) {
  if (!nameSelected(name))
    return false;
  // The header: comments and blank lines before the package clause. `//
  // +build` lines count only when a blank line follows them there.
  std::optional<bool> goBuild;
  bool plus = true, pendingPlus = true;
  bool inBlock = false;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line =
        text.substr(pos, nl == std::string_view::npos ? text.npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    llvm::StringRef l = llvm::StringRef(line).trim();
    if (inBlock) {
      if (l.contains("*/"))
        inBlock = false;
      continue;
    }
    if (l.empty()) {
      plus = plus && pendingPlus;
      pendingPlus = true;
      continue;
    }
    if (l.starts_with("/*")) {
      inBlock = !l.contains("*/");
      continue;
    }
    if (!l.starts_with("//"))
      break;
    if (l.starts_with("//go:build") &&
        (l.size() == 10 || l[10] == ' ' || l[10] == '\t')) {
      if (!goBuild) {
        bool ok = true;
        bool v = ExprParser(l.substr(10).str(), cgo).parse(ok);
        goBuild = ok && v;
      }
      continue;
    }
    llvm::StringRef rest = l.substr(2).ltrim();
    if (rest.consume_front("+build") &&
        (rest.empty() || rest[0] == ' ' || rest[0] == '\t'))
      pendingPlus = pendingPlus && plusBuildLine(rest.str(), cgo);
  }
  return goBuild ? *goBuild : plus;
}

std::optional<ModuleInfo> findModule(const std::string &dir, std::string &err) {
  llvm::SmallString<256> d(dir);
  llvm::sys::fs::make_absolute(d);
  llvm::sys::path::remove_dots(d, /*remove_dot_dot=*/true);
  for (std::string cur = std::string(d); !cur.empty();
       cur = llvm::sys::path::parent_path(cur).str()) {
    llvm::SmallString<256> gomod(cur);
    llvm::sys::path::append(gomod, "go.mod");
    auto buf = llvm::MemoryBuffer::getFile(gomod);
    if (!buf) {
      if (cur == "/")
        break;
      continue;
    }
    for (llvm::StringRef line : llvm::split((*buf)->getBuffer(), '\n')) {
      line = line.split("//").first.trim();
      if (!line.consume_front("module") || line.empty() ||
          (line[0] != ' ' && line[0] != '\t'))
        continue;
      line = line.trim();
      if (line.size() >= 2 && (line.front() == '"' || line.front() == '`'))
        line = line.drop_front().drop_back();
      return ModuleInfo{cur, line.str()};
    }
    err = std::string(gomod) + ": no module declaration in go.mod";
    return std::nullopt;
  }
  return std::nullopt;
}

bool packageFileNames(const std::string &dir, std::vector<std::string> &names,
                      std::string &err) {
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(dir, ec), end; it != end && !ec;
       it.increment(ec)) {
    llvm::StringRef name = llvm::sys::path::filename(it->path());
    if (!name.ends_with(".go"))
      continue;
    auto st = it->status();
    if (!st || st->type() != llvm::sys::fs::file_type::regular_file)
      continue;
    names.push_back(name.str());
  }
  if (ec) {
    err = ec.message();
    return false;
  }
  std::sort(names.begin(), names.end());
  return true;
}

std::string displayPath(const std::string &cwd, const std::string &file) {
  llvm::StringRef f(file);
  llvm::StringRef c(cwd);
  if (f.consume_front(c) && f.consume_front("/"))
    return f.contains('/') ? f.str() : "./" + f.str();
  // Outside the current directory: relative with ../ as far as it goes.
  llvm::SmallVector<llvm::StringRef, 8> cp, fp;
  c.split(cp, '/', -1, false);
  llvm::StringRef(file).split(fp, '/', -1, false);
  size_t common = 0;
  while (common < cp.size() && common + 1 < fp.size() &&
         cp[common] == fp[common])
    ++common;
  if (common == 0)
    return file;
  std::string out;
  for (size_t i = common; i < cp.size(); ++i)
    out += "../";
  for (size_t i = common; i < fp.size(); ++i)
    out += fp[i].str() + (i + 1 < fp.size() ? "/" : "");
  return out;
}

std::optional<std::string> importPathOf(const ModuleInfo &mod,
                                        const std::string &dir) {
  llvm::StringRef d(dir);
  if (!d.consume_front(mod.root))
    return std::nullopt;
  if (d.empty())
    return mod.path;
  if (!d.consume_front("/"))
    return std::nullopt;
  return mod.path + "/" + d.str();
}

} // namespace mgo

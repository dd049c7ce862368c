// Diagnostics: every error the compiler reports goes through DiagEngine.
//
// Format (as gc and clang): `file:line:col: error: message`, then the source
// line and a caret under the column. Errors are collected and printed sorted by
// position (the checker finds unused variables only at the end of a function,
// yet Go lists them in source order); like Go, printing stops after 10 errors
// with "too many errors". Columns are 1-based byte offsets, as Go counts them.
#ifndef MGO_FRONTEND_DIAGNOSTICS_H
#define MGO_FRONTEND_DIAGNOSTICS_H

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace mgo {

struct SrcLoc {
  uint32_t line = 0; // 1-based; 0 means unknown
  uint32_t col = 0;  // 1-based byte column
  // Which file of the compilation: 0 is the program's file, library files
  // (stdlib/) get theirs from DiagEngine::addFile.
  uint32_t file = 0;
  bool valid() const { return line != 0; }
};

class SourceFile {
public:
  SourceFile(std::string path, std::string text);
  const std::string &path() const { return path_; }
  const std::string &text() const { return text_; }
  std::string_view lineText(uint32_t line) const;
  SrcLoc locOf(uint32_t offset) const;
  // Stamped into every SrcLoc of this file (see DiagEngine::addFile).
  uint32_t id = 0;

private:
  std::string path_;
  std::string text_;
  std::vector<uint32_t> lineStarts_;
};

// gc's //line (and /*line */) directive: from `at` on, positions in at's
// file count from `line` (and `col`, 0 when unknown) of `path`.
struct LineDirective {
  SrcLoc at;
  std::string path;
  uint32_t line, col;
};

// The directive in force at loc among directives sorted by position, if any.
const LineDirective *
lineDirectiveAt(const std::vector<LineDirective> &directives, SrcLoc loc);

// loc's line and column as directive d (in force at loc) renames them; the
// column is 0 when d gives none.
uint32_t directedLine(const LineDirective &d, SrcLoc loc);
uint32_t directedCol(const LineDirective &d, SrcLoc loc);

class DiagEngine {
public:
  static constexpr unsigned MaxErrors = 10;

  explicit DiagEngine(const SourceFile &file) : file_(file), files_{&file} {}

  // Registers another file of the compilation (a library package's source)
  // and sets its id, so that errors in it name it. The file must outlive
  // the engine's last flush.
  void addFile(SourceFile &file);

  // A line gc prints under an error, indented: "other declaration of x" at
  // its position, or one step of an import cycle (no position).
  struct Note {
    SrcLoc loc;
    std::string message;
  };

  // Records an error. A second error on the same line is dropped, as gc does.
  void error(SrcLoc loc, const std::string &message,
             std::vector<Note> notes = {});
  unsigned errorCount() const { return errors_.size(); }
  bool hasErrors() const { return !errors_.empty(); }
  // True once the limit is reached: stages may stop early.
  bool tooMany() const { return errors_.size() >= maxErrors_; }
  // gc's -e: every error is printed, none stops compilation (Go's
  // errorcheck harness compiles with it).
  void reportAll() { maxErrors_ = UINT32_MAX; }
  const SourceFile &file() const { return file_; }
  // Every file of the compilation, indexed by SrcLoc::file.
  const std::vector<const SourceFile *> &files() const { return files_; }
  // "path:line:col", as gc names another position inside a message
  // (`label L already defined at x.go:9:1`); a //line directive before loc
  // changes what it says, and drops the column when it gives none.
  std::string position(SrcLoc loc) const;
  // Records a line directive (see LineDirective). An empty path keeps the
  // previous one when a column is given, as gc does.
  void addLineDirective(SrcLoc at, std::string path, uint32_t line,
                        uint32_t col);
  // Every directive seen, sorted by file and position (codegen's line tables
  // follow them too).
  const std::vector<LineDirective> &lineDirectives() const {
    return lineDirectives_;
  }
  // Prints the recorded errors to stderr, sorted by position, at most
  // MaxErrors of them (unless reportAll) followed by "too many errors" when
  // there were more.
  // Errors already printed by an earlier flush are not printed again.
  void flush();

private:
  uint32_t maxErrors_ = MaxErrors;
  const SourceFile &fileOf(SrcLoc loc) const {
    return loc.file < files_.size() ? *files_[loc.file] : file_;
  }

  // Sorted by file and position.
  std::vector<LineDirective> lineDirectives_;

  struct Diagnostic {
    SrcLoc loc;
    std::string message;
    std::vector<Note> notes;
    bool printed = false;
  };
  const SourceFile &file_;
  std::vector<const SourceFile *> files_; // indexed by SrcLoc::file
  std::vector<Diagnostic> errors_;
  // Lines that already have an error, keyed by line * 2 + isSyntaxError.
  std::set<std::pair<uint64_t, std::string>> linesWithError_;
  bool stopped_ = false; // "too many errors" was printed
};

} // namespace mgo

#endif

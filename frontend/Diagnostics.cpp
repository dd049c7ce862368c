#include "frontend/Diagnostics.h"

#include <llvm/Support/raw_ostream.h>

#include <algorithm>

namespace mgo {

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  lineStarts_.push_back(0);
  for (size_t i = 0; i < text_.size(); i++)
    if (text_[i] == '\n')
      lineStarts_.push_back(i + 1);
}

std::string_view SourceFile::lineText(uint32_t line) const {
  if (line == 0 || line > lineStarts_.size())
    return {};
  size_t start = lineStarts_[line - 1];
  size_t end = line < lineStarts_.size() ? lineStarts_[line] - 1 : text_.size();
  if (end > start && text_[end - 1] == '\r')
    end--;
  return std::string_view(text_).substr(start, end - start);
}

SrcLoc SourceFile::locOf(uint32_t offset) const {
  auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
  uint32_t line = it - lineStarts_.begin();
  return SrcLoc{line, offset - lineStarts_[line - 1] + 1, id};
}

static bool isSyntaxError(const std::string &msg) {
  return msg.rfind("syntax error", 0) == 0;
}

void DiagEngine::addFile(SourceFile &file) {
  file.id = files_.size();
  files_.push_back(&file);
}

// gc keeps one syntax error per line (later ones are mostly follow-ups) and
// otherwise drops an error only when the line already has the same message.
void DiagEngine::error(SrcLoc loc, const std::string &message,
                       std::vector<Note> notes) {
  uint64_t line = (uint64_t(loc.file) << 32) + loc.line;
  bool syntax = isSyntaxError(message);
  if (!linesWithError_.insert({line, syntax ? std::string() : message}).second)
    return;
  errors_.push_back({loc, message, std::move(notes)});
}

// Long lines (minified or generated input) are shown as a window around the
// column so that a diagnostic stays readable; the caret still lines up.
static void printSourceLine(std::string_view text, uint32_t col,
                            llvm::raw_ostream &os) {
  constexpr size_t Window = 120;
  size_t caret = col ? col - 1 : 0;
  size_t begin = 0;
  std::string prefix;
  if (text.size() > 2 * Window && caret > Window) {
    begin = caret - Window / 2;
    prefix = "...";
  }
  size_t end = std::min(text.size(), begin + 2 * Window);
  std::string line = prefix, marks(prefix.size(), ' ');
  for (size_t i = begin; i < end; i++) {
    unsigned char c = text[i];
    bool printable = c == '\t' || c >= 0x20;
    line += printable && c != 0x7f ? char(c) : ' ';
    if (i < caret)
      marks += c == '\t' ? '\t' : ' ';
  }
  if (end < text.size())
    line += "...";
  os << line << "\n" << marks << "^\n";
}

static bool before(SrcLoc a, SrcLoc b) {
  if (a.file != b.file)
    return a.file < b.file;
  if (a.line != b.line)
    return a.line < b.line;
  return a.col < b.col;
}

const LineDirective *
lineDirectiveAt(const std::vector<LineDirective> &directives, SrcLoc loc) {
  auto it = std::upper_bound(
      directives.begin(), directives.end(), loc,
      [](SrcLoc l, const LineDirective &d) { return before(l, d.at); });
  if (it == directives.begin() || (it - 1)->at.file != loc.file)
    return nullptr;
  return &*(it - 1);
}

uint32_t directedLine(const LineDirective &d, SrcLoc loc) {
  return d.line + (loc.line - d.at.line);
}

uint32_t directedCol(const LineDirective &d, SrcLoc loc) {
  if (d.col == 0)
    return 0;
  return loc.line == d.at.line ? d.col + (loc.col - d.at.col) : loc.col;
}

std::string DiagEngine::position(SrcLoc loc) const {
  const LineDirective *d = lineDirectiveAt(lineDirectives_, loc);
  if (!d)
    return fileOf(loc).path() + ":" + std::to_string(loc.line) + ":" +
           std::to_string(loc.col);
  std::string pos = d->path + ":" + std::to_string(directedLine(*d, loc));
  if (d->col == 0)
    return pos;
  return pos + ":" + std::to_string(directedCol(*d, loc));
}

void DiagEngine::addLineDirective(SrcLoc at, std::string path, uint32_t line,
                                  uint32_t col) {
  if (path.empty() && col != 0) {
    const LineDirective *prev = lineDirectiveAt(lineDirectives_, at);
    path = prev ? prev->path : fileOf(at).path();
  }
  auto it = std::upper_bound(
      lineDirectives_.begin(), lineDirectives_.end(), at,
      [](SrcLoc l, const LineDirective &d) { return before(l, d.at); });
  lineDirectives_.insert(it, {at, std::move(path), line, col});
}

void DiagEngine::flush() {
  std::stable_sort(errors_.begin(), errors_.end(),
                   [](const Diagnostic &a, const Diagnostic &b) {
                     return before(a.loc, b.loc);
                   });
  llvm::raw_ostream &os = llvm::errs();
  size_t shown = std::min<size_t>(errors_.size(), maxErrors_);
  for (size_t i = 0; i < shown && !stopped_; i++) {
    Diagnostic &d = errors_[i];
    if (d.printed)
      continue;
    d.printed = true;
    // An error about the whole file (no main function) has no position.
    if (!d.loc.valid()) {
      os << file_.path() << ": error: " << d.message << "\n";
      continue;
    }
    os << position(d.loc) << ": error: " << d.message << "\n";
    printSourceLine(fileOf(d.loc).lineText(d.loc.line), d.loc.col, os);
    for (const Note &n : d.notes) {
      os << "\t";
      if (n.loc.valid())
        os << position(n.loc) << ": ";
      os << n.message << "\n";
    }
  }
  // Like gc, reaching the limit ends compilation with this note.
  if (errors_.size() >= maxErrors_ && !stopped_) {
    stopped_ = true;
    const Diagnostic &last = errors_[shown - 1];
    os << position(last.loc) << ": too many errors\n";
  }
  os.flush();
}

} // namespace mgo

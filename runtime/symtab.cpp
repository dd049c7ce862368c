// Program counters to Go functions, files and lines (docs/runtime.md,
// Tracebacks).
//
// Codegen gives every Go function a DISubprogram named with gc's name and
// every statement a line, so the executable carries DWARF 4 line tables and
// the inlined-call tree of its Go compile units (producer mgoc, language
// Go). Nothing is read until the first traceback or runtime.Caller: then
// /proc/self/exe is mapped and the Go units alone are decoded into sorted
// tables (the runtime's own C++ units are DWARF 5 and skipped by their
// header). Names and paths stay pointers into the mapping.
//
// The build allocates only from anonymous mappings (Arena), never with
// malloc, and takes no lock in a signal handler: a SIGQUIT that is the
// process's first traceback builds the tables in its handler while another
// thread may hold malloc's lock (prepare_for_signal).
#include "symtab.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <elf.h>
#include <fcntl.h>
#include <memory_resource>
#include <mutex>
#include <new>
#include <string>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <tuple>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace {

using std::string_view;
namespace pmr = std::pmr;

// Memory straight from mmap: what a signal handler may allocate, where
// malloc's lock may be held by the thread it interrupted.
class MapResource final : public pmr::memory_resource {
  void *do_allocate(size_t bytes, size_t) override {
    void *p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
      throw std::bad_alloc();
    return p;
  }
  void do_deallocate(void *p, size_t bytes, size_t) override {
    munmap(p, bytes);
  }
  bool do_is_equal(const memory_resource &o) const noexcept override {
    return this == &o;
  }
};

// Bump allocation from mappings that double in size (a few dozen mmap calls
// for the largest program), all unmapped together when the arena goes.
struct Arena {
  MapResource map;
  pmr::monotonic_buffer_resource bump{64 * 1024, &map};
};

// The DWARF 4 constants the reader needs (DWARF 4 standard, section 7).
enum : uint64_t {
  DW_TAG_formal_parameter = 0x05,
  DW_TAG_compile_unit = 0x11,
  DW_TAG_inlined_subroutine = 0x1d,
  DW_TAG_subprogram = 0x2e,
  DW_AT_name = 0x03,
  DW_AT_stmt_list = 0x10,
  DW_AT_low_pc = 0x11,
  DW_AT_high_pc = 0x12,
  DW_AT_language = 0x13,
  DW_AT_comp_dir = 0x1b,
  DW_AT_abstract_origin = 0x31,
  DW_AT_artificial = 0x34,
  DW_AT_decl_file = 0x3a,
  DW_AT_decl_line = 0x3b,
  DW_AT_ranges = 0x55,
  DW_AT_call_file = 0x58,
  DW_AT_call_line = 0x59,
  DW_LANG_Go = 0x16,
  DW_FORM_addr = 0x01,
  DW_FORM_block2 = 0x03,
  DW_FORM_block4 = 0x04,
  DW_FORM_data2 = 0x05,
  DW_FORM_data4 = 0x06,
  DW_FORM_data8 = 0x07,
  DW_FORM_string = 0x08,
  DW_FORM_block = 0x09,
  DW_FORM_block1 = 0x0a,
  DW_FORM_data1 = 0x0b,
  DW_FORM_flag = 0x0c,
  DW_FORM_sdata = 0x0d,
  DW_FORM_strp = 0x0e,
  DW_FORM_udata = 0x0f,
  DW_FORM_ref_addr = 0x10,
  DW_FORM_ref1 = 0x11,
  DW_FORM_ref2 = 0x12,
  DW_FORM_ref4 = 0x13,
  DW_FORM_ref8 = 0x14,
  DW_FORM_ref_udata = 0x15,
  DW_FORM_indirect = 0x16,
  DW_FORM_sec_offset = 0x17,
  DW_FORM_exprloc = 0x18,
  DW_FORM_flag_present = 0x19,
  DW_FORM_ref_sig8 = 0x20,
};

struct Bytes {
  const uint8_t *p = nullptr;
  const uint8_t *end = nullptr;
  bool ok() const { return p && p < end; }
};

uint64_t uleb(const uint8_t *&p, const uint8_t *end) {
  uint64_t v = 0;
  for (int shift = 0; p < end; shift += 7) {
    uint8_t b = *p++;
    if (shift < 64)
      v |= uint64_t(b & 0x7f) << shift;
    if (!(b & 0x80))
      break;
  }
  return v;
}

int64_t sleb(const uint8_t *&p, const uint8_t *end) {
  int64_t v = 0;
  int shift = 0;
  uint8_t b = 0;
  while (p < end) {
    b = *p++;
    if (shift < 64)
      v |= int64_t(b & 0x7f) << shift;
    shift += 7;
    if (!(b & 0x80))
      break;
  }
  if (shift < 64 && (b & 0x40))
    v |= -(int64_t(1) << shift);
  return v;
}

template <typename T> T get(const uint8_t *&p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  p += sizeof v;
  return v;
}

const char *cstr(const uint8_t *&p, const uint8_t *end) {
  const char *s = reinterpret_cast<const char *>(p);
  while (p < end && *p)
    ++p;
  ++p;
  return s;
}

struct Row {
  uintptr_t addr;
  uint32_t file; // index into Tables::files
  uint32_t line; // 0: no line (compiler-made code, or a sequence's end)
};

// An inlined call: code in [lo, hi) of function `outer`'s body belongs to
// `name`, called from file:line of the enclosing frame.
struct Inline {
  uintptr_t lo, hi;
  const char *name;
  uint32_t callFile, callLine;
  uint32_t level; // 1 for a call inlined into the function itself
  // A wrapper of codegen's (a method value's -fm) inlined where it is
  // called: gc shows no frame for it.
  bool artificial;
};

struct Func {
  uintptr_t lo, hi;
  const char *name;
  uint32_t inlineBegin, inlineEnd; // its calls in Tables::inlines
  uint32_t declFile, declLine;     // where its declaration starts
  // Codegen's (gc's wrapper of a go statement's call or a method value):
  // only the calls inlined into it are frames, and it is shown only at a
  // goroutine's entry.
  bool artificial;
  // It has parameters (a receiver counts): gc prints f(...) for it, f()
  // otherwise. Codegen gives it a DW_TAG_formal_parameter then.
  bool params;
};

// Made in an arena of their own, which they live in (make_tables).
struct Tables {
  explicit Tables(pmr::memory_resource *r)
      : files(r), rows(r), funcs(r), inlines(r) {}
  pmr::vector<pmr::string> files;
  pmr::vector<Row> rows;
  pmr::vector<Func> funcs;
  pmr::vector<Inline> inlines;
};

struct Sections {
  Bytes info, abbrev, line, str, ranges;
};

// The Go units' line programs: rows with the tables' own file numbers;
// fileMap gets the unit's DWARF file numbers (1-based in DWARF 4).
void read_line_program(const Sections &s, uint64_t offset, const char *compDir,
                       Tables &t, pmr::vector<uint32_t> &fileMap) {
  const uint8_t *p = s.line.p + offset, *end = s.line.end;
  if (p + 4 > end)
    return;
  uint32_t length = get<uint32_t>(p);
  if (length >= 0xfffffff0u || p + length > end)
    return;
  end = p + length;
  uint16_t version = get<uint16_t>(p);
  if (version != 4)
    return;
  uint32_t headerLength = get<uint32_t>(p);
  const uint8_t *program = p + headerLength;
  uint8_t minInst = *p++;
  ++p; // maximum operations per instruction: 1 on x86
  bool defaultIsStmt = *p++;
  (void)defaultIsStmt;
  int8_t lineBase = int8_t(*p++);
  uint8_t lineRange = *p++;
  uint8_t opcodeBase = *p++;
  const uint8_t *opLengths = p;
  p += opcodeBase - 1;
  // Directory 0 is the unit's; mgoc's units have none, and a name there is
  // kept as written (a //line directive's, gc's <autogenerated>).
  pmr::vector<const char *> dirs{{compDir}, fileMap.get_allocator()};
  while (p < end && *p)
    dirs.push_back(cstr(p, end));
  ++p;
  fileMap.assign(1, 0);
  while (p < end && *p) {
    const char *name = cstr(p, end);
    uint64_t dir = uleb(p, end);
    uleb(p, end);
    uleb(p, end);
    fileMap.push_back(uint32_t(t.files.size()));
    pmr::string &path = t.files.emplace_back();
    if (name[0] != '/' && dir < dirs.size() && dirs[dir])
      path.append(dirs[dir]).append("/");
    path.append(name);
  }
  p = program;
  uintptr_t addr = 0;
  uint32_t file = 1, line = 1;
  auto emit = [&](uint32_t l) {
    uint32_t f = file < fileMap.size() ? fileMap[file] : 0;
    t.rows.push_back(Row{addr, f, l});
  };
  while (p < end) {
    uint8_t op = *p++;
    if (op >= opcodeBase) {
      int adj = op - opcodeBase;
      addr += (adj / lineRange) * minInst;
      line += lineBase + adj % lineRange;
      emit(line);
      continue;
    }
    switch (op) {
    case 0: {
      uint64_t len = uleb(p, end);
      const uint8_t *next = p + len;
      uint8_t ext = len ? *p++ : 0;
      if (ext == 1) { // end_sequence
        emit(0);
        addr = 0;
        file = 1;
        line = 1;
      } else if (ext == 2) {
        addr = get<uint64_t>(p);
      }
      p = next;
      break;
    }
    case 1: // copy
      emit(line);
      break;
    case 2: // advance_pc
      addr += uleb(p, end) * minInst;
      break;
    case 3: // advance_line
      line += int32_t(sleb(p, end));
      break;
    case 4: // set_file
      file = uint32_t(uleb(p, end));
      break;
    case 5: // set_column
      uleb(p, end);
      break;
    case 8: // const_add_pc
      addr += ((255 - opcodeBase) / lineRange) * minInst;
      break;
    case 9: // fixed_advance_pc
      addr += get<uint16_t>(p);
      break;
    case 6:  // negate_stmt
    case 7:  // set_basic_block
    case 10: // set_prologue_end
    case 11: // set_epilogue_begin
      break;
    default:
      for (int i = 0; i < opLengths[op - 1]; ++i)
        uleb(p, end);
    }
  }
}

struct Abbrev {
  uint64_t tag = 0;
  bool children = false;
  uint32_t attrBegin = 0, attrEnd = 0; // its (name, form)s in read_unit's attrs
};

struct Attr {
  uint64_t value = 0;
  const char *str = nullptr;
};

// Reads one attribute value of form `form`; false for a form DWARF 4 does
// not have.
bool read_form(uint64_t form, const uint8_t *&p, const uint8_t *end,
               const Sections &s, Attr &a) {
  switch (form) {
  case DW_FORM_addr:
  case DW_FORM_data8:
  case DW_FORM_ref8:
  case DW_FORM_ref_sig8:
    a.value = get<uint64_t>(p);
    return true;
  case DW_FORM_data1:
  case DW_FORM_ref1:
  case DW_FORM_flag:
    a.value = *p++;
    return true;
  case DW_FORM_data2:
  case DW_FORM_ref2:
    a.value = get<uint16_t>(p);
    return true;
  case DW_FORM_data4:
  case DW_FORM_ref4:
  case DW_FORM_sec_offset:
  case DW_FORM_ref_addr:
    a.value = get<uint32_t>(p);
    return true;
  case DW_FORM_strp: {
    uint32_t off = get<uint32_t>(p);
    if (s.str.p + off < s.str.end)
      a.str = reinterpret_cast<const char *>(s.str.p + off);
    return true;
  }
  case DW_FORM_string:
    a.str = cstr(p, end);
    return true;
  case DW_FORM_udata:
  case DW_FORM_ref_udata:
    a.value = uleb(p, end);
    return true;
  case DW_FORM_sdata:
    a.value = uint64_t(sleb(p, end));
    return true;
  case DW_FORM_flag_present:
    a.value = 1;
    return true;
  case DW_FORM_block1:
    p += *p + 1;
    return true;
  case DW_FORM_block2:
    p += get<uint16_t>(p);
    return true;
  case DW_FORM_block4:
    p += get<uint32_t>(p);
    return true;
  case DW_FORM_block:
  case DW_FORM_exprloc:
    p += uleb(p, end);
    return true;
  case DW_FORM_indirect:
    return read_form(uleb(p, end), p, end, s, a);
  default:
    return false;
  }
}

// The attributes of a DIE this reader uses.
struct Die {
  uint64_t tag = 0;
  bool children = false;
  const char *name = nullptr, *compDir = nullptr;
  uint64_t origin = ~uint64_t(0); // .debug_info offset
  uintptr_t lo = 0, hi = 0;
  bool hasLo = false, hiIsOffset = false, hasHi = false;
  uint64_t ranges = ~uint64_t(0);
  uint64_t callFile = 0, callLine = 0, language = 0, stmtList = ~uint64_t(0);
  uint64_t declFile = 0, declLine = 0;
  bool artificial = false;
};

// What refers to a DIE by its .debug_info offset: an inlined call or an
// out-of-line copy names its function through its abstract origin, which
// may be in another unit (a program built as one module has a unit per
// package, and calls inlined across them), so names are found once every
// unit is read.
// They and read_unit's own tables are scratch, in an arena load drops.
struct Origins {
  explicit Origins(pmr::memory_resource *r)
      : names(r), decls(r), withParams(r), artificial(r), inlines(r), funcs(r) {
  }
  pmr::unordered_map<uint64_t, const char *> names;
  // Declarations' positions (tables' file, line), for out-of-line copies.
  pmr::unordered_map<uint64_t, std::pair<uint32_t, uint32_t>> decls;
  // Subprograms with a parameter: an out-of-line copy of an inlined
  // function has its parameters in the abstract DIE it names.
  pmr::unordered_set<uint64_t> withParams;
  pmr::unordered_set<uint64_t> artificial;
  pmr::vector<std::pair<uint64_t, size_t>> inlines, funcs; // origin, index
};

// Reads one unit's DIEs (DWARF 4 only): functions with their inlined calls,
// nested as the tree nests them.
void read_unit(const Sections &s, const uint8_t *unit, const uint8_t *end,
               Tables &t, Origins &origins, pmr::memory_resource *scratch) {
  const uint64_t unitOffset = uint64_t(unit - s.info.p);
  const uint8_t *p = unit + 4;
  uint16_t version = get<uint16_t>(p);
  if (version != 4)
    return;
  uint32_t abbrevOffset = get<uint32_t>(p);
  if (*p++ != 8)
    return;
  pmr::unordered_map<uint64_t, Abbrev> abbrevs(scratch);
  pmr::vector<std::pair<uint64_t, uint64_t>> attrs(scratch);
  const uint8_t *a = s.abbrev.p + abbrevOffset;
  while (a < s.abbrev.end) {
    uint64_t code = uleb(a, s.abbrev.end);
    if (!code)
      break;
    Abbrev &ab = abbrevs[code];
    ab.tag = uleb(a, s.abbrev.end);
    ab.children = *a++;
    ab.attrBegin = uint32_t(attrs.size());
    for (;;) {
      uint64_t name = uleb(a, s.abbrev.end), form = uleb(a, s.abbrev.end);
      if (!name && !form)
        break;
      attrs.push_back({name, form});
    }
    ab.attrEnd = uint32_t(attrs.size());
  }
  pmr::vector<uint32_t> fileMap(scratch);
  uintptr_t base = 0;
  bool goUnit = false;
  // The open DIEs: the function being read and its inlined calls.
  struct Open {
    uint64_t tag;
    size_t func;
    uint64_t offset;
    bool concrete; // a subprogram with code: funcs[func]
  };
  pmr::vector<Open> stack(scratch);
  while (p < end) {
    uint64_t offset = uint64_t(p - unit);
    uint64_t code = uleb(p, end);
    if (!code) {
      if (!stack.empty())
        stack.pop_back();
      continue;
    }
    auto it = abbrevs.find(code);
    if (it == abbrevs.end())
      return;
    const Abbrev &ab = it->second;
    Die d;
    d.tag = ab.tag;
    d.children = ab.children;
    for (uint32_t i = ab.attrBegin; i < ab.attrEnd; ++i) {
      auto [name, form] = attrs[i];
      Attr v;
      if (!read_form(form, p, end, s, v))
        return;
      switch (name) {
      case DW_AT_name:
        d.name = v.str;
        break;
      case DW_AT_abstract_origin:
        d.origin = form == DW_FORM_ref_addr ? v.value : unitOffset + v.value;
        break;
      case DW_AT_low_pc:
        d.lo = v.value;
        d.hasLo = true;
        break;
      case DW_AT_high_pc:
        d.hi = v.value;
        d.hasHi = true;
        d.hiIsOffset = form != DW_FORM_addr;
        break;
      case DW_AT_ranges:
        d.ranges = v.value;
        break;
      case DW_AT_call_file:
        d.callFile = v.value;
        break;
      case DW_AT_call_line:
        d.callLine = v.value;
        break;
      case DW_AT_language:
        d.language = v.value;
        break;
      case DW_AT_artificial:
        d.artificial = v.value != 0;
        break;
      case DW_AT_comp_dir:
        d.compDir = v.str;
        break;
      case DW_AT_decl_file:
        d.declFile = v.value;
        break;
      case DW_AT_decl_line:
        d.declLine = v.value;
        break;
      case DW_AT_stmt_list:
        d.stmtList = v.value;
        break;
      default:
        break;
      }
    }
    if (d.hasHi && d.hiIsOffset)
      d.hi += d.lo;
    if (d.tag == DW_TAG_compile_unit) {
      if (d.language != DW_LANG_Go || d.stmtList == ~uint64_t(0))
        return;
      goUnit = true;
      base = d.lo;
      read_line_program(s, d.stmtList, d.compDir, t, fileMap);
    }
    if (!goUnit)
      return;
    if (d.name)
      origins.names[unitOffset + offset] = d.name;
    uint32_t declFile = d.declFile < fileMap.size() ? fileMap[d.declFile] : 0;
    if (d.tag == DW_TAG_subprogram && d.declLine)
      origins.decls[unitOffset + offset] = {declFile, uint32_t(d.declLine)};
    if (d.tag == DW_TAG_subprogram && d.artificial)
      origins.artificial.insert(unitOffset + offset);
    // An inlined call's ranges: one Inline per range.
    auto addInline = [&](uintptr_t lo, uintptr_t hi) {
      uint32_t level = 0;
      for (const Open &o : stack)
        level += o.tag == DW_TAG_inlined_subroutine;
      origins.inlines.push_back({d.origin, t.inlines.size()});
      uint32_t f = d.callFile < fileMap.size() ? fileMap[d.callFile] : 0;
      t.inlines.push_back(
          Inline{lo, hi, nullptr, f, uint32_t(d.callLine), level + 1, false});
    };
    if (d.tag == DW_TAG_formal_parameter && !stack.empty() &&
        stack.back().tag == DW_TAG_subprogram) {
      origins.withParams.insert(stack.back().offset);
      if (stack.back().concrete)
        t.funcs[stack.back().func].params = true;
    }
    if (d.tag == DW_TAG_subprogram && d.hasLo && d.hasHi) {
      size_t fi = t.funcs.size();
      t.funcs.push_back(Func{d.lo, d.hi, d.name, uint32_t(t.inlines.size()),
                             uint32_t(t.inlines.size()), declFile,
                             uint32_t(d.declLine), d.artificial, false});
      if (!d.name)
        origins.funcs.push_back({d.origin, fi});
      if (d.children)
        stack.push_back({d.tag, fi, unitOffset + offset, true});
      continue;
    }
    if (d.tag == DW_TAG_inlined_subroutine && !stack.empty()) {
      if (d.hasLo && d.hasHi) {
        addInline(d.lo, d.hi);
      } else if (d.ranges != ~uint64_t(0) &&
                 s.ranges.p + d.ranges < s.ranges.end) {
        const uint8_t *r = s.ranges.p + d.ranges;
        uintptr_t rbase = base;
        while (r + 16 <= s.ranges.end) {
          uint64_t lo = get<uint64_t>(r), hi = get<uint64_t>(r);
          if (!lo && !hi)
            break;
          if (lo == ~uint64_t(0))
            rbase = hi;
          else
            addInline(rbase + lo, rbase + hi);
        }
      }
      t.funcs[stack.back().func].inlineEnd = uint32_t(t.inlines.size());
      if (d.children)
        stack.push_back({d.tag, stack.back().func, unitOffset + offset, false});
      continue;
    }
    if (d.children)
      stack.push_back({d.tag, stack.empty() ? 0 : stack.back().func,
                       unitOffset + offset, false});
  }
}

// The executable's sections, mapped for good.
bool map_sections(Sections &s, uintptr_t &bias) {
  int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return false;
  struct stat st;
  void *map = MAP_FAILED;
  if (fstat(fd, &st) == 0)
    map = mmap(nullptr, size_t(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (map == MAP_FAILED)
    return false;
  auto *base = static_cast<const uint8_t *>(map);
  const uint8_t *end = base + st.st_size;
  auto *eh = reinterpret_cast<const Elf64_Ehdr *>(base);
  if (size_t(st.st_size) < sizeof *eh || std::memcmp(eh->e_ident, ELFMAG, 4) ||
      eh->e_shoff + uint64_t(eh->e_shnum) * sizeof(Elf64_Shdr) >
          uint64_t(st.st_size) ||
      eh->e_shstrndx >= eh->e_shnum)
    return false;
  // A position-independent executable is loaded elsewhere than linked.
  bias = 0;
  if (eh->e_type == ET_DYN)
    bias = getauxval(AT_PHDR) - eh->e_phoff;
  auto *sh = reinterpret_cast<const Elf64_Shdr *>(base + eh->e_shoff);
  const char *names =
      reinterpret_cast<const char *>(base + sh[eh->e_shstrndx].sh_offset);
  for (int i = 0; i < eh->e_shnum; ++i) {
    if (sh[i].sh_type == SHT_NOBITS || sh[i].sh_offset > uint64_t(st.st_size))
      continue;
    Bytes b{base + sh[i].sh_offset,
            std::min(end, base + sh[i].sh_offset + sh[i].sh_size)};
    string_view name = names + sh[i].sh_name;
    if (name == ".debug_info")
      s.info = b;
    else if (name == ".debug_abbrev")
      s.abbrev = b;
    else if (name == ".debug_line")
      s.line = b;
    else if (name == ".debug_str")
      s.str = b;
    else if (name == ".debug_ranges")
      s.ranges = b;
  }
  return s.info.ok() && s.abbrev.ok() && s.line.ok();
}

void relocate(Tables &t, uintptr_t bias) {
  if (!bias)
    return;
  for (Row &r : t.rows)
    r.addr += bias;
  for (Func &f : t.funcs)
    f.lo += bias, f.hi += bias;
  for (Inline &i : t.inlines)
    i.lo += bias, i.hi += bias;
}

// Sorted by address with the rows at one address kept in their order (a
// sequence's end after the rows it ends, so that a lookup past a function's
// code finds line 0): a merge sort, as std::stable_sort's, with its buffer
// from the scratch arena rather than operator new.
void sort_rows(pmr::vector<Row> &rows, pmr::memory_resource *scratch) {
  size_t n = rows.size();
  pmr::vector<Row> buf(n, scratch);
  Row *from = rows.data(), *to = buf.data();
  auto less = [](const Row &a, const Row &b) { return a.addr < b.addr; };
  for (size_t w = 1; w < n; w *= 2) {
    for (size_t i = 0; i < n; i += 2 * w) {
      size_t mid = std::min(i + w, n), hi = std::min(i + 2 * w, n);
      std::merge(from + i, from + mid, from + mid, from + hi, to + i, less);
    }
    std::swap(from, to);
  }
  if (from != rows.data())
    std::copy(from, from + n, rows.data());
}

void load(Tables &t) {
  t.files.emplace_back("?"); // file 0 of every unit: none
  Sections s;
  uintptr_t bias = 0;
  if (!map_sections(s, bias))
    return;
  Arena scratch;
  Origins origins(&scratch.bump);
  for (const uint8_t *p = s.info.p; p + 11 <= s.info.end;) {
    const uint8_t *q = p;
    uint32_t length = get<uint32_t>(q);
    if (length >= 0xfffffff0u || q + length > s.info.end)
      break;
    read_unit(s, p, q + length, t, origins, &scratch.bump);
    p = q + length;
  }
  for (auto [origin, i] : origins.inlines) {
    if (auto n = origins.names.find(origin); n != origins.names.end())
      t.inlines[i].name = n->second;
    t.inlines[i].artificial = origins.artificial.count(origin) != 0;
  }
  for (auto [origin, i] : origins.funcs) {
    if (auto n = origins.names.find(origin); n != origins.names.end())
      t.funcs[i].name = n->second;
    if (auto d = origins.decls.find(origin); d != origins.decls.end())
      std::tie(t.funcs[i].declFile, t.funcs[i].declLine) = d->second;
    t.funcs[i].params |= origins.withParams.count(origin) != 0;
  }
  sort_rows(t.rows, &scratch.bump);
  std::sort(t.funcs.begin(), t.funcs.end(),
            [](const Func &a, const Func &b) { return a.lo < b.lo; });
  relocate(t, bias);
}

// The tables with the arena they are in, both in one mapping.
struct Built {
  Arena arena;
  Tables tables{&arena.bump};
};

Built *build() {
  void *mem = mmap(nullptr, sizeof(Built), PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mem == MAP_FAILED)
    throw std::bad_alloc();
  auto *b = new (mem) Built;
  load(b->tables);
  return b;
}

// Built once, or twice when a signal handler builds while another thread
// is building: the first published stays, the other is unmapped.
std::atomic<Built *> built{nullptr};
// Serializes the builds outside signal handlers (call_once's role).
std::mutex building;

Built *publish(Built *b) {
  Built *first = nullptr;
  if (built.compare_exchange_strong(first, b, std::memory_order_acq_rel))
    return b;
  b->~Built();
  munmap(b, sizeof(Built));
  return first;
}

const Tables &tables() {
  Built *b = built.load(std::memory_order_acquire);
  if (!b) {
    std::lock_guard<std::mutex> hold(building);
    b = built.load(std::memory_order_acquire);
    if (!b)
      b = publish(build());
  }
  return b->tables;
}

const Func *func_at(const Tables &t, uintptr_t addr) {
  auto it =
      std::upper_bound(t.funcs.begin(), t.funcs.end(), addr,
                       [](uintptr_t a, const Func &f) { return a < f.lo; });
  if (it == t.funcs.begin())
    return nullptr;
  --it;
  return addr < it->hi ? &*it : nullptr;
}

// The line of the code at addr: compiler-made code (line 0) takes the last
// line before it in the same function.
const Row *row_at(const Tables &t, const Func &f, uintptr_t addr) {
  auto it =
      std::upper_bound(t.rows.begin(), t.rows.end(), addr,
                       [](uintptr_t a, const Row &r) { return a < r.addr; });
  while (it != t.rows.begin()) {
    --it;
    if (it->addr < f.lo)
      return nullptr;
    if (it->line)
      return &*it;
  }
  return nullptr;
}

// The most nested inlined calls an address is followed through (LLVM's
// inliner nests far fewer); deeper ones are left out.
constexpr uint32_t kMaxInlineDepth = 64;

// The inlined calls at addr, innermost first, into chain: how many. No
// allocation, so that a signal handler's traceback may look frames up.
int inlines_at(const Tables &t, const Func &f, uintptr_t addr,
               const Inline *(&chain)[kMaxInlineDepth]) {
  // One call per nesting level holds addr: its level says where it goes.
  const Inline *byLevel[kMaxInlineDepth] = {};
  uint32_t deepest = 0;
  for (uint32_t i = f.inlineBegin; i < f.inlineEnd; ++i) {
    const Inline &in = t.inlines[i];
    if (in.lo <= addr && addr < in.hi && in.level <= kMaxInlineDepth) {
      byLevel[in.level - 1] = &in;
      deepest = std::max(deepest, in.level);
    }
  }
  int n = 0;
  for (uint32_t l = deepest; l-- > 0;)
    if (byLevel[l])
      chain[n++] = byLevel[l];
  return n;
}

} // namespace

int mgo::symtab::depth_count(uintptr_t addr) {
  const Tables &t = tables();
  const Func *f = func_at(t, addr);
  if (!f || !f->name)
    return 0;
  const Inline *chain[kMaxInlineDepth];
  return inlines_at(t, *f, addr, chain) + !f->artificial;
}

bool mgo::symtab::lookup(uintptr_t addr, int d, Frame *out) {
  const Tables &t = tables();
  const Func *f = func_at(t, addr);
  if (!f || !f->name)
    return false;
  const Inline *chain[kMaxInlineDepth];
  int n = inlines_at(t, *f, addr, chain);
  if (d > n - f->artificial)
    return false;
  out->entry = f->lo;
  out->depth = d;
  out->inlined = d < n;
  out->wrapper = out->inlined && chain[d]->artificial;
  out->function = out->inlined && chain[d]->name ? chain[d]->name : f->name;
  out->params = out->inlined || f->params;
  if (d == 0) {
    const Row *r = row_at(t, *f, addr);
    out->file = r ? string_view(t.files[r->file]) : string_view("?");
    out->line = r ? int(r->line) : 0;
  } else {
    out->file = t.files[chain[d - 1]->callFile];
    out->line = int(chain[d - 1]->callLine);
  }
  return true;
}

bool mgo::symtab::entry_frame(uintptr_t addr, Frame *out) {
  const Tables &t = tables();
  const Func *f = func_at(t, addr);
  if (!f || !f->name || f->lo != addr)
    return false;
  *out = Frame{f->name, f->lo, t.files[f->declFile], int(f->declLine)};
  out->params = f->params;
  out->wrapper = f->artificial;
  return true;
}

void mgo::symtab::prepare_for_signal() {
  if (!built.load(std::memory_order_acquire))
    publish(build());
}

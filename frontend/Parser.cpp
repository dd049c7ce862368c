// Files and declarations; the token-level machinery shared by the parser.
#include "frontend/Parser.h"
#include "frontend/ParserImpl.h"

#include <iterator>
#include <sstream>
#include <utility>

namespace mgo {

File *parseFile(const SourceFile &source, AstContext &ast, DiagEngine &diags) {
  return Parser(source, ast, diags).parseFile();
}

Parser::Parser(const SourceFile &source, AstContext &ast, DiagEngine &diags)
    : source_(source), ast_(ast), diags_(diags), lexer_(source, diags) {
  next();
}

// ---------------------------------------------------------------------------
// Tokens and errors

void Parser::next() {
  if (aborted_) {
    tok_.kind = Token::END_OF_FILE;
    tok_.text.clear();
    return;
  }
  tok_ = lexer_.next();
}

bool Parser::got(Kind k) {
  if (tok_.kind != k)
    return false;
  next();
  return true;
}

void Parser::want(Kind k) {
  if (!got(k)) {
    syntaxError("expecting " + tokString(k));
    advance();
  }
}

bool Parser::isLiteral() const {
  switch (tok_.kind) {
  case Token::INT:
  case Token::FLOAT:
  case Token::IMAG:
  case Token::CHAR:
  case Token::STRING:
    return true;
  default:
    return false;
  }
}

// The current token as gc names it in "unexpected X".
std::string Parser::tokDesc() const {
  switch (tok_.kind) {
  case Token::IDENT:
    return tok_.text;
  case Token::SEMICOLON:
    return tok_.text == "\n"    ? "newline"
           : tok_.text == "EOF" ? "EOF"
                                : "semicolon";
  case Token::COMMA:
    return "comma";
  default:
    if (isLiteral())
      return "literal " + tok_.text;
    return Token::spelling(tok_.kind);
  }
}

// A token kind as gc names it in "expecting X".
std::string Parser::tokString(Kind k) {
  switch (k) {
  case Token::COMMA:
    return "comma";
  case Token::SEMICOLON:
    return "semicolon or newline";
  case Token::IDENT:
    return "name";
  default:
    return Token::spelling(k);
  }
}

void Parser::error(SrcLoc at, const std::string &msg) {
  hadError_ = true;
  diags_.error(at, msg);
}

void Parser::syntaxErrorAt(SrcLoc at, const std::string &msg) {
  // After an error (the scanner's too), reaching the end of the file early
  // is no news.
  if (tok_.kind == Token::END_OF_FILE && (hadError_ || lexer_.hadError()))
    return;
  auto startsWith = [&](const char *p) { return msg.rfind(p, 0) == 0; };
  if (startsWith("in ") || startsWith("at ") || startsWith("after "))
    error(at, "syntax error: unexpected " + tokDesc() + " " + msg);
  else if (startsWith("expecting "))
    error(at, "syntax error: unexpected " + tokDesc() + ", " + msg);
  else
    error(at, "syntax error: " + msg);
}

// Skips tokens up to one in followlist (or a statement keyword inside a
// function); without a followlist, skips one token.
void Parser::advance(std::initializer_list<Kind> followlist) {
  if (followlist.size() == 0) {
    if (tok_.kind != Token::END_OF_FILE)
      next();
    return;
  }
  auto follows = [&](Kind k) {
    if (k == Token::END_OF_FILE)
      return true;
    for (Kind f : followlist)
      if (f == k)
        return true;
    if (fnest_ == 0)
      return false;
    switch (k) {
    case Token::BREAK:
    case Token::CONST:
    case Token::CONTINUE:
    case Token::DEFER:
    case Token::FALLTHROUGH:
    case Token::FOR:
    case Token::GO:
    case Token::GOTO:
    case Token::IF:
    case Token::RETURN:
    case Token::SELECT:
    case Token::SWITCH:
    case Token::TYPE:
    case Token::VAR:
      return true;
    default:
      return false;
    }
  };
  while (!follows(tok_.kind))
    next();
}

bool Parser::enter() {
  if (++depth_ <= MaxDepth && !aborted_)
    return true;
  if (!aborted_) {
    error(pos(), "syntax error: nesting too deep");
    aborted_ = true;
    next();
  }
  return false;
}

// ---------------------------------------------------------------------------
// Files

// The package clause and import errors are worded as gc's parser words them
// (the go command, reading imports first with go/parser, words a few of them
// differently; gc is the compiler whose diagnostics mgoc follows).
void Parser::packageClause(File *f) {
  if (!got(Token::PACKAGE)) {
    syntaxError("package statement must be first");
    return;
  }
  usePragma(takePragma(), BuildPragma);
  if (tok_.kind != Token::IDENT) {
    syntaxError("expecting name");
    return;
  }
  f->packageName = ast_.make<Ident>(pos(), tok_.text);
  next();
  want(Token::SEMICOLON);
}

File *Parser::parseFile() {
  File *f = ast_.make<File>(SrcLoc{1, 1, source_.id});
  file_ = f;
  packageClause(f);
  if (hadError_)
    return f; // as gc: don't bother continuing
  while (tok_.kind == Token::IMPORT) {
    SrcLoc at = pos();
    next();
    GenDecl *d =
        group(Token::IMPORT, at, [&](int64_t) { return importSpec(); });
    for (Node *s : d->specs)
      f->imports.push_back(static_cast<ImportSpec *>(s));
    f->decls.push_back(d);
    want(Token::SEMICOLON);
  }
  while (tok_.kind != Token::END_OF_FILE) {
    SrcLoc at = pos();
    switch (tok_.kind) {
    case Token::CONST:
    case Token::TYPE:
    case Token::VAR: {
      Kind k = tok_.kind;
      next();
      f->decls.push_back(genDecl(k, at));
      break;
    }
    case Token::FUNC:
      next();
      if (FuncDecl *d = funcDeclOrNil(at))
        f->decls.push_back(d);
      break;
    default: {
      auto *last = f->decls.empty() ? nullptr
                                    : llvm::dyn_cast<FuncDecl>(f->decls.back());
      if (tok_.kind == Token::LBRACE && last && !last->body)
        syntaxError("unexpected semicolon or newline before {");
      else
        syntaxError("non-declaration statement outside function body");
      advance({Token::CONST, Token::TYPE, Token::VAR, Token::FUNC});
      continue;
    }
    }
    // Before the ";": the comments after it may be the next declaration's.
    clearPragma();
    if (tok_.kind != Token::END_OF_FILE && !got(Token::SEMICOLON)) {
      syntaxError("after top level declaration");
      advance({Token::CONST, Token::TYPE, Token::VAR, Token::FUNC});
    }
  }
  for (Expr *g : guardOrder_)
    if (guards_.count(g))
      error(g->loc, "invalid AST: use of .(type) outside type switch");
  clearPragma();
  return f;
}

// ---------------------------------------------------------------------------
// Directives

namespace {

// gc's pragmaFields: blank-separated words, a double-quoted run (quotes
// kept) being one even with blanks inside; an unclosed quote ends the list.
std::vector<std::string> pragmaFields(std::string_view s) {
  std::vector<std::string> fields;
  bool inQuote = false;
  size_t start = std::string_view::npos;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '"') {
      if (inQuote) {
        fields.emplace_back(s.substr(start, i + 1 - start));
        start = std::string_view::npos;
      } else {
        if (start != std::string_view::npos)
          fields.emplace_back(s.substr(start, i - start));
        start = i;
      }
      inQuote = !inQuote;
    } else if (!inQuote && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
      if (start != std::string_view::npos)
        fields.emplace_back(s.substr(start, i - start));
      start = std::string_view::npos;
    } else if (start == std::string_view::npos) {
      start = i;
    }
  }
  if (!inQuote && start != std::string_view::npos)
    fields.emplace_back(s.substr(start));
  return fields;
}

bool isQuoted(const std::string &s) {
  return s.size() >= 2 && s.front() == '"' && s.back() == '"';
}

} // namespace

// The directives the lexer has read, up to the current token, as gc's noder
// takes each: misplaced if not alone on its line, a linkname recorded, a
// cgo or runtime one checked, any other pending for the next declaration.
void Parser::directive(const Lexer::Directive &d) {
  const std::string &text = d.text;
  if (!d.blank) {
    diags_.error(d.loc, "misplaced compiler directive");
    return;
  }
  if (text.starts_with("go:linkname ")) {
    std::istringstream in(text);
    std::vector<std::string> words{std::istream_iterator<std::string>(in), {}};
    if (words.size() < 2 || words.size() > 3)
      diags_.error(d.loc, "usage: //go:linkname localname [linkname]");
    else
      file_->linknames.push_back(
          {d.loc, words[1], words.size() == 3 ? words[2] : ""});
    return;
  }
  if (text.starts_with("go:cgo_")) {
    // gc allows a cgo_import_dynamic naming its library anywhere.
    if (text.starts_with("go:cgo_import_dynamic ") &&
        pragmaFields(text).size() >= 4)
      return;
    cgoDirective(d);
  }
  std::string verb = text.substr(0, text.find(' '));
  unsigned kind = 0;
  if (verb == "go:build")
    kind = BuildPragma;
  else if (verb == "go:notinheap")
    kind = TypePragma;
  else if (verb == "go:systemstack" || verb == "go:nowritebarrier" ||
           verb == "go:nowritebarrierrec" || verb == "go:yeswritebarrierrec") {
    kind = FuncPragma;
    file_->restrictedDirectives.push_back(
        {d.loc, "//" + verb + " only allowed in runtime",
         File::RestrictedDirective::Runtime});
  } else if (verb == "go:uintptrkeepalive") {
    kind = FuncPragma;
    file_->restrictedDirectives.push_back(
        {d.loc, "//" + verb + " is only allowed in the standard library",
         File::RestrictedDirective::Library});
  } else if (verb == "go:noescape" || verb == "go:norace" ||
             verb == "go:nosplit" || verb == "go:noinline" ||
             verb == "go:nocheckptr" || verb == "go:cgo_unsafe_args" ||
             verb == "go:uintptrescapes" || verb == "go:registerparams")
    kind = FuncPragma;
  pragma_.push_back({d.loc, kind});
}

// gc's checks of a //go:cgo_ directive: only cgo's generated files (and the
// standard library) may use them, and each takes its own arguments.
void Parser::cgoDirective(const Lexer::Directive &d) {
  std::string_view base = source_.path();
  base = base.substr(base.find_last_of('/') + 1);
  if (!base.starts_with("_cgo_"))
    file_->restrictedDirectives.push_back(
        {d.loc, "//" + d.text + " only allowed in cgo-generated code",
         File::RestrictedDirective::Library});
  std::vector<std::string> f = pragmaFields(d.text);
  std::string verb = f[0].substr(3);
  size_t n = f.size();
  auto bare = [&](size_t i) { return !isQuoted(f[i]); };
  std::string usage;
  if (verb == "cgo_export_static" || verb == "cgo_export_dynamic") {
    if (!((n == 2 && bare(1)) || (n == 3 && bare(1) && bare(2))))
      usage = verb + " local [remote]";
  } else if (verb == "cgo_import_dynamic") {
    if (!((n == 2 && bare(1)) || (n == 3 && bare(1) && bare(2))))
      usage = verb + " local [remote [\"library\"]]";
  } else if (verb == "cgo_import_static") {
    if (!(n == 2 && bare(1)))
      usage = verb + " local";
  } else if (verb == "cgo_dynamic_linker") {
    if (!(n == 2 && !bare(1)))
      usage = verb + " \"path\"";
  } else if (verb == "cgo_ldflag") {
    if (!(n == 2 && !bare(1)))
      usage = verb + " \"arg\"";
  }
  if (!usage.empty())
    file_->restrictedDirectives.push_back(
        {d.loc, "usage: //go:" + usage, File::RestrictedDirective::Nowhere});
}

std::vector<Parser::Pragma> Parser::takePragma() {
  for (const Lexer::Directive &d : lexer_.takeDirectives())
    directive(d);
  return std::exchange(pragma_, {});
}

void Parser::usePragma(const std::vector<Pragma> &pragma, unsigned allowed) {
  for (const Pragma &p : pragma)
    if (p.kind & ~allowed)
      file_->misplacedDirectives.push_back(p.loc);
}

void Parser::clearPragma() {
  for (const Pragma &p : takePragma())
    if (p.kind)
      diags_.error(p.loc, "misplaced compiler directive");
}

// ---------------------------------------------------------------------------
// Declarations

// After the keyword k: the specs of a const, type or var declaration.
GenDecl *Parser::genDecl(Kind k, SrcLoc at) {
  switch (k) {
  case Token::CONST:
    return group(k, at, [&](int64_t iota) { return constSpec(iota); });
  case Token::TYPE:
    return group(k, at, [&](int64_t) { return typeSpec(); });
  default:
    return group(k, at, [&](int64_t) { return varSpec(); });
  }
}

// spec | "(" { spec ";" } ")"; spec receives its index in the group (iota).
template <typename F> GenDecl *Parser::group(Kind tok, SrcLoc at, F spec) {
  GenDecl *d = ast_.make<GenDecl>(at, tok);
  if (tok_.kind != Token::LPAREN) {
    if (Node *s = spec(0))
      d->specs.push_back(s);
    return d;
  }
  d->grouped = true;
  clearPragma(); // before reading past "(": its directives are the first spec's
  next();
  int64_t index = 0;
  list("grouped declaration", Token::SEMICOLON, Token::RPAREN, [&] {
    if (Node *s = spec(index++))
      d->specs.push_back(s);
    return false;
  });
  return d;
}

ImportSpec *Parser::importSpec() {
  ImportSpec *s = ast_.make<ImportSpec>(pos());
  usePragma(takePragma(), 0);
  if (tok_.kind == Token::IDENT) {
    s->name = ast_.make<Ident>(pos(), tok_.text);
    next();
  } else if (tok_.kind == Token::PERIOD) {
    s->name = ast_.make<Ident>(pos(), ".");
    next();
  }
  if (tok_.kind != Token::STRING) {
    if (isLiteral()) {
      syntaxError("import path must be a string");
      next();
    } else {
      syntaxError("missing import path");
      advance({Token::SEMICOLON, Token::RPAREN});
    }
    s->path = ast_.make<BasicLit>(s->loc, Token::STRING, "\"\"");
    return s;
  }
  s->path = ast_.make<BasicLit>(pos(), Token::STRING, tok_.text);
  next();
  return s;
}

ValueSpec *Parser::constSpec(int64_t iota) {
  ValueSpec *s = ast_.make<ValueSpec>(pos());
  usePragma(takePragma(), 0);
  s->iota = iota;
  s->names = nameList(name());
  if (tok_.kind != Token::END_OF_FILE && tok_.kind != Token::SEMICOLON &&
      tok_.kind != Token::RPAREN) {
    s->type = typeOrNil();
    if (gotAssign())
      s->values = exprList();
  }
  return s;
}

ValueSpec *Parser::varSpec() {
  ValueSpec *s = ast_.make<ValueSpec>(pos());
  usePragma(takePragma(), 0);
  s->names = nameList(name());
  if (gotAssign()) {
    s->values = exprList();
  } else {
    s->type = type();
    if (gotAssign())
      s->values = exprList();
  }
  return s;
}

// type Name Type | type Name = Type | type Name[TypeParams] Type.
TypeSpec *Parser::typeSpec() {
  TypeSpec *s = ast_.make<TypeSpec>(pos());
  std::vector<Pragma> pragma = takePragma();
  s->name = name();
  if (tok_.kind == Token::LBRACK) {
    SrcLoc at = pos();
    next();
    if (tok_.kind == Token::RBRACK) {
      next();
      Expr *elt = type();
      s->type = ast_.make<ArrayTypeExpr>(at, nullptr, elt);
    } else if (tok_.kind == Token::IDENT) {
      Ident *first = name();
      switch (tok_.kind) {
      case Token::IDENT:
      case Token::INTERFACE:
      case Token::TILDE:
      case Token::COMMA:
      case Token::FUNC:
      case Token::CHAN:
      case Token::MAP:
      case Token::STRUCT:
      case Token::LBRACK:
        // A type parameter list: [T any] or [K comparable, V any]. (An
        // array length may be a call: type T [uintptr(x)]int.)
        s->typeParams = paramList(at, first, Token::RBRACK, true);
        s->isAlias = gotAssign();
        s->type = typeOrNil();
        break;
      default: {
        xnest_++;
        Expr *len = binaryExpr(pexpr(first), 0);
        xnest_--;
        s->type = arrayType(at, len);
      }
      }
    } else {
      s->type = arrayType(at, nullptr);
    }
  } else {
    s->isAlias = gotAssign();
    s->type = typeOrNil();
  }
  if (!s->type) {
    s->type = badExpr();
    syntaxError("in type declaration");
    advance({Token::SEMICOLON, Token::RPAREN});
  }
  usePragma(pragma, s->isAlias ? 0u : unsigned(TypePragma));
  return s;
}

FuncDecl *Parser::funcDeclOrNil(SrcLoc at) {
  FuncDecl *d = ast_.make<FuncDecl>(at);
  usePragma(takePragma(), FuncPragma);
  if (tok_.kind == Token::LPAREN) {
    SrcLoc lparen = pos();
    next();
    d->recv = paramList(lparen, nullptr, Token::RPAREN, false);
    size_t n = d->recv->numFields();
    if (n == 0)
      error(pos(), "method has no receiver");
    else if (n > 1)
      error(pos(), "method has multiple receivers");
  }
  if (tok_.kind != Token::IDENT) {
    syntaxError("expecting name or (");
    advance({Token::LBRACE, Token::SEMICOLON});
    return nullptr;
  }
  d->name = name();
  FieldList *typeParams = nullptr;
  d->type = funcType(at, &typeParams);
  if (typeParams) {
    d->type->typeParams = typeParams;
    if (d->recv)
      error(typeParams->loc,
            "syntax error: method must have no type parameters");
  }
  if (tok_.kind == Token::LBRACE) {
    xnest_++;
    d->body = funcBody();
    xnest_--;
  }
  return d;
}

Ident *Parser::name() {
  if (tok_.kind == Token::IDENT) {
    Ident *id = ast_.make<Ident>(pos(), tok_.text);
    next();
    return id;
  }
  Ident *id = ast_.make<Ident>(pos(), "_");
  syntaxError("expecting name");
  advance();
  return id;
}

std::vector<Ident *> Parser::nameList(Ident *first) {
  std::vector<Ident *> names{first};
  while (got(Token::COMMA))
    names.push_back(name());
  return names;
}

bool Parser::gotAssign() {
  switch (tok_.kind) {
  case Token::DEFINE:
    syntaxError("expecting =");
    [[fallthrough]];
  case Token::ASSIGN:
    next();
    return true;
  default:
    return false;
  }
}

} // namespace mgo

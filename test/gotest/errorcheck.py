#!/usr/bin/env python3
"""Go's own `// errorcheck` programs (/usr/lib/go/test) judged as Go's
harness, test/run.go, judges them for gc: the program must not compile, and
the errors reported must be exactly those its comments ask for.

  - A line holding `// ERROR "re" ...` (or GC_ERROR) wants one error on that
    line per quoted regexp, each matching the message (the text after
    "file:line:col: "); LINE, LINE+n and LINE-n in a regexp stand for
    "file:line". All the errors reported on that line that match a regexp
    are consumed by it; a regexp nothing matches is a missing error.
  - Every error left over is an unwanted one. Lines holding "////" want
    nothing; GCCGO_ERROR is gccgo's.
  - mgoc runs with -e (every error, as the harness runs gc) and
    -fsyntax-only, in the program's directory; its `error: ` word and the
    source line and caret under each error are not part of gc's format and
    are dropped. Notes (tab-indented lines) continue their error, as gc's do.

Which programs count: those of gotest.py's directories whose recipe is
`errorcheck` with no flags or with -d=panic (which only keeps gc going after
syntax errors); the other flags ask for gc's optimiser diagnostics (-m,
-d=ssa/..., -live), which mgoc has no counterpart for.

Subcommands:
  list ROOT [SUITE]      the programs, one DIR/NAME a line (for CMake), of
                         gotest.py's directories or SUITE's (typeparam)
  run MGOC ROOT REL XFAIL
                         judge DIR/NAME.go; a program listed in XFAIL
                         (errorcheck-failures.txt) that fails passes and one
                         that passes fails, so the list only shrinks.
  classify MGOC ROOT OUT [SUITE]
                         judge every program and write the list of those
                         that fail, each with its reason, to OUT
"""

import multiprocessing
import os
import re
import subprocess
import sys

import gotest

TIMEOUT = 60
ACCEPTED_FLAGS = ([], ["-d=panic"])

ERROR_RX = re.compile(r"// (?:GC_)?ERROR (.*)")
QUOTES_RX = re.compile(r'"([^"]*)"')
LINE_RX = re.compile(r"LINE(([+-])([0-9]+))?")
# A //line directive without a column leaves the column out, as in gc.
MGOC_ERROR_RX = re.compile(r"^(.+?):(\d+)(:\d+)?: error: (.*)$")
MGOC_FILE_ERROR_RX = re.compile(r"^(.+?): error: (.*)$")
# The caret under the column of an error, below its source line.
CARET_RX = re.compile(r"^[ \t]*\^$")


def excluded_by_run_go(root):
    """The programs run.go leaves out of testing because gc's own type
    checker fails them (its types2Failures set): not tests of a checker."""
    try:
        with open(os.path.join(root, "run.go"), encoding="utf-8") as f:
            text = f.read()
    except OSError:
        return set()
    m = re.search(r"\nvar types2Failures = setOf\((.*?)\n\)", text, re.S)
    if not m:
        return set()
    return {re.match(r'\s*"([^"]+)"', line).group(1)
            for line in m.group(1).split("\n")
            if re.match(r'\s*"([^"]+)"', line)}


def programs(root, suite="go"):
    out = []
    excluded = excluded_by_run_go(root)
    for d in gotest.SUITES[suite]:
        for name in sorted(os.listdir(os.path.join(root, d))):
            if not name.endswith(".go"):
                continue
            rel = os.path.normpath(os.path.join(d, name))
            if rel in excluded:
                continue
            r = gotest.recipe(os.path.join(root, d, name))
            if r and r[0] == "errorcheck" and r[1] in ACCEPTED_FLAGS:
                out.append(rel)
    return out


def go_regexp(rx):
    """Go's RE2 syntax as Python's re reads it: the few differences that
    occur in the suite's regexps."""
    return rx.replace(r"\z", r"\Z").replace("(?s)", "").replace("(?i)", "")


def wanted_errors(path, short):
    """[(line, regexp text, compiled)] from the ERROR comments of a file."""
    want = []
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    for i, line in enumerate(lines, 1):
        if "////" in line:
            continue
        m = ERROR_RX.search(line)
        if not m:
            continue
        for q in QUOTES_RX.findall(m.group(1)):
            def at(lm, n=i):
                if lm.group(1):
                    d = int(lm.group(3))
                    n = n + d if lm.group(2) == "+" else n - d
                return "%s:%d" % (short, n)
            rx = LINE_RX.sub(at, q)
            try:
                compiled = re.compile(go_regexp(rx))
            except re.error:
                compiled = re.compile(re.escape(rx))
            want.append((i, rx, compiled))
    return want


def reported_errors(text, short):
    """mgoc's errors in gc's one-line form, "file:line:col: message", the
    further lines of a message and the notes appended as continuation
    lines."""
    out = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        m = MGOC_ERROR_RX.match(line)
        if m:
            name = os.path.basename(m.group(1))
            msg = m.group(4)
            # The message's own further lines (gc's "\n\t..." reasons) come
            # before the source line and the caret under it, which are not
            # part of gc's format.
            caret = i
            while caret < len(lines) and not CARET_RX.match(lines[caret]):
                caret += 1
            if caret < len(lines):
                for extra in lines[i:caret - 1]:
                    msg += "\n" + extra
                i = caret + 1
            out.append("%s:%s%s: %s" % (name, m.group(2), m.group(3) or "",
                                        msg))
            continue
        if line.startswith("\t") and out:
            out[-1] += "\n" + line
            continue
        m = MGOC_FILE_ERROR_RX.match(line)
        if m:
            out.append("%s: %s" % (os.path.basename(m.group(1)), m.group(2)))
    return out


def check(reported, want, short):
    """gc's harness's comparison: the problems, empty when exact."""
    problems = []
    left = list(reported)
    for line, rx, compiled in want:
        prefix = "%s:%d:" % (short, line)
        here = [e for e in left if e.startswith(prefix)]
        left = [e for e in left if not e.startswith(prefix)]
        if not here:
            problems.append("line %d: missing error %r" % (line, rx))
            continue
        matched = False
        for e in here:
            text = e.split(" ", 1)[1] if " " in e else e
            if compiled.search(text):
                matched = True
            else:
                left.append(e)
        if not matched:
            problems.append("line %d: no match for %r in: %s" %
                            (line, rx, " | ".join(here)))
    for e in left:
        problems.append("unwanted error: " + e.split("\n")[0])
    return problems


def judge(mgoc, root, rel):
    """(kind, detail): pass, refused (mini-Go leaves something out), crash,
    accepted (compiled without error), timeout or mismatch."""
    path = os.path.join(root, rel)
    short = os.path.basename(rel)
    try:
        r = subprocess.run([mgoc, "build", "-e", "-fsyntax-only", short],
                           cwd=os.path.dirname(path), stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return "timeout", "mgoc did not finish in %d s" % TIMEOUT
    text = r.stdout.decode("utf-8", "replace")
    if r.returncode == 3 or r.returncode < 0:
        return "crash", text
    if r.returncode == 0:
        return "accepted", "compilation succeeded unexpectedly"
    problems = check(reported_errors(text, short),
                     wanted_errors(path, short), short)
    if not problems:
        return "pass", ""
    refused = re.search(r"error: (.* is not supported in mini-Go)", text)
    if refused:
        return "refused", refused.group(1)
    return "mismatch", "\n".join(problems)


def main(argv):
    if len(argv) in (2, 3) and argv[0] == "list":
        if os.path.isdir(argv[1]):
            for rel in programs(argv[1], *argv[2:]):
                print(rel[:-3])
        return 0
    if len(argv) in (4, 5) and argv[0] == "classify":
        mgoc, root, out = argv[1:4]
        rels = programs(root, *argv[4:])
        with multiprocessing.Pool() as pool:
            kinds = pool.starmap(judge, [(mgoc, root, rel) for rel in rels])
        failing = [(rel, kind, detail) for rel, (kind, detail)
                   in zip(rels, kinds) if kind != "pass"]
        with open(out, "w", encoding="utf-8") as f:
            f.write("# Go's errorcheck programs (test/gotest/errorcheck.py) "
                    "mgoc fails, with why.\n# Regenerate with "
                    "test/gotest/errorcheck.py classify MGOC ROOT OUT%s\n"
                    % "".join(" " + a for a in argv[4:]))
            for rel, kind, detail in failing:
                reason = detail.split("\n")[0][:150] if detail else kind
                f.write("%-32s %s: %s\n" % (rel, kind, reason))
        print("%d programs, %d pass" % (len(rels), len(rels) - len(failing)))
        return 0
    if len(argv) == 5 and argv[0] == "run":
        mgoc, root, rel, xfail_path = argv[1:5]
        return gotest.run_entry(root, rel, xfail_path,
                                lambda: judge(mgoc, root, rel))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

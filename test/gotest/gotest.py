#!/usr/bin/env python3
"""Go's own test suite (/usr/lib/go/test) judged as Go's harness, test/run.go,
judges its `// run` programs: compile, run in the suite's root directory with
stdin empty, and compare stdout and stderr, combined, with NAME.out (or with
nothing when there is no NAME.out); the program must exit 0.

Which programs count (test/gotest/README.md says why):
  - the directories chan, ken, interface, fixedbugs and the top level (the
    suite "go"), or typeparam and typeparam/mdempsky (the suite
    "typeparam", generics, with its own list of expected failures);
  - the recipe (the comment before the first blank line, after a first line
    holding "+build") is `run`, possibly followed by arguments.  Arguments
    ending in .go are more files of the program (`go run a.go b.go`), the
    others are the program's arguments.  A recipe with flags (`run -race`,
    `run -gcflags=...`, `run -goexperiment ...`) tests a mode of gc's
    toolchain mgoc has no counterpart for and is left out, as are the other
    recipes (runoutput, rundir, errorcheck, compile, ...);
  - the build constraints above `package` hold for gc on linux/amd64 with
    cgo, evaluated as run.go's shouldTest does (so `unix` does not match,
    and of the goexperiment tags only gc 1.19's amd64 defaults do).

Subcommands:
  list ROOT [SUITE]      the programs, one DIR/NAME a line (for CMake)
  run MGOC ROOT REL WORKDIR XFAIL
                         judge DIR/NAME.go; a program listed in XFAIL
                         (expected-failures.txt) that fails passes and one
                         that passes fails, so the list only shrinks.
"""

import difflib
import os
import re
import subprocess
import sys

SUITES = {
    "go": [".", "ken", "chan", "interface", "fixedbugs"],
    "typeparam": ["typeparam", "typeparam/mdempsky"],
}

# gc 1.19 on linux/amd64 with cgo: the names run.go's context.match accepts.
TAGS = {"linux", "amd64", "gc", "cgo", "test_run",
        "goexperiment.regabiwrappers", "goexperiment.regabiargs"}

# Seconds mgoc may take to compile one program and the program to run. They
# bound a hang, not a slow machine: bigmap.go's map literals took mgoc 28-34 s
# on two cores at load 13 (ctest's own TIMEOUT is above the sum).
BUILD_TIMEOUT = 150
RUN_TIMEOUT = 60


def tag_holds(name):
    if not name or not re.fullmatch(r"[\w.]+", name):
        return False
    return name in TAGS


def eval_go_build(expr):
    """Evaluates a //go:build expression (||, &&, !, parentheses, tags)."""
    tokens = re.findall(r"\|\||&&|!|\(|\)|[^\s|&!()]+", expr)
    pos = 0

    def peek():
        return tokens[pos] if pos < len(tokens) else None

    def take():
        nonlocal pos
        pos += 1
        return tokens[pos - 1]

    def disj():
        v = conj()
        while peek() == "||":
            take()
            v = conj() or v
        return v

    def conj():
        v = unary()
        while peek() == "&&":
            take()
            v = unary() and v
        return v

    def unary():
        t = take() if peek() is not None else ""
        if t == "!":
            return not unary()
        if t == "(":
            v = disj()
            if peek() != ")":
                raise ValueError("missing )")
            take()
            return v
        if t in ("||", "&&", ")", ""):
            raise ValueError("unexpected " + t)
        return tag_holds(t)

    v = disj()
    if pos != len(tokens):
        raise ValueError("trailing tokens")
    return v


def eval_plus_build(rest):
    """Evaluates a // +build line: options ORed, comma-joined terms ANDed."""
    for option in rest.split():
        if all((not tag_holds(t[1:])) if t.startswith("!") else tag_holds(t)
               for t in option.split(",")):
            return True
    return False


def constraint(line):
    """The value of a constraint line, or None when the line is not one."""
    m = re.match(r"//go:build[ \t](.*)$", line)
    if m:
        body = m.group(1).split("//")[0]
        try:
            return eval_go_build(body)
        except ValueError:
            return None
    m = re.match(r"//[ \t]*\+build(?:[ \t](.*))?$", line)
    if m:
        return eval_plus_build(m.group(1) or "")
    return None


def recipe(path):
    """(action, args) of a test file, or None when run.go would skip it."""
    with open(path, encoding="utf-8", errors="replace") as f:
        src = f.read()
    if not src or src[0] == "\n" or "\n\n" not in src:
        return None
    action = src.split("\n\n", 1)[0]
    first, nl, rest = action.partition("\n")
    if nl and "+build" in first:
        action = rest
    if action.startswith("//"):
        action = action[2:]
    header = src.split("\npackage", 1)[0] if "\npackage" in src else action
    for line in header.split("\n"):
        if line.startswith("package "):
            break
        if constraint(line) is False:
            return None
    fields = action.split()
    if not fields:
        return None
    return fields[0], fields[1:]


def programs(root, suite="go"):
    """The judged programs: (DIR/NAME relative to root, args)."""
    out = []
    for d in SUITES[suite]:
        full = os.path.join(root, d)
        for name in sorted(os.listdir(full)):
            if not name.endswith(".go"):
                continue
            r = recipe(os.path.join(full, name))
            if r is None or r[0] != "run":
                continue
            if any(a.startswith("-") for a in r[1]):
                continue
            rel = os.path.normpath(os.path.join(d, name))
            out.append((rel, r[1]))
    return out


def load_xfail(path):
    """expected-failures.txt: `DIR/NAME.go  reason` lines, # comments."""
    listed = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            rel, _, reason = line.partition(" ")
            listed[rel] = reason.strip()
    return listed


def judge(mgoc, root, rel, workdir, args):
    """Builds and runs one program: (kind, detail), kind one of pass, build,
    build-timeout, crash (mgoc exit 3 or a signal), exit, timeout, output."""
    files = [os.path.join(root, rel)]
    files += [os.path.join(root, os.path.dirname(rel), a)
              for a in args if a.endswith(".go")]
    args = [a for a in args if not a.endswith(".go")]
    exe = os.path.join(workdir, rel[:-3].replace("/", "__"))
    os.makedirs(workdir, exist_ok=True)
    try:
        b = subprocess.run([mgoc, "build", "-o", exe] + files,
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=BUILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        return "build-timeout", "mgoc did not finish in %d s" % BUILD_TIMEOUT
    text = b.stdout.decode("utf-8", "replace")
    if b.returncode != 0:
        kind = "crash" if b.returncode == 3 or b.returncode < 0 else "build"
        if b.returncode < 0:
            text = "mgoc killed by signal %d\n%s" % (-b.returncode, text)
        return kind, text
    env = dict(os.environ)
    env.setdefault("GOOS", "linux")
    env.setdefault("GOARCH", "amd64")
    env.update(GOENV="off", GOFLAGS="", PWD=root)
    try:
        r = subprocess.run([exe] + args, cwd=root, env=env,
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=RUN_TIMEOUT)
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace")
        return "timeout", "did not finish in %d s\n%s" % (RUN_TIMEOUT, out)
    got = r.stdout.decode("utf-8", "replace").replace("\r\n", "\n")
    if r.returncode != 0:
        return "exit", "exited %d\n%s" % (r.returncode, got)
    want_path = os.path.join(root, rel[:-3] + ".out")
    want = ""
    if os.path.exists(want_path):
        with open(want_path, encoding="utf-8", errors="replace") as f:
            want = f.read()
    if got != want:
        diff = "".join(difflib.unified_diff(
            want.splitlines(True), got.splitlines(True),
            "want", "got", n=1))
        return "output", diff
    os.remove(exe)
    return "pass", ""


def head(text, lines=20):
    return "\n".join(text.splitlines()[:lines])


def run_entry(root, rel, xfail_path, judge_program):
    """One ctest entry: judge_program() gives (kind, detail). A program on
    the list at xfail_path passes by failing and fails by passing, so the
    list only shrinks; 77 (skipped) when Go's test suite is not there."""
    if not os.path.exists(os.path.join(root, rel)):
        print("SKIP: %s not found (Go's test suite comes with golang-go)"
              % rel)
        return 77
    xfail = load_xfail(xfail_path)
    kind, detail = judge_program()
    if rel in xfail:
        if kind == "pass":
            print("FAIL: %s now passes: remove it from %s"
                  % (rel, os.path.basename(xfail_path)))
            return 1
        print("XFAIL: %s (%s): %s" % (rel, kind, xfail[rel]))
        print(head(detail))
        return 0
    if kind == "pass":
        print("PASS: " + rel)
        return 0
    print("FAIL: %s (%s)" % (rel, kind))
    print(head(detail, 40))
    return 1


def main(argv):
    if len(argv) in (2, 3) and argv[0] == "list":
        if os.path.isdir(argv[1]):
            for rel, _ in programs(argv[1], *argv[2:]):
                print(rel[:-3])
        return 0
    if len(argv) == 6 and argv[0] == "run":
        mgoc, root, rel, workdir = argv[1:5]
        return run_entry(root, rel, argv[5], lambda: judge(
            mgoc, root, rel, workdir, recipe(os.path.join(root, rel))[1]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

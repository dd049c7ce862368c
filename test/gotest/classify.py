#!/usr/bin/env python3
"""Runs every program of Go's test suite that the gotest/ ctest entries judge
and proposes expected-failures.txt: each failing program with a reason taken
from how it fails (mgoc's first error, the crash, the exit, the output).

  classify.py [-j N] [--mgoc BIN] [--root DIR] [-o FILE] [--summary]
              [--details FILE]

-o writes the list (default: stdout); --summary prints the counts by reason
to stderr.  The reasons for a few programs that build and run but print
something else cannot be derived from mgoc's messages; they are kept from
the current list when the program still fails the same way (KEEP below).
"""

import argparse
import collections
import os
import re
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gotest  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
# Each suite's checked-in list.
LISTS = {"go": os.path.join(HERE, "expected-failures.txt"),
         "typeparam": os.path.join(HERE, "expected-failures-typeparam.txt")}

# mgoc's refusals and missing library pieces, mapped to the feature each
# needs; the first pattern that matches mgoc's first error names the reason.
REFUSALS = [
    (r"package (\S+) is not in GOROOT", r"needs package \1"),
    (r"cannot convert .*\[\].* to type \*\[",
     "needs slice to array pointer conversions"),
    (r"(?:type parameters|generic|instantiat)", "needs generics"),
    (r"(.+) (?:is|are) not supported in mini-Go", r"needs \1"),
    (r"(?:undefined|undeclared name): (\w+)\.(\w+)",
     r"needs \1.\2 in mini-Go's library"),
]


# Packages whose Go source mgoc cannot compile because they are bound to gc's
# runtime; each will be an overlay under stdlib/.
OVERLAID = {"reflect"}

# The issues that track some of the missing features (the project's tracker).
ISSUES = {"needs generics": 14, "needs package reflect": 16}


def first_error(text):
    for line in text.splitlines():
        m = re.match(r"(\S+):\d+:\d+: error: (.*)", line)
        if m:
            # In a package compiled from Go's sources, the package is what
            # is missing (its files are named by their path under GOROOT).
            pkg = re.match(r"/.*/src/(.+)/[^/]+\.go$", m.group(1))
            if pkg and "/test/" not in m.group(1):
                return "package %s from Go's sources: %s" % (pkg.group(1),
                                                             m.group(2))
            return m.group(2)
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def reason(kind, detail):
    if kind == "build":
        err = first_error(detail)
        if err.startswith("package ") and " from Go's sources: " in err:
            pkg = err.split()[1]
            # Bound to the runtime: an overlay will provide it, not Go's code.
            if pkg in OVERLAID:
                why = "needs package " + pkg
                return "%s (issue %d)" % (why, ISSUES[why])
            return "needs " + err
        for pat, rep in REFUSALS:
            m = re.search(pat, err)
            if m:
                why = m.expand(rep)
                return "%s (issue %d)" % (why, ISSUES[why]) \
                    if why in ISSUES else why
        return "mgoc rejects valid Go: " + err
    if kind == "crash":
        err = re.sub(r"^mgoc: internal error: ", "", first_error(detail))
        return "compiler crash: " + re.sub(r" for \S+\.go:", ":", err)
    if kind == "build-timeout":
        return "compiler hang: " + first_error(detail)
    if kind == "timeout":
        return "does not finish (%d s)" % gotest.RUN_TIMEOUT
    lines = detail.splitlines()
    if kind == "exit":
        tail = next((l for l in lines[1:] if l.strip()), "")
        return "%s: %s" % (lines[0], tail.strip()[:100])
    return "output differs"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--mgoc", default=os.path.join(
        HERE, "..", "..", "build", "bin", "mgoc"))
    ap.add_argument("--root", default="/usr/lib/go/test")
    ap.add_argument("-o", dest="out")
    ap.add_argument("--summary", action="store_true")
    ap.add_argument("--details", help="write each failure's first lines here")
    ap.add_argument("--suite", choices=sorted(LISTS), default="go")
    o = ap.parse_args()

    progs = gotest.programs(o.root, o.suite)
    LIST = LISTS[o.suite]
    old = gotest.load_xfail(LIST) if os.path.exists(LIST) else {}
    with tempfile.TemporaryDirectory() as work:
        def one(p):
            rel, args = p
            return rel, gotest.judge(o.mgoc, o.root, rel, work, args)
        with ThreadPoolExecutor(o.j) as ex:
            results = list(ex.map(one, progs))

    lines = []
    counts = collections.Counter()
    kinds = collections.Counter()
    for rel, (kind, detail) in results:
        kinds[kind] += 1
        if kind == "pass":
            continue
        why = reason(kind, detail)
        # An output difference says nothing about its cause; a reason a
        # person wrote for it is kept while the program still fails so.
        if kind in ("output", "exit") and rel in old and \
                not old[rel].startswith(("output differs", "exited ")):
            why = old[rel]
        counts[why] += 1
        lines.append("%-32s %s" % (rel, why))

    text = ("# Go's test suite programs (test/gotest/gotest.py) mgoc fails, with why.\n"
            "# Regenerate with test/gotest/classify.py --suite %s -o test/gotest/%s\n"
            % (o.suite, os.path.basename(LIST))
            + "".join(l + "\n" for l in lines))
    if o.out:
        with open(o.out, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    if o.details:
        with open(o.details, "w", encoding="utf-8") as f:
            for rel, (kind, detail) in results:
                if kind != "pass":
                    f.write("== %s %s\n%s\n" % (rel, kind,
                                                 gotest.head(detail, 8)))
    if o.summary:
        print("%d programs: %s" % (len(results), ", ".join(
            "%s %d" % kv for kv in sorted(kinds.items()))), file=sys.stderr)
        for why, n in counts.most_common():
            print("%4d  %s" % (n, why), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

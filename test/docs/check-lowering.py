#!/usr/bin/env python3
"""Keeps docs/lowering.md true: every ```go block that is a whole program
(it starts with `package main`) and is followed directly by an ```llvm block is
compiled with `mgoc build -O0 -emit-llvm`, and each line of the llvm block
other than `...` must appear, in order, as a whole line of the output (leading
and trailing blanks and the `; preds` comment of a block label ignored)."""
import re
import subprocess
import sys
import tempfile

BLOCK = re.compile(r"```(\w+)\n(.*?)```\n", re.S)
# A block label as LLVM prints it, `name:   ; preds = ...`, is checked as `name:`.
LABEL_COMMENT = re.compile(r"^([-\w.]+:)\s*;.*$")


def examples(text):
    blocks = [(m.group(1), m.group(2), text.count("\n", 0, m.start()) + 1)
              for m in BLOCK.finditer(text)]
    for (lang, body, line), (next_lang, ir, _) in zip(blocks, blocks[1:]):
        if lang == "go" and body.startswith("package main") and next_lang == "llvm":
            yield line, body, ir


def check(mgoc, line, source, expected):
    with tempfile.NamedTemporaryFile("w", suffix=".go") as f:
        f.write(source)
        f.flush()
        run = subprocess.run([mgoc, "build", "-O0", "-emit-llvm", "-o", "-", f.name],
                             capture_output=True, text=True)
    if run.returncode != 0:
        return [f"line {line}: the program does not compile:\n{run.stderr}"]
    actual = [LABEL_COMMENT.sub(r"\1", l.strip()) for l in run.stdout.splitlines()]
    pos = 0
    for want in (l.strip() for l in expected.splitlines()):
        if not want or want == "...":
            continue
        try:
            pos = actual.index(want, pos) + 1
        except ValueError:
            return [f"line {line}: not in mgoc's output (in order): {want}"]
    return []


def main():
    mgoc, doc = sys.argv[1], sys.argv[2]
    text = open(doc).read()
    failures, count = [], 0
    for line, source, ir in examples(text):
        count += 1
        failures += check(mgoc, line, source, ir)
    for f in failures:
        print(f"{doc}:{f}")
    print(f"{count - len(failures)} passed, {len(failures)} failed")
    return 1 if failures or count == 0 else 0


if __name__ == "__main__":
    sys.exit(main())

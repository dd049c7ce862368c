#!/usr/bin/env python3
"""Runs the shared benchmark programs side by side with Go and prints ratios.

Each program is built once with `go build` and once with mgoc, then run
alternately (go, mgoc, go, mgoc, ...) so drift on this machine hits both
equally. A run counts only when its checksum line equals Go's. Reported: the
median wall time of each, the ratio mgoc/go (below 1.0 is faster than Go; within
0.10 of 1.0 is noise), the median CPU time (user + sys, the better guide when
the machine is loaded) and peak RSS, both measured by GNU time (/usr/bin/time).

usage: bench/compare.py [--mgoc build/bin/mgoc] [--runs 3] [--procs 1,2] [NAME ...]

A NAME ending in .go is a path to a program of its own (bench/alloc50g.go),
run with the arguments given by --args (default: none, the program's default
size).
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "bench"))


def read_sizes():
    sizes = {}
    with open(os.path.join(SHARED, "sizes.txt")) as f:
        for line in f:
            line = line.split("#", 1)[0].split()
            if line:
                sizes[line[0]] = line[1:]
    return sizes


def build(kind, compiler, source, out):
    if kind == "go":
        cmd = ["go", "build", "-o", out, source]
    else:
        cmd = [compiler, "build", "-O2", "-o", out, source]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        return result.stderr.strip().splitlines()[:3]
    return None


def run_once(exe, args, procs):
    # Peak RSS from GNU time: ru_maxrss of a child forked (or vforked) from
    # this Python process would count Python's own pages, kept until exec.
    env = dict(os.environ, GOMAXPROCS=str(procs))
    with tempfile.NamedTemporaryFile() as rss_file:
        cmd = ["/usr/bin/time", "-f", "%U %S %M", "-o", rss_file.name, exe] + args
        start = time.monotonic()
        result = subprocess.run(cmd, capture_output=True, env=env)
        wall = time.monotonic() - start
        user, sys_, peak_kib = (float(x) for x in rss_file.read().decode().split()[-3:])
    text = result.stdout.decode(errors="replace").strip()
    return wall, user + sys_, peak_kib / 1024.0, text, result.returncode


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mgoc", default=os.path.join(HERE, "..", "build", "bin", "mgoc"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--procs", default="2")
    parser.add_argument("--args", default="", help="arguments for NAME.go programs")
    parser.add_argument("names", nargs="*")
    opts = parser.parse_args()
    sizes = read_sizes()
    names = opts.names or list(sizes)
    print(f"{'program':14} {'G':>2} {'go s':>8} {'mgoc s':>8} {'ratio':>6} {'go cpu':>8} {'mgoc cpu':>8}"
          f" {'go MiB':>8} {'mgoc MiB':>8}  note")
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            source = os.path.join(SHARED, name + ".go")
            if name.endswith(".go"):
                source = os.path.abspath(name)
                name = os.path.basename(name)[:-3]
                sizes[name] = opts.args.split()
            exes = {k: os.path.join(tmp, f"{name}.{k}") for k in ("go", "mgoc")}
            errors = {k: build(k, opts.mgoc, source, exes[k]) for k in exes}
            if errors["go"] or errors["mgoc"]:
                msg = errors["mgoc"] or errors["go"]
                print(f"{name:14}  -- does not build: {msg[0] if msg else '?'}")
                continue
            for procs in opts.procs.split(","):
                walls = {"go": [], "mgoc": []}
                cpus = {"go": [], "mgoc": []}
                rss = {"go": 0.0, "mgoc": 0.0}
                note = ""
                for _ in range(opts.runs):
                    results = {}
                    for kind in ("go", "mgoc"):
                        wall, cpu, peak, out, code = run_once(exes[kind], sizes[name], procs)
                        results[kind] = (out, code)
                        walls[kind].append(wall)
                        cpus[kind].append(cpu)
                        rss[kind] = max(rss[kind], peak)
                    if results["mgoc"] != results["go"]:
                        note = f"WRONG: go printed {results['go'][0]!r}, mgoc {results['mgoc'][0]!r}"
                        break
                go_t = statistics.median(walls["go"])
                mg_t = statistics.median(walls["mgoc"])
                ratio = mg_t / go_t if go_t > 0 else float("nan")
                go_c = statistics.median(cpus["go"])
                mg_c = statistics.median(cpus["mgoc"])
                print(f"{name:14} {procs:>2} {go_t:8.3f} {mg_t:8.3f} {ratio:6.2f} {go_c:8.2f} {mg_c:8.2f}"
                      f" {rss['go']:8.1f} {rss['mgoc']:8.1f}  {note}")
                sys.stdout.flush()


if __name__ == "__main__":
    main()

# lit configuration for mgoc. ctest runs each test file on its own and passes
# the build's locations as --param, so there is no generated site config.
import os
import shutil
import sys

import lit.formats

config.name = "mgoc"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".mgo", ".go"]
config.excludes = ["Inputs", "tools"]
config.test_source_root = os.path.dirname(__file__)

params = lit_config.params
bin_dir = params.get("mgo_bin_dir", os.path.join(config.test_source_root, "..", "build", "bin"))
tools_dir = params.get("llvm_tools_dir", "/usr/lib/llvm-19/bin")
config.test_exec_root = params.get("exec_root", os.path.join(bin_dir, "..", "test", "lit"))

config.environment["PATH"] = os.pathsep.join([bin_dir, tools_dir, config.environment.get("PATH", os.environ.get("PATH", ""))])
for var in ("HOME", "TMPDIR", "GOMAXPROCS", "MGO_STACK_GUARD"):
    if var in os.environ:
        config.environment[var] = os.environ[var]

# Tests never touch the user's build cache: they share one inside the build
# tree, so the library's packages are compiled once for every test program
# rather than once each (tools/CMakeLists.txt empties it whenever mgoc is
# relinked, as its entries are keyed by the binary). MGOCACHEEXE=off keeps no
# test program's executable (~4 MB each). Tests of the whole-program build
# set MGOCACHE=off, the cache's own tests (test/driver/cache_*) a directory
# of their own.
config.environment["MGOCACHE"] = os.path.abspath(os.path.join(bin_dir, "..", "test", "mgocache"))
config.environment["MGOCACHEEXE"] = "off"

# The debugger tests (test/debugger/) need gdb; without it they are
# UNSUPPORTED rather than failed.
if shutil.which("gdb", path=config.environment["PATH"]):
    config.available_features.add("gdb")

# Tests that generate their input run lit's own interpreter: `python3` on
# PATH may be a version manager's shim, ~0.35 s a start.
config.substitutions.append(("%python", sys.executable))
config.substitutions.append(("%mgoc", os.path.join(bin_dir, "mgoc")))
config.substitutions.append(("%exitcode", os.path.join(config.test_source_root, "tools", "exitcode.sh")))
config.substitutions.append(("%shared", os.path.join(config.test_source_root, "..", "..", "shared")))

# mgoc's gdb extension, which every executable built with -g carries in its
# .debug_gdb_scripts section (docs/runtime.md, Debugger interface):
#   - printers for Go's slices, maps and interfaces (gdb's Go support prints
#     strings itself);
#   - info goroutines: every goroutine's id, state and innermost Go function;
#   - goroutine N CMD (N an id, or all): runs CMD, such as bt, with the
#     registers of goroutine N;
#   - gdb passes the runtime's signals (SIGSEGV, SIGPWR, SIGXCPU) to the
#     program without stopping.
# The goroutine table is read through the runtime's mgo_debug_layout
# (runtime/include/mgo/abi.h), so the script knows no offsets of its own.
import struct

import gdb
import gdb.printing

STATES = {0: "idle", 1: "runnable", 2: "running", 3: "waiting", 4: "dead"}
G_RUNNING = 2
G_DEAD = 4


def read_word(addr, size=8):
    data = gdb.selected_inferior().read_memory(addr, size).tobytes()
    return struct.unpack("<Q" if size == 8 else "<I", data)[0]


def go_string(val):
    n = int(val["len"])
    if n == 0:
        return ""
    mem = gdb.selected_inferior().read_memory(int(val["str"]), n)
    return mem.tobytes().decode("utf-8", "replace")


def type_names(t):
    """t's name and those of the types its typedefs lead to."""
    while True:
        if t.name:
            yield t.name
        if t.code != gdb.TYPE_CODE_TYPEDEF:
            return
        t = t.target()


def go_type(name):
    """The gdb type of a Go type named as the runtime names it, or None."""
    stars = len(name) - len(name.lstrip("*"))
    t = None
    # gdb files a Go struct's name only as a struct tag.
    for candidate in (name[stars:], "struct " + name[stars:]):
        try:
            t = gdb.lookup_type(candidate)
            break
        except gdb.error:
            pass
    if t is None:
        return None
    for _ in range(stars):
        t = t.pointer()
    return t


class SlicePrinter:
    def __init__(self, val):
        self.val = val

    def display_hint(self):
        return "array"

    def to_string(self):
        return "%s len %d cap %d" % (
            self.val.type.name,
            int(self.val["len"]),
            int(self.val["cap"]),
        )

    def children(self):
        array = self.val["array"]
        for i in range(int(self.val["len"])):
            yield "[%d]" % i, (array + i).dereference()


class MapPrinter:
    def __init__(self, val, name):
        self.val = val
        self.name = name

    def display_hint(self):
        return "map"

    def to_string(self):
        if int(self.val) == 0:
            return "%s nil" % self.name
        count = int(self.val.dereference()["count"])
        return "%s with %d elements" % (self.name, count)

    def children(self):
        if int(self.val) == 0:
            return
        m = self.val.dereference()
        ctrl, slots = m["ctrl"], m["slots"]
        for i in range(int(m["cap"])):
            if int(ctrl[i]) >= 0x80:
                slot = slots[i]
                yield "[%d]" % i, slot["key"]
                yield "[%d]" % i, slot["elem"]


class InterfacePrinter:
    def __init__(self, val):
        self.val = val

    def to_string(self):
        fields = [f.name for f in self.val.type.strip_typedefs().fields()]
        desc = self.val["_type"] if "_type" in fields else self.val["tab"]
        if int(desc) == 0:
            return "nil"
        if "tab" in fields:
            desc = desc.dereference()["_type"]
        name = go_string(desc.dereference()["name"])
        data = self.val["data"]
        t = go_type(name)
        if t is None:
            return "(%s) %s" % (name, data)
        # data always points to a copy of the value, pointers included.
        value = data.cast(t.pointer()).dereference()
        return "(%s) %s" % (name, value.format_string())


def lookup_printer(val):
    t = val.type
    for name in type_names(t):
        if name.startswith("map["):
            return MapPrinter(val, name)
    resolved = t.strip_typedefs()
    if resolved.code != gdb.TYPE_CODE_STRUCT or not resolved.name:
        return None
    if resolved.name.startswith("[]"):
        return SlicePrinter(val)
    if resolved.name in ("runtime.iface", "runtime.eface"):
        return InterfacePrinter(val)
    return None


class Goroutine:
    def __init__(self, layout, addr):
        self.addr = addr
        self.goid = read_word(addr + layout["g_goid"])
        self.status = read_word(addr + layout["g_status"], 4)
        self.ctx = read_word(addr + layout["g_ctx"])
        reason = read_word(addr + layout["g_waitreason"])
        self.waitreason = gdb.selected_inferior().read_memory(reason, 64)
        self.waitreason = self.waitreason.tobytes().split(b"\0")[0].decode()
        seg = read_word(addr + layout["g_seg"])
        self.stack = (
            read_word(seg + layout["stack_lo"]),
            read_word(seg + layout["stack_hi"]),
        )


LAYOUT_FIELDS = (
    "version allg allglen allg_chunk g_goid g_status g_waitreason g_ctx "
    "g_gopc g_seg stack_lo stack_hi ctx_pc ctx_rbp ctx_rbx ctx_r12 ctx_r13 "
    "ctx_r14 ctx_r15 ctx_sp"
).split()

# The registers a saved context restores, by their mgo_debug_layout field.
SAVED_REGISTERS = (
    ("rbp", "ctx_rbp"),
    ("rbx", "ctx_rbx"),
    ("r12", "ctx_r12"),
    ("r13", "ctx_r13"),
    ("r14", "ctx_r14"),
    ("r15", "ctx_r15"),
)


def layout():
    addr = int(gdb.parse_and_eval("&mgo_debug_layout"))
    words = struct.unpack(
        "<%dq" % len(LAYOUT_FIELDS),
        gdb.selected_inferior()
        .read_memory(addr, 8 * len(LAYOUT_FIELDS))
        .tobytes(),
    )
    fields = dict(zip(LAYOUT_FIELDS, words))
    if fields["version"] != 1:
        raise gdb.GdbError("mgo_debug_layout version %d is not 1" % fields["version"])
    return fields


def goroutines():
    lay = layout()
    n = read_word(lay["allglen"])
    chunk = lay["allg_chunk"]
    for i in range(n):
        table = read_word(lay["allg"] + 8 * (i // chunk))
        g = Goroutine(lay, read_word(table + 8 * (i % chunk)))
        if g.status != G_DEAD:
            yield lay, g


def thread_running(g):
    """The gdb thread whose sp is on g's stack segment, if g is running."""
    if g.status != G_RUNNING:
        return None
    for thread in gdb.selected_inferior().threads():
        sp = int(thread_sp(thread))
        if g.stack[0] <= sp < g.stack[1]:
            return thread
    return None


def thread_sp(thread):
    current = gdb.selected_thread()
    thread.switch()
    try:
        return gdb.newest_frame().read_register("rsp")
    finally:
        current.switch()


def set_registers(values):
    # Registers are written in the selected frame: in an older one, gdb
    # would write where that frame saved them, on the goroutine's stack.
    gdb.newest_frame().select()
    language = gdb.parameter("language")
    gdb.execute("set language c", to_string=True)
    try:
        for reg, value in values.items():
            gdb.execute("set var $%s = %d" % (reg, value), to_string=True)
    finally:
        gdb.execute("set language %s" % language, to_string=True)


def with_goroutine(lay, g, action):
    """Runs action() with gdb looking at goroutine g's stack."""
    thread = thread_running(g)
    if thread is not None:
        current = gdb.selected_thread()
        thread.switch()
        try:
            return action()
        finally:
            current.switch()
    if g.status == G_RUNNING:
        raise gdb.GdbError("goroutine %d runs on no thread's stack" % g.goid)
    if g.ctx == 0:
        raise gdb.GdbError("goroutine %d has not started" % g.goid)
    level = gdb.selected_frame().level()
    frame = gdb.newest_frame()
    names = ["pc", "sp"] + [reg for reg, _ in SAVED_REGISTERS]
    saved = {reg: int(frame.read_register(reg)) for reg in names}
    regs = {
        "pc": read_word(g.ctx + lay["ctx_pc"]),
        "sp": g.ctx + lay["ctx_sp"],
    }
    for reg, field in SAVED_REGISTERS:
        regs[reg] = read_word(g.ctx + lay[field])
    set_registers(regs)
    try:
        return action()
    finally:
        set_registers(saved)
        gdb.execute("frame %d" % level, to_string=True)


def innermost_go_frame():
    frame = gdb.newest_frame()
    while frame is not None:
        if frame.function() is not None and frame.language() == "go":
            sal = frame.find_sal()
            where = ""
            if sal.symtab is not None:
                where = " %s:%d" % (sal.symtab.filename, sal.line)
            return frame.function().name + where
        frame = frame.older()
    return "?"


class InfoGoroutines(gdb.Command):
    """info goroutines: the goroutines with their ids, states and innermost
    Go functions; * marks the one the selected thread runs."""

    def __init__(self):
        super().__init__("info goroutines", gdb.COMMAND_STACK, gdb.COMPLETE_NONE)

    def invoke(self, arg, from_tty):
        current = gdb.selected_thread()
        for lay, g in list(goroutines()):
            mark = " "
            if thread_running(g) == current:
                mark = "*"
            state = STATES.get(g.status, "unknown(%d)" % g.status)
            if g.status == 3 and g.waitreason:
                state += " (%s)" % g.waitreason
            try:
                where = with_goroutine(lay, g, innermost_go_frame)
            except gdb.error:
                where = "?"
            print("%s %d %s %s" % (mark, g.goid, state, where))


class GoroutineCmd(gdb.Command):
    """goroutine N CMD: runs the gdb command CMD (such as bt or info locals)
    on goroutine N's stack; goroutine all CMD runs it on each goroutine."""

    def __init__(self):
        super().__init__("goroutine", gdb.COMMAND_STACK, gdb.COMPLETE_NONE)

    def invoke(self, arg, from_tty):
        which, _, cmd = arg.strip().partition(" ")
        if not cmd:
            raise gdb.GdbError("usage: goroutine N|all CMD")
        found = False
        for lay, g in list(goroutines()):
            if which != "all" and str(g.goid) != which:
                continue
            found = True
            if which == "all":
                print("goroutine %d:" % g.goid)
            with_goroutine(lay, g, lambda: gdb.execute(cmd))
        if not found:
            raise gdb.GdbError("no goroutine %s" % which)


gdb.printing.register_pretty_printer(gdb.current_objfile(), lookup_printer)
InfoGoroutines()
GoroutineCmd()

# The collector probes memory with SIGSEGV at start-up and stops threads
# with SIGPWR and SIGXCPU, and the runtime turns faults into Go's panics:
# none of them is the user's to see (`handle SIGSEGV stop` to stop on
# faults anyway).
gdb.execute("handle SIGSEGV SIGPWR SIGXCPU nostop noprint pass", to_string=True)

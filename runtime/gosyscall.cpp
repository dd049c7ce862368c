// Package syscall's functions without a body: what gc implements in assembly
// (the system call instruction itself) and in its runtime (the environment,
// fork and exec hooks), for Go's own syscall sources compiled by mgoc.
#include "alloc.h"
#include "sched.h"

#include "mgo/abi.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <grp.h>
#include <sched.h>
#include <string>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

extern char **environ;

namespace {

struct Regs {
  mgo_int ax, dx;
};

// The syscall instruction with Go's register results (rax, rdx): the C
// library's syscall() returns only rax.
Regs raw_syscall(mgo_int trap, mgo_int a1, mgo_int a2, mgo_int a3, mgo_int a4,
                 mgo_int a5, mgo_int a6) {
  register mgo_int r10 asm("r10") = a4;
  register mgo_int r8 asm("r8") = a5;
  register mgo_int r9 asm("r9") = a6;
  mgo_int ax = trap, dx = a3;
  asm volatile("syscall"
               : "+a"(ax), "+d"(dx)
               : "D"(a1), "S"(a2), "r"(r10), "r"(r8), "r"(r9)
               : "rcx", "r11", "memory");
  return {ax, dx};
}

// A failed call returns -errno in rax.
bool failed(mgo_int ax) { return uint64_t(ax) > uint64_t(-4096); }

// The signal mask BeforeFork replaced, for AfterFork and the child.
sigset_t fork_sigmask;

MgoString copy_string(const char *s) {
  size_t n = std::strlen(s);
  if (n == 0)
    return MgoString{nullptr, 0};
  auto *p = static_cast<uint8_t *>(mgo_alloc_noscan(mgo_int(n)));
  std::memcpy(p, s, n);
  return MgoString{p, mgo_int(n)};
}

std::string c_string(MgoString s) {
  return std::string(reinterpret_cast<const char *>(s.ptr), size_t(s.len));
}

} // namespace

extern "C" {

void mgo_runtime_entersyscall(void) { mgo::rt::entersyscall(); }

void mgo_runtime_exitsyscall(void) { mgo::rt::exitsyscall(); }

void mgo_syscall_RawSyscall6(mgo_int trap, mgo_int a1, mgo_int a2, mgo_int a3,
                             mgo_int a4, mgo_int a5, mgo_int a6,
                             MgoWords3 *out) {
  Regs r = raw_syscall(trap, a1, a2, a3, a4, a5, a6);
  if (failed(r.ax))
    *out = MgoWords3{{-1, 0, -r.ax}};
  else
    *out = MgoWords3{{r.ax, r.dx, 0}};
}

void mgo_syscall_rawSyscallNoError(mgo_int trap, mgo_int a1, mgo_int a2,
                                   mgo_int a3, MgoWords2 *out) {
  Regs r = raw_syscall(trap, a1, a2, a3, 0, 0, 0);
  *out = MgoWords2{{r.ax, r.dx}};
}

// gc's assembly keeps its return address in a register so that the child,
// sharing the parent's stack (CLONE_VM|CLONE_VFORK), cannot overwrite it; a
// C function's return address is on the stack, so the child gets a copy of
// the address space (fork) instead, and the parent does not wait for its
// exec. forkExec's pipe still reports the child's failure to exec.
void mgo_syscall_rawVforkSyscall(mgo_int trap, mgo_int a1, MgoWords2 *out) {
  mgo_int flags = a1 & ~mgo_int(CLONE_VM | CLONE_VFORK);
  Regs r = raw_syscall(trap, flags, 0, 0, 0, 0, 0);
  if (r.ax == 0)
    mgo::rt::clear_preempt(mgo::rt::getm()); // no sysmon in the child
  if (failed(r.ax))
    *out = MgoWords2{{-1, -r.ax}};
  else
    *out = MgoWords2{{r.ax, 0}};
}

// gc stops the world and makes each thread run the call; the C library does
// the same for the set*id calls (its setxid broadcast), which are the ones
// package syscall asks for. Others fail as gc's do with cgo.
void mgo_syscall_runtime_doAllThreadsSyscall(mgo_int trap, mgo_int a1,
                                             mgo_int a2, mgo_int a3, mgo_int,
                                             mgo_int, mgo_int, MgoWords3 *out) {
  int ret;
  switch (trap) {
  case SYS_setuid:
    ret = setuid(uid_t(a1));
    break;
  case SYS_setgid:
    ret = setgid(gid_t(a1));
    break;
  case SYS_setreuid:
    ret = setreuid(uid_t(a1), uid_t(a2));
    break;
  case SYS_setregid:
    ret = setregid(gid_t(a1), gid_t(a2));
    break;
  case SYS_setresuid:
    ret = setresuid(uid_t(a1), uid_t(a2), uid_t(a3));
    break;
  case SYS_setresgid:
    ret = setresgid(gid_t(a1), gid_t(a2), gid_t(a3));
    break;
  case SYS_setgroups:
    ret = setgroups(size_t(a1), reinterpret_cast<const gid_t *>(a2));
    break;
  default:
    *out = MgoWords3{{-1, 0, ENOTSUP}};
    return;
  }
  *out = ret < 0 ? MgoWords3{{-1, 0, errno}} : MgoWords3{{ret, 0, 0}};
}

mgo_int mgo_syscall_cgocaller(mgo_ptr fn, const MgoSlice *args) {
  mgo_int a[6] = {};
  const auto *p = static_cast<const mgo_int *>(args->ptr);
  for (mgo_int i = 0; i < args->len && i < 6; ++i)
    a[i] = p[i];
  using CFunc =
      mgo_int (*)(mgo_int, mgo_int, mgo_int, mgo_int, mgo_int, mgo_int);
  return reinterpret_cast<CFunc>(fn)(a[0], a[1], a[2], a[3], a[4], a[5]);
}

void mgo_syscall_runtime_envs(MgoSlice *out) {
  size_t n = 0;
  while (environ[n])
    ++n;
  auto *envs =
      static_cast<MgoString *>(mgo_alloc(mgo_int(n * sizeof(MgoString))));
  for (size_t i = 0; i < n; ++i)
    envs[i] = copy_string(environ[i]);
  *out = MgoSlice{envs, mgo_int(n), mgo_int(n)};
}

void mgo_syscall_setenv_c(MgoString key, MgoString value) {
  setenv(c_string(key).c_str(), c_string(value).c_str(), 1);
}

void mgo_syscall_unsetenv_c(MgoString key) { unsetenv(c_string(key).c_str()); }

// No signal handler may run in the child before it execs (Go's issue
// 18600): every signal is blocked across fork.
void mgo_syscall_runtime_BeforeFork(void) {
  sigset_t all;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &fork_sigmask);
}

void mgo_syscall_runtime_AfterFork(void) {
  pthread_sigmask(SIG_SETMASK, &fork_sigmask, nullptr);
}

// The runtime's handlers (and the collector's) are the parent's: the child
// takes the default action until it execs, as gc's clearSignalHandlers.
void mgo_syscall_runtime_AfterForkInChild(void) {
  for (int sig = 1; sig < NSIG; ++sig) {
    struct sigaction sa;
    if (sigaction(sig, nullptr, &sa) != 0 || sa.sa_handler == SIG_IGN ||
        sa.sa_handler == SIG_DFL)
      continue;
    sa.sa_handler = SIG_DFL;
    sa.sa_flags = 0;
    sigaction(sig, &sa, nullptr);
  }
  pthread_sigmask(SIG_SETMASK, &fork_sigmask, nullptr);
}

void mgo_syscall_runtime_BeforeExec(void) { mgo::rt::exec_lock.lock(); }

void mgo_syscall_runtime_AfterExec(void) { mgo::rt::exec_lock.unlock(); }

mgo_int mgo_syscall_Getpagesize(void) { return sysconf(_SC_PAGESIZE); }

void mgo_syscall_Exit(mgo_int code) { mgo_exit(code); }

mgo_int mgo_syscall_gettimeofday(mgo_ptr tv) {
  return ::gettimeofday(static_cast<struct timeval *>(tv), nullptr) == 0
             ? 0
             : errno;
}
}

// Blocking system calls made for goroutines. Each is bracketed by
// entersyscall/exitsyscall (sched.cpp): while the thread is blocked, sysmon
// may hand its P to another M, so one goroutine reading a terminal or a pipe
// does not stall the others (Go's syscall.Read path).
#include "syscall.h"
#include "sched.h"

#include <cerrno>
#include <unistd.h>

extern "C" mgo_int mgo_os_read(mgo_int fd, uint8_t *p, mgo_int len) {
  using namespace mgo::rt;
  entersyscall();
  ssize_t n;
  do
    n = read(int(fd), p, size_t(len));
  while (n < 0 && errno == EINTR); // the collector's stop signal
  int err = errno;
  exitsyscall();
  return n < 0 ? -err : mgo_int(n);
}

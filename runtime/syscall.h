// Marks a system call that may block (a write to a full pipe, a read of a
// terminal) so that the goroutine's P can be handed to another thread
// meanwhile: Go's entersyscall/exitsyscall (sched.cpp). The goroutine may
// resume on another P, or wait for one, so no runtime lock may be held
// across it. Outside the scheduler it does nothing.
#ifndef MGO_RUNTIME_SYSCALL_H
#define MGO_RUNTIME_SYSCALL_H

namespace mgo {

namespace rt {
void entersyscall();
void exitsyscall();
} // namespace rt

struct BlockingSyscall {
  BlockingSyscall() { rt::entersyscall(); }
  ~BlockingSyscall() { rt::exitsyscall(); }
  BlockingSyscall(const BlockingSyscall &) = delete;
  BlockingSyscall &operator=(const BlockingSyscall &) = delete;
};

} // namespace mgo

#endif

// Internal header: semaphores that park goroutines (sema.cpp), for sync.
#ifndef MGO_RUNTIME_SEMA_H
#define MGO_RUNTIME_SEMA_H

#include "sched.h"

namespace mgo::rt {

// Waits until *addr > 0, then decrements it. lifo queues the goroutine
// ahead of the others (a mutex waiter woken before and beaten to the lock).
void semacquire(uint32_t *addr, bool lifo, const char *reason);
// Increments *addr and wakes a waiter; handoff passes the count directly to
// it and yields this P to it (starving mutex).
void semrelease(uint32_t *addr, bool handoff);

} // namespace mgo::rt

#endif

// The runtime side of the library packages' functions without a body
// (stdlib/*, abi.def's last group): mostly the scheduler's timers and sync
// entry points under the names the packages' Go declarations map to.
#include "alloc.h"
#include "panic.h"
#include "start.h"

#include "mgo/abi.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>

extern "C" {

void mgo_time_sleep(mgo_int ns) { mgo_sleep(ns); }

void mgo_time_now(MgoWords3 *out) {
  mgo_int wall = mgo_time_wall();
  *out = MgoWords3{{wall / 1000000000, wall % 1000000000, mgo_time_mono()}};
}

mgo_ptr mgo_time_newTimer(mgo_int d, mgo_bool ticker) {
  return mgo_timer_new(d, ticker);
}

// A func() value points to its closure object, whose first word is the code,
// called with the closure itself.
mgo_ptr mgo_time_afterFunc(mgo_int d, mgo_ptr f) {
  return mgo_timer_after_func(d, *static_cast<mgo_ptr *>(f), f);
}

mgo_bool mgo_time_stopTimer(mgo_ptr timer) { return mgo_timer_stop(timer); }

mgo_bool mgo_time_resetTimer(mgo_ptr timer, mgo_int d, mgo_bool ticker) {
  return mgo_timer_reset(timer, d, ticker);
}

void mgo_sync_mutexLock(MgoMutex *m) { mgo_mutex_lock(m); }
mgo_bool mgo_sync_mutexTryLock(MgoMutex *m) { return mgo_mutex_trylock(m); }
void mgo_sync_mutexUnlock(MgoMutex *m) { mgo_mutex_unlock(m); }
void mgo_sync_rwmutexLock(MgoRWMutex *rw) { mgo_rwmutex_lock(rw); }
void mgo_sync_rwmutexUnlock(MgoRWMutex *rw) { mgo_rwmutex_unlock(rw); }
void mgo_sync_rwmutexRLock(MgoRWMutex *rw) { mgo_rwmutex_rlock(rw); }
void mgo_sync_rwmutexRUnlock(MgoRWMutex *rw) { mgo_rwmutex_runlock(rw); }

void mgo_sync_waitgroupAdd(MgoWaitGroup *wg, mgo_int delta) {
  mgo_waitgroup_add(wg, delta);
}

void mgo_sync_waitgroupWait(MgoWaitGroup *wg) { mgo_waitgroup_wait(wg); }
mgo_bool mgo_sync_onceBegin(MgoOnce *o) { return mgo_once_begin(o); }
void mgo_sync_onceEnd(MgoOnce *o) { mgo_once_end(o); }
void mgo_sync_condWait(MgoCond *c, MgoMutex *l) { mgo_cond_wait(c, l); }
mgo_int mgo_sync_condAdd(MgoCond *c) { return mgo_cond_add(c); }
void mgo_sync_condWaitTicket(MgoCond *c, mgo_int ticket) {
  mgo_cond_wait_ticket(c, ticket);
}
void mgo_sync_condSignal(MgoCond *c) { mgo_cond_signal(c); }
void mgo_sync_condBroadcast(MgoCond *c) { mgo_cond_broadcast(c); }

} // extern "C"

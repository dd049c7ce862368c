// Package sync: Go's locks and WaitGroup on the runtime's (runtime/sync.cpp).
// Each type is laid out as its runtime counterpart in mgo/abi.h (MgoMutex,
// MgoRWMutex, MgoWaitGroup, MgoOnce), whose zero value is ready to use as in
// Go; the methods pass its address to the runtime.
package sync

import "sync/atomic"

// A Locker represents an object that can be locked and unlocked.
type Locker interface {
	Lock()
	Unlock()
}

// Mutex is a mutual exclusion lock (MgoMutex).
type Mutex struct {
	state int32
	sema  uint32
}

func (m *Mutex) Lock() { mutexLock(m) }

func (m *Mutex) TryLock() bool { return mutexTryLock(m) }

// Unlock of an unlocked mutex is a fatal error, as in Go.
func (m *Mutex) Unlock() { mutexUnlock(m) }

func mutexLock(m *Mutex)
func mutexTryLock(m *Mutex) bool
func mutexUnlock(m *Mutex)

// RWMutex is a reader/writer mutual exclusion lock (MgoRWMutex).
type RWMutex struct {
	w           Mutex
	writerSem   uint32
	readerSem   uint32
	readerCount int32
	readerWait  int32
}

func (rw *RWMutex) Lock() { rwmutexLock(rw) }

func (rw *RWMutex) Unlock() { rwmutexUnlock(rw) }

func (rw *RWMutex) RLock() { rwmutexRLock(rw) }

func (rw *RWMutex) RUnlock() { rwmutexRUnlock(rw) }

func rwmutexLock(rw *RWMutex)
func rwmutexUnlock(rw *RWMutex)
func rwmutexRLock(rw *RWMutex)
func rwmutexRUnlock(rw *RWMutex)

// WaitGroup waits for a collection of goroutines to finish (MgoWaitGroup).
type WaitGroup struct {
	state uint64
	sema  uint32
	pad   uint32
}

// Add panics with "sync: negative WaitGroup counter" below zero, as in Go.
func (wg *WaitGroup) Add(delta int) { waitgroupAdd(wg, delta) }

func (wg *WaitGroup) Done() { waitgroupAdd(wg, -1) }

func (wg *WaitGroup) Wait() { waitgroupWait(wg) }

func waitgroupAdd(wg *WaitGroup, delta int)
func waitgroupWait(wg *WaitGroup)

// Once performs exactly one action (MgoOnce).
type Once struct {
	done uint32
	m    Mutex
}

// Do calls f if and only if Do is being called for the first time for this
// instance of Once; later calls wait until that first f has returned.
func (o *Once) Do(f func()) {
	if atomic.LoadUint32(&o.done) != 0 {
		return
	}
	if onceBegin(o) {
		// Released even if f panics, as in Go.
		defer onceEnd(o)
		f()
	}
}

func onceBegin(o *Once) bool
func onceEnd(o *Once)

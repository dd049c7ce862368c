// Package sync: Go's locks and WaitGroup on the runtime's (runtime/sync.cpp).
// Each type is laid out as its runtime counterpart in mgo/abi.h (MgoMutex,
// MgoRWMutex, MgoWaitGroup, MgoOnce, MgoCond), whose zero value is ready to
// use as in Go; the methods pass its address to the runtime.
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

// WaitGroup waits for a collection of goroutines to finish (MgoWaitGroup:
// state1 is its state, state2 its sema). The fields are Go's, so a struct
// embedding a WaitGroup prints as Go's does.
type WaitGroup struct {
	noCopy noCopy
	state1 uint64
	state2 uint32
}

// noCopy is Go's marker for go vet's copylocks check.
type noCopy struct{}

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

// RLocker returns a Locker interface that implements the Lock and Unlock
// methods by calling rw.RLock and rw.RUnlock.
func (rw *RWMutex) RLocker() Locker {
	return (*rlocker)(rw)
}

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }

// Cond implements a condition variable, a rendezvous point for goroutines
// waiting for or announcing the occurrence of an event. L is held while
// observing or changing the condition.
type Cond struct {
	L      Locker
	notify notifyList
}

// notifyList is laid out as the runtime's MgoCond (Go's notifyList).
type notifyList struct {
	wait   uint32
	notify uint32
	lock   uint32
	pad    uint32
	head   *byte
	tail   *byte
}

// NewCond returns a new Cond with Locker l.
func NewCond(l Locker) *Cond {
	return &Cond{L: l}
}

// Wait atomically unlocks c.L and suspends execution of the calling
// goroutine; after later resuming, Wait locks c.L before returning.
func (c *Cond) Wait() {
	t := condAdd(&c.notify)
	c.L.Unlock()
	condWaitTicket(&c.notify, t)
	c.L.Lock()
}

// Signal wakes one goroutine waiting on c, if there is any.
func (c *Cond) Signal() { condSignal(&c.notify) }

// Broadcast wakes all goroutines waiting on c.
func (c *Cond) Broadcast() { condBroadcast(&c.notify) }

func condAdd(c *notifyList) int
func condWaitTicket(c *notifyList, ticket int)
func condSignal(c *notifyList)
func condBroadcast(c *notifyList)

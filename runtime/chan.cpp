// Channels: a port of Go's chan.go.
//
// Invariants (all under c->lock):
// - At least one of recvq and sendq is empty, except for a select blocked
//   sending and receiving on the same unbuffered channel.
// - Buffered: qcount > 0 implies recvq is empty; qcount < dataqsiz implies
//   sendq is empty.
// - A parked goroutine's sudog (on its own stack) stays in the queue until a
//   peer dequeues it, copies the value straight to or from sudog.elem, and
//   readies the goroutine, after releasing c->lock.
// - close wakes every parked receiver (zero value, ok=false) and every parked
//   sender (which then panics).
#include "chan.h"
#include "race.h"

#include <cstring>
#include <new>

namespace mgo::rt {
namespace {

void unlock_chan(G *, void *lk) { unlock(static_cast<Lock *>(lk)); }
void unlock_plain(void *lk) { unlock(static_cast<Lock *>(lk)); }

void wake(Sudog *sg, bool success) {
  G *gp = sg->g;
  gp->param = sg;
  sg->success = success;
  goready(gp);
}

[[noreturn]] void park_forever(const char *reason) {
  gopark(nullptr, nullptr, reason);
  fatal("unreachable");
}

// Blocks the running G on q until a peer completes the operation; returns
// whether it completed with a value (false: the channel was closed).
bool park_on(Hchan *c, WaitQ *q, void *elem, const char *reason) {
  G *gp = getg();
  Sudog s;
  s.g = gp;
  s.elem = elem;
  s.c = c;
  gp->param = nullptr;
  q->enqueue(&s);
  race_release_g(gp);
  gopark(unlock_chan, &c->lock, reason);
  race_acquire_g(gp);
  if (!s.success)
    race_acquire(c); // woken by close
  return s.success;
}

bool chansend(Hchan *c, const void *ep, bool block) {
  if (!c) {
    if (!block)
      return false;
    park_forever("chan send (nil chan)");
  }
  lock(&c->lock);
  if (c->closed) {
    unlock(&c->lock);
    panic_msg("send on closed channel");
  }
  if (Sudog *sg = c->recvq.dequeue()) {
    send_to_waiter(c, sg, ep, unlock_plain, &c->lock);
    return true;
  }
  if (c->qcount < c->dataqsiz) {
    race_acquire(chanbuf(c, c->sendx));
    if (c->elemsize)
      memcpy(chanbuf(c, c->sendx), ep, c->elemsize);
    race_release(chanbuf(c, c->sendx));
    if (++c->sendx == c->dataqsiz)
      c->sendx = 0;
    c->qcount++;
    unlock(&c->lock);
    return true;
  }
  if (!block) {
    unlock(&c->lock);
    return false;
  }
  if (!park_on(c, &c->sendq, const_cast<void *>(ep), "chan send"))
    panic_msg("send on closed channel");
  return true;
}

// Returns whether a value was received (vs closed); *selected is false when
// a non-blocking receive found nothing.
bool chanrecv(Hchan *c, void *ep, bool block, bool *selected) {
  *selected = true;
  if (!c) {
    if (!block) {
      *selected = false;
      return false;
    }
    park_forever("chan receive (nil chan)");
  }
  lock(&c->lock);
  if (c->closed && c->qcount == 0) {
    unlock(&c->lock);
    race_acquire(c);
    if (ep && c->elemsize)
      memset(ep, 0, c->elemsize);
    return false;
  }
  if (Sudog *sg = c->sendq.dequeue()) {
    recv_from_waiter(c, sg, ep, unlock_plain, &c->lock);
    return true;
  }
  if (c->qcount > 0) {
    uint8_t *qp = chanbuf(c, c->recvx);
    race_acquire(qp);
    if (c->elemsize) {
      if (ep)
        memcpy(ep, qp, c->elemsize);
      memset(qp, 0, c->elemsize); // drop the buffer's reference for the GC
    }
    race_release(qp);
    if (++c->recvx == c->dataqsiz)
      c->recvx = 0;
    c->qcount--;
    unlock(&c->lock);
    return true;
  }
  if (!block) {
    unlock(&c->lock);
    *selected = false;
    return false;
  }
  return park_on(c, &c->recvq, ep, "chan receive");
}

} // namespace

void WaitQ::enqueue(Sudog *s) {
  s->next = nullptr;
  s->prev = last;
  if (last)
    last->next = s;
  else
    first = s;
  last = s;
}

Sudog *WaitQ::dequeue() {
  for (;;) {
    Sudog *s = first;
    if (!s)
      return nullptr;
    first = s->next;
    if (first)
      first->prev = nullptr;
    else
      last = nullptr;
    s->next = nullptr;
    if (s->isSelect) {
      uint32_t zero = 0;
      if (!s->g->selectDone.compare_exchange_strong(zero, 1,
                                                    std::memory_order_acq_rel))
        continue; // another case of that select won
    }
    return s;
  }
}

void WaitQ::remove(Sudog *s) {
  Sudog *x = s->prev, *y = s->next;
  if (x) {
    if (y) {
      x->next = y;
      y->prev = x;
    } else {
      x->next = nullptr;
      last = x;
    }
  } else if (y) {
    y->prev = nullptr;
    first = y;
  } else if (first == s) {
    first = last = nullptr;
  }
  s->next = s->prev = nullptr;
}

Hchan *makechan(int64_t elemsize, int64_t size) {
  if (size < 0 || elemsize < 0 ||
      (elemsize > 0 && size > (int64_t(1) << 40) / elemsize))
    panic_msg("makechan: size out of range");
  void *mem = gc_malloc(sizeof(Hchan) + size_t(size * elemsize));
  if (!mem)
    fatal("out of memory");
  Hchan *c = new (mem) Hchan;
  c->buf = reinterpret_cast<uint8_t *>(c + 1);
  c->elemsize = uint64_t(elemsize);
  c->dataqsiz = uint64_t(size);
  return c;
}

bool chansend_nb(Hchan *c, const void *elem) {
  return chansend(c, elem, false);
}

void send_to_waiter(Hchan *c, Sudog *sg, const void *ep,
                    void (*unlockf)(void *), void *arg) {
  race_acquire_g(sg->g);
  if (sg->elem && c->elemsize)
    memcpy(sg->elem, ep, c->elemsize);
  race_release_g(sg->g);
  sg->elem = nullptr;
  unlockf(arg);
  wake(sg, true);
}

void recv_from_waiter(Hchan *c, Sudog *sg, void *ep, void (*unlockf)(void *),
                      void *arg) {
  race_acquire_g(sg->g);
  if (c->dataqsiz == 0) {
    if (ep && c->elemsize)
      memcpy(ep, sg->elem, c->elemsize);
  } else {
    // Full buffer: take its head, and put the sender's value at its tail
    // (the same slot, as recvx == sendx when full).
    uint8_t *qp = chanbuf(c, c->recvx);
    race_acquire(qp);
    if (c->elemsize) {
      if (ep)
        memcpy(ep, qp, c->elemsize);
      memcpy(qp, sg->elem, c->elemsize);
    }
    race_release(qp);
    if (++c->recvx == c->dataqsiz)
      c->recvx = 0;
    c->sendx = c->recvx;
  }
  race_release_g(sg->g);
  sg->elem = nullptr;
  unlockf(arg);
  wake(sg, true);
}

} // namespace mgo::rt

using namespace mgo::rt;

extern "C" {

mgo_ptr mgo_chan_make(mgo_int elem_size, mgo_int cap) {
  return makechan(elem_size, cap);
}

void mgo_chan_send(mgo_ptr ch, const void *elem) {
  chansend(static_cast<Hchan *>(ch), elem, true);
}

mgo_bool mgo_chan_recv(mgo_ptr ch, void *elem_out) {
  bool selected;
  return chanrecv(static_cast<Hchan *>(ch), elem_out, true, &selected);
}

mgo_bool mgo_chan_try_send(mgo_ptr ch, const void *elem) {
  return chansend(static_cast<Hchan *>(ch), elem, false);
}

mgo_int mgo_chan_try_recv(mgo_ptr ch, void *elem_out) {
  bool selected;
  bool ok = chanrecv(static_cast<Hchan *>(ch), elem_out, false, &selected);
  return selected ? (ok ? 1 : 0) : -1;
}

void mgo_chan_close(mgo_ptr ch) {
  Hchan *c = static_cast<Hchan *>(ch);
  if (!c)
    panic_msg("close of nil channel");
  lock(&c->lock);
  if (c->closed) {
    unlock(&c->lock);
    panic_msg("close of closed channel");
  }
  race_release(c);
  c->closed = 1;
  // Collect the parked goroutines, then ready them once the lock is free.
  Sudog *woken = nullptr;
  while (Sudog *sg = c->recvq.dequeue()) {
    race_acquire_g(sg->g); // the zero value is written as a handoff's copy
    if (sg->elem && c->elemsize)
      memset(sg->elem, 0, c->elemsize);
    race_release_g(sg->g);
    sg->elem = nullptr;
    sg->next = woken;
    woken = sg;
  }
  while (Sudog *sg = c->sendq.dequeue()) {
    sg->elem = nullptr;
    sg->next = woken;
    woken = sg;
  }
  unlock(&c->lock);
  while (woken) {
    Sudog *next = woken->next; // the sudog dies once its G runs
    woken->next = nullptr;
    G *gp = woken->g;
    gp->param = woken;
    woken->success = false;
    goready(gp);
    woken = next;
  }
}

mgo_int mgo_chan_len(mgo_ptr ch) {
  Hchan *c = static_cast<Hchan *>(ch);
  if (!c)
    return 0;
  lock(&c->lock);
  mgo_int n = mgo_int(c->qcount);
  unlock(&c->lock);
  return n;
}

mgo_int mgo_chan_cap(mgo_ptr ch) {
  Hchan *c = static_cast<Hchan *>(ch);
  return c ? mgo_int(c->dataqsiz) : 0;
}

} // extern "C"

// Internal header: the channel representation (Go's hchan) shared by
// chan.cpp, select.cpp and timer.cpp.
#ifndef MGO_RUNTIME_CHAN_H
#define MGO_RUNTIME_CHAN_H

#include "sched.h"

namespace mgo::rt {

// A FIFO of parked goroutines' sudogs.
struct WaitQ {
  Sudog *first = nullptr;
  Sudog *last = nullptr;
  void enqueue(Sudog *s);
  // The first sudog whose goroutine can still be woken: a select's sudog is
  // skipped if another of its cases already won (selectDone).
  Sudog *dequeue();
  void remove(Sudog *s);
};

// All fields are protected by lock. buf follows the struct in the same
// collector-scanned allocation, so buffered values keep what they point to
// alive.
struct Hchan {
  uint64_t qcount = 0;   // values in buf
  uint64_t dataqsiz = 0; // capacity of buf
  uint8_t *buf = nullptr;
  uint64_t elemsize = 0;
  uint32_t closed = 0;
  uint64_t sendx = 0; // next slot to send into
  uint64_t recvx = 0; // next slot to receive from
  WaitQ recvq;        // parked receivers
  WaitQ sendq;        // parked senders
  Lock lock;
};

Hchan *makechan(int64_t elemsize, int64_t size);
// Non-blocking send for timers: false if the buffer is full.
bool chansend_nb(Hchan *c, const void *elem);

// Direct handoffs with a parked peer, c->lock held on entry and released
// before the peer is readied.
void send_to_waiter(Hchan *c, Sudog *sg, const void *ep,
                    void (*unlockf)(void *), void *arg);
void recv_from_waiter(Hchan *c, Sudog *sg, void *ep, void (*unlockf)(void *),
                      void *arg);

inline uint8_t *chanbuf(Hchan *c, uint64_t i) {
  return c->buf + i * c->elemsize;
}

} // namespace mgo::rt

#endif

// select: a port of Go's selectgo (select.go).
//
// 1. Cases on nil channels are dropped; the rest get a random poll order
//    (each ready case equally likely) and a lock order (by channel address,
//    so two selects sharing channels cannot deadlock).
// 2. All channels are locked; the first ready case in poll order completes.
// 3. With default, none ready: unlock, return -1.
// 4. Otherwise a sudog per case goes on every channel's queue, and the G
//    parks; the park releases the locks only after its context is saved.
//    A peer that dequeues one of these sudogs must win the G's selectDone
//    CAS, so exactly one case completes.
// 5. Woken: lock all again, take the other sudogs off their queues.
#include "chan.h"
#include "race.h"

#include <algorithm>
#include <cstring>
#include <memory>

namespace mgo::rt {
namespace {

constexpr int kInlineCases = 16;

struct SelectState {
  MgoSelectCase *cases;
  uint16_t *lockorder;
  int n; // entries in lockorder
};

Hchan *chan_of(const MgoSelectCase &c) { return static_cast<Hchan *>(c.chan); }

void sellock(const SelectState &s) {
  Hchan *last = nullptr;
  for (int i = 0; i < s.n; i++) {
    Hchan *c = chan_of(s.cases[s.lockorder[i]]);
    if (c != last)
      lock(&c->lock);
    last = c;
  }
}

void selunlock(const SelectState &s) {
  for (int i = s.n - 1; i >= 0; i--) {
    Hchan *c = chan_of(s.cases[s.lockorder[i]]);
    if (i > 0 && c == chan_of(s.cases[s.lockorder[i - 1]]))
      continue;
    unlock(&c->lock);
  }
}

void selunlock_cb(void *arg) { selunlock(*static_cast<SelectState *>(arg)); }

// The park's unlock: walks the G's sudogs (in lock order) and releases each
// channel once. After the last unlock the G may already run elsewhere.
void selparkcommit(G *gp, void *) {
  Hchan *lastc = nullptr;
  for (Sudog *sg = gp->waiting; sg; sg = sg->waitlink) {
    if (sg->c != lastc && lastc)
      unlock(&lastc->lock);
    lastc = sg->c;
  }
  if (lastc)
    unlock(&lastc->lock);
}

int selectgo(MgoSelectCase *cases, int ncases, bool block, bool *recv_ok) {
  uint16_t inline_orders[2 * kInlineCases];
  std::unique_ptr<uint16_t[]> heap_orders;
  uint16_t *orders = inline_orders;
  if (ncases > kInlineCases) {
    heap_orders.reset(new uint16_t[2 * size_t(ncases)]);
    orders = heap_orders.get();
  }
  uint16_t *pollorder = orders;
  uint16_t *lockorder = orders + ncases;
  *recv_ok = false;

  int norder = 0;
  for (int i = 0; i < ncases; i++) {
    if (!cases[i].chan)
      continue;
    int j = int(fastrand() % uint32_t(norder + 1));
    pollorder[norder] = pollorder[j];
    pollorder[j] = uint16_t(i);
    norder++;
  }
  if (norder == 0) {
    if (!block)
      return -1;
    // Go's wait reasons: `select {}` is "select (no cases)"; cases that are
    // all on nil channels park as any other select.
    gopark(nullptr, nullptr, ncases == 0 ? "select (no cases)" : "select");
    fatal("unreachable");
  }
  std::copy(pollorder, pollorder + norder, lockorder);
  std::sort(lockorder, lockorder + norder, [&](uint16_t a, uint16_t b) {
    return chan_of(cases[a]) < chan_of(cases[b]);
  });
  SelectState st{cases, lockorder, norder};
  sellock(st);

  // Pass 1: a case that can proceed now.
  for (int k = 0; k < norder; k++) {
    int i = pollorder[k];
    MgoSelectCase &cas = cases[i];
    Hchan *c = chan_of(cas);
    if (cas.dir == MGO_SELECT_SEND) {
      if (c->closed) {
        selunlock(st);
        panic_msg("send on closed channel");
      }
      if (Sudog *sg = c->recvq.dequeue()) {
        send_to_waiter(c, sg, cas.elem, selunlock_cb, &st);
        return i;
      }
      if (c->qcount < c->dataqsiz) {
        race_acquire(chanbuf(c, c->sendx));
        if (c->elemsize)
          memcpy(chanbuf(c, c->sendx), cas.elem, c->elemsize);
        race_release(chanbuf(c, c->sendx));
        if (++c->sendx == c->dataqsiz)
          c->sendx = 0;
        c->qcount++;
        selunlock(st);
        return i;
      }
    } else {
      if (Sudog *sg = c->sendq.dequeue()) {
        recv_from_waiter(c, sg, cas.elem, selunlock_cb, &st);
        *recv_ok = true;
        return i;
      }
      if (c->qcount > 0) {
        uint8_t *qp = chanbuf(c, c->recvx);
        race_acquire(qp);
        if (c->elemsize) {
          if (cas.elem)
            memcpy(cas.elem, qp, c->elemsize);
          memset(qp, 0, c->elemsize);
        }
        race_release(qp);
        if (++c->recvx == c->dataqsiz)
          c->recvx = 0;
        c->qcount--;
        selunlock(st);
        *recv_ok = true;
        return i;
      }
      if (c->closed) {
        selunlock(st);
        race_acquire(c);
        if (cas.elem && c->elemsize)
          memset(cas.elem, 0, c->elemsize);
        return i;
      }
    }
  }
  if (!block) {
    selunlock(st);
    return -1;
  }

  // Pass 2: wait on every channel. The sudogs are sized to this select, in
  // its frame: a fixed array of kInlineCases (1,280 bytes, all of it
  // initialised when a select blocked) put every select's frame that deep
  // on the goroutine's stack, which small first segments cannot give
  // (docs/perf.md, goroutine memory).
  G *gp = getg();
  std::unique_ptr<Sudog[]> heap_sgs;
  Sudog *sgs;
  if (ncases > kInlineCases) {
    heap_sgs.reset(new Sudog[size_t(ncases)]);
    sgs = heap_sgs.get();
  } else {
    sgs =
        static_cast<Sudog *>(__builtin_alloca(sizeof(Sudog) * size_t(ncases)));
    std::uninitialized_value_construct_n(sgs, ncases);
  }
  gp->waiting = nullptr;
  Sudog **nextp = &gp->waiting;
  for (int k = 0; k < norder; k++) {
    int i = lockorder[k];
    Sudog *sg = &sgs[i];
    sg->g = gp;
    sg->isSelect = true;
    sg->elem = cases[i].elem;
    sg->c = chan_of(cases[i]);
    *nextp = sg;
    nextp = &sg->waitlink;
    if (cases[i].dir == MGO_SELECT_SEND)
      sg->c->sendq.enqueue(sg);
    else
      sg->c->recvq.enqueue(sg);
  }
  gp->param = nullptr;
  gp->selectDone.store(0, std::memory_order_relaxed);
  race_release_g(gp);
  gopark(selparkcommit, nullptr, "select");
  race_acquire_g(gp);

  // Pass 3: the winner is in param; dequeue the rest.
  sellock(st);
  gp->selectDone.store(0, std::memory_order_relaxed);
  Sudog *winner = static_cast<Sudog *>(gp->param);
  gp->param = nullptr;
  int casi = -1;
  bool success = false;
  Sudog *sglist = gp->waiting;
  gp->waiting = nullptr;
  for (int k = 0; k < norder; k++) {
    int i = lockorder[k];
    if (sglist == winner) {
      casi = i;
      success = sglist->success;
    } else if (cases[i].dir == MGO_SELECT_SEND) {
      sglist->c->sendq.remove(sglist);
    } else {
      sglist->c->recvq.remove(sglist);
    }
    Sudog *next = sglist->waitlink;
    sglist->waitlink = nullptr;
    sglist = next;
  }
  if (casi < 0)
    fatal("selectgo: bad wakeup");
  selunlock(st);
  if (!success)
    race_acquire(chan_of(cases[casi])); // woken by close
  if (cases[casi].dir == MGO_SELECT_SEND) {
    if (!success)
      panic_msg("send on closed channel");
  } else {
    *recv_ok = success;
  }
  return casi;
}

} // namespace
} // namespace mgo::rt

extern "C" mgo_int mgo_select(MgoSelectCase *cases, mgo_int ncases,
                              mgo_bool has_default, mgo_bool *recv_ok) {
  // One case and no default is that channel operation, as Go's compiler
  // rewrites it: a blocked one reports "chan receive (nil chan)" and the
  // like, not "select".
  if (ncases == 1 && !has_default) {
    mgo_bool ok = false;
    if (cases[0].dir == MGO_SELECT_SEND)
      mgo_chan_send(cases[0].chan, cases[0].elem);
    else
      ok = mgo_chan_recv(cases[0].chan, cases[0].elem);
    if (recv_ok)
      *recv_ok = ok;
    return 0;
  }
  bool ok = false;
  int r = mgo::rt::selectgo(cases, int(ncases), !has_default, &ok);
  if (recv_ok)
    *recv_ok = ok;
  return r;
}

// Timers: one binary min-heap ordered by (when, seq), for time.Sleep,
// time.After/NewTimer, time.Tick/NewTicker and time.AfterFunc.
//
// Invariants (all under tlock): heap[0..len) is a min-heap; t->idx is a
// timer's position in it, or -1 when not pending; timer0when mirrors the
// earliest `when` (0: empty) so the scheduler can test "anything due?" with
// one atomic load and no lock.
//
// Due timers are taken off the heap under tlock and fired after it is
// released (ready a sleeping G, a non-blocking send of the time on a
// timer's 1-buffered channel, or a new goroutine for AfterFunc), so firing
// never nests a channel lock inside tlock.
//
// Who runs them: a scheduling M that finds one due (find_runnable), the M
// that sleeps until the earliest one when it has nothing else to do
// (idle.cpp's m_idle), or sysmon when every M is busy.
//
// Timer objects of time.Timer/Ticker are collector-allocated (they hold the
// channel); the heap array is uncollectable memory, so pending timers are
// roots. Sleep's timer lives on the sleeping goroutine's stack.
#include "chan.h"

#include <ctime>
#include <new>

namespace mgo::rt {
namespace {

enum class TimerKind : uint8_t { Sleep, Chan, Func };

struct Timer {
  Hchan *c = nullptr; // first: time.Timer.C
  int64_t when = 0;
  int64_t period = 0;
  int64_t seq = 0;
  int32_t idx = -1;
  TimerKind kind = TimerKind::Chan;
  G *g = nullptr;
  void (*fn)(void *) = nullptr;
  void *arg = nullptr;
};

Lock tlock;
Timer **heap = nullptr;
int32_t heaplen = 0;
int32_t heapcap = 0;
int64_t seqgen = 0;
std::atomic<int64_t> timer0when{0};

// time's startNano and Local (mgo_time_timerInit, at time's init).
int64_t time_start_nano = 0;
void *time_local = nullptr;

// The time.Time Go's time.Now returns for the wall clock wall (Unix ns)
// and monotonic reading mono (time.go's encoding, abi.h's MgoTime): with
// the monotonic reading while the seconds since 1885 fit in 33 bits.
MgoTime make_time(int64_t wall, int64_t mono) {
  constexpr int64_t days_to_1885 =
      1884 * 365 + 1884 / 4 - 1884 / 100 + 1884 / 400;
  constexpr int64_t days_to_1970 =
      1969 * 365 + 1969 / 4 - 1969 / 100 + 1969 / 400;
  constexpr int64_t unix_to_1885 = (days_to_1970 - days_to_1885) * 86400;
  int64_t sec = wall / 1000000000 + unix_to_1885;
  auto nsec = uint64_t(wall % 1000000000);
  if (uint64_t(sec) >> 33 != 0)
    // Seconds since year 1, without a monotonic reading.
    return MgoTime{nsec, wall / 1000000000 + days_to_1970 * 86400, time_local};
  return MgoTime{uint64_t(1) << 63 | uint64_t(sec) << 30 | nsec,
                 mono - time_start_nano, time_local};
}

bool before(Timer *a, Timer *b) {
  return a->when != b->when ? a->when < b->when : a->seq < b->seq;
}

void place(Timer *t, int32_t i) {
  heap[i] = t;
  t->idx = i;
}

void siftup(int32_t i) {
  Timer *t = heap[i];
  while (i > 0) {
    int32_t parent = (i - 1) / 2;
    if (!before(t, heap[parent]))
      break;
    place(heap[parent], i);
    i = parent;
  }
  place(t, i);
}

void siftdown(int32_t i) {
  Timer *t = heap[i];
  for (;;) {
    int32_t c = 2 * i + 1;
    if (c >= heaplen)
      break;
    if (c + 1 < heaplen && before(heap[c + 1], heap[c]))
      c++;
    if (!before(heap[c], t))
      break;
    place(heap[c], i);
    i = c;
  }
  place(t, i);
}

void update_timer0() {
  timer0when.store(heaplen ? heap[0]->when : 0, std::memory_order_release);
}

// tlock held. Returns whether t became the earliest timer.
bool heap_add(Timer *t) {
  if (heaplen == heapcap) {
    int32_t ncap = heapcap ? 2 * heapcap : 64;
    auto **n = static_cast<Timer **>(
        gc_malloc_uncollectable(sizeof(Timer *) * size_t(ncap)));
    for (int32_t i = 0; i < heaplen; i++)
      n[i] = heap[i];
    GC_FREE(heap);
    heap = n;
    heapcap = ncap;
  }
  t->seq = seqgen++;
  place(t, heaplen++);
  siftup(t->idx);
  update_timer0();
  return heap[0] == t;
}

// tlock held.
void heap_remove(Timer *t) {
  int32_t i = t->idx;
  Timer *last = heap[--heaplen];
  heap[heaplen] = nullptr;
  t->idx = -1;
  if (i != heaplen) {
    place(last, i);
    siftup(i);
    siftdown(last->idx);
  }
  update_timer0();
}

void fire(Timer *t, int64_t now) {
  switch (t->kind) {
  case TimerKind::Sleep:
    goready(t->g);
    break;
  case TimerKind::Chan: {
    MgoTime tm = make_time(walltime(), now);
    chansend_nb(t->c, &tm); // a slow reader misses ticks, as in Go
    break;
  }
  case TimerKind::Func:
    newproc(t->fn, t->arg);
    break;
  }
}

void add_and_kick(Timer *t) {
  lock(&tlock);
  bool first = heap_add(t);
  unlock(&tlock);
  if (first)
    timer_kick(t->when);
}

void unlock_tlock_kick(G *, void *arg) {
  auto *t = static_cast<Timer *>(arg);
  int64_t when = t->when;
  bool first = heap[0] == t;
  unlock(&tlock);
  if (first)
    timer_kick(when);
}

int64_t deadline(int64_t d) {
  int64_t now = nanotime();
  return d > 0 && now + d < now ? INT64_MAX : now + (d > 0 ? d : 0);
}

Timer *new_timer(int64_t d, int64_t period) {
  Timer *t = new (gc_malloc(sizeof(Timer))) Timer;
  t->when = deadline(d);
  t->period = period;
  return t;
}

} // namespace

int64_t nanotime() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

int64_t walltime() {
  timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

int64_t timers_next_when() {
  return timer0when.load(std::memory_order_acquire);
}

// Timers that fell due together (the M woke late, or sysmon found them) are
// readied in deadline order: with runnext the last one fired would run first.
int run_timers(int64_t now) {
  M *m = getm();
  if (m)
    m->firing_timers = true;
  int fired = 0;
  for (;;) {
    lock(&tlock);
    if (heaplen == 0 || heap[0]->when > now) {
      unlock(&tlock);
      if (m)
        m->firing_timers = false;
      return fired;
    }
    Timer *t = heap[0];
    if (t->period > 0) {
      // A ticker that fell behind skips the missed ticks.
      t->when += t->period * (1 + (now - t->when) / t->period);
      siftdown(0);
      update_timer0();
    } else {
      heap_remove(t);
    }
    unlock(&tlock);
    fire(t, now);
    fired++;
  }
}

void sleep_ns(int64_t ns) {
  if (ns <= 0)
    return;
  Timer t;
  t.kind = TimerKind::Sleep;
  t.g = getg();
  t.when = deadline(ns);
  lock(&tlock);
  heap_add(&t);
  gopark(unlock_tlock_kick, &t, "sleep");
}

} // namespace mgo::rt

using namespace mgo::rt;

extern "C" {

void mgo_sleep(mgo_int ns) { sleep_ns(ns); }

mgo_int mgo_time_wall(void) { return walltime(); }

mgo_int mgo_time_mono(void) { return nanotime(); }

mgo_ptr mgo_timer_new(mgo_int d, mgo_bool ticker) {
  if (ticker && d <= 0)
    panic_msg("non-positive interval for NewTicker");
  Timer *t = new_timer(d, ticker ? d : 0);
  t->c = makechan(sizeof(MgoTime), 1);
  add_and_kick(t);
  return t;
}

mgo_ptr mgo_timer_after_func(mgo_int d, mgo_ptr fn, mgo_ptr arg) {
  Timer *t = new_timer(d, 0);
  t->kind = TimerKind::Func;
  t->fn = reinterpret_cast<void (*)(void *)>(fn);
  t->arg = arg;
  add_and_kick(t);
  return t;
}

void mgo_time_timerInit(mgo_int start_nano, mgo_ptr local) {
  time_start_nano = start_nano;
  time_local = local;
}

mgo_bool mgo_timer_stop(mgo_ptr timer) {
  Timer *t = static_cast<Timer *>(timer);
  lock(&tlock);
  bool pending = t->idx >= 0;
  if (pending)
    heap_remove(t);
  unlock(&tlock);
  return pending;
}

mgo_bool mgo_timer_reset(mgo_ptr timer, mgo_int d, mgo_bool ticker) {
  if (ticker && d <= 0)
    panic_msg("non-positive interval for Ticker.Reset");
  Timer *t = static_cast<Timer *>(timer);
  lock(&tlock);
  bool pending = t->idx >= 0;
  if (pending)
    heap_remove(t);
  t->when = deadline(d);
  t->period = ticker ? d : 0;
  bool first = heap_add(t);
  unlock(&tlock);
  if (first)
    timer_kick(t->when);
  return pending;
}

} // extern "C"

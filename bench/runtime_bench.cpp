// Micro-benchmarks of the goroutine runtime beside the machine's limit, a
// raw Boost.Context switch. Run (from a build with benchmark installed):
//   GOMAXPROCS=2 build/bin/runtime_bench
// Figures and goals: docs/runtime.md.
#include "mgo/sched.h"

#include "../runtime/sched.h"

#include <benchmark/benchmark.h>

#include <boost/context/detail/fcontext.hpp>

#include <vector>

namespace bctx = boost::context::detail;

namespace {

// The physical limit: main -> context -> main with jump_fcontext.
void BM_RawFcontextRoundTrip(benchmark::State &state) {
  std::vector<char> stack(64 * 1024);
  auto body = [](bctx::transfer_t t) {
    for (;;)
      t = bctx::jump_fcontext(t.fctx, nullptr);
  };
  bctx::fcontext_t ctx =
      bctx::make_fcontext(stack.data() + stack.size(), stack.size(), body);
  for (auto _ : state)
    ctx = bctx::jump_fcontext(ctx, nullptr).fctx;
  state.counters["ns_per_switch"] = benchmark::Counter(
      double(state.iterations()) * 2,
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_RawFcontextRoundTrip);

// A goroutine context switch: two goroutines alternate, each readying the
// other (into runnext) and parking, so every step is one park + one ready
// + one G-to-G switch, the scheduler's minimal handoff.
struct PingPong {
  mgo::rt::G *other = nullptr;
  long left = 0;
};

void BM_GoroutineSwitch(benchmark::State &state) {
  mgo::run(1, [&] {
    static PingPong pp;
    pp.other = mgo::rt::getg();
    pp.left = -1;
    mgo::go([] {
      for (;;) {
        mgo::rt::G *peer = pp.other;
        pp.other = mgo::rt::getg();
        mgo::rt::goready(peer);
        mgo::rt::gopark(nullptr, nullptr, "bench");
      }
    });
    mgo::rt::gopark(nullptr, nullptr, "bench"); // let it start and park
    for (auto _ : state) {
      mgo::rt::G *peer = pp.other;
      pp.other = mgo::rt::getg();
      mgo::rt::goready(peer);
      mgo::rt::gopark(nullptr, nullptr, "bench");
    }
    // Each iteration is two switches (there and back).
    state.counters["ns_per_switch"] = benchmark::Counter(
        double(state.iterations()) * 2,
        benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  });
}
BENCHMARK(BM_GoroutineSwitch)->UseRealTime();

void BM_Gosched(benchmark::State &state) {
  mgo::run(1, [&] {
    std::atomic<bool> stop{false};
    mgo::go([&] {
      while (!stop.load(std::memory_order_relaxed))
        mgo_gosched();
    });
    for (auto _ : state)
      mgo_gosched();
    stop.store(true);
    mgo_gosched();
  });
}
BENCHMARK(BM_Gosched)->UseRealTime();

// Two goroutines ping-pong a value over two unbuffered channels.
void BM_UnbufferedRoundTrip(benchmark::State &state) {
  mgo::run(int(state.range(0)), [&] {
    mgo_ptr ping = mgo_chan_make(sizeof(mgo_int), 0);
    mgo_ptr pong = mgo_chan_make(sizeof(mgo_int), 0);
    mgo::go([ping, pong] {
      mgo_int v;
      while (mgo_chan_recv(ping, &v)) {
        v++;
        mgo_chan_send(pong, &v);
      }
    });
    mgo_int v = 0;
    for (auto _ : state) {
      mgo_chan_send(ping, &v);
      mgo_chan_recv(pong, &v);
    }
    mgo_chan_close(ping);
    benchmark::DoNotOptimize(v);
  });
}
BENCHMARK(BM_UnbufferedRoundTrip)->Arg(1)->Arg(2)->UseRealTime();

// go f() where f does wg.Done(), in batches of 1,000, then Wait.
void BM_SpawnExit(benchmark::State &state) {
  mgo::run(int(state.range(0)), [&] {
    MgoWaitGroup wg{};
    auto done = [](void *w) {
      mgo_waitgroup_done(static_cast<MgoWaitGroup *>(w));
    };
    for (auto _ : state) {
      mgo_waitgroup_add(&wg, 1000);
      for (int i = 0; i < 1000; i++)
        mgo_go(reinterpret_cast<mgo_ptr>(+done), &wg);
      mgo_waitgroup_wait(&wg);
    }
    state.SetItemsProcessed(state.iterations() * 1000);
    state.counters["ns_per_goroutine"] = benchmark::Counter(
        double(state.iterations()) * 1000,
        benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  });
}
BENCHMARK(BM_SpawnExit)->Arg(1)->Arg(2)->UseRealTime();

void BM_MutexUncontended(benchmark::State &state) {
  mgo::run(1, [&] {
    MgoMutex mu{};
    for (auto _ : state) {
      mgo_mutex_lock(&mu);
      mgo_mutex_unlock(&mu);
    }
  });
}
BENCHMARK(BM_MutexUncontended)->UseRealTime();

// Buffered channel throughput: one producer, one consumer, capacity 128.
void BM_BufferedMessage(benchmark::State &state) {
  mgo::run(int(state.range(0)), [&] {
    mgo_ptr ch = mgo_chan_make(sizeof(mgo_int), 128);
    mgo_ptr done = mgo_chan_make(0, 0);
    mgo::go([ch, done] {
      mgo_int v;
      while (mgo_chan_recv(ch, &v))
        ;
      mgo_chan_send(done, nullptr);
    });
    mgo_int v = 1;
    for (auto _ : state)
      mgo_chan_send(ch, &v);
    mgo_chan_close(ch);
    mgo_chan_recv(done, nullptr);
  });
}
BENCHMARK(BM_BufferedMessage)->Arg(1)->Arg(2)->UseRealTime();

} // namespace

BENCHMARK_MAIN();

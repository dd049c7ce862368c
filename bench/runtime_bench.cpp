// Micro-benchmarks of the goroutine runtime beside the machine's limit, a
// raw Boost.Context switch. Run (from a build with benchmark installed):
//   GOMAXPROCS=2 build/bin/runtime_bench
// Figures and goals: docs/runtime.md.
#include "mgo/sched.h"

#include "../runtime/sched.h"
#include "../runtime/switch.h"

#include <benchmark/benchmark.h>

#include <boost/context/detail/fcontext.hpp>

#include <vector>

namespace bctx = boost::context::detail;

namespace {

// The physical limit: main -> context -> main with jump_fcontext (two
// switches per iteration, as in the goroutine rows below).
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
}
BENCHMARK(BM_RawFcontextRoundTrip);

// mgo::run without its wait for the other goroutines: the two benchmarks
// below leave their peer suspended for good.
template <class F> void run_leaving_peer(F f) {
  mgo::run_main([](void *p) { (*static_cast<F *>(p))(); }, &f, 1);
}

// The runtime's context switch alone (switch_to + finish_switch: what a
// park, yield or exit pays on top of its queue work): the main goroutine
// and a peer switch to each other directly on one M.
mgo::rt::G *peer_g, *main_g;

void BM_GoroutineContextSwitch(benchmark::State &state) {
  run_leaving_peer([&] {
    main_g = mgo::rt::getg();
    mgo::go([] {
      peer_g = mgo::rt::getg();
      for (;;)
        mgo::rt::switch_to(mgo::rt::getm(), peer_g, main_g);
    });
    // Run the peer once (it is in runnext); it switches straight back.
    mgo::rt::gopark(nullptr, nullptr, "bench");
    for (auto _ : state)
      mgo::rt::switch_to(mgo::rt::getm(), main_g, peer_g);
    main_g->status.store(mgo::rt::Grunning);
    // The peer stays suspended: this process only benchmarks.
  });
}
BENCHMARK(BM_GoroutineContextSwitch)->UseRealTime()->MeasureProcessCPUTime();

// A park/ready handoff: two goroutines alternate, each readying the other
// (into runnext) and parking: one ready + one park + one G-to-G switch per
// step, the scheduler's minimal handoff; an iteration is two steps.
struct PingPong {
  mgo::rt::G *other = nullptr;
  long left = 0;
};

void BM_ParkReadyHandoff(benchmark::State &state) {
  run_leaving_peer([&] {
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
  });
}
BENCHMARK(BM_ParkReadyHandoff)->UseRealTime()->MeasureProcessCPUTime();

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
BENCHMARK(BM_Gosched)->UseRealTime()->MeasureProcessCPUTime();

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
BENCHMARK(BM_UnbufferedRoundTrip)
    ->Arg(1)
    ->Arg(2)
    ->UseRealTime()
    ->MeasureProcessCPUTime();

// go f() where f does wg.Done(), in batches of 1,000, then Wait; the time
// per iteration / 1,000 is the cost per goroutine.
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
  });
}
BENCHMARK(BM_SpawnExit)->Arg(1)->Arg(2)->UseRealTime()->MeasureProcessCPUTime();

void BM_MutexUncontended(benchmark::State &state) {
  mgo::run(1, [&] {
    MgoMutex mu{};
    for (auto _ : state) {
      mgo_mutex_lock(&mu);
      mgo_mutex_unlock(&mu);
    }
  });
}
BENCHMARK(BM_MutexUncontended)->UseRealTime()->MeasureProcessCPUTime();

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
BENCHMARK(BM_BufferedMessage)
    ->Arg(1)
    ->Arg(2)
    ->UseRealTime()
    ->MeasureProcessCPUTime();

} // namespace

BENCHMARK_MAIN();

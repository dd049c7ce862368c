// SIGSEGV: a nil pointer a runtime entry point dereferences for user code is
// Go's nil dereference panic, recoverable, with the value compiled code's
// explicit nil checks raise; every other fault is a fatal report, as Go's
// runtime gives.
#include "mgo/sched.h"

#include <gtest/gtest.h>

#include <string_view>

namespace mgo {
// runtime/panic.h: runs fn(arg) as a deferred recover() around it would.
bool call_recovering(void (*fn)(void *), void *arg, MgoAny *recovered);
} // namespace mgo

using ::testing::ExitedWithCode;

namespace {

constexpr std::string_view kNilDeref =
    "runtime error: invalid memory address or nil pointer dereference";

void death_style() { GTEST_FLAG_SET(death_test_style, "threadsafe"); }

template <class F> MgoAny recovered(F f) {
  MgoAny v{nullptr, nullptr};
  bool returned =
      mgo::call_recovering([](void *p) { (*static_cast<F *>(p))(); }, &f, &v);
  EXPECT_FALSE(returned);
  return v;
}

std::string_view text(const MgoAny &v) {
  MgoString s = mgo_fmt_sprint(&v, 1);
  return {reinterpret_cast<const char *>(s.ptr), size_t(s.len)};
}

// Every MGO_USER_POINTER function lets the panic through its frame.
TEST(NilFault, EntryPointsPanicRecoverably) {
  mgo::run(1, [] {
    MgoAny explicitCheck = recovered([] { mgo_panic_nil_deref(); });
    MgoMutex mu{};
    void (*calls[])() = {
        [] { mgo_mutex_lock(nullptr); },
        [] { mgo_mutex_trylock(nullptr); },
        [] { mgo_mutex_unlock(nullptr); },
        [] { mgo_rwmutex_lock(nullptr); },
        [] { mgo_rwmutex_unlock(nullptr); },
        [] { mgo_rwmutex_rlock(nullptr); },
        [] { mgo_rwmutex_runlock(nullptr); },
        [] { mgo_waitgroup_add(nullptr, 1); },
        [] { mgo_waitgroup_done(nullptr); },
        [] { mgo_waitgroup_wait(nullptr); },
        [] { mgo_once_begin(nullptr); },
        [] { mgo_once_end(nullptr); },
        [] { mgo_cond_add(nullptr); },
        [] { mgo_cond_signal(nullptr); },
        [] { mgo_cond_broadcast(nullptr); },
        [] { mgo_atomic_add32(nullptr, 1); },
        [] { mgo_atomic_add64(nullptr, 1); },
        [] { mgo_atomic_load32(nullptr); },
        [] { mgo_atomic_load64(nullptr); },
        [] { mgo_atomic_store32(nullptr, 1); },
        [] { mgo_atomic_store64(nullptr, 1); },
        [] { mgo_atomic_swap32(nullptr, 1); },
        [] { mgo_atomic_swap64(nullptr, 1); },
        [] { mgo_atomic_cas32(nullptr, 0, 1); },
        [] { mgo_atomic_cas64(nullptr, 0, 1); },
    };
    for (size_t i = 0; i < std::size(calls); i++) {
      MgoAny v = recovered(calls[i]);
      EXPECT_EQ(v.type, explicitCheck.type) << "call " << i;
      EXPECT_EQ(text(v), kNilDeref) << "call " << i;
    }
    MgoAny v = recovered([&mu] { mgo_cond_wait(nullptr, &mu); });
    EXPECT_EQ(text(v), kNilDeref);
    mgo_mutex_lock(&mu);
    mgo_mutex_unlock(&mu);
  });
}

TEST(NilFaultDeath, UnrecoveredShowsTheSignal) {
  death_style();
  EXPECT_EXIT(mgo::run(1, [] { mgo_waitgroup_wait(nullptr); }),
              ExitedWithCode(2),
              "^panic: runtime error: invalid memory address or nil pointer "
              "dereference\n\\[signal SIGSEGV: segmentation violation "
              "code=0x1 addr=0x0 pc=0x[0-9a-f]+\\]\n\ngoroutine 1 "
              "\\[running\\]:\n");
}

// Off any goroutine there is nothing to unwind to.
TEST(NilFaultDeath, OutsideGoroutineIsFatal) {
  death_style();
  EXPECT_EXIT(
      {
        mgo::run(1, [] {}); // installs the handler
        mgo_mutex_lock(nullptr);
      },
      ExitedWithCode(2),
      "^fatal error: unexpected signal during runtime execution\n\\[signal "
      "SIGSEGV: segmentation violation code=0x1 addr=0x0 "
      "pc=0x[0-9a-f]+\\]\n$");
}

// Only the marked entry points are known to let a panic through.
TEST(NilFaultDeath, FaultElsewhereIsFatal) {
  death_style();
  EXPECT_EXIT(mgo::run(1,
                       [] {
                         volatile int *p = nullptr;
                         *p = 1;
                       }),
              ExitedWithCode(2),
              "^fatal error: unexpected signal during runtime execution\n"
              "\\[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 "
              "pc=0x[0-9a-f]+\\]\n\ngoroutine 1 \\[running\\]:\n");
}

// Go's sigpanic: only the first page is a nil dereference.
TEST(NilFaultDeath, HighAddressIsFatal) {
  death_style();
  EXPECT_EXIT(
      mgo::run(1,
               [] { mgo_atomic_add32(reinterpret_cast<mgo_ptr>(0x2000), 1); }),
      ExitedWithCode(2),
      "^unexpected fault address 0x2000\nfatal error: fault\n\\[signal "
      "SIGSEGV: segmentation violation code=0x1 addr=0x2000 "
      "pc=0x[0-9a-f]+\\]\n\ngoroutine 1 \\[running\\]:\n");
}

} // namespace

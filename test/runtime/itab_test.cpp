// The itab table behind assertions to interface types: one itab per
// (interface, type) pair whatever the number of pairs or of threads asking,
// and pairs that fail stay failed.
#include "test_values.h"

#include <gtest/gtest.h>
#include <thread>
#include <vector>

namespace {

using mgotest::basic;
using mgotest::S;

void method_m(void *) {}

struct Fixture {
  MgoType sig = basic(MGO_FUNC, 8, "func()");
  MgoMethod has_m{S("M"), &sig, reinterpret_cast<void *>(&method_m)};
  MgoMethod wants_m{S("M"), &sig, nullptr};
  MgoMethod wants_n{S("N"), &sig, nullptr};
  MgoType iface_m = basic(MGO_INTERFACE, 16, "main.HasM");
  MgoType iface_n = basic(MGO_INTERFACE, 16, "main.HasN");
  std::vector<MgoType> types;

  explicit Fixture(size_t ntypes) {
    iface_m.nmethods = 1;
    iface_m.methods = &wants_m;
    iface_n.nmethods = 1;
    iface_n.methods = &wants_n;
    types.assign(ntypes, basic(MGO_INT, 8, "main.T"));
    for (MgoType &t : types) {
      t.nmethods = 1;
      t.methods = &has_m;
    }
  }
};

TEST(Itab, OnePerPairAcrossGrowth) {
  Fixture f(1000);
  std::vector<mgo_ptr> first;
  for (const MgoType &t : f.types) {
    auto *itab = static_cast<MgoItab *>(mgo_itab_find(&f.iface_m, &t));
    ASSERT_NE(itab, nullptr);
    EXPECT_EQ(itab->type, &t);
    EXPECT_EQ(itab->inter, &f.iface_m);
    EXPECT_EQ(itab->fun[0], reinterpret_cast<void *>(&method_m));
    first.push_back(itab);
  }
  for (size_t i = 0; i < f.types.size(); i++)
    EXPECT_EQ(mgo_itab_find(&f.iface_m, &f.types[i]), first[i]);
}

TEST(Itab, MissingMethodStaysNull) {
  Fixture f(3);
  for (int round = 0; round < 2; round++)
    for (const MgoType &t : f.types)
      EXPECT_EQ(mgo_itab_find(&f.iface_n, &t), nullptr);
}

TEST(Itab, ConcurrentLookupsAgree) {
  Fixture f(500);
  constexpr int kThreads = 4;
  std::vector<std::vector<mgo_ptr>> seen(kThreads);
  std::vector<std::thread> threads;
  for (int k = 0; k < kThreads; k++)
    threads.emplace_back([&f, &seen, k] {
      for (size_t i = 0; i < f.types.size(); i++) {
        // Each thread walks the types from a different start, so inserts,
        // grows and lock-free reads interleave.
        size_t j = (i + size_t(k) * 125) % f.types.size();
        seen[k].push_back(mgo_itab_find(&f.iface_m, &f.types[j]));
      }
    });
  for (std::thread &t : threads)
    t.join();
  for (size_t i = 0; i < f.types.size(); i++) {
    mgo_ptr want = mgo_itab_find(&f.iface_m, &f.types[i]);
    ASSERT_NE(want, nullptr);
    for (int k = 0; k < kThreads; k++)
      EXPECT_EQ(
          seen[k][(i + f.types.size() - size_t(k) * 125) % f.types.size()],
          want);
  }
}

} // namespace

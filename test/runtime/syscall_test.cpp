// Blocking system calls: a goroutine blocked in read(2) gives up its P, so
// the other goroutines keep running even at GOMAXPROCS=1, and it is not taken
// for a deadlock.
#include "mgo/sched.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <chrono>
#include <thread>
#include <unistd.h>

namespace {

// Writes byte c to fd after ms milliseconds unless told to stop first: it
// unblocks a read that would otherwise hang the test if the hand-off failed.
struct Watchdog {
  int fd;
  char c;
  int ms;
  std::atomic<bool> stop{false};
  std::thread t;
  Watchdog(int fd, char c, int ms) : fd(fd), c(c), ms(ms) {
    t = std::thread([this] {
      for (int i = 0; i < this->ms && !stop.load(); i++)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      if (!stop.load())
        (void)!write(this->fd, &this->c, 1);
    });
  }
  ~Watchdog() {
    stop.store(true);
    t.join();
  }
};

struct Reader {
  int fd;
  mgo_ptr done;
};

void read_one(Reader *r) {
  uint8_t b = 0;
  mgo_int n = mgo_os_read(r->fd, &b, 1);
  mgo_int v = n == 1 ? b : -1;
  mgo_chan_send(r->done, &v);
}

void spin_ms(int ms) {
  mgo_int until = mgo_time_mono() + ms * 1000000;
  while (mgo_time_mono() < until)
    mgo_preempt_check();
}

TEST(Syscall, BlockedReadDoesNotStallOthers) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  Watchdog dog(fds[1], 'W', 5000);
  mgo_int got = 0;
  mgo::run(1, [&] {
    Reader r{fds[0], mgo_chan_make(sizeof(mgo_int), 0)};
    mgo::go([&r] { read_one(&r); });
    mgo_gosched(); // the reader blocks in read; main runs again only if
                   // sysmon hands the P over
    ASSERT_EQ(write(fds[1], "G", 1), 1);
    spin_ms(20); // keep the P while the read returns: it must queue itself
    mgo_chan_recv(r.done, &got);
  });
  EXPECT_EQ(got, 'G');
  close(fds[0]);
  close(fds[1]);
}

TEST(Syscall, ReadReturnsDataThenEndOfFile) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  ASSERT_EQ(write(fds[1], "abc", 3), 3);
  close(fds[1]);
  mgo::run(2, [&] {
    uint8_t buf[8];
    EXPECT_EQ(mgo_os_read(fds[0], buf, sizeof buf), 3);
    EXPECT_EQ(std::string(reinterpret_cast<char *>(buf), 3), "abc");
    EXPECT_EQ(mgo_os_read(fds[0], buf, sizeof buf), 0);
    EXPECT_EQ(mgo_os_read(-1, buf, sizeof buf), -EBADF);
  });
  close(fds[0]);
}

TEST(Syscall, BlockedReadIsNotADeadlock) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  Watchdog dog(fds[1], 'W', 100);
  mgo_int got = 0;
  mgo::run(2, [&] {
    Reader r{fds[0], mgo_chan_make(sizeof(mgo_int), 0)};
    mgo::go([&r] { read_one(&r); });
    mgo_chan_recv(r.done, &got); // every M but the reader's is idle now
  });
  EXPECT_EQ(got, 'W');
  close(fds[0]);
  close(fds[1]);
}

TEST(Syscall, ManyShortReadsWhileOthersPingPong) {
  for (int procs : {1, 2}) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    mgo_int sum = 0, pongs = 0;
    mgo::run(procs, [&] {
      Reader r{fds[0], mgo_chan_make(sizeof(mgo_int), 0)};
      mgo_ptr ping = mgo_chan_make(sizeof(mgo_int), 0);
      mgo::go([ping] {
        mgo_int v;
        for (int i = 0; i < 2000; i++)
          mgo_chan_send(ping, &v);
      });
      for (int i = 0; i < 100; i++) {
        mgo::go([&r] { read_one(&r); });
        char c = char('a' + i % 26);
        ASSERT_EQ(write(fds[1], &c, 1), 1);
        mgo_int v;
        for (int k = 0; k < 20; k++, pongs++)
          mgo_chan_recv(ping, &v);
        mgo_chan_recv(r.done, &v);
        sum += v;
      }
    });
    mgo_int want = 0;
    for (int i = 0; i < 100; i++)
      want += 'a' + i % 26;
    EXPECT_EQ(sum, want) << "procs " << procs;
    EXPECT_EQ(pongs, 2000);
    close(fds[0]);
    close(fds[1]);
  }
}

} // namespace

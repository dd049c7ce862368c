# Thin wrapper over CMake: `make run` and `make check` are the whole quick start.
BUILD_DIR ?= build
TSAN_DIR  ?= build-tsan
ASAN_DIR  ?= build-asan
ASAN_RT_DIR ?= build-asan-rt
FUZZ_DIR  ?= build-fuzz
FUZZ_TIME ?= 60
FUZZ_SEEDS = test/lexer test/parser test/check test/codegen test/run test/badinput test/diff examples
EXAMPLE   ?= examples/worker_pool.mgo
JOBS      ?= $(shell nproc)

.PHONY: all deps configure build run check check-tsan check-asan check-all fuzz soak bench clean

all: build

deps:
	@tools/install-deps.sh

$(BUILD_DIR)/build.ninja: | deps
	cmake -S . -B $(BUILD_DIR) -G Ninja

configure: $(BUILD_DIR)/build.ninja

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	$(BUILD_DIR)/bin/mgoc run $(EXAMPLE)

# CI: the runtime's goroutine tests under ThreadSanitizer (a second,
# runtime-only build), then every test of the normal build, whose ctest summary
# comes last because CI counts tests from it.
check: build
	$(MAKE) check-tsan
	cd $(BUILD_DIR) && ctest -j $(JOBS) --output-on-failure

check-tsan: deps
	cmake -S . -B $(TSAN_DIR) -G Ninja -DMGO_RUNTIME_ONLY=ON -DMGO_SANITIZE=thread
	cmake --build $(TSAN_DIR) -j $(JOBS) --target runtime_tests
	cd $(TSAN_DIR) && ctest -j $(JOBS) --output-on-failure

# The compiler built with AddressSanitizer and UndefinedBehaviorSanitizer
# (clang-19) over the lit suites, then the runtime's GoogleTests under both
# (a runtime-only build, as check-tsan's). Outside `make check`: a third
# build of the compiler; `make check-all` is both.
check-asan: deps
	CC=clang-19 CXX=clang++-19 cmake -S . -B $(ASAN_DIR) -G Ninja -DMGO_SANITIZE_COMPILER=address,undefined
	cmake --build $(ASAN_DIR) -j $(JOBS)
	cd $(ASAN_DIR) && UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  ctest -j $(JOBS) --output-on-failure -R '^lit/'
	cmake -S . -B $(ASAN_RT_DIR) -G Ninja -DMGO_RUNTIME_ONLY=ON -DMGO_SANITIZE=address,undefined
	cmake --build $(ASAN_RT_DIR) -j $(JOBS) --target runtime_tests
	cd $(ASAN_RT_DIR) && ctest -j $(JOBS) --output-on-failure

check-all: check check-asan

# Each libFuzzer target for FUZZ_TIME seconds, seeded with the test corpora;
# a finding (crash, sanitizer report, internal error, invalid IR, an input
# taking over 10 s) stops it and is left in $(FUZZ_DIR)/findings/.
fuzz: deps
	CC=clang-19 CXX=clang++-19 cmake -S . -B $(FUZZ_DIR) -G Ninja -DMGO_FUZZ=ON
	cmake --build $(FUZZ_DIR) -j $(JOBS)
	mkdir -p $(FUZZ_DIR)/findings
	for t in parse check codegen; do \
	  mkdir -p $(FUZZ_DIR)/corpus/$$t && \
	  $(FUZZ_DIR)/bin/fuzz_$$t -max_total_time=$(FUZZ_TIME) -timeout=10 -max_len=65536 \
	    -artifact_prefix=$(FUZZ_DIR)/findings/$$t- $(FUZZ_DIR)/corpus/$$t $(FUZZ_SEEDS) || exit 1; \
	done

# The concurrency acceptance programs SOAK_RUNS times at GOMAXPROCS 1-8 (13,600
# runs at the default, ~40 minutes).
SOAK_RUNS ?= 100
soak: build
	RUNS=$(SOAK_RUNS) test/conformance/soak.sh $(BUILD_DIR)/bin/mgoc ../shared/conformance/concurrency $(BUILD_DIR)/soak

clean:
	rm -rf $(BUILD_DIR) $(TSAN_DIR) $(ASAN_DIR) $(ASAN_RT_DIR) $(FUZZ_DIR)

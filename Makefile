# Vigil: `make demo` runs the main job on the embedded broker, `make test` runs every test.
# Both install missing Debian packages first (scripts/install-deps.sh).

export PATH := $(PATH):/opt/swift/usr/bin
SWIFT ?= swift
INPUT ?= samples

.PHONY: deps build release demo test clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

demo: build
	@scripts/demo.sh "$(INPUT)"

# The pipeline tests start the built executables from .build/debug. Every
# suite uses Swift Testing, so XCTest (which would report "0 tests") is off.
test: build
	VIGIL_BIN_DIR="$(CURDIR)/.build/debug" $(SWIFT) test --disable-xctest

clean:
	rm -rf .build .demo

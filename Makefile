# Vigil: `make demo` runs the main job on the embedded broker, `make test` runs every test.
# Both install missing Debian packages first (scripts/install-deps.sh).

export PATH := $(PATH):/opt/swift/usr/bin
SWIFT ?= swift
INPUT ?= samples

.PHONY: deps build release demo console test eval bench schemas clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

demo: build
	@scripts/demo.sh "$(INPUT)"

# The demo with the web console: it keeps running after the summary, prints
# the console's address and sign-in tokens, and stops on Ctrl-C.
console: build
	@VIGIL_DEMO_CONSOLE=1 scripts/demo.sh "$(INPUT)"

# The pipeline tests start the built executables from .build/debug. Every
# suite uses Swift Testing, so XCTest (which would report "0 tests") is off.
test: build
	VIGIL_BIN_DIR="$(CURDIR)/.build/debug" $(SWIFT) test --disable-xctest

# Measures the default alert rules on the labelled chats in ../shared/data
# (or DATA=DIR) and writes the tables into docs/EVALUATION.md. Exits 1 when a
# category misses its precision or recall target.
DATA ?= ../shared/data

eval: deps
	$(SWIFT) build --product vigil
	.build/debug/vigil rules eval --rules rules/default.json --data "$(DATA)" --markdown docs/EVALUATION.md

# Benchmarks in release mode, on the real chats in ../shared/data (or
# DATA=DIR), one table per benchmark on the terminal and in .bench/
# (docs/BENCHMARKS.md): the matcher, then the services on the embedded
# broker, which start the release executables built here.
# Not part of `make test` or CI: the figures need a quiet machine.
bench: deps
	$(SWIFT) build -c release
	.build/release/vigil-bench matcher --data "$(DATA)"
	.build/release/vigil-bench services --data "$(DATA)"

# Regenerates docs/schemas/*.schema.json and the schema reference in
# docs/SCHEMAS.md and docs/SCHEMAS.zh-CN.md from the Swift event types.
# `vigil schemas write` writes nothing when a published file would change
# incompatibly; bump the event's schemaVersion to publish a new version.
schemas: deps
	$(SWIFT) build --product vigil
	.build/debug/vigil schemas write docs/schemas
	.build/debug/vigil schemas docs docs/SCHEMAS.md docs/SCHEMAS.zh-CN.md

clean:
	rm -rf .build .demo

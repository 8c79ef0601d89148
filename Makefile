# The two commands: `make run` (the store on http://127.0.0.1:3000) and `make test` (everything).
# Both install what is missing first (scripts/setup.sh) and rebuild only what changed.
SHELL := /bin/bash
CARGO_TARGET_DIR ?= $(CURDIR)/target
export CARGO_TARGET_DIR
SERVER := $(CARGO_TARGET_DIR)/debug/vitrine
# What `make bench-load` drives: embedded or vendure.
BACKEND ?= embedded

.PHONY: run test setup setup-tests build build-client build-widget build-server lint store-budget widget-budget unit journeys bench-size bench-ssr bench-experiments bench-search bench-recommendations bench-lighthouse bench-backends bench-load vendure visual-baselines design build-design

run: setup build
	$(SERVER) $(ARGS)

test: setup-tests build build-design lint store-budget widget-budget unit journeys

setup:
	@bash scripts/setup.sh

setup-tests:
	@bash scripts/setup.sh --tests

build: build-client build-widget build-server

build-client:
	bash scripts/build-client.sh

# The embeddable widget, served by the store under /widget/ (README "Widget").
build-widget:
	bash scripts/build-widget.sh

# The designers' preview, built once (what design.test.mjs loads); `make design` serves it live.
build-design:
	bash scripts/design.sh build

build-server:
	cargo build --features ssr

lint:
	for f in tests/journeys/*.mjs tests/journeys/lib/*.mjs bench/*.mjs bench/lib/*.mjs; do node --check "$$f" || exit 1; done
	cargo fmt --check
	rustfmt --check --edition 2021 bench/load/src/main.rs
	cargo clippy --features ssr --all-targets -- -D warnings
	cargo clippy --no-default-features --features hydrate --lib -- -D warnings
	cargo clippy --no-default-features --features hydrate,forms --lib -- -D warnings
	cargo clippy --no-default-features --features design --lib -- -D warnings
	cargo clippy --no-default-features --features widget --lib -- -D warnings

# VITRINE_VENDURE makes the
# contract suite also run against a live Vendure (installed by setup-tests); VITRINE_POSTGRES
# the shared-state contract against a real PostgreSQL (scripts/postgres.sh).
unit:
	. scripts/env.sh && pg=$$(bash scripts/postgres.sh start) && VITRINE_POSTGRES="$$pg" VITRINE_VENDURE="$$VITRINE_TOOLS/vendure" cargo test --features ssr
	cargo test --no-default-features --features widget --lib

journeys:
	. scripts/env.sh && pg=$$(bash scripts/postgres.sh start) && VITRINE_POSTGRES="$$pg" VITRINE_VENDURE="$$VITRINE_TOOLS/vendure" VITRINE_SERVER=$(SERVER) node --test --test-concurrency=1 tests/journeys/

# Designers' live preview of the component gallery from fixtures, no server or database:
# http://127.0.0.1:3001, rebuilt and reloaded on every change to src/ or style/.
design: setup
	bash scripts/design.sh

# Rewrites the gallery's visual baselines (tests/visual/baselines/) after an intended change to
# how components look; look at the new PNGs before committing them.
visual-baselines: setup-tests build
	. scripts/env.sh && VITRINE_VISUAL_UPDATE=1 VITRINE_SERVER=$(SERVER) node --test --test-concurrency=1 tests/journeys/visual.test.mjs

# Browser bundle size, raw / gzip / brotli (README "Performance").
bench-size: build-client build-widget
	bash bench/wasm-size.sh
	bash bench/store-budget.sh
	bash bench/widget-size.sh

# The store's two bundles (browse pages, form pages) against their ceilings; fails when over.
store-budget: build-client
	bash bench/store-budget.sh

# The widget's download against its 60 KB brotli budget; fails the build when over.
widget-budget: build-widget
	bash bench/widget-size.sh

# Server render latency per page on a release build (README "Performance").
bench-ssr: build-client
	cargo build --release --features ssr
	VITRINE_SERVER=$(CARGO_TARGET_DIR)/release/vitrine node bench/ssr-latency.mjs

# Simulated traffic with known conversion rates through the real server: the insights
# dashboard must name the better cell and flag a broken split (issue 18).
bench-experiments: build-client
	cargo build --release --features ssr
	VITRINE_SERVER=$(CARGO_TARGET_DIR)/release/vitrine node bench/experiment-traffic.mjs

# Search and suggestion latency on a 10,112-product catalogue (README "Performance").
bench-search: build-client
	cargo build --release --features ssr
	VITRINE_SERVER=$(CARGO_TARGET_DIR)/release/vitrine node bench/search-latency.mjs

# Leave-one-out hit-rate@10 of "bought together" against best sellers, on the seeded history.
bench-recommendations: build-server
	d=$$(mktemp -d) && $(SERVER) --data-dir $$d admin eval-recommendations; rm -rf $$d

# Lighthouse scores and timings per page, mobile preset (README "Performance"); installs
# lighthouse into the tools folder on first use.
bench-lighthouse: build-client
	cargo build --release --features ssr
	. scripts/env.sh && { [ -x "$$VITRINE_TOOLS/node_modules/.bin/lighthouse" ] || \
	  npm install --silent --no-audit --no-fund --prefix "$$VITRINE_TOOLS" lighthouse@13.5.0; } && \
	  bash scripts/vendure.sh install >/dev/null && \
	  VITRINE_VENDURE="$$VITRINE_TOOLS/vendure" VITRINE_SERVER=$(CARGO_TARGET_DIR)/release/vitrine \
	  LIGHTHOUSE="$$VITRINE_TOOLS/node_modules/.bin/lighthouse" node bench/lighthouse.mjs

# Page server time on the embedded store and on a live Vendure (README "Performance").
bench-backends: build-client
	cargo build --release --features ssr
	. scripts/env.sh && bash scripts/vendure.sh install >/dev/null && \
	  VITRINE_VENDURE="$$VITRINE_TOOLS/vendure" VITRINE_SERVER=$(CARGO_TARGET_DIR)/release/vitrine node bench/backend-latency.mjs

# Sustained load on a release build (README "Performance"): Goose users shop for 60 s, then
# every order they were told was placed is checked in the store. Goose's options go in ARGS,
# e.g. `make bench-load ARGS="--users 32 --run-time 2m"`. `make bench-load BACKEND=vendure`: two
# instances on a Vendure on PostgreSQL, behind a round-robin balancer.
bench-load: build-client
	cargo build --release --features ssr
	cargo build --release --manifest-path bench/load/Cargo.toml --target-dir $(CARGO_TARGET_DIR)/load
	. scripts/env.sh && if [ "$(BACKEND)" = vendure ]; then \
	    export VITRINE_POSTGRES=$$(bash scripts/postgres.sh start) VITRINE_VENDURE="$$VITRINE_TOOLS/vendure" && \
	    VENDURE_DB=postgres bash scripts/vendure.sh install >/dev/null; fi && \
	  VITRINE_LOAD_BACKEND=$(BACKEND) VITRINE_SERVER=$(CARGO_TARGET_DIR)/release/vitrine VITRINE_SITE_ROOT=target/site \
	  $(CARGO_TARGET_DIR)/load/release/vitrine-load $(ARGS)

# A local Vendure Shop API (the headless commerce server issue 5's adapter targets), with the
# sample catalogue; prints its URL. `make vendure VENDURE_PORT=3101` for another port,
# `make vendure VENDURE_DB=postgres` to keep it in PostgreSQL (scripts/postgres.sh).
VENDURE_PORT ?= 3100
vendure:
	bash scripts/vendure.sh data/vendure $(VENDURE_PORT)

# SPDX-License-Identifier: MIT
# essaylint build. `make` builds ./essaylint and libessaylint.a under build/;
# `make demo` and `make check` first install what is missing (see `deps`).

PREFIX ?= /usr/local
DESTDIR ?=
CC ?= cc
BUILD ?= build
PKG_CONFIG ?= pkg-config

WARN = -Wall -Wextra -Wpedantic -Wshadow -Wformat=2 -Wmissing-prototypes \
       -Wstrict-prototypes -Wwrite-strings
OPT ?= -O2 -g
CFLAGS ?= $(OPT)
ifeq ($(WERROR),1)
WARN += -Werror
endif
ifeq ($(SAN),1)
SANFLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
endif
ifeq ($(FUZZ),1)
SANFLAGS += -fsanitize=fuzzer-no-link
endif

PKGS = libcmark libcjson
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null || echo -lcmark -lcjson)
CMOCKA_LIBS := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)

ALL_CFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) $(SANFLAGS) -Iinclude -Isrc -I$(BUILD) $(PKG_CFLAGS)
LIBS = $(PKG_LIBS) -lunistring -lm -lpthread
LDFLAGS_ALL = $(LDFLAGS) $(SANFLAGS)

CLI_SRC = src/main.c
LIB_SRC = $(filter-out $(CLI_SRC),$(wildcard src/*.c))
LIB_OBJ = $(LIB_SRC:src/%.c=$(BUILD)/%.o) $(BUILD)/lexicon_data.o $(BUILD)/qindex_data.o
CLI_OBJ = $(CLI_SRC:src/%.c=$(BUILD)/%.o)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
LEXDIR ?= src/data
LEX_DATA = $(addprefix $(LEXDIR)/,places.tsv landmarks.tsv classical.tsv sayings.tsv policy.tsv words.tsv)

BIN = $(BUILD)/essaylint

.PHONY: all deps test-deps demo check unit golden golden-check rules-check cli-check asan install uninstall format clean \
        accuracy hostile fuzz bench profile stages leakcheck portable

all: essaylint

essaylint: $(BIN)
	@if [ "$(BUILD)" = build ]; then cp $(BIN) essaylint.tmp && mv essaylint.tmp essaylint; fi

$(BIN): $(CLI_OBJ) $(BUILD)/libessaylint.a
	$(CC) $(LDFLAGS_ALL) -o $@ $(CLI_OBJ) $(BUILD)/libessaylint.a $(LIBS)

$(BUILD)/libessaylint.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $(LIB_OBJ)

$(BUILD)/%.o: src/%.c $(wildcard src/*.h) include/essaylint.h | $(BUILD)/lexicon_data.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The lexicon automaton and tables are generated at build time, not at start-up.
$(BUILD)/mklex: src/data/mklex.c
	@mkdir -p $(BUILD)
	$(CC) -std=c11 -D_GNU_SOURCE $(WARN) -O2 -o $@ $<

$(BUILD)/lexicon_data.c: $(BUILD)/mklex $(LEX_DATA)
	$(BUILD)/mklex $(LEXDIR) > $@.tmp && mv $@.tmp $@

$(BUILD)/lexicon_data.o: $(BUILD)/lexicon_data.c
	$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -c -o $@ $<

# So is the index of the classical lines that quotes.c matches against (src/qindex.h): the
# generator links the generated lexicon and the index builder, built plainly (no sanitizer).
QINDEX_SRC = src/data/mkqindex.c src/qindex.c src/lexicon.c src/text.c src/util.c

$(BUILD)/mkqindex: $(QINDEX_SRC) $(wildcard src/*.h) $(BUILD)/lexicon_data.c
	$(CC) -std=c11 -D_GNU_SOURCE $(WARN) -O2 -Iinclude -Isrc -I$(BUILD) -o $@ $(QINDEX_SRC) \
	    $(BUILD)/lexicon_data.c -lunistring

$(BUILD)/qindex_data.c: $(BUILD)/mkqindex
	$(BUILD)/mkqindex > $@.tmp && mv $@.tmp $@

$(BUILD)/qindex_data.o: $(BUILD)/qindex_data.c
	$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(BUILD)/libessaylint.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS_ALL) -o $@ $< $(BUILD)/libessaylint.a $(LIBS) $(CMOCKA_LIBS)

# Install what the build needs, when a probe says it is missing; test-deps adds what the
# test scripts run (python3 checks JSON shapes, GNU parallel runs the scaling-out example,
# patch applies --fix-dry-run's diff).
deps:
	@sh tests/deps.sh

test-deps:
	@sh tests/deps.sh parallel python3 patch

demo: deps all
	./essaylint samples/

check: test-deps
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory unit golden-check rules-check cli-check hostile accuracy

unit: $(UNIT_BIN)
	@sh tests/run-unit.sh $(UNIT_BIN)

golden-check: $(BIN) $(BUILD)/schemacheck
	@sh tests/golden.sh check $(BIN) $(BUILD)/schemacheck

# Regenerate tests/golden/ from samples/ (review the diff before committing).
golden: $(BIN) $(BUILD)/schemacheck
	@sh tests/golden.sh update $(BIN) $(BUILD)/schemacheck

$(BUILD)/jsoncheck: tests/jsoncheck.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS_ALL) -o $@ $< $(PKG_LIBS)

# A JSON Schema validator (the subset tests/report.schema.json uses), on cJSON.
$(BUILD)/schemacheck: tests/schemacheck.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS_ALL) -o $@ $< $(PKG_LIBS)

rules-check: $(BIN)
	@sh tests/rules/run.sh $(BIN)

cli-check: $(BIN)
	@sh tests/cli/run.sh $(BIN)

hostile: $(BIN) $(BUILD)/jsoncheck
	@HOSTILE_SLOW=$(SAN) sh tests/hostile.sh $(BIN) $(BUILD)/jsoncheck

accuracy: $(BIN)
	@sh tests/accuracy.sh $(BIN)

asan: test-deps
	@$(MAKE) --no-print-directory BUILD=build/asan SAN=1 OPT="-O1 -g" build/asan/essaylint
	@$(MAKE) --no-print-directory BUILD=build/asan SAN=1 OPT="-O1 -g" unit golden-check rules-check \
	    cli-check hostile accuracy

# The fast paths for SSE2 and little-endian words have portable versions; this builds with
# neither (as on a machine that lacks them) and checks the same results.
portable: test-deps
	@$(MAKE) --no-print-directory BUILD=build/portable OPT="-O2 -g -U__SSE2__ -U__BYTE_ORDER__" \
	    unit golden-check rules-check

# libFuzzer harnesses (clang): `make fuzz FUZZ_SECONDS=600` runs each for that long.
FUZZ_SECONDS ?= 20
FUZZERS = decode parse analyze report
FUZZ_BIN = $(FUZZERS:%=build/fuzz/fuzz_%)

fuzz:
	@sh tests/deps.sh clang libclang-rt-14-dev
	@$(MAKE) --no-print-directory BUILD=build/fuzz CC=clang SAN=1 FUZZ=1 OPT="-O1 -g" $(FUZZ_BIN)
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_BIN)

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c build/fuzz/libessaylint.a
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< build/fuzz/libessaylint.a $(LIBS)

# The golden tests under valgrind's leak checker.
# The benchmark of issue #6 (tests/bench/): corpus generator and timer are C, so a bare Debian
# needs neither Python nor /usr/bin/time. BENCH_FILES, BENCH_BIG_MB, BENCH_RUNS, BENCH_STRICT=1.
BENCH_BIN = $(BUILD)/bench/gencorpus $(BUILD)/bench/runone

$(BUILD)/bench/%: tests/bench/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS_ALL) -o $@ $<

bench: $(BIN) $(BENCH_BIN)
	@sh tests/bench/bench.sh $(BIN) $(BUILD)

# Wall time per stage (parse, lexicon scan, each extractor, lint, report), in process over
# the benchmark corpus read into memory first; STAGES_ROUNDS (3) rounds, the best of each.
$(BUILD)/bench/stages: tests/bench/stages.c $(BUILD)/libessaylint.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS_ALL) -o $@ $< $(BUILD)/libessaylint.a $(LIBS)

stages: $(BUILD)/bench/stages $(BUILD)/bench/gencorpus
	@$(BUILD)/bench/gencorpus samples $(BUILD)/bench-corpus --files $${BENCH_FILES:-10000} \
	    --big-mb $${BENCH_BIG_MB:-50}
	@find $(BUILD)/bench-corpus/tree -type f | LC_ALL=C sort | \
	    $(BUILD)/bench/stages $${STAGES_ROUNDS:-3}

# Top functions under callgrind, over 300 drafts of the benchmark corpus.
profile: $(BIN) $(BUILD)/bench/gencorpus
	@sh tests/deps.sh valgrind
	@sh tests/bench/profile.sh $(BIN) $(BUILD)

leakcheck: all $(BUILD)/schemacheck
	@sh tests/deps.sh valgrind
	@GOLDEN_RUNNER="valgrind -q --error-exitcode=99 --leak-check=full \
	    --errors-for-leak-kinds=definite,indirect" sh tests/golden.sh check $(BIN) $(BUILD)/schemacheck

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib \
	    $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 essaylint $(DESTDIR)$(PREFIX)/bin/essaylint
	install -m 644 include/essaylint.h $(DESTDIR)$(PREFIX)/include/essaylint.h
	install -m 644 $(BUILD)/libessaylint.a $(DESTDIR)$(PREFIX)/lib/libessaylint.a
	install -m 644 src/essaylint.1 $(DESTDIR)$(PREFIX)/share/man/man1/essaylint.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/essaylint $(DESTDIR)$(PREFIX)/include/essaylint.h \
	    $(DESTDIR)$(PREFIX)/lib/libessaylint.a $(DESTDIR)$(PREFIX)/share/man/man1/essaylint.1

format:
	clang-format -i src/*.c src/*.h include/*.h src/data/*.c tests/*.c tests/unit/*.c \
	    tests/fuzz/*.c tests/bench/*.c

clean:
	rm -rf build essaylint

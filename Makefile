# cxsignals — build, test, demo, bench, install.
#
#   make                 build the library and every executable into bin/
#   make check           build and run all tests (unit, golden, end-to-end, fault
#                        injection, bad inputs, fuzz regressions)
#   make demo            run the whole pipeline on the bundled sample into demo-run/
#   make bench           throughput and memory per stage on a >= 50 MB corpus
#   make install PREFIX=/usr/local DESTDIR=
#   make check SANITIZE=address,undefined   the same tests under ASan+UBSan
#                        (with CI=true, `make check` runs both: plain, then sanitized)
#   make check-valgrind  unit and golden tests under valgrind memcheck, no leaks allowed
#   make fuzz            libFuzzer targets (clang) into build/fuzz/; see tests/fuzz/README.md
#   make clean
#
# Missing Debian packages are installed by scripts/install-deps (apt-get, as root) the
# first time a build needs them, so `make demo` and `make check` work on a fresh machine.

# Every core unless the caller chose (-j N, or -j1 for readable errors): CI runs a plain
# `make check`, which compiles everything twice (plain and under the sanitizers).
ifeq ($(filter -j%,$(MAKEFLAGS)),)
MAKEFLAGS += -j$(shell nproc 2>/dev/null || echo 2)
endif

PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
VERSION := 0.1.0

ifdef SANITIZE
BUILD  ?= build/san
BINDIR ?= build/san/bin
else
BUILD  ?= build
BINDIR ?= bin
endif

PKGS := libxml-2.0 icu-uc icu-i18n zlib jansson nettle libdeflate libbrotlidec sqlite3

NODEPS_GOALS := clean help
ifeq ($(filter-out $(NODEPS_GOALS),$(or $(MAKECMDGOALS),all)),)
else
ifneq ($(shell scripts/install-deps --check >/dev/null 2>&1 && echo ok),ok)
$(info make: dependencies missing, running scripts/install-deps)
DEPS_RC := $(shell scripts/install-deps >&2; echo $$?)
ifneq ($(DEPS_RC),0)
$(error scripts/install-deps failed (exit $(DEPS_RC)); see its message above)
endif
endif
endif

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# libcsv (Debian libcsv-dev) ships no .pc file.
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lcsv -lm

WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
        -Wold-style-definition -Wpointer-arith -Wformat=2 -Wundef -Wvla \
        -Wwrite-strings -Wmissing-declarations -Wnull-dereference -Wcast-align
ifeq ($(CI),true)
WERROR ?= 1
endif
ifeq ($(WERROR),1)
WARN += -Werror
endif

# -O1 under the sanitizers (the usual choice for ASan): their checks cost more than -O2
# saves, and CI compiles everything a second time for them.
ifdef SANITIZE
OPT ?= -O1 -g
endif
OPT ?= -O2 -g
CFLAGS_ALL := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(OPT) $(WARN) \
              -DCXS_VERSION='"$(VERSION)"' -DCXS_DATADIR='"$(PREFIX)/share/cxsignals/lexicons"' \
              -DCXS_SRC_LEXICONS='"$(CURDIR)/lexicons"' -Ipipeline/lib -Ipipeline/cli $(PKG_CFLAGS) $(CFLAGS)
LDFLAGS_ALL := $(LDFLAGS)
ifdef SANITIZE
CFLAGS_ALL  += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS_ALL += -fsanitize=$(SANITIZE)
endif

STAGES := fetch normalize stem classify eval report

LIB_SRC := $(wildcard pipeline/lib/*.c)
CLI_SRC := $(wildcard pipeline/cli/*.c)
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
LIBCXS  := $(BUILD)/libcxs.a
LIBCLI  := $(BUILD)/libcxs_cli.a

# A stage is stages/NAME/main.c plus the modules only it uses (every other .c there),
# archived so unit tests can link a module without the stage's main.
stage_mods = $(filter-out stages/$(1)/main.c,$(wildcard stages/$(1)/*.c))
STAGE_LIBS := $(STAGES:%=$(BUILD)/libcxs_%.a)
STAGE_BINS := $(STAGES:%=$(BINDIR)/cxs-%)
DRIVER_SRC := $(wildcard pipeline/driver/*.c)
BINS := $(STAGE_BINS) $(BINDIR)/cxs-pipeline

BENCH_REF := $(BUILD)/bench-reference

TEST_SRC  := $(wildcard tests/unit/test_*.c)
TEST_BINS := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FAULT_SO  := $(BUILD)/fault/cxs_fault.so
REPLAY_BINS := $(patsubst tests/fuzz/%.c,$(BUILD)/fuzz-replay/%,$(wildcard tests/fuzz/fuzz_*.c))

.PHONY: all check demo bench install clean help unit golden e2e fuzz check-valgrind \
        check-san check-tools
.DELETE_ON_ERROR:
.SECONDARY:

# `make V=1` shows the full commands.
ifeq ($(V),1)
Q :=
say = @true
else
Q := @
say = @printf '  %-5s %s\n' $(1) $(2)
endif

all: $(BINS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(call say,CC,$<)
	$(Q)$(CC) $(CFLAGS_ALL) -Istages/$(word 2,$(subst /, ,$*)) -MMD -MP -c $< -o $@

$(LIBCXS): $(LIB_OBJ)
	@rm -f $@; ar rcs $@ $^
$(LIBCLI): $(CLI_OBJ)
	@rm -f $@; ar rcs $@ $^

define stage_rules
$(BUILD)/libcxs_$(1).a: $$(patsubst %.c,$(BUILD)/%.o,$$(call stage_mods,$(1)))
	@rm -f $$@; ar rcs $$@ $$^
$(BINDIR)/cxs-$(1): $(BUILD)/stages/$(1)/main.o $(BUILD)/libcxs_$(1).a $(LIBCLI) $(LIBCXS)
	@mkdir -p $$(dir $$@)
	$$(call say,LINK,$$@)
	$$(Q)$$(CC) $$(LDFLAGS_ALL) -o $$@ $$^ $$(PKG_LIBS)
endef
$(foreach s,$(STAGES),$(eval $(call stage_rules,$(s))))

# The driver expands sources with fetch's own walker (stages/fetch/fetch_sources.h), so
# its shards hold exactly the files cxs-fetch would read from a directory.
$(DRIVER_SRC:%.c=$(BUILD)/%.o): CFLAGS_ALL += -Istages/fetch
$(BINDIR)/cxs-pipeline: $(DRIVER_SRC:%.c=$(BUILD)/%.o) $(BUILD)/libcxs_fetch.a $(LIBCLI) $(LIBCXS)
	@mkdir -p $(dir $@)
	$(call say,LINK,$@)
	$(Q)$(CC) $(LDFLAGS_ALL) -o $@ $^ $(PKG_LIBS)

$(BUILD)/tests/%: $(BUILD)/tests/unit/%.o $(STAGE_LIBS) $(LIBCLI) $(LIBCXS)
	@mkdir -p $(dir $@)
	$(call say,LINK,$@)
	$(Q)$(CC) $(LDFLAGS_ALL) -o $@ $< $(STAGE_LIBS) $(LIBCLI) $(LIBCXS) $(PKG_LIBS)

$(BUILD)/tests/unit/%.o: tests/unit/%.c
	@mkdir -p $(dir $@)
	$(call say,CC,$<)
	$(Q)$(CC) $(CFLAGS_ALL) -Itests/unit $(foreach s,$(STAGES),-Istages/$(s)) -MMD -MP -c $< -o $@

# Every test prints its own results; tests/run-all adds them up into one closing line.
# Besides the programs and unit tests, the suites need the fault-injection shim
# (tests/fault) and the fuzz targets linked with a plain main (tests/fuzz/replay.c).
RUN_ALL = CXS_BIN=$(abspath $(BINDIR)) CXS_BUILD=$(abspath $(BUILD)) CXS_SANITIZE=$(SANITIZE) tests/run-all
check: check-tools
	@scripts/install-deps --test
	$(RUN_ALL)
# CI runs exactly `make check` (.ci/run); there it also runs every suite again under
# ASan+UBSan (build/san), so the sanitizer build is checked on every push.
ifeq ($(CI),true)
ifndef SANITIZE
	$(MAKE) --no-print-directory check-san
endif
endif
check-san:
	$(MAKE) --no-print-directory SANITIZE=address,undefined check

check-tools: $(BINS) $(TEST_BINS) $(FAULT_SO) $(REPLAY_BINS) $(BENCH_REF)

# valgrind memcheck over the unit and golden tests (tests/run-all VALGRIND=1): any
# memory error or leak fails. Built without sanitizers, which valgrind cannot run with.
check-valgrind: $(BINS) $(TEST_BINS)
	@command -v valgrind >/dev/null 2>&1 || scripts/install-deps --valgrind
	VALGRIND=1 $(RUN_ALL) unit golden

unit: $(TEST_BINS)
	$(RUN_ALL) unit
golden: $(BINS)
	$(RUN_ALL) golden
e2e: $(BINS) $(FAULT_SO)
	@scripts/install-deps --test
	$(RUN_ALL) e2e

demo: $(BINS)
	rm -rf demo-run
	$(BINDIR)/cxs-pipeline run --workdir demo-run tests/fixtures/sample
	$(BINDIR)/cxs-report -q -o demo-run/report demo-run/04-classify.jsonl.gz
	@echo "demo: records in demo-run/*.jsonl.gz; open demo-run/report/report.html"

bench: $(BINS) $(BENCH_REF)
	CXS_BIN=$(abspath $(BINDIR)) CXS_BENCH_REFERENCE=$(abspath $(BENCH_REF)) scripts/bench

# The library operations the stages stand on, timed alone (scripts/bench-reference.c), so
# the bench can set each stage's speed beside what this machine allows. Built by
# check-tools too, so a change in ICU or libstemmer breaks it in CI, not in a bench run.
$(BENCH_REF): scripts/bench-reference.c
	@mkdir -p $(dir $@)
	$(call say,CC,$<)
	$(Q)$(CC) $(CFLAGS_ALL) $(LDFLAGS_ALL) -o $@ $< $(PKG_LIBS)

# --- fault injection: an LD_PRELOAD shim (tests/fault/README.md) ---------------------------
# Never built with sanitizers: it is preloaded into the programs under test, which may be.
$(FAULT_SO): tests/fault/cxs_fault.c
	@mkdir -p $(dir $@)
	$(call say,CC,$<)
	$(Q)$(CC) -std=c11 $(OPT) $(WARN) -fPIC -shared -o $@ $< -ldl

# --- fuzz targets without libFuzzer, for `make check` (tests/fuzz/README.md) ----------------
# Each tests/fuzz/fuzz_NAME.c linked with tests/fuzz/replay.c's main, built like the unit
# tests (so under SANITIZE= too): $(BUILD)/fuzz-replay/fuzz_NAME FILE... runs each file once.
$(BUILD)/fuzz-replay/obj/%.o: tests/fuzz/%.c
	@mkdir -p $(dir $@)
	$(call say,CC,$<)
	$(Q)$(CC) $(CFLAGS_ALL) -Itests/fuzz $(foreach s,$(STAGES),-Istages/$(s)) -MMD -MP -c $< -o $@
$(BUILD)/fuzz-replay/fuzz_%: $(BUILD)/fuzz-replay/obj/fuzz_%.o $(BUILD)/fuzz-replay/obj/replay.o \
			     $(STAGE_LIBS) $(LIBCLI) $(LIBCXS)
	$(call say,LINK,$@)
	$(Q)$(CC) $(LDFLAGS_ALL) -o $@ $^ $(PKG_LIBS)

# --- fuzzing: `make fuzz` (tests/fuzz/README.md) ------------------------------------------
# Apart from the build above: every library and stage module is compiled again with clang
# under libFuzzer's coverage, ASan and UBSan into $(BUILD)/fuzz/, and each
# tests/fuzz/fuzz_NAME.c is linked with them into $(BUILD)/fuzz/fuzz_NAME.
FUZZ_CC    ?= clang
FUZZ_BUILD := $(BUILD)/fuzz
FUZZ_SAN   := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS = $(CFLAGS_ALL) $(FUZZ_SAN) -fsanitize=fuzzer-no-link
FUZZ_MODS  := $(LIB_SRC) $(foreach s,$(STAGES),$(call stage_mods,$(s)))
FUZZ_OBJ   := $(FUZZ_MODS:%.c=$(FUZZ_BUILD)/obj/%.o)
FUZZ_BINS  := $(patsubst tests/fuzz/%.c,$(FUZZ_BUILD)/%,$(wildcard tests/fuzz/fuzz_*.c))

fuzz: $(FUZZ_BINS)

$(FUZZ_BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(call say,FUZZCC,$<)
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -Istages/$(word 2,$(subst /, ,$*)) -MMD -MP -c $< -o $@

$(FUZZ_BUILD)/libcxs_fuzz.a: $(FUZZ_OBJ)
	@rm -f $@; ar rcs $@ $^

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h $(FUZZ_BUILD)/libcxs_fuzz.a
	$(call say,FUZZ,$@)
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer $(foreach s,$(STAGES),-Istages/$(s)) \
		-o $@ $< $(FUZZ_BUILD)/libcxs_fuzz.a $(PKG_LIBS)
# --- end of fuzzing -------------------------------------------------------------------------

MAN1 := $(wildcard stages/*/*.1 pipeline/driver/*.1)
install: $(BINS)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/cxsignals/lexicons \
	           $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BINS) $(DESTDIR)$(PREFIX)/bin/
	cp -R lexicons/. $(DESTDIR)$(PREFIX)/share/cxsignals/lexicons/
	$(if $(MAN1),install -m 644 $(MAN1) $(DESTDIR)$(PREFIX)/share/man/man1/)

clean:
	rm -rf build bin demo-run

help:
	@sed -n '2,16p' Makefile

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

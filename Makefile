# azaudit - plain Makefile. `make` builds, `make check` runs every test,
# `make asan` runs them under AddressSanitizer+UBSan, `make tsan` the
# threaded ones under ThreadSanitizer, `make fuzz` builds and
# runs the fuzz targets, `make install` installs (PREFIX, DESTDIR).

PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
O       ?= build
VERSION  = 0.1.0
# Installed data (frameworks/); AZAUDIT_DATADIR overrides it at run time.
DATADIR ?= $(PREFIX)/share/azaudit
# Where rule documentation is published (SARIF helpUri, HTML links); empty: built-in default.
DOCS_URL ?=

WERROR  ?= -Werror
WARN     = -Wall -Wextra $(WERROR) -Wshadow -Wmissing-prototypes -Wstrict-prototypes -Wformat=2 -Wvla
CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=c17 -D_GNU_SOURCE $(WARN) $(CFLAGS) -Iinclude -fPIC -fvisibility=hidden \
	-DAZA_DATADIR='"$(DATADIR)"' $(if $(DOCS_URL),-DAZA_DOCS_URL='"$(DOCS_URL)"')
# Live collection needs libcurl and OpenSSL (Debian: libcurl4-openssl-dev libssl-dev).
PKGS     = zlib libcurl libcrypto
ALL_CFLAGS += $(shell pkg-config --cflags $(PKGS))
LIBS     = $(shell pkg-config --libs $(PKGS)) -lm -lpthread

LIB_SRC  = $(wildcard src/lib/*.c) $(wildcard src/rules/*.c) $(wildcard src/report/*.c) $(wildcard src/collect/*.c)
CLI_SRC  = $(wildcard src/cli/*.c)
LIB_OBJ  = $(LIB_SRC:%.c=$(O)/%.o)
CLI_OBJ  = $(CLI_SRC:%.c=$(O)/%.o)
HDRS     = $(wildcard include/azaudit/*.h src/*/*.h)

TEST_BINS = $(O)/tests/rules_test $(O)/tests/mutate_test $(O)/tests/unit_test $(O)/tests/alloc_test $(O)/tests/schema_test \
            $(O)/fuzz/replay_json $(O)/fuzz/replay_input $(O)/fuzz/replay_template $(O)/fuzz/replay_exposure \
            $(O)/fuzz/replay_baseline $(O)/fuzz/replay_xml $(O)/fuzz/replay_config $(O)/fuzz/replay_suppress \
            $(O)/tests/emulator/emu $(O)/tests/collect/xml_test \
            $(O)/tests/template/expr_test $(O)/tests/template/cases_test \
            $(O)/tests/exposure/exposure_test

.PHONY: all check test asan tsan fuzz fuzz-build install uninstall docs frameworks clean bench

all: $(O)/azaudit $(O)/libazaudit.a $(O)/libazaudit.so

$(O)/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	@echo "  CC $<"; $(CC) $(ALL_CFLAGS) -c $< -o $@

$(O)/libazaudit.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

$(O)/libazaudit.so: $(LIB_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -shared -Wl,-soname,libazaudit.so.0 -o $@ $^ $(LIBS)

$(O)/azaudit: $(CLI_OBJ) $(O)/libazaudit.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(O)/libazaudit.a $(LIBS)

# Tests link the static library and reach internal headers.
$(O)/tests/%: tests/%.c $(O)/libazaudit.a $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -Isrc -o $@ $< $(O)/libazaudit.a $(LIBS)

# The fuzz targets, driven over their corpora by a plain main() (no libFuzzer).
$(O)/fuzz/replay_%: fuzz/fuzz_%.c fuzz/replay.c fuzz/fuzz.h $(O)/libazaudit.a $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -Isrc -Ifuzz -o $@ $< fuzz/replay.c $(O)/libazaudit.a $(LIBS)

# Everything CI runs: build with -Werror, check, asan, fuzz, install check.
test:
	bash tests/full.sh

check: all $(TEST_BINS)
	O=$(O) sh tests/run-all.sh

# The same tests under AddressSanitizer and UndefinedBehaviorSanitizer. The
# gcc build is the warnings gate; clang's extra warnings are shown, not fatal.
asan:
	$(MAKE) O=build-asan CC=clang WERROR= CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" check

# What runs on two threads, under ThreadSanitizer (clang): every rule fixture
# with each type split between the evaluators, and the thread suite (the
# sample and a 10k bench tenant, broken inputs, template folders, the
# libc functions the library links).
tsan:
	$(MAKE) O=build-tsan CC=clang WERROR= CFLAGS="-O1 -g -fsanitize=thread" build-tsan/azaudit build-tsan/tests/rules_test
	O=build-tsan ONLY="rules-threads threads" sh tests/run-all.sh

# libFuzzer targets (clang), then each run over its corpus plus a bounded time.
FUZZ_TARGETS = fuzz_json fuzz_input fuzz_template fuzz_exposure fuzz_baseline fuzz_xml fuzz_config fuzz_suppress
fuzz-build: $(FUZZ_TARGETS:%=build-fuzz/%)
FUZZ_CC ?= clang
build-fuzz/%: fuzz/%.c fuzz/fuzz.h $(LIB_SRC) $(HDRS)
	@mkdir -p build-fuzz
	$(FUZZ_CC) -std=c17 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	  -Iinclude -Isrc -Ifuzz -o $@ $< $(LIB_SRC) $(LIBS)
fuzz: fuzz-build
	sh fuzz/run.sh $(FUZZ_SECONDS)

docs: $(O)/azaudit
	$(O)/azaudit rules --format markdown > docs/rules.md.tmp && mv docs/rules.md.tmp docs/rules.md

# Regenerate the framework mappings from the rule catalogue and ../shared.
frameworks: $(O)/azaudit
	node frameworks/gen.mjs $(O)/azaudit $(or $(SHARED),../shared)

bench: all
	sh bench/run.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include/azaudit \
	  $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(DATADIR)/frameworks
	install -m 644 frameworks/*.json $(DESTDIR)$(DATADIR)/frameworks/
	install -m 755 $(O)/azaudit $(DESTDIR)$(PREFIX)/bin/azaudit
	install -m 644 $(O)/libazaudit.a $(DESTDIR)$(PREFIX)/lib/libazaudit.a
	install -m 755 $(O)/libazaudit.so $(DESTDIR)$(PREFIX)/lib/libazaudit.so.$(VERSION)
	ln -sf libazaudit.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/libazaudit.so.0
	ln -sf libazaudit.so.0 $(DESTDIR)$(PREFIX)/lib/libazaudit.so
	install -m 644 include/azaudit/azaudit.h $(DESTDIR)$(PREFIX)/include/azaudit/azaudit.h
	install -m 644 docs/azaudit.1 $(DESTDIR)$(PREFIX)/share/man/man1/azaudit.1
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(VERSION)|g' azaudit.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/azaudit.pc

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/azaudit $(DESTDIR)$(PREFIX)/lib/libazaudit.* \
	  $(DESTDIR)$(PREFIX)/include/azaudit/azaudit.h $(DESTDIR)$(PREFIX)/share/man/man1/azaudit.1 \
	  $(DESTDIR)$(PREFIX)/lib/pkgconfig/azaudit.pc
	rm -rf $(DESTDIR)$(DATADIR)/frameworks

clean:
	rm -rf build build-asan build-tsan build-fuzz

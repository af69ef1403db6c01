# azaudit - plain Makefile. `make` builds, `make check` runs every test,
# `make asan` runs them under AddressSanitizer+UBSan, `make fuzz` builds and
# runs the fuzz targets, `make install` installs (PREFIX, DESTDIR).

PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
O       ?= build
VERSION  = 0.1.0

WARN     = -Wall -Wextra -Werror -Wshadow -Wmissing-prototypes -Wstrict-prototypes -Wformat=2 -Wvla
CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=c17 -D_GNU_SOURCE $(WARN) $(CFLAGS) -Iinclude -fPIC -fvisibility=hidden
LIBS     = $(shell pkg-config --libs zlib) -lm

LIB_SRC  = $(wildcard src/lib/*.c) $(wildcard src/rules/*.c) $(wildcard src/report/*.c)
CLI_SRC  = $(wildcard src/cli/*.c)
LIB_OBJ  = $(LIB_SRC:%.c=$(O)/%.o)
CLI_OBJ  = $(CLI_SRC:%.c=$(O)/%.o)
HDRS     = $(wildcard include/azaudit/*.h src/*/*.h)

TEST_BINS = $(O)/tests/rules_test $(O)/tests/unit_test $(O)/tests/exposure/exposure_test

.PHONY: all check test asan fuzz fuzz-build install uninstall docs clean bench

all: $(O)/azaudit $(O)/libazaudit.a $(O)/libazaudit.so

$(O)/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	@echo "  CC $<"; $(CC) $(ALL_CFLAGS) -c $< -o $@

$(O)/libazaudit.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

$(O)/libazaudit.so: $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,libazaudit.so.0 -o $@ $^ $(LIBS)

$(O)/azaudit: $(CLI_OBJ) $(O)/libazaudit.a
	$(CC) $(CFLAGS) -o $@ $(CLI_OBJ) $(O)/libazaudit.a $(LIBS)

# Tests link the static library and reach internal headers.
$(O)/tests/%: tests/%.c $(O)/libazaudit.a $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(O)/libazaudit.a $(LIBS)

check test: all $(TEST_BINS)
	O=$(O) sh tests/run-all.sh

# The same tests under AddressSanitizer and UndefinedBehaviorSanitizer.
asan:
	$(MAKE) O=build-asan CC=clang CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" check

# libFuzzer targets (clang), then each run over its corpus plus a bounded time.
FUZZ_TARGETS = fuzz_json fuzz_input
fuzz-build: $(FUZZ_TARGETS:%=build-fuzz/%)
build-fuzz/%: fuzz/%.c $(LIB_SRC) $(HDRS)
	@mkdir -p build-fuzz
	clang -std=c17 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude -Isrc -o $@ $< $(LIB_SRC) $(LIBS)
fuzz: fuzz-build
	sh fuzz/run.sh $(FUZZ_SECONDS)

docs: $(O)/azaudit
	$(O)/azaudit rules --format markdown > docs/rules.md.tmp && mv docs/rules.md.tmp docs/rules.md

bench: all
	sh bench/run.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include/azaudit \
	  $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/lib/pkgconfig
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

clean:
	rm -rf build build-asan build-fuzz

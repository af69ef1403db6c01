#!/bin/bash
# `make install` into a scratch DESTDIR, then check the installed files: the
# binary runs, the header compiles alone (C and C++), pkg-config resolves,
# programs link statically and dynamically, the man page renders.
set -euo pipefail
cd "$(dirname "$0")/.."
D=$(mktemp -d)
trap 'rm -rf "$D"' EXIT
P=/usr
make install DESTDIR="$D" PREFIX=$P
for f in bin/azaudit lib/libazaudit.a lib/libazaudit.so lib/libazaudit.so.0 include/azaudit/azaudit.h \
	share/man/man1/azaudit.1 lib/pkgconfig/azaudit.pc; do
	[ -e "$D$P/$f" ] || { echo "ci: $P/$f not installed"; exit 1; }
done
"$D$P/bin/azaudit" version | grep -q '^azaudit '
"$D$P/bin/azaudit" rules >/dev/null
"$D$P/bin/azaudit" scan -f json tests/rules/AZA-STG-001/fail.json | jq -e '.findings | length > 0' >/dev/null
# The public header compiles alone, as C and as C++ when a C++ compiler exists.
echo '#include <azaudit/azaudit.h>
int main(void) { return aza_rule_count() > 0 ? 0 : 1; }' > "$D/h.c"
gcc -std=c17 -Wall -Wextra -Werror -pedantic -I"$D$P/include" -c "$D/h.c" -o "$D/h.o"
if command -v g++ >/dev/null; then
	g++ -Wall -Wextra -Werror -x c++ -I"$D$P/include" -fsyntax-only "$D/h.c"
fi
# pkg-config resolves, and a program links against the installed library.
export PKG_CONFIG_PATH=$D$P/lib/pkgconfig PKG_CONFIG_SYSROOT_DIR=$D
pkg-config --exists azaudit
[ "$(pkg-config --modversion azaudit)" = "$(sed -n 's/^VERSION *= *//p' Makefile)" ]
gcc -static -o "$D/h" "$D/h.o" $(pkg-config --libs --static azaudit)
"$D/h"
gcc -o "$D/hs" "$D/h.o" $(pkg-config --libs azaudit) -Wl,-rpath,"$D$P/lib"
"$D/hs"
if command -v groff >/dev/null; then
	groff -man -Tutf8 -ww -z "$D$P/share/man/man1/azaudit.1"
fi

echo "install check: 1 passed, 0 failed"

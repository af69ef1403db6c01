# Sourced by the bench scripts. measure CMD...: runs CMD RUNS times and
# prints the median wall seconds and the largest peak RSS (KiB), "S KB".
# D is the data directory (a scratch file .time goes there).
measure() {
	for i in $(seq "$RUNS"); do
		/usr/bin/time -f "%e %M" -o "$D/.time" "$@" >/dev/null 2>&1 || true
		cat "$D/.time"
	done | sort -n | awk -v n="$RUNS" '{ t[NR] = $1; if ($2 > m) m = $2 } END { printf "%s %s\n", t[int((n + 1) / 2)], m }'
}

# The loopback emulator for the collect suites (sourced by run.sh and
# azurite.sh, which set EMU, EX, T, pass and fail).
EP=
# emu_stop: stop the running emulator, if any.
emu_stop() { [ -n "$EP" ] && kill "$EP" 2>/dev/null && wait "$EP" 2>/dev/null; EP=; }
# emu_start [emulator options]: on a random loopback port; sets P and EP.
# Waits up to 20 s (a loaded machine is slow to start it); a server that
# does not start ends the suite with a FAIL line and its summary line.
emu_start() {
	emu_stop
	rm -f "$T/port"
	"$EMU" --examples "$EX" --port-file "$T/port" "$@" 2>"$T/emu.err" &
	EP=$!
	i=0
	while [ ! -s "$T/port" ] && [ $i -lt 400 ] && kill -0 "$EP" 2>/dev/null; do sleep 0.05; i=$((i + 1)); done
	P=$(cat "$T/port" 2>/dev/null)
	[ -n "$P" ] || { echo "FAIL emulator did not start: $(cat "$T/emu.err")"; echo "$pass passed, $((fail + 1)) failed"; exit 1; }
}

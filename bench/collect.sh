#!/bin/sh
# Collection bench: a simulated tenant served by the loopback emulator with a
# fixed latency per request and a Resource Manager read budget (a token
# bucket, RATE:BURST, that answers 429 when spent). Prints wall time,
# requests, requests per resource, peak RSS and the floor set by latency and
# by the budget. SUBS, EXTRA, LATENCY, CONC, BUDGET tune it.
O=${O:-build}
SUBS=${SUBS:-50}; EXTRA=${EXTRA:-500}; LATENCY=${LATENCY:-30}; CONC=${CONC:-16}; BUDGET=${BUDGET:-250:250}
SH=${AZA_SHARED:-../shared}; [ -d "$SH" ] || SH=../../shared
T=$(mktemp -d); trap 'kill $EP 2>/dev/null; rm -rf "$T"' EXIT
$O/tests/emulator/emu --examples "$SH/azure-api-examples" --port-file "$T/port" --subs "$SUBS" --extra "$EXTRA" \
	--latency "$LATENCY" --budget "$BUDGET" & EP=$!
while [ ! -s "$T/port" ]; do sleep 0.1; done; P=$(cat "$T/port")
export AZURE_TENANT_ID=72f988bf-0000-0000-0000-000000000001 AZURE_CLIENT_ID=emu-client AZURE_CLIENT_SECRET=emu-secret-value
/usr/bin/time -f "peak RSS %M KiB" $O/azaudit collect -o "$T/snap.json.gz" --concurrency "$CONC" --max-active "$CONC" \
	--authority-host "http://127.0.0.1:$P" --arm-endpoint "http://127.0.0.1:$P" --graph-endpoint "http://127.0.0.1:$P" \
	--storage-endpoint "http://127.0.0.1:$P/_dp/{service}/{account}" 2>"$T/err"
cat "$T/err"
curl -s "http://127.0.0.1:$P/_emu/stats" > "$T/stats" 2>/dev/null; echo "emulator: $(cat "$T/stats")"
req=$(sed -n 's/.* \([0-9]*\) requests,.*/\1/p' "$T/err"); res=$(sed -n 's/.*collected \([0-9]*\) resources.*/\1/p' "$T/err")
arm=$(sed -n 's/.*"arm":\([0-9]*\).*/\1/p' "$T/stats"); arg=$(sed -n 's/.*"arg":\([0-9]*\).*/\1/p' "$T/stats")
args=$(( (res + 999) / 1000 ))
echo "requests per resource: $(awk "BEGIN{printf \"%.3f\", $req/$res}")"
lat=$(awk "BEGIN{printf \"%.2f\", ($args + 1 + ($req - $args) / $CONC) * $LATENCY / 1000}")
bud=$(awk -v b="$BUDGET" -v n="$((arm + arg))" 'BEGIN{split(b, x, ":"); f = (n - x[2]) / x[1]; printf "%.2f", f < 0 ? 0 : f}')
echo "floor: latency $lat s ($args sequential Resource Graph pages + the rest at $CONC in flight), read budget $bud s ($((arm + arg)) Resource Manager reads at $BUDGET)"

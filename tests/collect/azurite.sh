#!/bin/sh
# Storage data plane against Azurite, the real storage emulator (npm, pinned in
# package-lock.json): containers with and without public access and analytics
# logging on and off are set through the Storage REST API (Shared Key signed
# here with openssl), then collected with Shared Key (the key comes from
# listKeys on the loopback Resource Manager emulator), scanned, and the
# verdicts of AZA-STG-004 and AZA-STG-020 checked. Prints "N passed, M failed".
AZ=${AZAUDIT:-build/azaudit}
EMU=${EMU:-$(dirname "$AZ")/tests/emulator/emu}
AZURITE=${AZURITE:-node_modules/.bin/azurite}
SH=${AZA_SHARED:-../shared}
[ -d "$SH" ] || [ -n "$AZA_SHARED" ] || SH=../../shared
EX=$SH/azure-api-examples
pass=0; fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
if [ ! -d "$EX" ]; then
	echo "skip: $EX not found (set AZA_SHARED)"; echo "0 passed, 0 failed"; exit 0
fi
if [ ! -x "$AZURITE" ] || ! command -v node >/dev/null 2>&1 || ! command -v openssl >/dev/null 2>&1 ||
	! command -v curl >/dev/null 2>&1; then
	# CI installs it (npm ci): there a missing Azurite is a failure.
	if [ -n "$CI" ]; then echo "FAIL azurite, node, openssl or curl missing"; echo "0 passed, 1 failed"; exit 1; fi
	echo "skip: azurite not installed (npm ci)"; echo "0 passed, 0 failed"; exit 0
fi
T=$(mktemp -d)
. "$(dirname "$0")/emu.sh"
AP=
cleanup() {
	emu_stop
	# In memory: nothing to save, and a graceful stop waits on idle connections.
	[ -n "$AP" ] && kill -KILL "$AP" 2>/dev/null && wait "$AP" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

ACC=devstoreaccount1
# The storage emulator's published development key.
KEY=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==
HEX=$(printf '%s' "$KEY" | openssl base64 -d -A | od -An -tx1 -v | tr -d ' \n')
VER=2021-08-06

# Azurite on three random loopback ports, in memory. A loaded machine can be
# slow to start node: wait up to a minute, and try a second time.
port_of() { sed -n "s/.*$1 service is successfully listening at http:\/\/127.0.0.1:\([0-9]*\).*/\1/p" "$T/azurite.log" 2>/dev/null; }
for try in 1 2; do
	"$AZURITE" --silent --inMemoryPersistence --skipApiVersionCheck --blobHost 127.0.0.1 --queueHost 127.0.0.1 \
		--tableHost 127.0.0.1 --blobPort 0 --queuePort 0 --tablePort 0 >"$T/azurite.log" 2>&1 &
	AP=$!
	i=0
	while [ -z "$(port_of Table)" ] && [ $i -lt 600 ] && kill -0 "$AP" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
	BP=$(port_of Blob); QP=$(port_of Queue); TP=$(port_of Table)
	[ -n "$BP" ] && [ -n "$QP" ] && [ -n "$TP" ] && break
	echo "azurite did not start (try $try, ${i}00 ms): $(tail -5 "$T/azurite.log")"
	kill -KILL "$AP" 2>/dev/null; wait "$AP" 2>/dev/null; AP=
done
[ -n "$BP" ] && [ -n "$QP" ] && [ -n "$TP" ] || { echo "FAIL azurite did not start"; echo "0 passed, 1 failed"; exit 1; }

# sk METHOD SERVICE PORT PATH QUERY [BODYFILE] [x-ms header]: one Shared Key
# request to Azurite (path-style: /account/path); prints the HTTP status.
sk() {
	m=$1 svc=$2 port=$3 path=$4 q=$5 body=$6 xh=$7
	d=$(LC_ALL=C date -u '+%a, %d %b %Y %H:%M:%S GMT')
	len=; ct=
	[ -n "$body" ] && { len=$(wc -c < "$body" | tr -d ' '); ct=application/xml; }
	canonq=$(printf '%s' "$q" | tr '&' '\n' | sort | sed 's/=/:/')
	if [ "$svc" = table ]; then
		comp=$(printf '%s\n' "$canonq" | sed -n 's/^comp:/?comp=/p')
		sts=$(printf '%s\n\n%s\n%s\n/%s/%s%s%s' "$m" "$ct" "$d" "$ACC" "$ACC" "$path" "$comp")
	else
		xl=
		[ -n "$xh" ] && xl="$(printf '%s' "$xh" | sed 's/: */:/' | tr 'A-Z' 'a-z')
"
		sts=$(printf '%s\n\n\n%s\n\n%s\n\n\n\n\n\n\n%sx-ms-date:%s\nx-ms-version:%s\n/%s/%s%s\n%s' "$m" "$len" "$ct" \
			"$xl" "$d" "$VER" "$ACC" "$ACC" "$path" "$canonq")
	fi
	sig=$(printf '%s' "$sts" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$HEX" -binary | openssl base64 -A)
	set -- -s -o "$T/resp" -w '%{http_code}' -X "$m" -H "x-ms-date: $d" -H "x-ms-version: $VER" \
		-H "Authorization: SharedKey $ACC:$sig"
	[ -n "$xh" ] && set -- "$@" -H "$xh"
	if [ -n "$body" ]; then set -- "$@" -H "Content-Type: $ct" --data-binary "@$body"
	elif [ "$m" = PUT ]; then set -- "$@" -H "Content-Length: 0"; fi
	curl "$@" "http://127.0.0.1:$port/$ACC$path?$q"
}
# logging on|off: Storage Analytics logging of blob, queue and table.
logging() {
	v=$([ "$1" = on ] && echo true || echo false)
	printf '<?xml version="1.0" encoding="utf-8"?><StorageServiceProperties><Logging><Version>1.0</Version><Delete>%s</Delete><Read>%s</Read><Write>%s</Write><RetentionPolicy><Enabled>true</Enabled><Days>7</Days></RetentionPolicy></Logging></StorageServiceProperties>' \
		$v $v $v > "$T/props.xml"
	r1=$(sk PUT blob "$BP" / 'restype=service&comp=properties' "$T/props.xml")
	r2=$(sk PUT queue "$QP" / 'restype=service&comp=properties' "$T/props.xml")
	r3=$(sk PUT table "$TP" / 'restype=service&comp=properties' "$T/props.xml")
	[ "$r1$r2$r3" = 202202202 ] && ok || bad "set logging $1: $r1 $r2 $r3"
}

[ "$(sk PUT blob "$BP" /public-c 'restype=container' '' 'x-ms-blob-public-access: container')" = 201 ] && ok || bad "create public-c"
[ "$(sk PUT blob "$BP" /public-b 'restype=container' '' 'x-ms-blob-public-access: blob')" = 201 ] && ok || bad "create public-b"
[ "$(sk PUT blob "$BP" /private 'restype=container')" = 201 ] && ok || bad "create private"
logging off

export AZURE_TENANT_ID=72f988bf-0000-0000-0000-000000000001 AZURE_CLIENT_ID=emu-client AZURE_CLIENT_SECRET=emu-secret-value
unset AZURE_CLIENT_CERTIFICATE_PATH AZURE_FEDERATED_TOKEN_FILE IDENTITY_ENDPOINT IDENTITY_HEADER \
	AZURE_POD_IDENTITY_AUTHORITY_HOST AZURE_AUTHORITY_HOST AZAUDIT_ARM_ENDPOINT AZAUDIT_GRAPH_ENDPOINT AZAUDIT_STORAGE_ENDPOINT
# start_emu [emulator options]: Resource Manager (emu.sh) with the account devstoreaccount1.
start_emu() { emu_start --subs 1 --azurite-account "$ACC" "$@"; }
# coll OUT: collect with Shared Key against Azurite; scan; verdicts of the account in $T/v.txt.
coll() {
	"$AZ" collect -o "$1" --authority-host "http://127.0.0.1:$P" --arm-endpoint "http://127.0.0.1:$P" \
		--graph-endpoint "http://127.0.0.1:$P" --no-graph --storage-auth sharedkey --attempts 2 --retry-base-ms 20 \
		--blob-endpoint "http://127.0.0.1:$BP/{account}" --queue-endpoint "http://127.0.0.1:$QP/{account}" \
		--table-endpoint "http://127.0.0.1:$TP/{account}" -v >"$T/out" 2>"$T/err"
	RC=$?
	"$AZ" scan -f json "$1" 2>/dev/null | sed -n 's/.*"rule_id":"\([^"]*\)".*"status":"\([A-Z_]*\)","resource_id":"\([^"]*\)".*/\1|\3|\2/p' |
		sed 's#|[^|]*/storageAccounts/#|#' | grep "|$ACC[|/]" | sort > "$T/v.txt"
}
verdict() { grep -qx "$1|$ACC$2|$3" "$T/v.txt"; }

start_emu
coll "$T/off.json"
[ $RC -eq 0 ] && ok || bad "collect (logging off): exit $RC: $(tail -2 "$T/err")"
grep -q "GET /$ACC/?restype=service&comp=properties 200" "$T/err" && ok || bad "service properties not read"
verdict AZA-STG-020 '' FAIL && ok || bad "logging off: STG-020 not FAIL: $(grep STG-020 "$T/v.txt")"
verdict AZA-STG-004 /blobServices/default/containers/public-c FAIL && ok || bad "public-c not FAIL: $(cat "$T/v.txt")"
verdict AZA-STG-004 /blobServices/default/containers/public-b FAIL && ok || bad "public-b not FAIL"
verdict AZA-STG-004 /blobServices/default/containers/private PASS && ok || bad "private not PASS"
grep -q '"service":"table","logging":{"version":"1.0","read":false' "$T/off.json" && ok || bad "table logging facts"
grep -q '"auth":"shared-key"' "$T/off.json" && ok || bad "Shared Key not used"
grep -q "$KEY" "$T/err" "$T/out" "$T/off.json" && bad "account key in the log or snapshot" || ok
grep -qi 'SharedKey' "$T/err" "$T/off.json" && bad "signature in the log or snapshot" || ok

logging on
coll "$T/on.json"
[ $RC -eq 0 ] && ok || bad "collect (logging on): exit $RC"
verdict AZA-STG-020 '' PASS && ok || bad "logging on: STG-020 not PASS: $(grep STG-020 "$T/v.txt")"

# A key the account does not accept (a private account, as far as this
# identity goes): 403 recorded, STG-020 UNKNOWN, never PASS or FAIL.
start_emu --storage-key "$(printf 'not-the-key-of-this-account-0123' | openssl base64 -A)"
coll "$T/denied.json"
[ $RC -eq 0 ] && ok || bad "collect (denied): exit $RC"
grep -q "\"scope\":\"[^\"]*/storageAccounts/$ACC\",\"type\":\"dataplane/storage/blob\",\"api\":\"[^\"]*\",\"status\":403" "$T/denied.json" && ok ||
	bad "403 not recorded: $(grep -o '"errors":.\{0,300\}' "$T/denied.json")"
verdict AZA-STG-020 '' UNKNOWN && ok || bad "denied: STG-020 not UNKNOWN: $(grep STG-020 "$T/v.txt")"
grep -q 'listKeys/action' "$T/err" && ok || bad "denied: no permission hint in the summary"

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]

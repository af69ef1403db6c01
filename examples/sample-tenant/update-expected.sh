#!/bin/sh
# Regenerates expected.txt of the sample tenant (Contoso) (examples/update-expected.sh).
#   examples/sample-tenant/update-expected.sh          rewrite expected.txt
#   examples/sample-tenant/update-expected.sh -        print the list instead
exec sh "$(dirname "$0")/../update-expected.sh" "$(dirname "$0")" "$@"

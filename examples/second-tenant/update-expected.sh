#!/bin/sh
# Regenerates expected.txt of the second example tenant (Fabrikam) (examples/update-expected.sh).
#   examples/second-tenant/update-expected.sh          rewrite expected.txt
#   examples/second-tenant/update-expected.sh -        print the list instead
exec sh "$(dirname "$0")/../update-expected.sh" "$(dirname "$0")" "$@"

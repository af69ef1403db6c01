#!/bin/sh
# Rebuilds the seed corpora from the example API bodies (SHARED, default
# ../shared) and the rule fixtures, plus hand-written tricky cases. The
# corpora are committed; run this only to refresh them.
set -eu
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
EX=$SHARED/azure-api-examples
J=fuzz/corpus/fuzz_json
I=fuzz/corpus/fuzz_input
mkdir -p "$J" "$I"

# Whole example files for the parser; their response bodies for the pipeline.
for f in \
  storage/resource-manager/Microsoft.Storage/stable/2023-05-01/examples/StorageAccountGetProperties.json \
  storage/resource-manager/Microsoft.Storage/stable/2023-05-01/examples/BlobServicesGet.json \
  network/resource-manager/Microsoft.Network/stable/2024-05-01/examples/NetworkSecurityGroupGet.json \
  network/resource-manager/Microsoft.Network/stable/2024-05-01/examples/NetworkWatcherList.json \
  sql/resource-manager/Microsoft.Sql/stable/2023-08-01/examples/ServerBlobAuditingGet.json \
  keyvault/resource-manager/Microsoft.KeyVault/stable/2023-07-01/examples/getVault.json \
  keyvault/resource-manager/Microsoft.KeyVault/stable/2023-07-01/examples/listKeys.json \
  monitor/resource-manager/Microsoft.Insights/preview/2021-05-01-preview/examples/getSubscriptionDiagnosticSetting.json \
  security/resource-manager/Microsoft.Security/stable/2024-01-01/examples/Pricings/GetPricingByNameVirtualMachines_example.json \
  resourcegraph/resource-manager/Microsoft.ResourceGraph/stable/2022-10-01/examples/ResourcesFirstPageQuery.json \
  web/resource-manager/Microsoft.Web/AppService/stable/2025-03-01/examples/GetSiteConfig.json \
  compute/resource-manager/Microsoft.Compute/DiskRP/stable/2024-03-02/examples/diskExamples/Disk_Get.json
do
  [ -f "$EX/$f" ] || continue
  b=$(basename "$f" .json)
  cp "$EX/$f" "$J/example-$b.json"
  jq '.responses["200"].body' "$EX/$f" > "$I/body-$b.json"
done
for g in authorizationPolicy-get users-list conditionalAccess-policies-list userRegistrationDetails-list; do
  [ -f "$EX/graph/$g.json" ] && cp "$EX/graph/$g.json" "$I/graph-$g.json"
done

# Snapshots from the rule fixtures.
for c in AZA-STG-001/unknown AZA-STG-001/fail AZA-STG-002/fail-absent; do
  [ -f "tests/rules/$c.json" ] && cp "tests/rules/$c.json" "$I/snapshot-$(echo "$c" | tr / -).json"
done

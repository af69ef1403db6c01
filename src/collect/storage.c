/*
 * storage.c - storage account settings through Resource Manager: the blob,
 * file, queue and table services, blob containers, and the diagnostic
 * settings of the account and of each service. (The Storage data plane -
 * analytics logging read with an Entra token or Shared Key - is not
 * collected yet.)
 */
#include "collect.h"

static const struct scall {
	const char *path, *version, *type;
} calls[] = {
	{"/blobServices", "2023-05-01", "Microsoft.Storage/storageAccounts/blobServices"},
	{"/fileServices", "2023-05-01", "Microsoft.Storage/storageAccounts/fileServices"},
	{"/queueServices", "2023-05-01", "Microsoft.Storage/storageAccounts/queueServices"},
	{"/tableServices", "2023-05-01", "Microsoft.Storage/storageAccounts/tableServices"},
	{"/blobServices/default/containers", "2023-05-01", "Microsoft.Storage/storageAccounts/blobServices/containers"},
	{"/providers/Microsoft.Insights/diagnosticSettings", "2021-05-01-preview", "Microsoft.Insights/diagnosticSettings"},
	{"/blobServices/default/providers/Microsoft.Insights/diagnosticSettings", "2021-05-01-preview", "Microsoft.Insights/diagnosticSettings"},
	{"/fileServices/default/providers/Microsoft.Insights/diagnosticSettings", "2021-05-01-preview", "Microsoft.Insights/diagnosticSettings"},
	{"/queueServices/default/providers/Microsoft.Insights/diagnosticSettings", "2021-05-01-preview", "Microsoft.Insights/diagnosticSettings"},
	{"/tableServices/default/providers/Microsoft.Insights/diagnosticSettings", "2021-05-01-preview", "Microsoft.Insights/diagnosticSettings"},
};

int aza_storage__children(aza_collector *c, const char *id)
{
	const char *scope = aza_coll__printf(c, "%s", id);
	if (!scope)
		return AZA_ENOMEM;
	for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++) {
		const char *url = aza_coll__printf(c, "%s%s%s?api-version=%s", aza_coll__arm(c), id, calls[i].path,
		                                   calls[i].version);
		if (!url || aza_coll__walk(c, AZA_WALK_LIST, url, scope, calls[i].type, NULL))
			aza_coll__error(c, scope, calls[i].type, calls[i].path, 0, "out of memory");
	}
	return 0;
}

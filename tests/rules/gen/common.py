import json, os, copy
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
SUB = '00000000-0000-0000-0000-000000000001'
def rid(rg, prov, *parts):
    return f"/subscriptions/{SUB}/resourceGroups/{rg}/providers/{prov}/" + "/".join(parts)
def snapshot(resources, datasets=None, errors=None, directory=None, dataplane=None, meta_extra=None):
    meta = {"tenant_id": "72f988bf-0000-0000-0000-000000000001", "collected_at": "2026-10-31T12:00:00Z",
            "method": "fixture", "tool": "azaudit fixtures",
            "subscriptions": [{"id": SUB, "name": "fixture-sub"}]}
    if datasets is not None: meta["datasets"] = datasets
    if meta_extra: meta.update(meta_extra)
    s = {"snapshot_version": "1.0", "meta": meta, "resources": resources}
    if directory is not None: s["directory"] = directory
    if dataplane is not None: s["dataplane"] = dataplane
    if errors is not None: s["errors"] = errors
    return s
def case(rule, name, data, expect):
    d = os.path.join(ROOT, rule); os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name + '.json'), 'w') as f: json.dump(data, f, indent=1); f.write('\n')
    with open(os.path.join(d, name + '.expect'), 'w') as f: f.write(expect.strip() + '\n')
def setp(obj, path, val):
    o = obj
    ks = path.split('.')
    for k in ks[:-1]: o = o.setdefault(k, {})
    if val is DEL: o.pop(ks[-1], None)
    else: o[ks[-1]] = val
class _D: pass
DEL = _D()
def mod(base, **kv):
    o = copy.deepcopy(base)
    for k, v in kv.items(): setp(o, k.replace('__', '.'), v)
    return o

def pe_template(rtype, api, names, endpoints, props=None, extra=None):
    """An ARM template deploying resources `names` of rtype and, for each
    (target, groupId, manual) of endpoints, a private endpoint pe1, pe2...
    whose (manual when asked) connection targets resourceId(rtype, target)."""
    res = []
    for n in names:
        r = {"type": rtype, "apiVersion": api, "name": n, "location": "westeurope", "properties": copy.deepcopy(props or {})}
        if extra: r.update(copy.deepcopy(extra(n)))
        res.append(r)
    for i, (t, group, manual) in enumerate(endpoints):
        conn = {"name": "c", "properties": {"privateLinkServiceId": f"[resourceId('{rtype}','{t}')]", "groupIds": [group]}}
        res.append({"type": "Microsoft.Network/privateEndpoints", "apiVersion": "2023-05-01", "name": f"pe{i + 1}", "location": "westeurope",
                    "dependsOn": [f"[resourceId('{rtype}','{t}')]"],
                    "properties": {"subnet": {"id": "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s"},
                                   ("manualPrivateLinkServiceConnections" if manual else "privateLinkServiceConnections"): [conn]}})
    return {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
            "contentVersion": "1.0.0.0", "resources": res}


# An ARM template deploying resources (rule fixtures of templates).
def template(resources, parameters=None):
    t = {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
         "contentVersion": "1.0.0.0", "resources": resources}
    if parameters: t["parameters"] = parameters
    return t

# The three ways templates deploy at a management group: a
# management-group deployment template (its group in a template-only scan
# is template-mg); a tenant template whose nested deployment is scoped to
# group `mg`; a tenant template whose resources name `mg` as their scope.
TMG = "template-mg"
def mg_template(resources, parameters=None):
    return dict(template(resources, parameters),
                **{"$schema": "https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#"})
def tenant_to_mg(mg, resources):
    return {"$schema": "https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#",
            "contentVersion": "1.0.0.0",
            "resources": [{"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": f"{mg}-policy",
                           "location": "westeurope", "scope": f"[format('Microsoft.Management/managementGroups/{{0}}', '{mg}')]",
                           "properties": {"mode": "Incremental", "template": mg_template(resources)}}]}
def scoped_to_mg(mg, resources, parameters=None):
    rs = [dict(r, scope=f"[tenantResourceId('Microsoft.Management/managementGroups', '{mg}')]") for r in resources]
    return dict(template(rs, parameters),
                **{"$schema": "https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#"})


# A policy exemption (Microsoft.Authorization/policyExemptions, shaped after
# the REST specs' listPolicyExemptionsForSubscription example,
# 2022-07-01-preview) at scope (default the fixture subscription).
PE = 'Microsoft.Authorization/policyExemptions'
def pexempt(name, assignment_id, scope=None, category="Waiver", refs=None, **props):
    scope = scope or f"/subscriptions/{SUB}"
    p = {"policyAssignmentId": assignment_id, "exemptionCategory": category, "displayName": name,
         "description": name, "metadata": {"reason": "fixture"}}
    if refs is not None: p["policyDefinitionReferenceIds"] = refs
    p.update(props)
    return {"properties": p, "id": f"{scope}/providers/{PE}/{name}", "type": PE, "name": name}

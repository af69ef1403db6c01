// Checks OCSF Compliance Finding events (a JSON array or JSON Lines) for the
// fields docs/ocsf.md promises. Usage: node ocsf-check.mjs FILE [JSONL_FILE]
import { readFileSync } from "node:fs";

const errors = [];
const load = (f) => {
  const t = readFileSync(f, "utf8");
  return f.endsWith(".jsonl") ? t.split("\n").filter(Boolean).map((l) => JSON.parse(l)) : JSON.parse(t);
};
const arr = load(process.argv[2]);
const lines = process.argv[3] ? load(process.argv[3]) : arr;
if (JSON.stringify(arr) !== JSON.stringify(lines)) errors.push("array and JSON Lines differ");
const need = (e, path, pred) => {
  const v = path.split(".").reduce((o, k) => (o == null ? undefined : o[k]), e);
  if (!pred(v)) errors.push(`${e.finding_info?.uid ?? "?"}: ${path} = ${JSON.stringify(v)}`);
};
const str = (v) => typeof v === "string", int = (v) => Number.isInteger(v);
for (const e of arr) {
  need(e, "class_uid", (v) => v === 2003);
  need(e, "category_uid", (v) => v === 2);
  need(e, "activity_id", (v) => v === 1);
  need(e, "type_uid", (v) => v === 200301);
  need(e, "severity_id", (v) => int(v) && v >= 1 && v <= 5);
  need(e, "status", str);
  need(e, "time", (v) => int(v) && v > 1.7e12);
  need(e, "compliance.control", str);
  need(e, "compliance.requirements", Array.isArray);
  need(e, "compliance.status", (v) => ["Pass", "Fail", "Warning", "Unknown", "Not Applicable"].includes(v));
  need(e, "finding_info.uid", (v) => /^[0-9a-f]{64}$/.test(v));
  need(e, "finding_info.title", str);
  need(e, "finding_info.desc", str);
  need(e, "resources", (v) => Array.isArray(v) && v.length === 1);
  need(e, "resources.0.uid", str);
  need(e, "resources.0.type", str);
  need(e, "resources.0.name", str);
  need(e, "resources.0.region", str);
  need(e, "metadata.product.name", (v) => v === "azaudit");
  need(e, "metadata.product.vendor_name", str);
  need(e, "metadata.product.version", str);
  need(e, "metadata.version", str);
}
if (!arr.length) errors.push("no events");
for (const e of errors.slice(0, 20)) console.log("FAIL " + e);
console.log(errors.length ? "ocsf: failed" : `ok ocsf: ${arr.length} events`);
process.exit(errors.length ? 1 : 0);

// Parses the CSV report with a real CSV parser and compares every row with
// the JSON report of the same scan. Usage: node csv-check.mjs REPORT.csv REPORT.json
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";

const [csvFile, jsonFile] = process.argv.slice(2);
const text = readFileSync(csvFile, "utf8");
const rows = parse(text, { columns: true, strict: true, record_delimiter: "\r\n" });
const findings = JSON.parse(readFileSync(jsonFile, "utf8")).findings;
const errors = [];
const guard = (v) => (/^[=+\-@\t\r]/.test(v) ? "'" + v : v);
if (!text.includes("\r\n") || /[^\r]\n/.test(text)) errors.push("line ends are not all CRLF");
if (rows.length !== findings.length) errors.push(`${rows.length} rows for ${findings.length} findings`);
for (let i = 0; i < Math.min(rows.length, findings.length); i++) {
  const r = rows[i], f = findings[i];
  for (const [col, want] of [
    ["rule_id", f.rule_id], ["status", f.status], ["resource_id", guard(f.resource_id)],
    ["resource_name", guard(f.resource_name)], ["message", guard(f.message)], ["severity", f.severity],
    ["level", String(f.level)], ["line", f.source.line ? String(f.source.line) : ""],
  ]) {
    if (r[col] !== want) errors.push(`row ${i + 1} ${col}: ${JSON.stringify(r[col])} != ${JSON.stringify(want)}`);
  }
  for (const [col, v] of Object.entries(r))
    if (/^[=+\-@]/.test(v)) errors.push(`row ${i + 1} ${col} starts a formula: ${v}`);
}
if (!rows.some((r) => r.resource_name.startsWith("'="))) errors.push("no guarded formula value seen");
for (const e of errors.slice(0, 20)) console.log("FAIL " + e);
console.log(errors.length ? "csv: failed" : `ok csv: ${rows.length} rows`);
process.exit(errors.length ? 1 : 0);

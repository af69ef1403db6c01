// Writes the framework mappings (frameworks/*.json) from the rule catalogue
// and the reference indexes in shared/. Run by `make frameworks` after rules
// change; tests/report/frameworks-check.mjs fails when a file is stale.
// Usage: node frameworks/gen.mjs [AZAUDIT_BINARY] [SHARED_DIR] [OUTPUT_DIR]
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const az = process.argv[2] || "build/azaudit";
const shared = process.argv[3] || process.env.SHARED || "../shared";
const rules = JSON.parse(execFileSync(az, ["rules", "--format", "json"], { maxBuffer: 64 << 20 })).rules;

const rulesFor = (pred) => rules.filter(pred).map((r) => r.id);
const outdir = process.argv[4] || here;
const write = (name, fw) => writeFileSync(join(outdir, name), JSON.stringify(fw, null, 1) + "\n");
const NOT_YET = "no azaudit rule implements this recommendation yet";

// CIS v6.0.0: every recommendation of the index, mapped or not covered.
{
  const rows = readFileSync(join(shared, "cis-azure-6.0.0.md"), "utf8").split("\n")
    .filter((l) => /^\| [0-9]/.test(l))
    .map((l) => l.split("|").slice(1, -1).map((c) => c.trim()));
  const controls = [], notCovered = [];
  for (const [id, title, level, am] of rows) {
    const mapped = rulesFor((r) => r.cis.some((c) => c.version === "6.0.0" && c.id === id));
    const assessment = am === "A" ? "automated" : "manual";
    if (mapped.length)
      controls.push({ id, title, section: id.split(".")[0], level: Number(level.replace("L", "")), assessment, rules: mapped });
    else
      notCovered.push({ id, title, assessment, reason: NOT_YET });
  }
  write("cis-azure-6.0.0.json", {
    id: "cis-azure-6.0.0",
    title: "CIS Microsoft Azure Foundations Benchmark v6.0.0",
    version: "6.0.0",
    source: "recommendation ids and short titles from the CIS v6.0.0 index; mapping from the rules' CIS references",
    partial: false,
    controls,
    not_covered: notCovered,
  });
}

// CIS v5.0.0: only the recommendations some rule names (no full index here).
{
  const ids = [...new Set(rules.flatMap((r) => r.cis.filter((c) => c.version === "5.0.0").map((c) => c.id)))];
  const key = (s) => s.split(".").map((n) => n.padStart(4, "0")).join(".");
  ids.sort((a, b) => (key(a) < key(b) ? -1 : 1));
  const controls = ids.map((id) => {
    const mapped = rules.filter((r) => r.cis.some((c) => c.version === "5.0.0" && c.id === id));
    return {
      id, title: mapped[0].title, section: id.split(".")[0], level: mapped[0].level,
      assessment: mapped.every((r) => r.kind === "manual") ? "manual" : "automated", rules: mapped.map((r) => r.id),
    };
  });
  write("cis-azure-5.0.0.json", {
    id: "cis-azure-5.0.0",
    title: "CIS Microsoft Azure Foundations Benchmark v5.0.0",
    version: "5.0.0",
    source: "only the v5.0.0 recommendations that rules reference; titles are the rules' titles",
    partial: true,
    controls,
    not_covered: [],
  });
}

// The reference checklist: every key, mapped or not covered.
{
  let section = "";
  const controls = [], notCovered = [];
  for (const line of readFileSync(join(shared, "checklist.md"), "utf8").split("\n")) {
    const h = /^## [0-9]+\. (.*)$/.exec(line);
    if (h) section = h[1].trim();
    const m = /^\| ([a-z]+\.[a-z0-9_]+) \| ([0-9]) \| (.*) \|\s*$/.exec(line);
    if (!m) continue;
    const [, id, level, title] = m;
    const mapped = rules.filter((r) => r.checklist.includes(id));
    if (mapped.length)
      controls.push({
        id, title, section, level: Number(level),
        assessment: mapped.every((r) => r.kind === "manual") ? "manual" : "automated", rules: mapped.map((r) => r.id),
      });
    else notCovered.push({ id, title, assessment: "automated", reason: "no azaudit rule covers this item yet" });
  }
  write("azaudit-checklist.json", {
    id: "azaudit-checklist",
    title: "azaudit reference audit checklist",
    version: "1",
    source: "keys and items of the reference checklist; mapping from the rules' checklist keys",
    partial: false,
    controls,
    not_covered: notCovered,
  });
}

// Checks the framework mappings: well-formed, every referenced rule exists,
// every automated CIS v6.0.0 recommendation is mapped or listed as not
// covered (with a reason), and the files match what frameworks/gen.mjs
// writes from the current catalogue (else: run `make frameworks`).
// Usage: node frameworks-check.mjs AZAUDIT_BINARY SHARED_DIR|-
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [az, shared] = process.argv.slice(2);
const rules = new Set(JSON.parse(execFileSync(az, ["rules", "--format", "json"], { maxBuffer: 64 << 20 })).rules.map((r) => r.id));
let pass = 0, fail = 0;
const check = (cond, what) => { if (cond) pass++; else { fail++; console.log("FAIL " + what); } };
const files = readdirSync("frameworks").filter((f) => f.endsWith(".json")).sort();
check(["azaudit-checklist.json", "cis-azure-5.0.0.json", "cis-azure-6.0.0.json"].every((f) => files.includes(f)), "the three framework files exist");
const fws = {};
for (const f of files) {
  const fw = JSON.parse(readFileSync(join("frameworks", f), "utf8"));
  fws[fw.id] = fw;
  check(fw.id + ".json" === f, `${f}: id matches the file name`);
  check(typeof fw.title === "string" && Array.isArray(fw.controls) && Array.isArray(fw.not_covered), `${f}: id, title, controls, not_covered`);
  const seen = new Set();
  for (const c of fw.controls) {
    check(!seen.has(c.id), `${f}: control ${c.id} listed once`);
    seen.add(c.id);
    check(Array.isArray(c.rules) && c.rules.length > 0, `${f}: control ${c.id} maps to rules`);
    for (const r of c.rules) check(rules.has(r), `${f}: control ${c.id} names rule ${r}, which does not exist`);
    check(["automated", "manual"].includes(c.assessment), `${f}: control ${c.id} assessment`);
  }
  for (const g of fw.not_covered) {
    check(!seen.has(g.id), `${f}: ${g.id} both mapped and not covered`);
    seen.add(g.id);
    check(typeof g.reason === "string" && g.reason.length > 0, `${f}: not covered ${g.id} has a reason`);
  }
}
if (shared !== "-" && existsSync(join(shared, "cis-azure-6.0.0.md"))) {
  const auto = readFileSync(join(shared, "cis-azure-6.0.0.md"), "utf8").split("\n")
    .filter((l) => /^\| [0-9]/.test(l)).map((l) => l.split("|").map((c) => c.trim()))
    .filter((c) => c[4] === "A").map((c) => c[1]);
  check(auto.length === 89, `read 89 automated CIS v6.0.0 ids (read ${auto.length})`);
  const fw = fws["cis-azure-6.0.0"];
  const known = new Set([...fw.controls.map((c) => c.id), ...fw.not_covered.map((c) => c.id)]);
  for (const id of auto) check(known.has(id), `automated CIS v6.0.0 ${id} is neither mapped nor listed as not covered`);
  const out = mkdtempSync(join(tmpdir(), "aza-fw-"));
  execFileSync("node", ["frameworks/gen.mjs", az, shared, out]);
  for (const f of ["azaudit-checklist.json", "cis-azure-5.0.0.json", "cis-azure-6.0.0.json"])
    check(readFileSync(join(out, f), "utf8") === readFileSync(join("frameworks", f), "utf8"),
      `frameworks/${f} is stale: run 'make frameworks'`);
  rmSync(out, { recursive: true, force: true });
} else {
  console.log(`skip: ${shared}/cis-azure-6.0.0.md not found: coverage and staleness not checked`);
}
console.log(`${pass} passed, ${fail} failed`);
process.exit(fail ? 1 : 0);

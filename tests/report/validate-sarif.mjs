// Validates SARIF files against the SARIF 2.1.0 JSON schema kept beside
// this script (see README.md for its source). Usage: node validate-sarif.mjs FILE...
// Prints "ok FILE" or the errors; exits 1 when any file is invalid.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const here = dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(readFileSync(join(here, "sarif-schema-2.1.0.json"), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);
let bad = 0;
for (const file of process.argv.slice(2)) {
  const doc = JSON.parse(readFileSync(file, "utf8"));
  if (validate(doc)) {
    console.log(`ok ${file}`);
  } else {
    bad++;
    console.log(`FAIL ${file}`);
    for (const e of validate.errors.slice(0, 10)) console.log(`  ${e.instancePath} ${e.message}`);
  }
}
process.exit(bad ? 1 : 0);

// Loads an HTML report in headless Chromium (the Debian package, driven by
// playwright-core) and checks it: no console errors, no network request,
// filters and search change the rows shown, an injected resource name is
// shown as text and never runs, a finding opens to its remediation. With
// EXPOSURE.html (a report of the exposure rules), the "Internet exposure"
// section: rows and paths rendered, the text filter, injected names as text.
// Usage: node browser.mjs REPORT.html SCREENSHOT.png [EXPOSURE.html]
//        node browser.mjs --time REPORT.html   (load time only)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

const args = process.argv.slice(2);
const timeOnly = args[0] === "--time";
if (timeOnly) args.shift();
const [file, shot, xfile] = args;
const exe = process.env.CHROMIUM || "/usr/bin/chromium";
const profile = mkdtempSync(join(tmpdir(), "aza-chromium-"));
let pass = 0, fail = 0;
// Rows the exposure data should give: one per reachable range, one per closed frontend.
const document_data_exposure = (text) => {
  const x = JSON.parse(text).exposure;
  return String(x.e.reduce((n, e) => n + Math.max(1, e[8].length), 0));
};
const check = (cond, what) => { if (cond) { pass++; console.log("ok " + what); } else { fail++; console.log("FAIL " + what); } };

const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: exe,
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
  viewport: { width: 1400, height: 900 },
});
try {
  const page = ctx.pages()[0] || (await ctx.newPage());
  const errors = [], requests = [], dialogs = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => { if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) requests.push(r.url()); });
  page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss(); });
  const t0 = Date.now();
  await page.goto("file://" + resolve(file), { waitUntil: "load", timeout: 120000 });
  await page.waitForSelector("#rows tr.row", { timeout: 120000 });
  const loadMs = Date.now() - t0;
  const total = await page.evaluate(() => JSON.parse(document.getElementById("aza-data").textContent).findings.length);
  console.log(`load: ${loadMs} ms for ${total} findings`);
  if (timeOnly) {
    const t1 = Date.now();
    await page.selectOption("#f-status", { label: "FAIL" });
    await page.waitForFunction(() => document.querySelectorAll("#rows td.status")[0]?.textContent.startsWith("FAIL"));
    console.log(`filter: ${Date.now() - t1} ms`);
    const t2 = Date.now();
    await page.fill("#q", "stg1");
    await page.waitForFunction(() => /of \d+ findings/.test(document.getElementById("count").textContent));
    await page.waitForTimeout(200);
    console.log(`search: ${Date.now() - t2} ms (incl. 150 ms debounce)`);
  } else {
    const rows = () => page.$$eval("#rows tr.row", (t) => t.length);
    const statuses = () => page.$$eval("#rows td.status", (t) => t.map((x) => x.textContent));
    const all = await rows();
    check(all > 0 && all <= 50, `rows shown: ${all}`);
    await page.selectOption("#f-status", { label: "FAIL" });
    const fails = await statuses();
    check(fails.length > 0 && fails.length < all && fails.every((s) => s.startsWith("FAIL")), `status filter FAIL: ${fails.length} rows`);
    await page.selectOption("#f-status", { value: "" });
    await page.selectOption("#f-sev", { label: "high" });
    const high = await rows();
    check(high > 0 && high < all, `severity filter: ${high} rows`);
    await page.selectOption("#f-sev", { value: "" });
    await page.selectOption("#f-level", { value: "2" });
    const l2 = await rows();
    check(l2 > 0 && l2 < all, `level filter: ${l2} rows`);
    await page.selectOption("#f-level", { value: "" });
    const subOpts = await page.$$eval("#f-sub option", (o) => o.map((x) => x.textContent));
    check(subOpts.some((t) => t.includes("fixture-sub-2")), "subscription names listed");
    await page.selectOption("#f-sub", { index: subOpts.findIndex((t) => t.includes("fixture-sub-2")) });
    const sub2 = await page.$$eval("#rows td.res", (t) => t.map((x) => x.textContent));
    check(sub2.length > 0 && sub2.length < all && sub2.every((n) => n === "stgother"), `subscription filter: ${sub2.length} rows`);
    await page.selectOption("#f-sub", { value: "" });
    await page.fill("#q", "onerror");
    await page.waitForFunction(() => /of \d+ findings/.test(document.getElementById("count").textContent) &&
      [...document.querySelectorAll("#rows td.res")].every((t) => t.textContent.includes("onerror")));
    const found = await page.$$eval("#rows td.res", (t) => t.map((x) => x.textContent));
    check(found.length > 0 && found.length < all && found.every((n) => n === "<img src=x onerror=alert(1)>"),
      `search shows the injected name as text: ${found.length} rows`);
    check((await page.$$("img")).length === 0, "no <img> element was created");
    await page.click("#rows tr.row");
    const detail = await page.textContent("tr.detail-row");
    check(detail.includes("Fix with az") && detail.includes("Why it matters") && detail.includes("Evidence"), "a finding opens to rationale, evidence and remediation");
    await page.fill("#q", "");
    await page.waitForTimeout(300);
    check((await rows()) === all, "clearing the search shows every row again");
    check((await page.$$("svg rect")).length > 0, "charts drawn");
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
    check(csp && csp.includes("default-src 'none'") && !csp.includes("unsafe-inline"), "CSP allows only hashed inline assets");
    check((await page.$$("#exposure")).length === 0, "no exposure section without exposure rules");
    if (shot) await page.screenshot({ path: shot, fullPage: true });
    if (xfile) {
      await page.goto("file://" + resolve(xfile), { waitUntil: "load", timeout: 120000 });
      await page.waitForSelector("#xrows tr", { timeout: 120000 });
      const xrows = () => page.$$eval("#xrows tr", (t) => t.map((r) => [...r.children].map((c) => c.textContent)));
      const xall = await xrows();
      const want = JSON.parse(document_data_exposure(await page.textContent("#aza-data")));
      check(xall.length === want && xall.length >= 3, `exposure rows: ${xall.length} (data: ${want})`);
      check(xall.some((r) => r[2] === "TCP 22 (frontend 2222)" && r[1].startsWith("pip-lb") && /lb-rule lb1\/ssh/.test(r[4]) &&
        /subnet-nsg nsg-sub: rule AllowSsh \(priority 110\)/.test(r[4]) && /nic-nsg: none/.test(r[4])),
        "load balancer path: frontend port, rule and priority per hop");
      const evil = xall.filter((r) => r[0].startsWith("<img src=x onerror=alert(1)>"));
      check(evil.length === 2 && evil.some((r) => r[4].includes("rule <img src=x onerror=alert(1)> (priority 120)")),
        "injected VM and NSG rule names shown as text");
      await page.fill("#xq", "onerror");
      await page.waitForFunction(() => document.querySelectorAll("#xrows tr").length === 2);
      check((await xrows()).every((r) => r[0].includes("onerror")), "exposure filter by text");
      await page.fill("#xq", "priority 110");
      await page.waitForFunction(() => document.querySelectorAll("#xrows tr").length === 2);
      check(/Showing 2 of 2 rows/.test(await page.textContent("#xcount")), "exposure filter by rule priority");
      await page.fill("#xq", "");
      await page.waitForFunction((n) => document.querySelectorAll("#xrows tr").length === n, xall.length);
      check((await page.$$("img")).length === 0, "no <img> element was created in the exposure section");
      const xcsp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
      check(xcsp && xcsp.includes("default-src 'none'") && !xcsp.includes("unsafe-inline"), "exposure report keeps the CSP");
    }
    check(dialogs.length === 0, `no dialog opened (${dialogs.join(", ")})`);
    check(errors.length === 0, `no console errors (${errors.join(" | ")})`);
    check(requests.length === 0, `no network request (${requests.join(", ")})`);
  }
} finally {
  await ctx.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`${pass} passed, ${fail} failed`);
process.exit(fail ? 1 : 0);

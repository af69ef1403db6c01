/*
 * html.c - one self-contained HTML file: posture score, counts per status,
 * charts per area and per level (inline SVG), the shared-responsibility
 * table, the framework controls when one is chosen, and a findings table
 * that inline JavaScript filters (status, area, severity, level,
 * subscription), searches (resource) and pages, so 100,000 findings stay
 * usable. Rule text, resources and messages are stored once each in a JSON
 * blob; findings are compact arrays of indexes into them.
 *
 * Safety: every value in markup is escaped; the JSON blob escapes < > & so
 * no "</script>" or "<!--" can end it; the page builds rows with
 * textContent only. A Content-Security-Policy allows only this file's own
 * script and style (by SHA-256 hash) and no network access at all.
 */
#include "report.h"
#include "../rules/exposure.h"

#include <errno.h>
#include <string.h>

static const char css[] =
	":root{--fail:#c62828;--pass:#2e7d32;--unknown:#b26a00;--manual:#1565c0;--na:#9e9e9e;--supp:#6a1b9a;--bg:#fafafa;--fg:#212121;--line:#ddd}\n"
	"*{box-sizing:border-box}\n"
	"body{font:14px/1.45 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;margin:0;background:var(--bg);color:var(--fg)}\n"
	"header{background:#263238;color:#fff;padding:16px 24px}\n"
	"header h1{margin:0 0 4px;font-size:20px}\n"
	"header .meta{opacity:.8;font-size:13px}\n"
	"main{padding:16px 24px;max-width:1400px}\n"
	"section{background:#fff;border:1px solid var(--line);border-radius:6px;padding:12px 16px;margin:0 0 16px}\n"
	"h2{font-size:16px;margin:0 0 8px}\n"
	".cards{display:flex;flex-wrap:wrap;gap:12px}\n"
	".card{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:110px;background:#fff}\n"
	".card b{display:block;font-size:22px}\n"
	".score b{font-size:30px}\n"
	".c-FAIL b{color:var(--fail)}.c-PASS b{color:var(--pass)}.c-UNKNOWN b{color:var(--unknown)}.c-MANUAL b{color:var(--manual)}.c-NOT_APPLICABLE b{color:var(--na)}.c-SUPPRESSED b{color:var(--supp)}\n"
	".charts{display:flex;flex-wrap:wrap;gap:24px}\n"
	"svg text{font-size:12px;fill:#333}\n"
	".b-PASS{fill:var(--pass)}.b-FAIL{fill:var(--fail)}.b-UNKNOWN{fill:var(--unknown)}.b-MANUAL{fill:var(--manual)}.b-NOT_APPLICABLE{fill:var(--na)}.b-SUPPRESSED{fill:var(--supp)}\n"
	".legend span{display:inline-block;margin-right:12px;font-size:12px}\n"
	".legend i{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:middle}\n"
	".l-PASS{background:var(--pass)}.l-FAIL{background:var(--fail)}.l-UNKNOWN{background:var(--unknown)}.l-MANUAL{background:var(--manual)}.l-NOT_APPLICABLE{background:var(--na)}.l-SUPPRESSED{background:var(--supp)}\n"
	"table{border-collapse:collapse;width:100%}\n"
	"th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top;overflow-wrap:break-word}\n"
	"#findings-table td:nth-child(-n+3){white-space:nowrap}\n"
	"td.res,code{overflow-wrap:anywhere}\n"
	"th{background:#eceff1;font-weight:600}\n"
	"th[data-sort]{cursor:pointer}\n"
	".filters{display:flex;flex-wrap:wrap;gap:8px;margin-bottom:8px;align-items:center}\n"
	".filters select,.filters input{padding:4px 6px;font:inherit}\n"
	".filters input{min-width:260px}\n"
	"tr.row{cursor:pointer}\n"
	"tr.row:hover,tr.row.open{background:#f1f8ff}\n"
	"td.status{font-weight:600;white-space:nowrap}\n"
	".st-fail td.status{color:var(--fail)}.st-pass td.status{color:var(--pass)}.st-unknown td.status{color:var(--unknown)}.st-manual td.status{color:var(--manual)}.st-not_applicable td.status{color:var(--na)}.st-suppressed td.status{color:var(--supp)}\n"
	".sev-critical,.sev-high{font-weight:600}\n"
	".detail{padding:6px 4px}\n"
	".kv{margin:3px 0}\n"
	".kv .k{display:inline-block;min-width:140px;font-weight:600;color:#455a64}\n"
	"code{font:12px/1.4 ui-monospace,Menlo,Consolas,monospace;background:#f5f5f5;padding:1px 4px;border-radius:3px;white-space:pre-wrap}\n"
	".pager{display:flex;gap:8px;align-items:center;margin-top:8px}\n"
	".muted{color:#757575}\n"
	"#exposure-table td.path .hop{white-space:nowrap}\n"
	"#exposure-table .note{color:var(--unknown);font-size:12px}\n"
	"tr.closed td{color:#757575}\n";

static const char js[] =
	"\"use strict\";\n"
	"(function () {\n"
	"  var D = JSON.parse(document.getElementById(\"aza-data\").textContent);\n"
	"  var ST = D.statuses, SEV = D.severities, AREAS = D.areas;\n"
	"  var PAGE = 50;\n"
	"  var $ = function (id) { return document.getElementById(id); };\n"
	"  var el = function (tag, cls, text) {\n"
	"    var e = document.createElement(tag);\n"
	"    if (cls) e.className = cls;\n"
	"    if (text !== undefined && text !== null) e.textContent = String(text);\n"
	"    return e;\n"
	"  };\n"
	"  var F = D.findings, R = D.rules, RES = D.resources, MSG = D.messages;\n"
	"  var subSel = $(\"f-sub\");\n"
	"  D.subscriptions.forEach(function (s, i) {\n"
	"    var o = el(\"option\", null, s[1] ? s[1] + \" (\" + s[0] + \")\" : s[0]);\n"
	"    o.value = String(i);\n"
	"    subSel.appendChild(o);\n"
	"  });\n"
	"  var state = { st: \"\", area: \"\", sev: \"\", level: \"\", sub: \"\", q: \"\", page: 0, sort: \"\", dir: 1 };\n"
	"  var rows = [];\n"
	"  function sev(f) { return R[f[0]].s; }\n"
	"  function keyOf(f, k) {\n"
	"    if (k === \"sev\") return -sev(f);\n"
	"    if (k === \"status\") return f[1];\n"
	"    if (k === \"rule\") return R[f[0]].id;\n"
	"    if (k === \"resource\") return RES[f[2]][1];\n"
	"    return 0;\n"
	"  }\n"
	"  function apply() {\n"
	"    var q = state.q.toLowerCase();\n"
	"    rows = [];\n"
	"    for (var i = 0; i < F.length; i++) {\n"
	"      var f = F[i], r = R[f[0]], res = RES[f[2]];\n"
	"      if (state.st !== \"\" && f[1] !== +state.st) continue;\n"
	"      if (state.area !== \"\" && r.a !== +state.area) continue;\n"
	"      if (state.sev !== \"\" && r.s !== +state.sev) continue;\n"
	"      if (state.level !== \"\" && r.l !== +state.level) continue;\n"
	"      if (state.sub !== \"\" && res[2] !== +state.sub) continue;\n"
	"      if (q && res[0].toLowerCase().indexOf(q) < 0 && res[1].toLowerCase().indexOf(q) < 0) continue;\n"
	"      rows.push(i);\n"
	"    }\n"
	"    if (state.sort) {\n"
	"      var k = state.sort, d = state.dir;\n"
	"      rows.sort(function (a, b) {\n"
	"        var x = keyOf(F[a], k), y = keyOf(F[b], k);\n"
	"        return x < y ? -d : x > y ? d : a - b;\n"
	"      });\n"
	"    }\n"
	"    state.page = 0;\n"
	"    render();\n"
	"  }\n"
	"  function detail(f) {\n"
	"    var r = R[f[0]], res = RES[f[2]];\n"
	"    var box = el(\"div\", \"detail\");\n"
	"    var add = function (label, text, code) {\n"
	"      if (!text) return;\n"
	"      var p = el(\"div\", \"kv\");\n"
	"      p.appendChild(el(\"span\", \"k\", label));\n"
	"      p.appendChild(el(code ? \"code\" : \"span\", \"v\", text));\n"
	"      box.appendChild(p);\n"
	"    };\n"
	"    add(\"Rule\", r.id + \" - \" + r.t);\n"
	"    add(\"Resource\", res[0], true);\n"
	"    add(\"Evidence\", MSG[f[3]]);\n"
	"    if (f[4]) add(\"Suppressed\", f[4]);\n"
	"    add(\"Why it matters\", r.why);\n"
	"    add(\"Verify by hand\", r.manual);\n"
	"    add(\"Fix in the portal\", r.portal);\n"
	"    add(\"Fix with az\", r.cli, true);\n"
	"    add(\"ARM / Bicep\", r.arm, true);\n"
	"    add(\"CIS\", r.cis);\n"
	"    add(\"Checklist\", r.checklist);\n"
	"    add(\"Documentation\", r.url);\n"
	"    return box;\n"
	"  }\n"
	"  function render() {\n"
	"    var tb = $(\"rows\");\n"
	"    tb.textContent = \"\";\n"
	"    var start = state.page * PAGE, end = Math.min(rows.length, start + PAGE);\n"
	"    for (var i = start; i < end; i++) {\n"
	"      (function (f) {\n"
	"        var r = R[f[0]], res = RES[f[2]];\n"
	"        var tr = el(\"tr\", \"row st-\" + ST[f[1]].toLowerCase());\n"
	"        tr.tabIndex = 0;\n"
	"        tr.appendChild(el(\"td\", \"status\", ST[f[1]] + (f[5] === 1 ? \" (new)\" : \"\")));\n"
	"        tr.appendChild(el(\"td\", \"sev-\" + SEV[r.s], SEV[r.s]));\n"
	"        tr.appendChild(el(\"td\", null, r.id));\n"
	"        tr.appendChild(el(\"td\", null, r.t));\n"
	"        tr.appendChild(el(\"td\", \"res\", res[1] || res[0]));\n"
	"        tr.appendChild(el(\"td\", null, D.subscriptions[res[2]] ? (D.subscriptions[res[2]][1] || D.subscriptions[res[2]][0]) : \"\"));\n"
	"        tr.appendChild(el(\"td\", null, MSG[f[3]]));\n"
	"        var open = null;\n"
	"        var toggle = function () {\n"
	"          if (open) { open.remove(); open = null; tr.classList.remove(\"open\"); return; }\n"
	"          open = el(\"tr\", \"detail-row\");\n"
	"          var td = el(\"td\");\n"
	"          td.colSpan = 7;\n"
	"          td.appendChild(detail(f));\n"
	"          open.appendChild(td);\n"
	"          tr.after(open);\n"
	"          tr.classList.add(\"open\");\n"
	"        };\n"
	"        tr.addEventListener(\"click\", toggle);\n"
	"        tr.addEventListener(\"keydown\", function (e) { if (e.key === \"Enter\") toggle(); });\n"
	"        tb.appendChild(tr);\n"
	"      })(F[rows[i]]);\n"
	"    }\n"
	"    $(\"count\").textContent = rows.length ? \"Showing \" + (start + 1) + \"-\" + end + \" of \" + rows.length + \" findings (\" + F.length + \" in all)\" : \"No finding matches (\" + F.length + \" in all)\";\n"
	"    $(\"prev\").disabled = state.page === 0;\n"
	"    $(\"next\").disabled = end >= rows.length;\n"
	"  }\n"
	"  var bind = function (id, key) {\n"
	"    $(id).addEventListener(\"change\", function (e) { state[key] = e.target.value; apply(); });\n"
	"  };\n"
	"  bind(\"f-status\", \"st\"); bind(\"f-area\", \"area\"); bind(\"f-sev\", \"sev\"); bind(\"f-level\", \"level\"); bind(\"f-sub\", \"sub\");\n"
	"  var timer = null;\n"
	"  $(\"q\").addEventListener(\"input\", function (e) {\n"
	"    clearTimeout(timer);\n"
	"    timer = setTimeout(function () { state.q = e.target.value; apply(); }, 150);\n"
	"  });\n"
	"  $(\"prev\").addEventListener(\"click\", function () { if (state.page > 0) { state.page--; render(); } });\n"
	"  $(\"next\").addEventListener(\"click\", function () { if ((state.page + 1) * PAGE < rows.length) { state.page++; render(); } });\n"
	"  Array.prototype.forEach.call(document.querySelectorAll(\"th[data-sort]\"), function (th) {\n"
	"    th.addEventListener(\"click\", function () {\n"
	"      var k = th.getAttribute(\"data-sort\");\n"
	"      state.dir = state.sort === k ? -state.dir : 1;\n"
	"      state.sort = k;\n"
	"      apply();\n"
	"    });\n"
	"  });\n"
	"  var X = D.exposure;\n"
	"  if (X && $(\"xrows\")) {\n"
	"    var XS = X.s, XE = X.e, XR = [], XT = [];\n"
	"    XE.forEach(function (e, i) {\n"
	"      if (!e[8].length) XR.push([i, -1]);\n"
	"      e[8].forEach(function (r, k) { XR.push([i, k]); });\n"
	"    });\n"
	"    var xtext = function (i) {\n"
	"      if (XT[i] === undefined) {\n"
	"        var e = XE[i], t = [];\n"
	"        for (var k = 0; k < 8; k++) t.push(XS[e[k]]);\n"
	"        e[8].forEach(function (r) {\n"
	"          t.push(XS[r[0]], XS[r[5]], String(r[1]), String(r[3]));\n"
	"          r[6].forEach(function (h) { t.push(XS[h[0]], XS[h[1]], XS[h[2]]); });\n"
	"        });\n"
	"        XT[i] = t.join(\"\\n\").toLowerCase();\n"
	"      }\n"
	"      return XT[i];\n"
	"    };\n"
	"    var range = function (lo, hi) { return lo === hi ? String(lo) : lo + \"-\" + hi; };\n"
	"    var hopText = function (h) {\n"
	"      var kind = XS[h[0]], name = XS[h[1]], rule = XS[h[2]];\n"
	"      if (kind.indexOf(\"nsg\") >= 0) return rule ? kind + \" \" + name + \": rule \" + rule + \" (priority \" + (h[3] || \"not known\") + \")\" : kind + \": none (allowed)\";\n"
	"      return kind + \" \" + name;\n"
	"    };\n"
	"    var XMAX = 200;\n"
	"    var xrender = function () {\n"
	"      var q = $(\"xq\").value.toLowerCase(), tb = $(\"xrows\"), shown = 0, match = 0;\n"
	"      tb.textContent = \"\";\n"
	"      for (var j = 0; j < XR.length; j++) {\n"
	"        var e = XE[XR[j][0]];\n"
	"        if (q && xtext(XR[j][0]).indexOf(q) < 0) continue;\n"
	"        match++;\n"
	"        if (shown >= XMAX) continue;\n"
	"        shown++;\n"
	"        var r = XR[j][1] < 0 ? null : e[8][XR[j][1]];\n"
	"        var tr = el(\"tr\", r ? \"xrow\" : \"xrow closed\");\n"
	"        var td = el(\"td\", \"res\", XS[e[0]]);\n"
	"        td.appendChild(el(\"div\", \"muted\", XS[e[2]] + (XS[e[3]] ? \" / \" + XS[e[3]] : \"\") + (XS[e[4]] ? \" [\" + XS[e[4]] + \"]\" : \"\")));\n"
	"        if (XS[e[7]]) td.appendChild(el(\"div\", \"note\", \"note: \" + XS[e[7]]));\n"
	"        tr.appendChild(td);\n"
	"        tr.appendChild(el(\"td\", null, XS[e[5]] + \" (\" + XS[e[6]] + \")\"));\n"
	"        if (!r) {\n"
	"          tr.appendChild(el(\"td\", null, \"closed\"));\n"
	"          tr.appendChild(el(\"td\", null, \"\"));\n"
	"          tr.appendChild(el(\"td\", null, \"\"));\n"
	"        } else {\n"
	"          var proto = XS[r[0]], ported = proto === \"TCP\" || proto === \"UDP\";\n"
	"          var ports = ported ? proto + \" \" + range(r[1], r[2]) + (r[3] !== r[1] || r[4] !== r[2] ? \" (frontend \" + range(r[3], r[4]) + \")\" : \"\") : proto;\n"
	"          tr.appendChild(el(\"td\", \"ports\", ports));\n"
	"          tr.appendChild(el(\"td\", null, XS[r[5]]));\n"
	"          var path = el(\"td\", \"path\");\n"
	"          r[6].forEach(function (h) { path.appendChild(el(\"div\", \"hop\", hopText(h))); });\n"
	"          tr.appendChild(path);\n"
	"        }\n"
	"        tb.appendChild(tr);\n"
	"      }\n"
	"      $(\"xcount\").textContent = match ? \"Showing \" + shown + \" of \" + match + \" rows (\" + X.reachable + \" reachable endpoints, \" + X.closed + \" closed frontends)\" : \"No exposure row matches (\" + XR.length + \" in all)\";\n"
	"    };\n"
	"    var gl = $(\"xgaps\");\n"
	"    X.g.forEach(function (g) { gl.appendChild(el(\"li\", null, XS[g[0]] + \": \" + XS[g[1]])); });\n"
	"    if (!X.g.length) gl.appendChild(el(\"li\", \"muted\", \"nothing: every path the model needed was in the input\"));\n"
	"    var xtimer = null;\n"
	"    $(\"xq\").addEventListener(\"input\", function () { clearTimeout(xtimer); xtimer = setTimeout(xrender, 150); });\n"
	"    xrender();\n"
	"  }\n"
	"  apply();\n"
	"})();\n";

static void b64(aza_buf *b, const unsigned char *p, size_t n)
{
	static const char t[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16 | (i + 1 < n ? (unsigned)p[i + 1] << 8 : 0) | (i + 2 < n ? p[i + 2] : 0);
		aza_buf__addc(b, t[v >> 18 & 63]);
		aza_buf__addc(b, t[v >> 12 & 63]);
		aza_buf__addc(b, i + 1 < n ? t[v >> 6 & 63] : '=');
		aza_buf__addc(b, i + 2 < n ? t[v & 63] : '=');
	}
}

static void csp_hash(aza_buf *b, const char *text)
{
	unsigned char d[32];
	aza_report__sha256(text, strlen(text), d);
	aza_buf__adds(b, "'sha256-");
	b64(b, d, sizeof d);
	aza_buf__addc(b, '\'');
}

/* A JSON string safe inside <script>: < > & become \u003c \u003e \u0026. */
static void jstr(aza_buf *b, const char *s)
{
	aza_buf tmp;
	aza_buf__init(&tmp, 0);
	aza_buf__json_str(&tmp, s ? s : "");
	for (size_t i = 0; i < tmp.len; i++) {
		char c = tmp.p[i];
		if (c == '<')
			aza_buf__adds(b, "\\u003c");
		else if (c == '>')
			aza_buf__adds(b, "\\u003e");
		else if (c == '&')
			aza_buf__adds(b, "\\u0026");
		else
			aza_buf__addc(b, c);
	}
	if (tmp.oom)
		b->oom = 1;
	aza_buf__release(&tmp);
}

/* ---- string interning: each distinct resource and message once ----
 * Each slot keeps its string's hash: a probe compares hashes, then
 * pointers (the scan hands out one pointer for a repeated message, mostly),
 * and reads the strings only when both say maybe; growing the table reads
 * none. The messages live in pages the scan lets go (src/lib/msgs.c), and
 * every string read brings its page back into the process. */
#define PCACHE 1024
typedef struct intern {
	const char **keys;
	size_t *idx;
	uint64_t *hash;
	size_t cap, n;
	int oom;
	/* Recent pointers and their index, by address: a repeat (the same
	 * resource's id, a message the scan kept once) needs no hashing. */
	const char *pk[PCACHE];
	size_t pi[PCACHE];
} intern;

static void intern_free(intern *t)
{
	aza__free(t->keys);
	aza__free(t->idx);
	aza__free(t->hash);
}

static size_t intern_add(intern *t, const char *s)
{
	if (t->n * 2 >= t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 1024;
		const char **k = aza__malloc(cap * sizeof *k);
		size_t *x = aza__malloc(cap * sizeof *x);
		uint64_t *hv = aza__malloc(cap * sizeof *hv);
		if (!k || !x || !hv) {
			aza__free(k);
			aza__free(x);
			aza__free(hv);
			t->oom = 1;
			return 0;
		}
		memset(k, 0, cap * sizeof *k);
		for (size_t i = 0; i < t->cap; i++)
			if (t->keys[i]) {
				size_t h = (size_t)t->hash[i] & (cap - 1);
				while (k[h])
					h = (h + 1) & (cap - 1);
				k[h] = t->keys[i];
				x[h] = t->idx[i];
				hv[h] = t->hash[i];
			}
		intern_free(t);
		t->keys = k;
		t->idx = x;
		t->hash = hv;
		t->cap = cap;
	}
	size_t pc = (size_t)((uintptr_t)s >> 3) % PCACHE;
	if (t->pk[pc] == s)
		return t->pi[pc];
	uint64_t hs = aza__hash(s, strlen(s));
	size_t h = (size_t)hs & (t->cap - 1);
	while (t->keys[h]) {
		if (t->hash[h] == hs && (t->keys[h] == s || !strcmp(t->keys[h], s)))
			break;
		h = (h + 1) & (t->cap - 1);
	}
	if (!t->keys[h]) {
		t->keys[h] = s;
		t->idx[h] = t->n++;
		t->hash[h] = hs;
	}
	t->pk[pc] = s;
	t->pi[pc] = t->idx[h];
	return t->idx[h];
}


static const char *const bar_status[] = {"FAIL", "UNKNOWN", "MANUAL", "SUPPRESSED", "PASS", "NOT_APPLICABLE"};
static const aza_status bar_order[] = {AZA_FAIL, AZA_UNKNOWN, AZA_MANUAL, AZA_SUPPRESSED, AZA_PASS, AZA_NOT_APPLICABLE};
#define NBAR 6

/* One labelled stacked bar per row: counts[row][status]. */
static void chart(aza_buf *b, const char *title, const char *const *labels, size_t (*counts)[AZA_STATUS_COUNT],
                  int nrows)
{
	int shown = 0;
	for (int r = 0; r < nrows; r++) {
		size_t t = 0;
		for (int k = 0; k < AZA_STATUS_COUNT; k++)
			t += counts[r][k];
		shown += t > 0;
	}
	aza_buf__adds(b, "<div class=\"chart\"><h2>");
	aza_report__xml(b, title);
	aza_buf__printf(b, "</h2><svg role=\"img\" width=\"560\" height=\"%d\" viewBox=\"0 0 560 %d\"><title>", shown * 24 + 4,
	                shown * 24 + 4);
	aza_report__xml(b, title);
	aza_buf__adds(b, "</title>");
	int y = 2;
	for (int r = 0; r < nrows; r++) {
		size_t t = 0;
		for (int k = 0; k < AZA_STATUS_COUNT; k++)
			t += counts[r][k];
		if (!t)
			continue;
		aza_buf__printf(b, "<text x=\"0\" y=\"%d\">", y + 14);
		aza_report__xml(b, labels[r]);
		aza_buf__adds(b, "</text>");
		double x = 200;
		for (int k = 0; k < NBAR; k++) {
			size_t c = counts[r][bar_order[k]];
			if (!c)
				continue;
			double w = 300.0 * (double)c / (double)t;
			aza_buf__printf(b, "<rect class=\"b-%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"18\"><title>%s: %zu</title></rect>",
			                bar_status[k], x, y, w, bar_status[k], c);
			x += w;
		}
		aza_buf__printf(b, "<text x=\"506\" y=\"%d\">%zu</text>", y + 14, t);
		y += 24;
	}
	aza_buf__adds(b, "</svg></div>\n");
}

/* The exposure model as compact data: every string once in "s", endpoints
 * [name, id, type, ip configuration, private ip, frontend, via, note,
 * reach[[protocol, port lo, hi, frontend lo, hi, sources, path[[kind, name,
 * rule, priority]]]]] and not-evaluated [[id, reason]] as indexes into it. */
static size_t xs_add(intern *t, aza_buf *sb, const char *v)
{
	size_t before = t->n, i = intern_add(t, v ? v : "");
	if (t->n > before) {
		aza_buf__adds(sb, before ? "," : "");
		jstr(sb, v ? v : "");
	}
	return i;
}

static int exposure_data(const aza_expo *x, aza_buf *b)
{
	intern t = {0};
	aza_arena a;
	aza_arena__init(&a);
	aza_buf sb, eb;
	aza_buf__init(&sb, 0);
	aza_buf__init(&eb, 0);
	size_t n = aza_expo__count(x), reachable = 0;
	char tmp[160];
	for (size_t i = 0; i < n; i++) {
		const aza_expo_endpoint *e = aza_expo__at(x, i);
		const char *type = strrchr(e->resource_type, '/') ? strrchr(e->resource_type, '/') + 1 : e->resource_type;
		const char *ipc = e->ip_config;
		reachable += e->nreach > 0;
		aza_buf__printf(&eb, "%s[%zu,%zu,%zu,%zu,%zu,%zu,%zu,%zu,[", i ? ",\n" : "\n", xs_add(&t, &sb, e->resource_name),
		                xs_add(&t, &sb, e->resource_id), xs_add(&t, &sb, type), xs_add(&t, &sb, ipc), xs_add(&t, &sb, e->private_ip),
		                xs_add(&t, &sb, e->frontend), xs_add(&t, &sb, e->via), xs_add(&t, &sb, e->note));
		for (size_t k = 0; k < e->nreach; k++) {
			const aza_expo_reach *r = &e->reach[k];
			if (r->l7 && r->sources_v4 < 0)
				snprintf(tmp, sizeof tmp, "through the gateway's HTTP(S) proxy");
			else if (r->any_source)
				snprintf(tmp, sizeof tmp, "any internet address%s", r->l7 ? " (HTTP(S) proxy)" : "");
			else
				snprintf(tmp, sizeof tmp, "%s%.0f IPv4 addresses, %.0f IPv6 /64s", r->wide ? "" : "allow-listed: ", r->sources_v4,
				         r->sources_v6);
			const char *src = aza_arena__strdup(&a, tmp); /* interned keys must stay */
			if (!src)
				t.oom = 1;
			aza_buf__printf(&eb, "%s[%zu,%u,%u,%u,%u,%zu,[", k ? "," : "", xs_add(&t, &sb, r->protocol), r->port_lo, r->port_hi,
			                r->front_lo, r->front_hi, xs_add(&t, &sb, src));
			for (size_t h = 0; h < r->nhops; h++) {
				const aza_expo_hop *p = &r->hops[h];
				aza_buf__printf(&eb, "%s[%zu,%zu,%zu,%d]", h ? "," : "", xs_add(&t, &sb, p->kind), xs_add(&t, &sb, p->name),
				                xs_add(&t, &sb, p->rule), p->priority);
			}
			aza_buf__adds(&eb, "]]");
		}
		aza_buf__adds(&eb, "]]");
	}
	aza_buf__printf(b, ",\n\"exposure\":{\"reachable\":%zu,\"closed\":%zu,\"e\":[", reachable, n - reachable);
	aza_buf__add(b, eb.p, eb.len);
	aza_buf__adds(b, "],\"g\":[");
	for (size_t i = 0; i < aza_expo__ngaps(x); i++) {
		const char *why = "";
		const char *id = aza_exposure_gap((const aza_exposure *)x, i, &why);
		size_t gi = xs_add(&t, &sb, id), gr = xs_add(&t, &sb, why);
		aza_buf__printf(b, "%s[%zu,%zu]", i ? "," : "", gi, gr);
	}
	aza_buf__adds(b, "],\n\"s\":[");
	aza_buf__add(b, sb.p, sb.len);
	aza_buf__adds(b, "]}");
	int oom = t.oom || sb.oom || eb.oom;
	intern_free(&t);
	aza_arena__release(&a);
	aza_buf__release(&sb);
	aza_buf__release(&eb);
	return oom;
}

static int write_html(aza_scan *s, const aza_report_opts *o, aza_buf *b)
{
	aza_scan_stats st;
	aza_scan_stats_get(s, &st);
	aza_report_tally t;
	aza_report__tally(s, o, &t);
	const size_t *c = t.all;
	double score = aza_scan_score(s);
	char when[32];
	aza_report__iso_time(s->now, when, sizeof when);
	const char *tenant = aza_scan_tenant(s);

	aza_buf__adds(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	                 "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src ");
	csp_hash(b, js);
	aza_buf__adds(b, "; style-src ");
	csp_hash(b, css);
	aza_buf__adds(b, "; img-src data:; base-uri 'none'; form-action 'none'\">\n"
	                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	                 "<meta name=\"referrer\" content=\"no-referrer\">\n<title>azaudit report ");
	aza_report__xml(b, *tenant ? tenant : "");
	aza_buf__adds(b, "</title>\n<style>");
	aza_buf__adds(b, css);
	aza_buf__adds(b, "</style>\n</head>\n<body>\n<header><h1>azaudit report</h1><div class=\"meta\">tenant ");
	aza_report__xml(b, *tenant ? tenant : "(unknown)");
	aza_buf__printf(b, " &middot; %zu subscription(s) &middot; %zu resources read, %zu evaluated &middot; %s &middot; azaudit %s",
	                st.subscriptions, st.resources, st.resources_known, when, AZA_VERSION);
	if (st.input_errors)
		aza_buf__printf(b, " &middot; %zu collection error(s)", st.input_errors);
	aza_buf__adds(b, "</div></header>\n<main>\n");

	/* score and counts */
	aza_buf__adds(b, "<section id=\"summary\"><div class=\"cards\"><div class=\"card score\"><span>Posture score</span><b>");
	if (score >= 0)
		aza_buf__printf(b, "%.1f", score);
	else
		aza_buf__adds(b, "n/a");
	aza_buf__adds(b, "</b><span class=\"muted\">of 100</span></div>");
	for (int k = 0; k < NBAR; k++)
		aza_buf__printf(b, "<div class=\"card c-%s\"><span>%s</span><b>%zu</b></div>", bar_status[k], bar_status[k],
		                c[bar_order[k]]);
	if (aza_scan_has_baseline(s)) {
		size_t nnew = 0;
		for (size_t i = 0; i < aza_scan_count(s); i++) {
			const aza_finding *f = aza_scan_finding(s, i);
			nnew += f->baseline == AZA_BASELINE_NEW && f->status == AZA_FAIL;
		}
		aza_buf__printf(b, "<div class=\"card\"><span>New failures</span><b>%zu</b></div>"
		                   "<div class=\"card\"><span>Resolved</span><b>%zu</b></div>",
		                nnew, aza_scan_resolved_count(s));
	}
	aza_buf__adds(b, "</div><p class=\"muted\">The score is the severity-weighted share of passing checks among "
	                 "passed and failed ones.</p></section>\n");

	/* charts */
	const char *alabels[AZA_AREA_COUNT];
	for (int a = 0; a < AZA_AREA_COUNT; a++)
		alabels[a] = aza_area_title((aza_area)a);
	size_t lc[2][AZA_STATUS_COUNT];
	memset(lc, 0, sizeof lc);
	for (size_t i = 0; i < aza_scan_count(s); i++) {
		const aza_finding *f = aza_scan_finding(s, i);
		if (aza_report__shown(o, f) && f->rule->level >= 1 && f->rule->level <= 2)
			lc[f->rule->level - 1][f->status]++;
	}
	static const char *const llabels[] = {"Level 1", "Level 2"};
	aza_buf__adds(b, "<section id=\"charts\"><div class=\"legend\">");
	for (int k = 0; k < NBAR; k++)
		aza_buf__printf(b, "<span><i class=\"l-%s\"></i>%s</span>", bar_status[k], bar_status[k]);
	aza_buf__adds(b, "</div><div class=\"charts\">");
	chart(b, "Findings per area", alabels, t.area, AZA_AREA_COUNT);
	chart(b, "Findings per level", llabels, lc, 2);
	aza_buf__adds(b, "</div></section>\n");

	/* shared responsibility */
	aza_buf__adds(b, "<section id=\"responsibility\"><h2>Shared responsibility: customer duties checked</h2>"
	                 "<table><thead><tr><th>area</th><th>checks</th><th>failed</th><th>unknown</th><th>manual</th>"
	                 "<th>service models in use</th></tr></thead><tbody>");
	for (int r = 0; r < AZA_RESP_COUNT; r++) {
		const size_t *rc = t.resp[r];
		unsigned models = t.resp_models[r];
		aza_buf__adds(b, "<tr><td>");
		aza_report__xml(b, aza_resp_name((aza_resp)r));
		aza_buf__printf(b, "</td><td>%zu</td><td>%zu</td><td>%zu</td><td>%zu</td><td>", rc[AZA_PASS] + rc[AZA_FAIL],
		                rc[AZA_FAIL], rc[AZA_UNKNOWN], rc[AZA_MANUAL]);
		int first = 1;
		for (unsigned bit = 1; bit <= AZA_SAAS; bit <<= 1)
			if (models & bit) {
				aza_buf__printf(b, "%s%s", first ? "" : ", ", aza_model_name(bit));
				first = 0;
			}
		aza_buf__adds(b, first ? "-</td></tr>" : "</td></tr>");
	}
	aza_buf__adds(b, "</tbody></table></section>\n");

	/* framework */
	const aza_framework *fw = aza_triage__framework(s);
	if (fw) {
		aza_buf__adds(b, "<section id=\"framework\"><h2>");
		aza_report__xml(b, fw->title);
		aza_buf__adds(b, "</h2><table><thead><tr><th>control</th><th>title</th><th>status</th><th>rules</th></tr></thead><tbody>");
		for (size_t i = 0; i < fw->nctl; i++) {
			const aza_fw_control *k = &fw->ctl[i];
			aza_buf__adds(b, "<tr><td>");
			aza_report__xml(b, k->id);
			aza_buf__adds(b, "</td><td>");
			aza_report__xml(b, k->title);
			const char *sn = aza_report__control_status(k);
			aza_buf__printf(b, "</td><td class=\"c-%s\">%s</td><td>", sn, sn);
			for (size_t r = 0; r < k->nrules; r++) {
				aza_buf__adds(b, r ? ", " : "");
				aza_report__xml(b, k->rules[r]);
			}
			if (k->status == AZA_MANUAL)
				for (size_t r = 0; r < k->nrules; r++) {
					const aza_rule *ru = aza_rule_find(k->rules[r]);
					if (ru && aza_rule_is_manual(ru)) {
						aza_buf__adds(b, "<div class=\"muted\">");
						aza_report__xml(b, aza_rule_manual(ru));
						aza_buf__adds(b, "</div>");
					}
				}
			aza_buf__adds(b, "</td></tr>");
		}
		for (size_t i = 0; i < fw->ngap; i++) {
			aza_buf__adds(b, "<tr><td>");
			aza_report__xml(b, fw->gap[i].id);
			aza_buf__adds(b, "</td><td>");
			aza_report__xml(b, fw->gap[i].title);
			aza_buf__adds(b, "</td><td>NOT_COVERED</td><td>");
			aza_report__xml(b, fw->gap[i].reason);
			aza_buf__adds(b, "</td></tr>");
		}
		aza_buf__adds(b, "</tbody></table></section>\n");
	}

	/* internet exposure: markup here, rows rendered from the data */
	const aza_expo *xm = aza_expo__of_scan(s);
	if (xm)
		aza_buf__adds(b, "<section id=\"exposure\"><h2>Internet exposure</h2>"
		                 "<p class=\"muted\">What the internet reaches, computed from the configuration: each public frontend, "
		                 "the protocols and ports it lets through, and the path (frontend, NSG rule and priority per hop).</p>"
		                 "<div class=\"filters\"><input id=\"xq\" type=\"search\" placeholder=\"filter: resource, address, port, NSG, rule\" "
		                 "aria-label=\"filter exposure\"></div><div id=\"xcount\" class=\"muted\"></div>"
		                 "<table id=\"exposure-table\"><thead><tr><th>resource</th><th>public frontend</th><th>protocol and ports</th>"
		                 "<th>internet sources</th><th>path</th></tr></thead><tbody id=\"xrows\"></tbody></table>"
		                 "<h2>Not evaluated</h2><ul id=\"xgaps\"></ul></section>\n");

	/* findings: filters, table, pager */
	aza_buf__adds(b, "<section id=\"findings\"><h2>Findings</h2><div class=\"filters\">"
	                 "<select id=\"f-status\" aria-label=\"status\"><option value=\"\">all statuses</option>");
	for (int k = 0; k < AZA_STATUS_COUNT; k++)
		aza_buf__printf(b, "<option value=\"%d\">%s</option>", k, aza_status_name((aza_status)k));
	aza_buf__adds(b, "</select><select id=\"f-area\" aria-label=\"area\"><option value=\"\">all areas</option>");
	for (int a = 0; a < AZA_AREA_COUNT; a++) {
		aza_buf__printf(b, "<option value=\"%d\">", a);
		aza_report__xml(b, aza_area_title((aza_area)a));
		aza_buf__adds(b, "</option>");
	}
	aza_buf__adds(b, "</select><select id=\"f-sev\" aria-label=\"severity\"><option value=\"\">all severities</option>");
	for (int k = AZA_SEV_CRITICAL; k >= AZA_SEV_INFO; k--)
		aza_buf__printf(b, "<option value=\"%d\">%s</option>", k, aza_severity_name((aza_severity)k));
	aza_buf__adds(b, "</select><select id=\"f-level\" aria-label=\"level\"><option value=\"\">all levels</option>"
	                 "<option value=\"1\">Level 1</option><option value=\"2\">Level 2</option></select>"
	                 "<select id=\"f-sub\" aria-label=\"subscription\"><option value=\"\">all subscriptions</option></select>"
	                 "<input id=\"q\" type=\"search\" placeholder=\"search resource id or name\" aria-label=\"search resources\">"
	                 "</div><div id=\"count\" class=\"muted\"></div>"
	                 "<table id=\"findings-table\"><thead><tr><th data-sort=\"status\">status</th><th data-sort=\"sev\">severity</th>"
	                 "<th data-sort=\"rule\">rule</th><th>title</th><th data-sort=\"resource\">resource</th><th>subscription</th>"
	                 "<th>finding</th></tr></thead><tbody id=\"rows\"></tbody></table>"
	                 "<div class=\"pager\"><button id=\"prev\" type=\"button\">previous</button>"
	                 "<button id=\"next\" type=\"button\">next</button></div>"
	                 "<noscript><p>The findings table needs JavaScript; the JSON report has the same data.</p></noscript>"
	                 "</section>\n</main>\n");

	/* data: rules, subscriptions, resources, messages once; findings as index arrays */
	size_t nrules = aza_rule_count();
	long *ridx = aza__malloc((nrules + 1) * sizeof *ridx);
	if (!ridx)
		return aza__err(s->ctx, AZA_ENOMEM, "out of memory");
	for (size_t i = 0; i < nrules; i++)
		ridx[i] = -1;
	intern subs = {0}, res = {0}, msgs = {0};
	/* rules and subscriptions are few; resources, messages and findings
	 * grow with the scan: made aside (aza_side), not in memory */
	aza_buf rb, sb;
	aza_buf__init(&rb, 0);
	aza_buf__init(&sb, 0);
	aza_side rs, ms, fs;
	aza_report__side_init(&rs);
	aza_report__side_init(&ms);
	aza_report__side_init(&fs);
	aza_buf *resb = &rs.b, *mb = &ms.b, *fb = &fs.b;
	long nr = 0;
	int firstf = 1, oomx = 0;
	const aza_rule *last = NULL; /* findings come grouped by rule */
	size_t rk = nrules;
	for (size_t i = 0; i < aza_scan_count(s); i++) {
		const aza_finding *f = aza_scan_finding(s, i);
		if (!aza_report__shown(o, f))
			continue;
		const aza_rule *r = f->rule;
		if (r != last)
			for (last = r, rk = 0; rk < nrules && aza_rule_at(rk) != r;)
				rk++;
		if (rk < nrules && ridx[rk] < 0) {
			ridx[rk] = nr++;
			char anchor[64];
			aza_report__anchor(r, anchor, sizeof anchor);
			aza_buf__adds(&rb, nr > 1 ? ",\n{\"id\":" : "\n{\"id\":");
			jstr(&rb, r->id);
			aza_buf__adds(&rb, ",\"t\":");
			jstr(&rb, r->title);
			aza_buf__printf(&rb, ",\"a\":%d,\"l\":%d,\"s\":%d,\"why\":", (int)r->area, r->level, (int)r->severity);
			jstr(&rb, r->rationale);
			aza_buf__adds(&rb, ",\"manual\":");
			jstr(&rb, r->manual);
			aza_buf__adds(&rb, ",\"portal\":");
			jstr(&rb, r->portal);
			aza_buf__adds(&rb, ",\"cli\":");
			jstr(&rb, r->cli);
			aza_buf__adds(&rb, ",\"arm\":");
			jstr(&rb, r->arm);
			aza_buf__adds(&rb, ",\"cis\":");
			jstr(&rb, r->cis);
			aza_buf__adds(&rb, ",\"checklist\":");
			jstr(&rb, r->checklist);
			aza_buf__printf(&rb, ",\"url\":\"%s#%s\"}", AZA_DOCS_URL, anchor);
		}
		long si = -1;
		if (*f->subscription_id) {
			size_t before = subs.n;
			si = (long)intern_add(&subs, f->subscription_id);
			if (subs.n > before) {
				aza_buf__adds(&sb, before ? ",[" : "[");
				jstr(&sb, f->subscription_id);
				aza_buf__addc(&sb, ',');
				jstr(&sb, aza_scan_subscription_name(s, f->subscription_id));
				aza_buf__addc(&sb, ']');
			}
		}
		size_t before = res.n;
		size_t ri = intern_add(&res, f->resource_id);
		if (res.n > before) {
			aza_buf__adds(resb, before ? ",\n[" : "\n[");
			jstr(resb, f->resource_id);
			aza_buf__addc(resb, ',');
			jstr(resb, f->resource_name);
			aza_buf__printf(resb, ",%ld,", si);
			jstr(resb, f->location);
			aza_buf__addc(resb, ']');
		}
		before = msgs.n;
		size_t mi = intern_add(&msgs, f->message);
		if (msgs.n > before) {
			aza_buf__adds(mb, before ? ",\n" : "\n");
			jstr(mb, f->message);
		}
		aza_buf__printf(fb, "%s[%ld,%d,%zu,%zu", firstf ? "\n" : ",\n", rk < nrules ? ridx[rk] : 0L, (int)f->status, ri, mi);
		firstf = 0;
		if (f->status == AZA_SUPPRESSED || f->baseline) {
			aza_buf__addc(fb, ',');
			if (f->status == AZA_SUPPRESSED) {
				char note[1024];
				snprintf(note, sizeof note, "%s: %s%s%s%s", aza_status_name(f->suppressed_status), f->suppress_reason,
				         f->suppress_owner ? " (owner " : "", f->suppress_owner ? f->suppress_owner : "",
				         f->suppress_owner ? ")" : "");
				if (f->suppress_expires) {
					size_t nl = strlen(note);
					snprintf(note + nl, sizeof note - nl, ", expires %s", f->suppress_expires);
				}
				jstr(fb, note);
			} else {
				aza_buf__addc(fb, '0');
			}
			if (f->baseline)
				aza_buf__printf(fb, ",%d", f->baseline);
		}
		aza_buf__addc(fb, ']');
	}
	aza_buf__adds(b, "<script type=\"application/json\" id=\"aza-data\">{\"statuses\":[");
	for (int k = 0; k < AZA_STATUS_COUNT; k++)
		aza_buf__printf(b, "%s\"%s\"", k ? "," : "", aza_status_name((aza_status)k));
	aza_buf__adds(b, "],\"severities\":[");
	for (int k = AZA_SEV_INFO; k <= AZA_SEV_CRITICAL; k++)
		aza_buf__printf(b, "%s\"%s\"", k ? "," : "", aza_severity_name((aza_severity)k));
	aza_buf__adds(b, "],\"areas\":[");
	for (int a = 0; a < AZA_AREA_COUNT; a++) {
		aza_buf__adds(b, a ? "," : "");
		jstr(b, aza_area_title((aza_area)a));
	}
	aza_buf__adds(b, "],\n\"subscriptions\":[");
	aza_buf__add(b, sb.p, sb.len);
	aza_buf__adds(b, "],\n\"rules\":[");
	aza_buf__add(b, rb.p, rb.len);
	aza_buf__adds(b, "],\n\"resources\":[");
	int lost = aza_report__side_put(b, &rs), e;
	aza_buf__adds(b, "],\n\"messages\":[");
	if ((e = aza_report__side_put(b, &ms)) && !lost)
		lost = e;
	aza_buf__adds(b, "],\n\"findings\":[");
	if ((e = aza_report__side_put(b, &fs)) && !lost)
		lost = e;
	aza_buf__adds(b, "]");
	if (xm && exposure_data(xm, b))
		oomx = 1;
	aza_buf__adds(b, "}</script>\n<script>");
	aza_buf__adds(b, js);
	aza_buf__adds(b, "</script>\n</body>\n</html>\n");
	int oom = oomx || subs.oom || res.oom || msgs.oom || rb.oom || sb.oom;
	int ioerr = lost && lost != ENOMEM ? lost : 0;
	intern_free(&subs);
	intern_free(&res);
	intern_free(&msgs);
	aza_buf__release(&rb);
	aza_buf__release(&sb);
	aza__free(ridx);
	if (ioerr)
		return aza__err(s->ctx, AZA_EIO, "cannot write or read the html report's temporary sections: %s", strerror(ioerr));
	if (oom || lost)
		return aza__err(s->ctx, AZA_ENOMEM, "out of memory while writing the html report");
	return 0;
}

const aza_reporter aza_report_html = {"html", "html", write_html};

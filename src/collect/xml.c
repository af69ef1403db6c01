/*
 * xml.c - the small subset of XML the Storage data plane returns (service
 * properties, container listings): elements, text, the five predefined
 * entities and numeric character references, CDATA, comments, processing
 * instructions and a DOCTYPE-free prolog. Attributes are skipped. Every read
 * is bounded by the input length; nesting, names and text have fixed limits,
 * and anything outside the subset is an error, never a guess.
 */
#include "collect.h"

#include <string.h>

#define XML_DEPTH 16
#define XML_PATH 512
#define XML_TEXT 4096

typedef struct xp {
	const char *p, *end;
	char path[XML_PATH];
	size_t plen;
	size_t at[XML_DEPTH]; /* path length before each open element */
	int depth;
	char text[XML_TEXT];
	size_t tlen;
	int children; /* the current element has child elements */
	int toolong;  /* its text passed XML_TEXT: reported as NULL */
} xp;

static int starts(const xp *x, const char *s)
{
	size_t n = strlen(s);
	return (size_t)(x->end - x->p) >= n && !memcmp(x->p, s, n);
}

/* Skip to just after the first occurrence of s; -1 if none. */
static int skip_past(xp *x, const char *s)
{
	size_t n = strlen(s);
	while ((size_t)(x->end - x->p) >= n) {
		if (!memcmp(x->p, s, n)) {
			x->p += n;
			return 0;
		}
		x->p++;
	}
	return -1;
}

static int name_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
	       c == '.' || c == ':' || c >= 0x80;
}

static int text_add(xp *x, const char *s, size_t n)
{
	if (x->toolong || x->tlen + n >= XML_TEXT) {
		x->toolong = 1;
		return 0;
	}
	memcpy(x->text + x->tlen, s, n);
	x->tlen += n;
	return 0;
}

/* One UTF-8 encoded code point. */
static int text_cp(xp *x, unsigned long cp)
{
	char u[4];
	size_t n;
	if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return -1;
	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12);
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | cp >> 18);
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	return text_add(x, u, n);
}

static int entity(xp *x)
{
	static const struct {
		const char *name;
		char c;
	} ents[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
	for (size_t i = 0; i < sizeof ents / sizeof ents[0]; i++)
		if (starts(x, ents[i].name)) {
			x->p += strlen(ents[i].name);
			return text_add(x, &ents[i].c, 1);
		}
	if (!starts(x, "&#"))
		return -1;
	x->p += 2;
	int hex = x->p < x->end && *x->p == 'x';
	x->p += hex;
	unsigned long cp = 0;
	int digits = 0;
	while (x->p < x->end && *x->p != ';') {
		unsigned char c = (unsigned char)*x->p;
		int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 :
		        hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0 || ++digits > 8)
			return -1;
		cp = cp * (hex ? 16u : 10u) + (unsigned)d;
		x->p++;
	}
	if (x->p >= x->end || !digits)
		return -1;
	x->p++;
	return text_cp(x, cp);
}

/* A start or end tag after '<'. */
static int tag(xp *x, aza_xml_fn fn, void *ud)
{
	int close = x->p < x->end && *x->p == '/';
	x->p += close;
	const char *n0 = x->p;
	while (x->p < x->end && name_char((unsigned char)*x->p))
		x->p++;
	size_t nl = (size_t)(x->p - n0);
	if (!nl)
		return -1;
	/* Namespace prefixes are dropped: "x:Name" is "Name". */
	const char *colon = memchr(n0, ':', nl);
	if (colon) {
		nl -= (size_t)(colon + 1 - n0);
		n0 = colon + 1;
		if (!nl)
			return -1;
	}
	if (close) {
		while (x->p < x->end && (*x->p == ' ' || *x->p == '\t' || *x->p == '\r' || *x->p == '\n'))
			x->p++;
		if (x->p >= x->end || *x->p != '>' || x->depth == 0)
			return -1;
		x->p++;
		size_t start = x->at[x->depth - 1];
		const char *last = x->path + start + (start ? 1 : 0);
		if (strlen(last) != nl || memcmp(last, n0, nl))
			return -1; /* mismatched end tag */
		x->text[x->tlen] = 0;
		if (fn)
			fn(ud, x->path, x->children || x->toolong ? NULL : x->text);
		x->depth--;
		x->plen = start;
		x->path[x->plen] = 0;
		x->tlen = 0;
		x->toolong = 0;
		x->children = 1; /* the parent has (at least) this child */
		return 0;
	}
	/* Attributes: skipped, quotes respected. */
	char q = 0;
	int self = 0;
	for (;;) {
		if (x->p >= x->end)
			return -1;
		char c = *x->p++;
		if (q) {
			if (c == q)
				q = 0;
			continue;
		}
		if (c == '"' || c == '\'')
			q = c;
		else if (c == '<')
			return -1;
		else if (c == '>')
			break;
		else if (c == '/' && x->p < x->end && *x->p == '>') {
			x->p++;
			self = 1;
			break;
		}
	}
	if (x->depth >= XML_DEPTH || x->plen + nl + 2 >= XML_PATH)
		return -1;
	x->at[x->depth++] = x->plen;
	if (x->plen)
		x->path[x->plen++] = '/';
	memcpy(x->path + x->plen, n0, nl);
	x->plen += nl;
	x->path[x->plen] = 0;
	x->tlen = 0;
	x->toolong = 0;
	x->children = 0;
	if (self) {
		x->text[0] = 0;
		if (fn)
			fn(ud, x->path, x->text);
		x->plen = x->at[--x->depth];
		x->path[x->plen] = 0;
		x->children = 1;
	}
	return 0;
}

int aza_xml__walk(const char *s, size_t n, aza_xml_fn fn, void *ud)
{
	xp x;
	memset(&x, 0, sizeof x);
	x.p = s;
	x.end = s + n;
	if (starts(&x, "\xEF\xBB\xBF"))
		x.p += 3;
	int seen_root = 0;
	while (x.p < x.end) {
		if (*x.p != '<') {
			if (!x.depth) {
				/* Only white space outside the root element. */
				if (*x.p != ' ' && *x.p != '\t' && *x.p != '\r' && *x.p != '\n')
					return -1;
				x.p++;
				continue;
			}
			if (*x.p == '&') {
				if (entity(&x))
					return -1;
				continue;
			}
			const char *t = x.p;
			while (x.p < x.end && *x.p != '<' && *x.p != '&')
				x.p++;
			if (text_add(&x, t, (size_t)(x.p - t)))
				return -1;
			continue;
		}
		x.p++;
		if (starts(&x, "?")) {
			if (skip_past(&x, "?>"))
				return -1;
		} else if (starts(&x, "!--")) {
			if (skip_past(&x, "-->"))
				return -1;
		} else if (starts(&x, "![CDATA[")) {
			if (!x.depth)
				return -1;
			x.p += 8;
			const char *t = x.p;
			if (skip_past(&x, "]]>") || text_add(&x, t, (size_t)(x.p - 3 - t)))
				return -1;
		} else if (starts(&x, "!")) {
			return -1; /* DOCTYPE and declarations: not in the subset */
		} else {
			int was_root = !x.depth && !(x.p < x.end && *x.p == '/');
			if (was_root && seen_root)
				return -1; /* a second root element */
			seen_root |= was_root;
			if (tag(&x, fn, ud))
				return -1;
		}
	}
	return x.depth || !seen_root ? -1 : 0;
}

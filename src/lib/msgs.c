/*
 * msgs.c - finding messages, kept once each while they repeat, and past
 * mem_max bytes in an unlinked temporary file mapped shared (msgs.h).
 *
 * Why a mapping and not reads: a message is handed out as a pointer that
 * must stay valid as long as the scan, and reporters read millions of them
 * in an order the store does not know. A shared file mapping gives stable
 * addresses, and madvise(MADV_DONTNEED) takes its pages out of the
 * process's resident set at once without losing them (the page cache and
 * the file hold the text; touching a page maps it again). The file is
 * grown with posix_fallocate before any byte of the new part is written,
 * so that a full disk is an error we see (and answer by keeping text on
 * the heap) rather than a SIGBUS when a page is first written.
 *
 * Why a small cache and not an interning table: a table of every distinct
 * message grows with the input, which is what this store is for avoiding.
 * The messages that repeat most ("supportsHttpsTrafficOnly is true") are
 * few and recur constantly, so a direct-mapped cache of recent messages
 * keeps them to a handful of copies; one that names a resource is seldom
 * made twice.
 */
#include "msgs.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#include "internal.h"

#define SLOTS 2048                   /* cache entries, a power of two (512 KiB) */
#define INLINE 240                   /* a message this short is compared with the slot's copy */
#define SEG ((size_t)256 << 20)      /* address space of one mapping (file offset k * SEG) */
#define GROW ((size_t)1 << 20)       /* the file grows by this much at a time */
#define TRIM_EVERY ((size_t)256 << 10) /* bytes written to the file between trims */

/* A cached message. Its text is compared with a copy in the slot when it
 * is short (most are): comparing with the kept copy would map its page
 * back in, a page fault per repeat once the pages have been let go. */
struct slot {
	const char *p;
	uint32_t len, h; /* h: the hash's high half, to skip most compares */
	char txt[INLINE];
};

struct aza_msgs {
	struct slot *slot;
	aza_arena a;          /* text on the heap */
	size_t mem, mem_max;  /* bytes in a; past mem_max, text goes to the file */
	int fd;               /* -1: no file yet; -2: none (heap from now on) */
	char **seg;           /* mappings, SEG bytes of address space each */
	size_t nseg, capseg;
	size_t used;          /* bytes used in the last mapping */
	size_t grown;         /* bytes of the last mapping's part of the file allocated */
	size_t in_file;       /* bytes of text in the file */
	size_t since_trim;
};

aza_msgs *aza_msgs__new(size_t mem_max)
{
	aza_msgs *m = aza__malloc(sizeof *m);
	if (!m)
		return NULL;
	memset(m, 0, sizeof *m);
	aza_arena__init(&m->a);
	m->mem_max = mem_max;
	m->fd = -1;
	if (!(m->slot = aza__malloc(SLOTS * sizeof *m->slot))) {
		aza__free(m);
		return NULL;
	}
	memset(m->slot, 0, SLOTS * sizeof *m->slot);
	return m;
}

void aza_msgs__free(aza_msgs *m)
{
	if (!m)
		return;
	for (size_t k = 0; k < m->nseg; k++)
		munmap(m->seg[k], SEG);
	aza__free(m->seg);
	if (m->fd >= 0)
		close(m->fd);
	aza_arena__release(&m->a);
	aza__free(m->slot);
	aza__free(m);
}

/* No file from now on; what was mapped stays mapped and valid. */
static void no_file(aza_msgs *m)
{
	if (m->fd >= 0)
		close(m->fd);
	m->fd = -2;
}

/* A new mapping at the file's next SEG boundary; -1 (and no file) when
 * it cannot be made. */
static int new_seg(aza_msgs *m)
{
	if (m->nseg == m->capseg) {
		size_t cap = m->capseg ? m->capseg * 2 : 4;
		char **s = aza__realloc(m->seg, cap * sizeof *s);
		if (!s)
			return -1; /* not a reason to give up the file */
		m->seg = s;
		m->capseg = cap;
	}
	void *p = mmap(NULL, SEG, PROT_READ | PROT_WRITE, MAP_SHARED, m->fd, (off_t)(m->nseg * SEG));
	if (p == MAP_FAILED) {
		no_file(m);
		return -1;
	}
	m->seg[m->nseg++] = p;
	m->used = m->grown = 0;
	return 0;
}

/* n bytes in the file's mapping, or NULL (then the heap is used). */
static char *file_place(aza_msgs *m, size_t n)
{
	if (m->fd == -1 && (m->fd = aza__tmpfile("azaudit-messages")) < 0) {
		m->fd = -2;
		return NULL;
	}
	if (m->fd < 0)
		return NULL;
	if ((!m->nseg || m->used + n > SEG) && new_seg(m))
		return NULL;
	if (m->used + n > m->grown) {
		size_t want = (m->used + n + GROW - 1) / GROW * GROW;
		if (want > SEG)
			want = SEG;
		off_t base = (off_t)((m->nseg - 1) * SEG);
		if (posix_fallocate(m->fd, base + (off_t)m->grown, (off_t)(want - m->grown))) {
			no_file(m);
			return NULL;
		}
		m->grown = want;
	}
	char *d = m->seg[m->nseg - 1] + m->used;
	m->used += n;
	m->in_file += n;
	if ((m->since_trim += n) >= TRIM_EVERY)
		aza_msgs__trim(m);
	return d;
}

const char *aza_msgs__get(aza_msgs *m, const char *s, size_t n)
{
	if (n >= UINT32_MAX)
		return NULL;
	uint64_t hv = aza__hash(s, n);
	struct slot *e = &m->slot[hv & (SLOTS - 1)];
	uint32_t h = (uint32_t)(hv >> 32);
	if (e->p && e->len == n && e->h == h && memcmp(n <= INLINE ? e->txt : e->p, s, n) == 0)
		return e->p;
	char *d = NULL;
	if (m->mem + n + 1 > m->mem_max)
		d = file_place(m, n + 1);
	if (!d) {
		if (!(d = aza_arena__alloc_bytes(&m->a, n + 1)))
			return NULL;
		m->mem += n + 1;
	}
	memcpy(d, s, n);
	d[n] = 0;
	e->p = d;
	e->len = (uint32_t)n;
	e->h = h;
	if (n <= INLINE)
		memcpy(e->txt, s, n);
	return d;
}

void aza_msgs__trim(aza_msgs *m)
{
	if (!m)
		return;
	m->since_trim = 0;
	long pg = sysconf(_SC_PAGESIZE);
	size_t page = pg > 0 ? (size_t)pg : 4096;
	for (size_t k = 0; k < m->nseg; k++) {
		size_t len = k + 1 < m->nseg ? SEG : (m->used + page - 1) / page * page;
		/* Cannot fail on a range we mapped; if it did, pages stay
		 * resident, which costs memory, not correctness. */
		if (len)
			(void)madvise(m->seg[k], len, MADV_DONTNEED);
	}
}

size_t aza_msgs__bytes(const aza_msgs *m, size_t *in_file)
{
	if (in_file)
		*in_file = m ? m->in_file : 0;
	return m ? m->mem + m->in_file : 0;
}

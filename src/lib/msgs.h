/*
 * msgs.h - finding messages: one copy of each that repeats and, past a few
 * hundred KiB, the text in a temporary file mapped into memory (msgs.c).
 *
 * A 1M-resource tenant's findings carry some 47 MB of distinct messages
 * (most name a resource); kept on the heap they were the one part of the
 * scan besides the index that grew with the input. In a shared file
 * mapping the text keeps its address (the public API promises message
 * pointers that live as long as the scan), and the pages behind it can be
 * let go from the process (aza_msgs__trim) without losing them: the file
 * holds them and a later read brings them back.
 */
#ifndef AZA_MSGS_H
#define AZA_MSGS_H

#include <stddef.h>

typedef struct aza_msgs aza_msgs;

/* A store whose first mem_max bytes of text stay on the heap; NULL when
 * out of memory. */
aza_msgs *aza_msgs__new(size_t mem_max);
void aza_msgs__free(aza_msgs *m);
/* The kept, NUL-terminated copy of s[0..n), valid until aza_msgs__free:
 * the same pointer as for an earlier equal message while that one is
 * still in the store's small cache of recent messages (repeats such as
 * "minimumTlsVersion is TLS1_2" hit it), a new copy otherwise. NULL when
 * out of memory. When the file cannot be made, mapped or grown (a full
 * disk, a file size limit), text stays on the heap from then on. */
const char *aza_msgs__get(aza_msgs *m, const char *s, size_t n);
/* Let the mapped pages go from the process's resident memory (they stay
 * in the file; reading a message brings its page back). Called while
 * messages are made and while reports read them. */
void aza_msgs__trim(aza_msgs *m);
/* Bytes of text kept, on the heap and in the file (statistics, tests). */
size_t aza_msgs__bytes(const aza_msgs *m, size_t *in_file);

#endif

/*
 * words.c: the distinct words of a text (see words.h).  A word is a run of
 * ASCII letters and digits, lower-cased; anything else separates words, the
 * way xsl/html.js splits what the reader types.  Each word is written once,
 * in the order it first appears, separated by single spaces, so the page
 * carries each status's vocabulary rather than its text, and the script
 * reads it with one split(' ').
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "words.h"
#include "xalloc.h"

/* Where each word starts in the output, hashed for the "seen already" test. */
struct words_set {
	size_t	*at;		/* offset + 1 into the output; 0: empty */
	size_t	 cap;		/* a power of two */
	size_t	 n;
};

static uint32_t
words_hash(const char *s, size_t len)
{
	uint32_t	 h = 2166136261u;	/* FNV-1a */
	size_t		 i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static void
words_grow(struct words_set *set, const struct buf *b)
{
	size_t	*old = set->at, oldcap = set->cap, i, j;

	set->cap = oldcap == 0 ? 256 : oldcap * 2;
	if (set->cap < oldcap)
		abort();	/* more words than memory */
	set->at = xcalloc(set->cap, sizeof(*set->at));
	for (i = 0; i < oldcap; i++) {
		const char	*w;
		size_t		 len;

		if (old[i] == 0)
			continue;
		w = b->data + old[i] - 1;
		len = strcspn(w, " ");
		for (j = words_hash(w, len) & (set->cap - 1); set->at[j] != 0;
		    j = (j + 1) & (set->cap - 1))
			;
		set->at[j] = old[i];
	}
	free(old);
}

/*
 * The word just written at b->data[start..b->len): keep it if it is new,
 * else take it back off the output, with the space written before it when
 * it is not the first (at base).
 */
static void
words_keep(struct words_set *set, struct buf *b, size_t base, size_t start)
{
	const char	*w = b->data + start;
	size_t		 len = b->len - start, j;

	if ((set->n + 1) * 2 > set->cap)
		words_grow(set, b);
	for (j = words_hash(w, len) & (set->cap - 1); set->at[j] != 0;
	    j = (j + 1) & (set->cap - 1)) {
		const char *o = b->data + set->at[j] - 1;

		/* Every word in the set is followed by the space before w. */
		if (strncmp(o, w, len) == 0 && o[len] == ' ') {
			b->len = start > base ? start - 1 : start;
			b->data[b->len] = '\0';
			return;
		}
	}
	set->at[j] = start + 1;
	set->n++;
}

void
words_index(struct buf *b, const char *s)
{
	struct words_set	 set = { NULL, 0, 0 };
	size_t			 base = b->len, start = 0;
	int			 in = 0;

	for (;; s++) {
		int c = (unsigned char)*s;

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (!in) {
				if (b->len > base)
					buf_putc(b, ' ');
				start = b->len;
				in = 1;
			}
			buf_putc(b, c);
			continue;
		}
		if (in) {
			words_keep(&set, b, base, start);
			in = 0;
		}
		if (*s == '\0')
			break;
	}
	free(set.at);
}

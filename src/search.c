/*
 * search.c: the ranking of search.h, for `httperror search`.  Scores each
 * entry directly, field by field, instead of building the page's inverted
 * index: with a hundred-odd entries a scan of their words is well under a
 * millisecond and gives the same numbers (search.h says why they agree).
 */
#include <stdlib.h>
#include <string.h>

#include "search.h"
#include "xalloc.h"

/* The query's words, lower-cased, as html.js's words() splits. */
static char **
search_words(const char *s, size_t *np)
{
	char	**v = NULL;
	size_t	  n = 0, len;

	for (;;) {
		while (*s != '\0' && !((*s >= 'a' && *s <= 'z') ||
		    (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')))
			s++;
		if (*s == '\0')
			break;
		for (len = 0; (s[len] >= 'a' && s[len] <= 'z') ||
		    (s[len] >= 'A' && s[len] <= 'Z') ||
		    (s[len] >= '0' && s[len] <= '9'); len++)
			;
		v = xreallocarray(v, n + 1, sizeof(*v));
		v[n] = xstrndup(s, len);
		for (char *p = v[n]; *p != '\0'; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p += 'a' - 'A';
		n++;
		s += len;
	}
	*np = n;
	return v;
}

static void
search_words_free(char **v, size_t n)
{
	while (n > 0)
		free(v[--n]);
	free(v);
}

/*
 * The best score of word t in text (split into words), each worth w: w for
 * a whole word, w / 2 for a word t begins; best is raised, never lowered.
 */
static void
search_field(const char *t, size_t tlen, const char *text, double w,
    double *best)
{
	char	**v;
	size_t	  n, i, len;

	if (text == NULL)
		return;
	v = search_words(text, &n);
	for (i = 0; i < n; i++) {
		len = strlen(v[i]);
		if (len == tlen && memcmp(v[i], t, tlen) == 0) {
			if (*best < w)
				*best = w;
		} else if (len > tlen && memcmp(v[i], t, tlen) == 0) {
			if (*best < w / 2)
				*best = w / 2;
		}
	}
	search_words_free(v, n);
}

/* A code or an also, which counts whole as a word ("500.19" too). */
static void
search_code(const char *t, size_t tlen, const char *code, double *best)
{
	size_t	 len = strlen(code);

	if (len == tlen && memcmp(code, t, tlen) == 0) {
		if (*best < SEARCH_CODE)
			*best = SEARCH_CODE;
	} else if (len > tlen && memcmp(code, t, tlen) == 0) {
		if (*best < SEARCH_CODE / 2.0)
			*best = SEARCH_CODE / 2.0;
	}
	if (strchr(code, '.') != NULL)
		search_field(t, tlen, code, SEARCH_CODE, best);
}

/* The query's words, in a row, in text's words. */
static int
search_in_row(char **q, size_t nq, const char *text)
{
	char	**v;
	size_t	  n, i, j;
	int	  found = 0;

	v = search_words(text, &n);
	for (i = 0; i + nq <= n && !found; i++) {
		for (j = 0; j < nq; j++)
			if (strcmp(v[i + j], q[j]) != 0)
				break;
		found = j == nq;
	}
	search_words_free(v, n);
	return found;
}

static int
search_hit_cmp(const void *a, const void *b)
{
	const struct search_hit	*x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->entry < y->entry ? -1 : x->entry > y->entry;
}

size_t
search_rank(const struct search_entry *e, size_t n, const char *query,
    struct search_hit **hitsp)
{
	struct search_hit	*hits;
	char			**q;
	size_t			  nq, i, j, k, nhits = 0;

	q = search_words(query, &nq);
	hits = xreallocarray(NULL, n + 1, sizeof(*hits));
	for (i = 0; i < n && nq > 0; i++) {
		double	 half = e[i].number ? 0.5 : 1, total = 0, best;

		for (j = 0; j < nq; j++) {
			size_t	 tlen = strlen(q[j]);

			best = 0;
			search_code(q[j], tlen, e[i].code, &best);
			for (k = 0; k < e[i].nalso; k++)
				search_code(q[j], tlen, e[i].also[k], &best);
			search_field(q[j], tlen, e[i].phrase, SEARCH_PHRASE * half,
			    &best);
			for (k = 0; k < e[i].nnames; k++)
				search_field(q[j], tlen, e[i].names[k],
				    SEARCH_NAME * half, &best);
			search_field(q[j], tlen, e[i].summary,
			    SEARCH_SUMMARY * half, &best);
			search_field(q[j], tlen, e[i].words, SEARCH_BODY * half,
			    &best);
			if (best == 0)
				break;
			total += best;
		}
		if (j < nq)
			continue;
		if (nq > 1) {
			int	 row = search_in_row(q, nq, e[i].phrase);

			for (k = 0; k < e[i].nnames && !row; k++)
				row = search_in_row(q, nq, e[i].names[k]);
			if (row)
				total += SEARCH_NAME * half;
		}
		hits[nhits].entry = i;
		hits[nhits++].score = total;
	}
	search_words_free(q, nq);
	qsort(hits, nhits, sizeof(*hits), search_hit_cmp);
	*hitsp = hits;
	return nhits;
}

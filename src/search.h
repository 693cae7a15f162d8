/*
 * search.h: the ranking of `httperror search` and of the HTML page's search,
 * defined once.  The weights below are written into the page
 * (data-rank on #search, by out_html.c and xsl/html.xsl), and xsl/html.js
 * ranks with them by the same rules as search_rank(); tests/search.sh runs
 * the same queries through both and compares the order.
 *
 * The rules: a query is split into words (runs of ASCII letters and digits,
 * lower-cased).  An entry's score for one word is the weight of the best
 * field the word is found whole in, or half that of the best field holding
 * a word that starts with it, whichever is more.  Every query word must
 * score; the scores add up.  When the query has two words or more and they
 * stand in a row in the phrase or in one keyword or alias, the entry gets
 * NAME once more.  A number that is not a status (000, 500.19) counts its
 * words at half weight, but its number in full.  Best first; ties keep page
 * order.
 */
#ifndef SEARCH_H
#define SEARCH_H

#include <stddef.h>

#define SEARCH_CODE	1000	/* the code, a part of a dotted one, an also */
#define SEARCH_PHRASE	100
#define SEARCH_NAME	80	/* keywords and older phrases */
#define SEARCH_SUMMARY	30
#define SEARCH_BODY	10	/* the other words (search-words in common.xsl) */
/* The same, as the page reads them from data-rank: "1000 100 80 30 10". */
#define SEARCH_STR(x)	SEARCH_STR_(x)
#define SEARCH_STR_(x)	#x
#define SEARCH_WEIGHTS	SEARCH_STR(SEARCH_CODE) " " SEARCH_STR(SEARCH_PHRASE) " " \
	SEARCH_STR(SEARCH_NAME) " " SEARCH_STR(SEARCH_SUMMARY) " " \
	SEARCH_STR(SEARCH_BODY)

struct search_entry {
	const char	 *code;		/* 404, 500.19 */
	const char *const *also;	/* other numbers that lead here */
	size_t		  nalso;
	const char	 *phrase;
	const char *const *names;	/* keywords, then aliases */
	size_t		  nnames;
	const char	 *summary;
	const char	 *words;	/* space-separated, lower-case */
	int		  number;	/* not a status: words at half weight */
};

struct search_hit {
	size_t	 entry;		/* index into the entries */
	double	 score;
};

/*
 * The entries matching every word of query, best first, into *hits (freed
 * by the caller); how many.
 */
size_t	search_rank(const struct search_entry *, size_t n, const char *query,
	    struct search_hit **hits);

#endif

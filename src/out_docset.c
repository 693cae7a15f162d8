/*
 * out_docset.c: the Dash/Zeal docset backend.  xsl/docset.xsl lays out the
 * pages; this file decides everything else, under the backend's tree:
 *
 *	HTTPError.docset/icon.png, icon@2x.png   xsl/docset-icon.png, @2x.png
 *	HTTPError.docset/Contents/Info.plist
 *	HTTPError.docset/Contents/Resources/docSet.dsidx          (dsidx.h)
 *	HTTPError.docset/Contents/Resources/Documents/index.html, SLUG.html,
 *	    style.css (xsl/palette.css, then xsl/docset.css)
 *	HTTPError.tgz    the docset packed for Dash and Zeal (tarball.h, gz.h)
 *	HTTPError.xml    the feed Dash and Zeal subscribe to
 *
 * The search index names each status "404 Not Found" (type Entry), each class
 * "4xx Client Error" (Category), and each alias as it is (Constant for an
 * identifier such as NGX_HTTP_CLIENT_CLOSED_REQUEST, Value for an older reason
 * phrase), all pointing at the status's page, and each section of a status
 * page (Section, SLUG.html#ID, named by the stylesheet: see docset_toc()), so
 * that Zeal shows a table of contents for it.  Dash ranks results by type,
 * then length; Zeal by length alone; so before writing the index this file
 * checks that a search for a code lists the status answering for it first in
 * both, and refuses the registry otherwise.  Called by main.c through the
 * backend table.  See ../shared/notes/docset.md for the format.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "backend.h"
#include "buf.h"
#include "dsidx.h"
#include "escape.h"
#include "fs.h"
#include "gz.h"
#include "msg.h"
#include "page.h"
#include "registry.h"
#include "tarball.h"
#include "xalloc.h"
#include "xform.h"

#define DOCSET_NAME	"HTTPError"
#define DOCSET_DIR	DOCSET_NAME ".docset"
#define DOCSET_RES	DOCSET_DIR "/Contents/Resources"
#define DOCSET_DOCS	DOCSET_RES "/Documents"
/* The icons, in the stylesheet directory: source assets, 16 and 32 px. */
static const struct {
	const char	*src;
	const char	*dst;
	unsigned	 px;
} docset_icon_files[] = {
	{ "docset-icon.png", DOCSET_DIR "/icon.png", 16 },
	{ "docset-icon@2x.png", DOCSET_DIR "/icon@2x.png", 32 },
};

/* Values are strings unless boolean is set (then 1 is <true/>, 0 <false/>). */
static const struct {
	const char	*key;
	const char	*value;
	int		 boolean;
} docset_plist_keys[] = {
	{ "CFBundleIdentifier", "httperror", -1 },
	{ "CFBundleName", DOCSET_NAME, -1 },
	{ "DocSetPlatformFamily", "httperror", -1 },
	{ "isDashDocset", NULL, 1 },
	{ "dashIndexFilePath", "index.html", -1 },
	{ "DashDocSetKeyword", "http", -1 },
	{ "DashDocSetFamily", "dashtoc", -1 },
	{ "isJavaScriptEnabled", NULL, 0 },
	{ "DashDocSetDefaultFTSEnabled", NULL, 1 },
};

/*
 * Dash's rank of each type this docset uses (lower is listed first), from
 * Dash for iOS, whose search orders by type rank, then by name length.
 */
static const struct {
	const char	*type;
	int		 rank;
} docset_types[] = {
	{ "Category", 14 },
	{ "Constant", 85 },
	{ "Value", 87 },
	{ "Keyword", 93 },
	{ "Section", 125 },
	{ "Entry", 126 },
};

struct docset_row {
	char			*name;
	const char		*type;
	char			*path;
	const struct status	*st;	/* whose row it is; NULL for a class */
	const struct number	*nb;	/* or the number's whose it is */
	unsigned		 seq;	/* a Section's place on its page, from 1 */
};

struct docset_rows {
	struct docset_row	*v;
	size_t			 n, cap;
};

/* The colours shared with the HTML page, then the docset's own rules. */
static int
docset_css(const struct emit *e)
{
	static const char *const parts[] = { "palette.css", "docset.css" };
	struct buf	 css;
	char		*path, *text;
	size_t		 i, len;
	int		 rc = -1;

	buf_init(&css);
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		path = xasprintf("%s/%s", e->xsldir, parts[i]);
		text = fs_read(path, &len);
		free(path);
		if (text == NULL)
			goto out;
		buf_put(&css, text, len);
		free(text);
	}
	rc = fs_write(e->dir, DOCSET_DOCS "/style.css", css.data, css.len);
out:
	buf_release(&css);
	return rc;
}

/* An XML plist with string and boolean values only: Zeal reads no other. */
static int
docset_plist(const struct emit *e)
{
	struct buf	 b;
	size_t		 i;
	int		 rc;

	buf_init(&b);
	buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
	    "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
	    "<plist version=\"1.0\">\n<dict>\n");
	for (i = 0; i < sizeof(docset_plist_keys) / sizeof(docset_plist_keys[0]);
	    i++) {
		buf_puts(&b, "\t<key>");
		esc_xml(&b, docset_plist_keys[i].key);
		buf_puts(&b, "</key>\n\t");
		if (docset_plist_keys[i].boolean != -1)
			buf_puts(&b, docset_plist_keys[i].boolean ? "<true/>" :
			    "<false/>");
		else {
			buf_puts(&b, "<string>");
			esc_xml(&b, docset_plist_keys[i].value);
			buf_puts(&b, "</string>");
		}
		buf_putc(&b, '\n');
	}
	buf_puts(&b, "</dict>\n</plist>\n");
	rc = fs_write(e->dir, DOCSET_DIR "/Contents/Info.plist", b.data, b.len);
	buf_release(&b);
	return rc;
}

/* Big-endian 32 bits, as PNG stores its numbers. */
static unsigned long
docset_be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	    (unsigned long)p[2] << 8 | p[3];
}

/*
 * The icons are copied as they are, after a look at their header: a PNG
 * (signature, then IHDR) of the size Dash and Zeal expect.
 */
static int
docset_icons(const struct emit *e)
{
	static const unsigned char sig[] = "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR";
	const unsigned char	*p;
	char			*path, *data;
	size_t			 i, len;
	int			 rc = 0;

	for (i = 0; i < sizeof(docset_icon_files) / sizeof(docset_icon_files[0]) &&
	    rc == 0; i++) {
		path = xasprintf("%s/%s", e->xsldir, docset_icon_files[i].src);
		if ((data = fs_read(path, &len)) == NULL)
			rc = -1;
		else if (p = (const unsigned char *)data, len < 24 ||
		    memcmp(p, sig, 16) != 0 ||
		    docset_be32(p + 16) != docset_icon_files[i].px ||
		    docset_be32(p + 20) != docset_icon_files[i].px) {
			msg(MSG_ERROR, path, 0, 0, "the docset icon must be a PNG of "
			    "%ux%u pixels", docset_icon_files[i].px,
			    docset_icon_files[i].px);
			rc = -1;
		} else
			rc = fs_write(e->dir, docset_icon_files[i].dst, data, len);
		free(data);
		free(path);
	}
	return rc;
}

/* ===== The search index ===== */

static void
docset_row_add(struct docset_rows *rs, char *name, const char *type,
    char *path, const struct status *st)
{
	if (rs->n == rs->cap) {
		rs->cap = rs->cap == 0 ? 64 : xmul(rs->cap, 2);
		rs->v = xreallocarray(rs->v, rs->cap, sizeof(*rs->v));
	}
	rs->v[rs->n].name = name;
	rs->v[rs->n].type = type;
	rs->v[rs->n].path = path;
	rs->v[rs->n].st = st;
	rs->v[rs->n].nb = NULL;
	rs->v[rs->n].seq = 0;
	rs->n++;
}

/* An identifier (NGX_HTTP_CLIENT_CLOSED_REQUEST) rather than words. */
static int
docset_is_identifier(const char *s)
{
	if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || *s == '_'))
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= '0' && *s <= '9') || *s == '_'))
			return 0;
	return 1;
}

/* The code 100 to 599 that starts at p (three digits), or -1. */
static int
docset_code_at(const char *p)
{
	if (p[0] < '1' || p[0] > '5' || p[1] < '0' || p[1] > '9' ||
	    p[2] < '0' || p[2] > '9')
		return -1;
	return (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0');
}

/* Whether a search for some code would match s. */
static int
docset_has_code(const char *s)
{
	for (; s[0] != '\0' && s[1] != '\0' && s[2] != '\0'; s++)
		if (docset_code_at(s) != -1)
			return 1;
	return 0;
}

static int
docset_keyword_cmp(const void *a, const void *b)
{
	return strcasecmp(*(char *const *)a, *(char *const *)b);
}

/* Every status's keywords, sorted for bsearch; the caller frees the array. */
static const char **
docset_status_keywords(const struct registry *reg, size_t *np)
{
	const char	**v;
	size_t		  i, j, n = 0;

	for (i = 0; i < reg->nstatus; i++)
		n = xadd(n, reg->statuses[i].nkeywords);
	v = xcalloc(xadd(n, 1), sizeof(*v));
	for (i = 0, n = 0; i < reg->nstatus; i++)
		for (j = 0; j < reg->statuses[i].nkeywords; j++)
			v[n++] = reg->statuses[i].keywords[j];
	qsort(v, n, sizeof(*v), docset_keyword_cmp);
	*np = n;
	return v;
}

/*
 * Every row, the status entries first and in registry order (statuses[i] is
 * rows[i]).  A status that shares its code with the one answering for it is
 * named with its origin, "499 Token Required (Esri)", so the two read apart
 * in a result list.
 */
static void
docset_rows(const struct registry *reg, struct docset_rows *rs)
{
	const struct status	*st;
	const struct regclass	*cl;
	const char		**skw;
	size_t			 i, j, nskw;

	for (i = 0; i < reg->nstatus; i++) {
		st = &reg->statuses[i];
		docset_row_add(rs, st->primary ?
		    xasprintf("%d %s", st->code, st->phrase) :
		    xasprintf("%d %s (%s)", st->code, st->phrase, st->origin),
		    "Entry", xasprintf("%s.html", st->slug), st);
	}
	for (i = 0; i < reg->nstatus; i++) {
		st = &reg->statuses[i];
		for (j = 0; j < st->naliases; j++)
			docset_row_add(rs, xstrdup(st->aliases[j]),
			    docset_is_identifier(st->aliases[j]) ? "Constant" :
			    "Value", xasprintf("%s.html", st->slug), st);
	}
	/*
	 * Keywords (issue 11: http:rate finds 429).  Dash lists a Keyword above
	 * an Entry, so one that holds a code (Expect: 100-continue) would come
	 * before the status in a search for the code: those stay out of the
	 * index, and only here.
	 */
	for (i = 0; i < reg->nstatus; i++) {
		st = &reg->statuses[i];
		for (j = 0; j < st->nkeywords; j++)
			if (!docset_has_code(st->keywords[j]))
				docset_row_add(rs, xstrdup(st->keywords[j]), "Keyword",
				    xasprintf("%s.html", st->slug), st);
	}
	for (i = 0; i < sizeof(reg->classes) / sizeof(reg->classes[0]); i++) {
		cl = &reg->classes[i];
		docset_row_add(rs, xasprintf("%s %s", cl->id, cl->name),
		    "Category", xasprintf("index.html#%s", cl->id), NULL);
	}
	/*
	 * The numbers that are not statuses: "1020 Access Denied (Cloudflare)",
	 * then each other number ("0" alone, "1007 ..." like the Entry), the
	 * aliases and the keywords.  A number holds codes (1020 holds 102), and
	 * Zeal lists the shortest name first, so its Entry is named with its
	 * origin, which the ranking check requires to be long enough, and an
	 * alias holding a code ("Error 1020", shorter than "102 Processing")
	 * stays out, as keywords do.
	 */
	skw = docset_status_keywords(reg, &nskw);
	for (i = 0; i < reg->nnumber; i++) {
		const struct number	*nb = &reg->numbers[i];
		char			*path = xasprintf("%s.html", nb->slug);
		size_t			 first = rs->n;

		docset_row_add(rs, xasprintf("%s %s (%s)", nb->number, nb->phrase,
		    nb->origin), "Entry", xstrdup(path), NULL);
		/* 000, which holds no code, alone too: the long Entry would come
		 * after every short row holding 000 (0x8007000d). */
		if (!docset_has_code(nb->number))
			docset_row_add(rs, xstrdup(nb->number), "Value", xstrdup(path),
			    NULL);
		/* 0 alone; 1007, which holds 100, named like the Entry. */
		for (j = 0; j < nb->nalso; j++)
			if (docset_has_code(nb->also[j]))
				docset_row_add(rs, xasprintf("%s %s (%s)", nb->also[j],
				    nb->phrase, nb->origin), "Entry", xstrdup(path),
				    NULL);
			else
				docset_row_add(rs, xstrdup(nb->also[j]), "Value",
				    xstrdup(path), NULL);
		for (j = 0; j < nb->naliases; j++)
			if (!docset_has_code(nb->aliases[j]))
				docset_row_add(rs, xstrdup(nb->aliases[j]),
				    docset_is_identifier(nb->aliases[j]) ?
				    "Constant" : "Value", xstrdup(path), NULL);
		/* A keyword a status has too ("rate limit") is the status's:
		 * two equal rows would leave Zeal's order to chance. */
		for (j = 0; j < nb->nkeywords; j++)
			if (!docset_has_code(nb->keywords[j]) &&
			    bsearch(&nb->keywords[j], skw, nskw, sizeof(*skw),
			    docset_keyword_cmp) == NULL)
				docset_row_add(rs, xstrdup(nb->keywords[j]), "Keyword",
				    xstrdup(path), NULL);
		for (j = first; j < rs->n; j++)
			rs->v[j].nb = nb;
		free(path);
	}
	free(skw);
	if (reg->nnumber > 0)
		docset_row_add(rs, xstrdup("Not HTTP statuses"), "Category",
		    xstrdup("index.html#numbers"), NULL);
}

static void
docset_rows_release(struct docset_rows *rs)
{
	size_t	 i;

	for (i = 0; i < rs->n; i++) {
		free(rs->v[i].name);
		free(rs->v[i].path);
	}
	free(rs->v);
	memset(rs, 0, sizeof(*rs));
}

static int
docset_dash_rank(const char *type)
{
	size_t	 i;

	for (i = 0; i < sizeof(docset_types) / sizeof(docset_types[0]); i++)
		if (strcmp(docset_types[i].type, type) == 0)
			return docset_types[i].rank;
	return 0;	/* unknown: assume it would be listed first */
}

/* Characters, as SQLite's length() counts them in UTF-8 text. */
static size_t
docset_length(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/*
 * Would a search list row a before row b, in Dash (type rank, then length) or
 * in Zeal (length, then name regardless of case, as Zeal's SearchResult
 * orders equal scores)?  Equal names count as "before": their order would be
 * left to chance.
 */
static int
docset_outranks(const struct docset_row *a, const struct docset_row *b)
{
	size_t	 la = docset_length(a->name), lb = docset_length(b->name);
	int	 shorter;

	shorter = la < lb || (la == lb && strcasecmp(a->name, b->name) <= 0);
	return shorter || docset_dash_rank(a->type) < docset_dash_rank(b->type);
}

/*
 * A search for a code must list its own status first.  Each row is looked at
 * once: every code its name contains (every run of three digits 100-599 in
 * it) is checked against the status that answers for that code, so the cost
 * is the total length of the names, not rows times statuses.
 */
static int
docset_check_ranking(const struct registry *reg, const struct docset_rows *rs)
{
	size_t		 answer[600];	/* code -> its primary row, or SIZE_MAX */
	int		 seen[8], nseen, k;
	const char	*p;
	size_t		 i, j;
	int		 rc = 0, code;

	for (code = 0; code < 600; code++)
		answer[code] = (size_t)-1;
	for (i = 0; i < reg->nstatus; i++)	/* statuses[i] is rows[i] */
		if (reg->statuses[i].primary)
			answer[reg->statuses[i].code] = i;
	for (j = 0; j < rs->n; j++) {
		nseen = 0;
		for (p = rs->v[j].name; p[0] != '\0' && p[1] != '\0' && p[2] != '\0'; p++) {
			if ((code = docset_code_at(p)) == -1)
				continue;
			if ((i = answer[code]) == (size_t)-1 || i == j ||
			    !docset_outranks(&rs->v[j], &rs->v[i]))
				continue;
			for (k = 0; k < nseen && seen[k] != code; k++)
				;
			if (k < nseen)
				continue;	/* reported for this row already */
			if (nseen < (int)(sizeof(seen) / sizeof(seen[0])))
				seen[nseen++] = code;
			reg_node_error(reg, rs->v[j].st != NULL ? rs->v[j].st->node :
			    rs->v[j].nb != NULL ? rs->v[j].nb->node :
			    reg->statuses[i].node, "docset: a search for '%d' would "
			    "list '%s' (%s) before '%s'; rename it or make it longer",
			    code, rs->v[j].name, rs->v[j].type, rs->v[i].name);
			rc = -1;
		}
	}
	return rc;
}

#define DOCSET_TOC	".toc"	/* ends the name of a page's table of contents */

/*
 * The table of contents of the page SLUG.html (xsl/docset.xsl, mode="toc"):
 * lines "ID<tab>NAME", each made a Section row named NAME for SLUG.html#ID.
 * Zeal's page TOC lists the rows whose path starts with the page's, in id
 * order, so the k-th line gets seq k (dsidx.h).  The names are the
 * stylesheet's, not registry text, and are checked all the same: an id of
 * [a-z0-9-], a name of printable text without markup (the page was
 * serialized as HTML), and no code in it, so that a search for a code still
 * lists its status first.  A slug has no '.', so no page is named SLUG.toc.
 */
static int
docset_toc(const struct emit *e, struct docset_rows *toc, const char *slug,
    size_t slen, const char *text, size_t len)
{
	const char	*p = text, *end = text + len, *nl, *tab, *c;
	char		*name;
	unsigned	 seq = 0;

	while (p < end) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		tab = memchr(p, '\t', (size_t)(nl - p));
		for (c = p; tab != NULL && c < tab; c++)
			if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
			    *c == '-'))
				break;
		if (tab == NULL || tab == p || c != tab || tab + 1 == nl)
			goto bad;
		for (c = tab + 1; c < nl; c++)
			if ((unsigned char)*c < 0x20 || *c == 0x7F || *c == '<' ||
			    *c == '&')
				goto bad;
		name = xstrndup(tab + 1, (size_t)(nl - tab - 1));
		if (docset_has_code(name)) {
			free(name);
			goto bad;
		}
		docset_row_add(toc, name, "Section", xasprintf("%.*s.html#%.*s",
		    (int)slen, slug, (int)(tab - p), p), NULL);
		toc->v[toc->n - 1].seq = ++seq;
		p = nl + (nl < end);
	}
	return 0;
bad:
	msg(MSG_ERROR, xform_name(e->xf), 0, 0, "docset: table of contents of "
	    "'%.*s': '%.*s' is not an id, a tab and a name without a code",
	    (int)slen, slug, (int)(nl - p), p);
	return -1;
}

/*
 * One page of the run, as Documents/NAME.html (the index is index.html), or
 * the table of contents of one, SLUG.toc, into the rows at arg.
 */
static int
docset_page(void *arg, const struct emit *e, const char *name, const char *text,
    size_t len)
{
	size_t	 n = strlen(name), tl = sizeof(DOCSET_TOC) - 1;
	char	*rel;
	int	 rc;

	if (n > tl && strcmp(name + n - tl, DOCSET_TOC) == 0)
		return docset_toc(e, arg, name, n - tl, text, len);
	rel = xasprintf("%s/%s.html", DOCSET_DOCS, name);
	rc = fs_write(e->dir, rel, text, len);
	free(rel);
	return rc;
}

/* The index: the registry's rows, then the pages' sections (toc). */
static int
docset_index(const struct emit *e, const struct docset_rows *toc)
{
	struct docset_rows	 rs;
	struct dsidx		*ix = NULL;
	char			*res;
	size_t			 i;
	int			 rc = -1;

	memset(&rs, 0, sizeof(rs));
	docset_rows(e->reg, &rs);
	ix = dsidx_new();
	for (i = 0; i < rs.n; i++)
		dsidx_add(ix, 0, rs.v[i].name, rs.v[i].type, rs.v[i].path);
	for (i = 0; i < toc->n; i++)
		dsidx_add(ix, toc->v[i].seq, toc->v[i].name, toc->v[i].type,
		    toc->v[i].path);
	if ((res = fs_join(e->dir, DOCSET_RES)) == NULL)
		goto out;
	rc = fs_mkdirs(res);
	free(res);
	if (rc == 0)
		rc = dsidx_write(ix, e->dir, DOCSET_RES "/docSet.dsidx");
out:
	dsidx_free(ix);
	docset_rows_release(&rs);
	return rc;
}

/*
 * What would make the docset wrong although the registry is valid: run by
 * `check` and before every build, so the two always agree.
 */
int
out_docset_check(const struct registry *reg)
{
	struct docset_rows	 rs;
	int			 rc;

	memset(&rs, 0, sizeof(rs));
	docset_rows(reg, &rs);
	rc = docset_check_ranking(reg, &rs);
	docset_rows_release(&rs);
	return rc;
}

/* ===== Distribution: the archive and its feed ===== */

static int
docset_tar_sink(void *arg, const void *p, size_t n)
{
	return gz_stream_put(arg, p, n);
}

/* The archive is compressed as libarchive makes it, never held whole. */
static int
docset_pack(const struct emit *e)
{
	struct gz_stream	*gz = gz_stream_open();

	if (tarball_pack(docset_tar_sink, gz, e->dir, DOCSET_DIR, e->epoch) == -1) {
		gz_stream_close(gz, NULL, NULL);
		return -1;
	}
	return gz_stream_close(gz, e->dir, DOCSET_NAME ".tgz");
}

/*
 * Dash and Zeal compare feed versions as strings, so a rebuilt registry needs
 * a new one: the tool's version, then the page date after a '/', which Dash
 * leaves out of what it shows.
 */
static int
docset_feed(const struct emit *e)
{
	struct buf	 b;
	int		 rc;

	buf_init(&b);
	buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<entry>\n"
	    "\t<version>");
	esc_xml(&b, e->version);
	buf_putc(&b, '/');
	esc_xml(&b, e->date);
	buf_puts(&b, "</version>\n\t<url>");
	esc_xml(&b, e->feed_url);
	buf_puts(&b, "</url>\n</entry>\n");
	rc = fs_write(e->dir, DOCSET_NAME ".xml", b.data, b.len);
	buf_release(&b);
	return rc;
}

int
out_docset_emit(const struct emit *e)
{
	struct docset_rows	 toc;
	int			 rc;

	memset(&toc, 0, sizeof(toc));
	rc = page_render_each(e, docset_page, &toc);
	if (rc == 0)
		rc = docset_css(e);
	if (rc == 0)
		rc = docset_plist(e);
	if (rc == 0)
		rc = docset_icons(e);
	if (rc == 0)
		rc = docset_index(e, &toc);
	docset_rows_release(&toc);
	/* Last: the archive holds everything written above. */
	if (rc == 0)
		rc = docset_pack(e);
	if (rc == 0)
		rc = docset_feed(e);
	return rc;
}

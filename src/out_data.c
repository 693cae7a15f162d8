/*
 * out_data.c: the reader's data, data/httperror.db, which `httperror CODE`
 * and `httperror list` read (reader.c) and `make install` puts in
 * $(datadir)/httperror/.  xsl/data.xsl flattens each entry into lines
 * "KEY<TAB>VALUE"; this file stores them in SQLite, so that a lookup reads a
 * few rows of one indexed file instead of parsing and validating the whole
 * registry.  The registry was validated by the build that made it.
 *
 * Tables (the reader's contract; DATA_SCHEMA is bumped when they change):
 *   meta(key, value)        schema, version, updated
 *   class(id, name)         4xx, Client Error
 *   entry(id, kind, code, slug, phrase, tag, origin, spec, fault, tldr,
 *         sent, class, prim, man, info, words)
 *                           id is the HTML page's order: statuses by code,
 *                           primary first, then the numbers; words are
 *                           the search index's body (xsl/common.xsl,
 *                           search-words)
 *   item(entry, key, seq, value)
 *                           developer, visitor, related, name (keywords
 *                           and aliases), also: each in registry order
 *   hop(seq, id, name, note)
 *   format(seq, id, name, hop, pattern, status, field)
 *   signature(seq, entry, hop, says, fix)
 *   matcher(owner, seq, kind, target, pattern)
 *                           what `httperror explain` knows (registry.h,
 *                           struct explain): hops and formats in the order
 *                           explain tries them, signatures in registry
 *                           order; a matcher's owner is a signature's seq
 *                           (kind line, field, header or body) or, for a
 *                           hop's headers and body lines, the hop's id
 *                           (kind hop or hop-body)
 *
 * Reproducible like the docset index (dsidx.c): rows inserted in a fixed
 * order, journal_mode=DELETE, VACUUM at the end.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "backend.h"
#include "buf.h"
#include "escape.h"
#include "fs.h"
#include "msg.h"
#include "registry.h"
#include "xalloc.h"
#include "xform.h"

#define DATA_SCHEMA	"2"
#define DATA_FILE	"httperror.db"

static const char *const entry_cols[] = {
	"kind", "code", "slug", "phrase", "tag", "origin", "spec", "fault",
	"tldr", "sent", "class", "prim", "man", "info", "words"
};
#define NCOLS	(sizeof(entry_cols) / sizeof(entry_cols[0]))

/* The keys stored as items rather than columns, each numbered in its entry. */
static const char *const item_keys[] = {
	"developer", "visitor", "related", "name", "also"
};
#define NITEMKEYS	(sizeof(item_keys) / sizeof(item_keys[0]))

/* Its index in item_keys, or -1. */
static int
data_item_key(const char *key)
{
	size_t	 i;

	for (i = 0; i < NITEMKEYS; i++)
		if (strcmp(key, item_keys[i]) == 0)
			return (int)i;
	return -1;
}

struct data_item {
	int	 key;		/* index into item_keys */
	char	*value;
};

struct data_entry {
	long		 id;
	char		*col[NCOLS];
	struct data_item *items;
	size_t		 nitems, cap;
};

struct data_run {
	const struct emit	*e;
	struct data_entry	*v;
	size_t			 n, cap;
	char			**classes;	/* "4xx Client Error" */
	size_t			 nclasses;
	int			 failed;
};

/* The page order of a slug: statuses as registry.c sorted them, then numbers. */
struct data_seq {
	const char	*slug;
	long		 seq;
};

static int
data_seq_cmp(const void *a, const void *b)
{
	return strcmp(((const struct data_seq *)a)->slug,
	    ((const struct data_seq *)b)->slug);
}

static int
data_bad(struct data_run *run, const char *line, size_t len)
{
	msg(MSG_ERROR, xform_name(run->e->xf), 0, 0, "data: line '%.*s' is not "
	    "KEY<TAB>VALUE in an entry", (int)(len > 60 ? 60 : len), line);
	run->failed = 1;
	return -1;
}

static int
data_line(struct data_run *run, const char *p, size_t len)
{
	const char		*tab = memchr(p, '\t', len);
	struct data_entry	*en;
	char			*key, *value;
	size_t			 i;
	int			 k;

	if (tab == NULL)
		return data_bad(run, p, len);
	key = xstrndup(p, (size_t)(tab - p));
	value = esc_tty(xstrndup(tab + 1, len - (size_t)(tab - p) - 1));
	if (strcmp(key, "class") == 0 && run->n == 0) {
		run->classes = xreallocarray(run->classes, run->nclasses + 1,
		    sizeof(*run->classes));
		run->classes[run->nclasses++] = value;
		free(key);
		return 0;
	}
	if (strcmp(key, "entry") == 0) {
		if (run->n == run->cap) {
			run->cap = run->cap == 0 ? 64 : xmul(run->cap, 2);
			run->v = xreallocarray(run->v, run->cap, sizeof(*run->v));
		}
		en = &run->v[run->n++];
		memset(en, 0, sizeof(*en));
		en->col[0] = value;
		free(key);
		return 0;
	}
	if (run->n == 0)
		goto bad;
	en = &run->v[run->n - 1];
	if ((k = data_item_key(key)) != -1) {
		if (en->nitems == en->cap) {
			en->cap = en->cap == 0 ? 16 : xmul(en->cap, 2);
			en->items = xreallocarray(en->items, en->cap,
			    sizeof(*en->items));
		}
		en->items[en->nitems].key = k;
		en->items[en->nitems++].value = value;
		free(key);
		return 0;
	}
	for (i = 1; i < NCOLS; i++)
		if (strcmp(key, entry_cols[i]) == 0)
			break;
	if (i == NCOLS || en->col[i] != NULL)
		goto bad;
	en->col[i] = value;
	free(key);
	return 0;
bad:
	free(key);
	free(value);
	return data_bad(run, p, len);
}

static int
data_page(void *arg, const char *name, const char *text, size_t len)
{
	struct data_run	*run = arg;
	const char	*p = text, *end = text + len, *nl;

	(void)name;
	while (p < end) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if (nl > p && data_line(run, p, (size_t)(nl - p)) == -1)
			return -1;
		p = nl + 1;
	}
	return 0;
}

static int
data_fail(sqlite3 *db, const char *path, const char *what)
{
	msg(MSG_SYSERR, path, 0, 0, "sqlite: %s: %s", what,
	    db != NULL ? sqlite3_errmsg(db) : "out of memory");
	return -1;
}

static int
data_exec(sqlite3 *db, const char *path, const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return data_fail(db, path, sql);
	return 0;
}

static int
data_bind_step(sqlite3 *db, const char *path, sqlite3_stmt *st,
    const char *const *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if ((v[i] == NULL ? sqlite3_bind_null(st, (int)i + 1) :
		    sqlite3_bind_text(st, (int)i + 1, v[i], -1, SQLITE_STATIC)) !=
		    SQLITE_OK)
			return data_fail(db, path, "cannot bind a value");
	if (sqlite3_step(st) != SQLITE_DONE)
		return data_fail(db, path, "cannot insert a row");
	sqlite3_reset(st);
	return 0;
}

static int
data_entry_cmp(const void *a, const void *b)
{
	long	 x = ((const struct data_entry *)a)->id;
	long	 y = ((const struct data_entry *)b)->id;

	return x < y ? -1 : x > y;
}

static const char *const match_kinds[] = { "line", "field", "header", "body" };

/* The explain tables: hops, formats, signatures and their matchers. */
static int
data_write_explain(sqlite3 *db, const char *path, const struct explain *ex,
    const struct data_seq *order, size_t norder)
{
	sqlite3_stmt		*hop = NULL, *fmt = NULL, *sig = NULL, *mat = NULL;
	const struct data_seq	*hit;
	struct data_seq		 key;
	const char		*v[7];
	char			 a[24], b[24], c[24], d[24];
	size_t			 i, j;
	int			 rc = -1;

	if (sqlite3_prepare_v2(db, "INSERT INTO hop VALUES (?, ?, ?, ?)", -1,
	    &hop, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO format VALUES (?, ?, ?, ?, ?, "
	    "?, ?)", -1, &fmt, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO signature VALUES (?, ?, ?, ?, "
	    "?)", -1, &sig, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO matcher VALUES (?, ?, ?, ?, ?)",
	    -1, &mat, NULL) != SQLITE_OK) {
		data_fail(db, path, "cannot prepare the explain inserts");
		goto out;
	}
	for (i = 0; i < ex->nhops; i++) {
		const struct hop	*h = &ex->hops[i];

		snprintf(a, sizeof(a), "%zu", i);
		v[0] = a, v[1] = h->id, v[2] = h->name, v[3] = h->note;
		if (data_bind_step(db, path, hop, v, 4) == -1)
			goto out;
		for (j = 0; j < h->nheaders; j++) {
			snprintf(b, sizeof(b), "%zu", j);
			v[0] = h->id, v[1] = b;
			v[2] = h->headers[j].kind == MATCH_BODY ? "hop-body" : "hop";
			v[3] = h->headers[j].target, v[4] = h->headers[j].pattern;
			if (data_bind_step(db, path, mat, v, 5) == -1)
				goto out;
		}
	}
	for (i = 0; i < ex->nformats; i++) {
		const struct logformat	*f = &ex->formats[i];

		snprintf(a, sizeof(a), "%zu", i);
		snprintf(b, sizeof(b), "%d", f->status);
		snprintf(c, sizeof(c), "%d", f->field);
		v[0] = a, v[1] = f->id, v[2] = f->name, v[3] = f->hop;
		v[4] = f->pattern, v[5] = b, v[6] = c;
		if (data_bind_step(db, path, fmt, v, 7) == -1)
			goto out;
	}
	for (i = 0; i < ex->nsigs; i++) {
		const struct signature	*sg = &ex->sigs[i];

		key.slug = sg->slug;
		if ((hit = bsearch(&key, order, norder, sizeof(*order),
		    data_seq_cmp)) == NULL) {
			msg(MSG_ERROR, path, 0, 0, "data: a signature of an "
			    "unknown entry '%s'", sg->slug);
			goto out;
		}
		snprintf(a, sizeof(a), "%zu", i);
		snprintf(b, sizeof(b), "%ld", hit->seq);
		v[0] = a, v[1] = b, v[2] = sg->hop, v[3] = sg->says;
		v[4] = sg->fix;
		if (data_bind_step(db, path, sig, v, 5) == -1)
			goto out;
		for (j = 0; j < sg->nm; j++) {
			snprintf(d, sizeof(d), "%zu", j);
			v[0] = a, v[1] = d, v[2] = match_kinds[sg->m[j].kind];
			v[3] = sg->m[j].target, v[4] = sg->m[j].pattern;
			if (data_bind_step(db, path, mat, v, 5) == -1)
				goto out;
		}
	}
	rc = 0;
out:
	sqlite3_finalize(hop);
	sqlite3_finalize(fmt);
	sqlite3_finalize(sig);
	sqlite3_finalize(mat);
	return rc;
}

static int
data_write(struct data_run *run, const char *path,
    const struct data_seq *order, size_t norder)
{
	static const char	 schema[] =
	    "PRAGMA journal_mode=DELETE;"
	    "PRAGMA temp_store=MEMORY;"
	    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
	    "CREATE TABLE class(id TEXT PRIMARY KEY, name TEXT) WITHOUT ROWID;"
	    "CREATE TABLE entry(id INTEGER PRIMARY KEY, kind TEXT, code TEXT, "
	    "slug TEXT, phrase TEXT, tag TEXT, origin TEXT, spec TEXT, "
	    "fault TEXT, tldr TEXT, sent TEXT, class TEXT, prim INTEGER, "
	    "man TEXT, info TEXT, words TEXT);"
	    "CREATE INDEX entry_code ON entry(code);"
	    "CREATE TABLE item(entry INTEGER, key TEXT, seq INTEGER, value TEXT, "
	    "PRIMARY KEY (entry, key, seq)) WITHOUT ROWID;"
	    "CREATE INDEX item_value ON item(key, value);"
	    "CREATE TABLE hop(seq INTEGER PRIMARY KEY, id TEXT, name TEXT, "
	    "note TEXT);"
	    "CREATE TABLE format(seq INTEGER PRIMARY KEY, id TEXT, name TEXT, "
	    "hop TEXT, pattern TEXT, status INTEGER, field INTEGER);"
	    "CREATE TABLE signature(seq INTEGER PRIMARY KEY, entry INTEGER, "
	    "hop TEXT, says TEXT, fix TEXT);"
	    "CREATE TABLE matcher(owner TEXT, seq INTEGER, kind TEXT, "
	    "target TEXT, pattern TEXT, PRIMARY KEY (owner, kind, seq)) "
	    "WITHOUT ROWID;";
	sqlite3		*db = NULL;
	sqlite3_stmt	*meta = NULL, *cls = NULL, *ent = NULL, *item = NULL;
	const char	*v[NCOLS + 1];
	char		 idbuf[24], seqbuf[24];
	size_t		 i, j, k;
	int		 rc = -1;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		data_fail(db, path, "cannot create");
		goto out;
	}
	if (data_exec(db, path, schema) == -1 ||
	    data_exec(db, path, "BEGIN") == -1)
		goto out;
	if (sqlite3_prepare_v2(db, "INSERT INTO meta VALUES (?, ?)", -1, &meta,
	    NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO class VALUES (?, ?)", -1, &cls,
	    NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO entry VALUES (?, ?, ?, ?, ?, ?, "
	    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &ent, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO item VALUES (?, ?, ?, ?)", -1,
	    &item, NULL) != SQLITE_OK) {
		data_fail(db, path, "cannot prepare the inserts");
		goto out;
	}
	v[0] = "schema", v[1] = DATA_SCHEMA;
	if (data_bind_step(db, path, meta, v, 2) == -1)
		goto out;
	v[0] = "updated", v[1] = run->e->date;
	if (data_bind_step(db, path, meta, v, 2) == -1)
		goto out;
	v[0] = "version", v[1] = run->e->version;
	if (data_bind_step(db, path, meta, v, 2) == -1)
		goto out;
	for (i = 0; i < run->nclasses; i++) {
		char	*sp = strchr(run->classes[i], ' ');

		if (sp == NULL)
			continue;
		*sp = '\0';
		v[0] = run->classes[i], v[1] = sp + 1;
		rc = data_bind_step(db, path, cls, v, 2);
		*sp = ' ';
		if (rc == -1)
			goto out;
		rc = -1;
	}
	for (i = 0; i < run->n; i++) {
		struct data_entry	*en = &run->v[i];
		size_t			 seq[NITEMKEYS] = { 0 };

		snprintf(idbuf, sizeof(idbuf), "%ld", en->id);
		v[0] = idbuf;
		for (j = 0; j < NCOLS; j++)
			v[j + 1] = en->col[j];
		if (data_bind_step(db, path, ent, v, NCOLS + 1) == -1)
			goto out;
		for (j = 0; j < en->nitems; j++) {
			k = (size_t)en->items[j].key;
			snprintf(seqbuf, sizeof(seqbuf), "%zu", seq[k]++);
			v[0] = idbuf, v[1] = item_keys[k], v[2] = seqbuf;
			v[3] = en->items[j].value;
			if (data_bind_step(db, path, item, v, 4) == -1)
				goto out;
		}
	}
	if (data_write_explain(db, path, &run->e->reg->ex, order, norder) == -1 ||
	    data_exec(db, path, "COMMIT") == -1)
		goto out;
	sqlite3_finalize(meta);
	sqlite3_finalize(cls);
	sqlite3_finalize(ent);
	sqlite3_finalize(item);
	meta = cls = ent = item = NULL;
	if (data_exec(db, path, "VACUUM") == -1)
		goto out;
	rc = 0;
out:
	sqlite3_finalize(meta);
	sqlite3_finalize(cls);
	sqlite3_finalize(ent);
	sqlite3_finalize(item);
	if (db != NULL && sqlite3_close(db) != SQLITE_OK && rc == 0)
		rc = data_fail(db, path, "cannot close");
	return rc;
}

int
out_data_emit(const struct emit *e)
{
	const struct registry	*reg = e->reg;
	struct data_run		 run;
	struct data_seq		*order, key, *hit;
	size_t			 i, j, n = reg->nstatus + reg->nnumber;
	char			*path = NULL;
	int			 rc = -1;

	memset(&run, 0, sizeof(run));
	run.e = e;
	order = xreallocarray(NULL, n + 1, sizeof(*order));
	for (i = 0; i < reg->nstatus; i++) {
		order[i].slug = reg->statuses[i].slug;
		order[i].seq = (long)i;
	}
	for (i = 0; i < reg->nnumber; i++) {
		order[reg->nstatus + i].slug = reg->numbers[i].slug;
		order[reg->nstatus + i].seq = (long)(reg->nstatus + i);
	}
	qsort(order, n, sizeof(*order), data_seq_cmp);
	if (xform_run_pages(e->xf, reg, NULL, data_page, &run) == -1 ||
	    run.failed)
		goto out;
	for (i = 0; i < run.n; i++) {
		key.slug = run.v[i].col[2];
		if (key.slug == NULL || run.v[i].col[1] == NULL ||
		    run.v[i].col[3] == NULL || (hit = bsearch(&key, order, n,
		    sizeof(*order), data_seq_cmp)) == NULL) {
			msg(MSG_ERROR, xform_name(e->xf), 0, 0, "data: an entry "
			    "without a code, phrase or known slug");
			goto out;
		}
		run.v[i].id = hit->seq;
	}
	qsort(run.v, run.n, sizeof(*run.v), data_entry_cmp);
	if ((path = fs_join(e->dir, DATA_FILE)) == NULL)
		goto out;
	rc = data_write(&run, path, order, n);
out:
	free(path);
	free(order);
	for (i = 0; i < run.n; i++) {
		for (j = 0; j < NCOLS; j++)
			free(run.v[i].col[j]);
		for (j = 0; j < run.v[i].nitems; j++)
			free(run.v[i].items[j].value);
		free(run.v[i].items);
	}
	free(run.v);
	for (i = 0; i < run.nclasses; i++)
		free(run.classes[i]);
	free(run.classes);
	return rc;
}

/*
 * dsidx.c: write the docset search index (see dsidx.h).  The only file that
 * includes sqlite3.h.  Called by out_docset.c.
 *
 * SQLite writes the database file itself, which makes this the one writer
 * besides fs.c; the path still comes from fs_join(), inside the staging
 * directory, and nothing else is left next to it: the journal is deleted at
 * commit (journal_mode=DELETE, never WAL, whose -wal and -shm files a
 * read-only docset cannot have), and VACUUM's scratch copy stays in memory.
 */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "dsidx.h"
#include "fs.h"
#include "msg.h"
#include "xalloc.h"

struct dsidx_row {
	unsigned seq;
	char	*name;
	char	*type;
	char	*path;
};

struct dsidx {
	struct dsidx_row	*rows;
	size_t			 nrows;
	size_t			 cap;
};

struct dsidx *
dsidx_new(void)
{
	return xcalloc(1, sizeof(struct dsidx));
}

void
dsidx_add(struct dsidx *ix, unsigned seq, const char *name, const char *type,
    const char *path)
{
	struct dsidx_row	*r;

	if (ix->nrows == ix->cap) {
		ix->cap = ix->cap == 0 ? 64 : xmul(ix->cap, 2);
		ix->rows = xreallocarray(ix->rows, ix->cap, sizeof(*ix->rows));
	}
	r = &ix->rows[ix->nrows++];
	r->seq = seq;
	r->name = xstrdup(name);
	r->type = xstrdup(type);
	r->path = xstrdup(path);
}

/*
 * By seq, then bytewise on (name, type, path): the same order on every
 * machine and locale.
 */
static int
dsidx_cmp(const void *a, const void *b)
{
	const struct dsidx_row	*x = a, *y = b;
	int			 c;

	if (x->seq != y->seq)
		return x->seq < y->seq ? -1 : 1;
	if ((c = strcmp(x->name, y->name)) != 0)
		return c;
	if ((c = strcmp(x->type, y->type)) != 0)
		return c;
	return strcmp(x->path, y->path);
}

static int
dsidx_fail(sqlite3 *db, const char *path, const char *what)
{
	msg(MSG_SYSERR, path, 0, 0, "sqlite: %s: %s", what,
	    db != NULL ? sqlite3_errmsg(db) : "out of memory");
	return -1;
}

static int
dsidx_exec(sqlite3 *db, const char *path, const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return dsidx_fail(db, path, sql);
	return 0;
}

/*
 * Write dir/rel, which must not exist yet (it lives in a fresh staging tree).
 * The rows are sorted in place.
 */
int
dsidx_write(struct dsidx *ix, const char *dir, const char *rel)
{
	static const char	 schema[] =
	    "PRAGMA journal_mode=DELETE;"
	    "PRAGMA temp_store=MEMORY;"
	    "CREATE TABLE searchIndex(id INTEGER PRIMARY KEY, name TEXT, "
	    "type TEXT, path TEXT);"
	    "CREATE UNIQUE INDEX anchor ON searchIndex (name, type, path);";
	sqlite3		*db = NULL;
	sqlite3_stmt	*st = NULL;
	char		*path;
	size_t		 i;
	int		 rc = -1;

	if ((path = fs_join(dir, rel)) == NULL)
		return -1;
	if (ix->nrows > 0)
		qsort(ix->rows, ix->nrows, sizeof(*ix->rows), dsidx_cmp);
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		dsidx_fail(db, path, "cannot create");
		goto out;
	}
	if (dsidx_exec(db, path, schema) == -1 ||
	    dsidx_exec(db, path, "BEGIN") == -1)
		goto out;
	if (sqlite3_prepare_v2(db, "INSERT INTO searchIndex(name, type, path) "
	    "VALUES (?, ?, ?)", -1, &st, NULL) != SQLITE_OK) {
		dsidx_fail(db, path, "cannot prepare the insert");
		goto out;
	}
	for (i = 0; i < ix->nrows; i++) {
		if (i > 0 && dsidx_cmp(&ix->rows[i - 1], &ix->rows[i]) == 0)
			continue;
		if (sqlite3_bind_text(st, 1, ix->rows[i].name, -1,
		    SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_text(st, 2, ix->rows[i].type, -1,
		    SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_text(st, 3, ix->rows[i].path, -1,
		    SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_step(st) != SQLITE_DONE) {
			dsidx_fail(db, path, "cannot insert a row");
			goto out;
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	st = NULL;
	if (dsidx_exec(db, path, "COMMIT") == -1 ||
	    dsidx_exec(db, path, "VACUUM") == -1)
		goto out;
	rc = 0;
out:
	sqlite3_finalize(st);
	if (db != NULL && sqlite3_close(db) != SQLITE_OK && rc == 0)
		rc = dsidx_fail(db, path, "cannot close");
	free(path);
	return rc;
}

void
dsidx_free(struct dsidx *ix)
{
	size_t	 i;

	if (ix == NULL)
		return;
	for (i = 0; i < ix->nrows; i++) {
		free(ix->rows[i].name);
		free(ix->rows[i].type);
		free(ix->rows[i].path);
	}
	free(ix->rows);
	free(ix);
}

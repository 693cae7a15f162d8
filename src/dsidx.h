/*
 * dsidx.h: the docset search index, Contents/Resources/docSet.dsidx, the SQLite
 * database Dash and Zeal search: one table
 *
 *	searchIndex(id INTEGER PRIMARY KEY, name TEXT, type TEXT, path TEXT)
 *
 * with the unique index Kapeli recommends on (name, type, path).  Rows are
 * collected with dsidx_add() in any order; dsidx_write() sorts them by seq,
 * then (name, type, path), drops exact duplicates and inserts them in one
 * transaction with a rollback journal, then vacuums, so equal rows give an
 * equal file.  The ids follow that order, which is the order Zeal lists a
 * page's table of contents in (its query has no ORDER BY): the k-th section
 * of a page gets seq k, every other row 0.  Called by out_docset.c.
 */
#ifndef DSIDX_H
#define DSIDX_H

struct dsidx;

struct dsidx	*dsidx_new(void);
void		 dsidx_add(struct dsidx *, unsigned seq, const char *name,
		    const char *type, const char *path);
int		 dsidx_write(struct dsidx *, const char *dir, const char *rel);
void		 dsidx_free(struct dsidx *);

#endif

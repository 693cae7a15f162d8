/*
 * page.h: render every page of a backend that writes a file per page (man,
 * docset) in one run of its stylesheet: the stylesheet gets page='all', date
 * and version as string parameters and makes each page an
 * <hx:page name="..."> element (src/xform.c), and fn gets each page's name and
 * text in turn, as it is made.  With e->nshards above 1 the stylesheet gets
 * shard and shards too, and renders only the pages of its shard (the
 * statuses at positions shard, shard + shards, ... counted from 0, and the
 * overview in shard 0), so shards run at once write disjoint files.
 * An empty page is an error, not an empty file.
 */
#ifndef PAGE_H
#define PAGE_H

#include <stddef.h>

struct emit;

typedef int	(*page_fn)(const struct emit *, const char *name, const char *text,
		    size_t len);
/* The same, with an argument of the backend's own (page_render_each). */
typedef int	(*page_arg_fn)(void *, const struct emit *, const char *name,
		    const char *text, size_t len);

int	page_render_all(const struct emit *, page_fn);
int	page_render_each(const struct emit *, page_arg_fn, void *);

#endif

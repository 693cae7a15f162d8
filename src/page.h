/*
 * page.h: render every page of a backend that writes a file per page (man,
 * docset) in one run of its stylesheet: the stylesheet gets page='all', date
 * and version as string parameters and makes each page an
 * <hx:page name="..."> element (src/xform.c), and fn gets each page's name and
 * text in turn, as it is made.
 * An empty page is an error, not an empty file.
 */
#ifndef PAGE_H
#define PAGE_H

#include <stddef.h>

struct emit;

typedef int	(*page_fn)(const struct emit *, const char *name, const char *text,
		    size_t len);

int	page_render_all(const struct emit *, page_fn);

#endif

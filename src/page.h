/*
 * page.h: render one page of a backend that applies its stylesheet once per
 * page (man, docset): the stylesheet gets page, slug, date and version as
 * string parameters.  An empty result is an error, not an empty file.
 */
#ifndef PAGE_H
#define PAGE_H

struct buf;
struct emit;

int	page_render(const struct emit *, const char *page, const char *slug,
	    struct buf *out);

#endif

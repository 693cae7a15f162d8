/*
 * page.c: one page through a backend's stylesheet (see page.h).  Called by
 * out_man.c and out_docset.c.
 */
#include "backend.h"
#include "buf.h"
#include "msg.h"
#include "page.h"
#include "xform.h"

int
page_render(const struct emit *e, const char *page, const char *slug,
    struct buf *out)
{
	const char	*params[] = {
		"page", page,
		"slug", slug,
		"date", e->date,
		"version", e->version,
		NULL
	};

	if (xform_run(e->xf, e->reg, params, out) == -1)
		return -1;
	if (out->len == 0) {
		msg(MSG_ERROR, xform_name(e->xf), 0, 0, "empty %s page for '%s'",
		    page, slug);
		return -1;
	}
	return 0;
}

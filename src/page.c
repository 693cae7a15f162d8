/*
 * page.c: every page of a backend through one run of its stylesheet (see
 * page.h).  Called by out_man.c and out_docset.c.
 */
#include "backend.h"
#include "msg.h"
#include "page.h"
#include "xform.h"

struct page_run {
	const struct emit	*e;
	page_fn			 fn;
};

static int
page_one(void *arg, const char *name, const char *text, size_t len)
{
	struct page_run	*run = arg;

	if (len == 0) {
		msg(MSG_ERROR, xform_name(run->e->xf), 0, 0, "empty page '%s'", name);
		return -1;
	}
	return run->fn(run->e, name, text, len);
}

int
page_render_all(const struct emit *e, page_fn fn)
{
	const char	*params[] = {
		"page", "all",
		"date", e->date,
		"version", e->version,
		NULL
	};
	struct page_run	 run;

	run.e = e;
	run.fn = fn;
	return xform_run_pages(e->xf, e->reg, params, page_one, &run);
}

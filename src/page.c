/*
 * page.c: every page of a backend through one run of its stylesheet (see
 * page.h).  Called by out_man.c and out_docset.c.
 */
#include <stdio.h>

#include "backend.h"
#include "msg.h"
#include "page.h"
#include "xform.h"

struct page_run {
	const struct emit	*e;
	page_fn			 fn;		/* one of fn and each */
	page_arg_fn		 each;
	void			*arg;
};

static int
page_one(void *arg, const char *name, const char *text, size_t len)
{
	struct page_run	*run = arg;

	if (len == 0) {
		msg(MSG_ERROR, xform_name(run->e->xf), 0, 0, "empty page '%s'", name);
		return -1;
	}
	if (run->each != NULL)
		return run->each(run->arg, run->e, name, text, len);
	return run->fn(run->e, name, text, len);
}

static int
page_run(const struct emit *e, struct page_run *run)
{
	char		 shard[16], shards[16];
	const char	*params[] = {
		"page", "all",
		"date", e->date,
		"version", e->version,
		"shard", shard,
		"shards", shards,
		"mandir", e->dirs != NULL ? e->dirs[0] : "",
		"infodir", e->dirs != NULL ? e->dirs[1] : "",
		"docdir", e->dirs != NULL ? e->dirs[2] : "",
		"datadir", e->dirs != NULL ? e->dirs[3] : "",
		NULL
	};

	snprintf(shard, sizeof(shard), "%d", e->shard);
	snprintf(shards, sizeof(shards), "%d", e->nshards > 0 ? e->nshards : 1);
	run->e = e;
	return xform_run_pages(e->xf, e->reg, params, page_one, run);
}

int
page_render_all(const struct emit *e, page_fn fn)
{
	struct page_run	 run = { NULL, fn, NULL, NULL };

	return page_run(e, &run);
}

int
page_render_each(const struct emit *e, page_arg_fn each, void *arg)
{
	struct page_run	 run = { NULL, NULL, each, arg };

	return page_run(e, &run);
}

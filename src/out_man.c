/*
 * out_man.c: the man backend.  xsl/man.xsl decides what a page says; this file
 * decides the files: man7/SLUG.7.gz per status and per number, a relative
 * symlink man7/CODE.7.gz to the page that answers for the code (so `man 404`
 * works) and man7/NUMBER.7.gz for each number (`man 000`, `man 0`), the overview
 * man7/httperror.7.gz, and the tool's own page man1/httperror.1.gz, copied from
 * xsl/httperror.1.  Called by main.c through the backend table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend.h"
#include "fs.h"
#include "gz.h"
#include "page.h"
#include "registry.h"
#include "xalloc.h"

/* One page of the run: the overview is httperror.7, a status NNN-slug.7. */
static int
man_page(const struct emit *e, const char *name, const char *text, size_t len)
{
	char	*file;
	int	 rc;

	file = xasprintf("man7/%s.7.gz", name);
	rc = gz_write(e->dir, file, text, len);
	free(file);
	return rc;
}

static int
man_tool_page(const struct emit *e)
{
	char		*path, *text;
	size_t		 len;
	int		 rc = -1;

	path = xasprintf("%s/httperror.1", e->xsldir);
	if ((text = fs_read(path, &len)) != NULL)
		rc = gz_write(e->dir, "man1/httperror.1.gz", text, len);
	free(text);
	free(path);
	return rc;
}

int
out_man_emit(const struct emit *e)
{
	const struct status	*st;
	char			*link, *target;
	size_t			 i;
	int			 rc;

	rc = page_render_all(e, man_page);
	if (e->shard != 0)
		return rc;	/* the links and the tool's page are shard 0's */
	for (i = 0; i < e->reg->nstatus && rc == 0; i++) {
		st = &e->reg->statuses[i];
		if (!st->primary)
			continue;
		link = xasprintf("man7/%d.7.gz", st->code);
		target = xasprintf("%s.7.gz", st->slug);
		rc = fs_symlink(e->dir, link, target);
		free(link);
		free(target);
	}
	/* man 000, man 0, man 500.19: a link for the number and each other
	 * number that leads to the same page. */
	for (i = 0; i < e->reg->nnumber && rc == 0; i++) {
		const struct number	*nb = &e->reg->numbers[i];
		size_t			 j;

		target = xasprintf("%s.7.gz", nb->slug);
		for (j = 0; j <= nb->nalso && rc == 0; j++) {
			link = xasprintf("man7/%s.7.gz",
			    j == 0 ? nb->number : nb->also[j - 1]);
			rc = fs_symlink(e->dir, link, target);
			free(link);
		}
		free(target);
	}
	if (rc == 0)
		rc = man_tool_page(e);
	return rc;
}

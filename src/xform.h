/*
 * xform.h: stylesheets.  Each is compiled once per run by xform_new() and then
 * applied by xform_run(), which serializes the result with libxslt's own save
 * function, honouring the stylesheet's xsl:output, or by xform_run_pages(),
 * which does the same for each page of one run that renders them all.  The XSLT security preferences forbid writing files,
 * creating directories and any network access; files are read only through the
 * loader (loader.h).  Escaping that XSLT 1.0 does badly is offered to the
 * stylesheets as extension functions in the namespace XFORM_NS (escape.h).
 */
#ifndef XFORM_H
#define XFORM_H

#include <stddef.h>

#define XFORM_NS	"urn:x-httperror:ext"

struct buf;
struct registry;
struct xform;

int		 xform_init(const char *xsldir);
void		 xform_cleanup(void);
struct xform	*xform_new(const char *xsldir, const char *file);
int		 xform_run(struct xform *, const struct registry *,
		    const char *const *params, struct buf *out);
/* Called once per <page> of a run, with its name and its serialized text. */
typedef int	(*xform_page_fn)(void *arg, const char *name, const char *text,
		    size_t len);
int		 xform_run_pages(struct xform *, const struct registry *,
		    const char *const *params, xform_page_fn, void *arg);
const char	*xform_name(const struct xform *);
void		 xform_free(struct xform *);

#endif

/*
 * xform.h: stylesheets.  Each is compiled once per run by xform_new() and then
 * applied by xform_run_pages(), which serializes each page (hx:page) of the
 * run with libxslt's own save function, honouring the stylesheet's
 * xsl:output, as soon as it is made.  The XSLT security preferences forbid
 * writing files, creating directories and any network access; files are read
 * only through the loader (loader.h).  Escaping that XSLT 1.0 does badly is offered to the
 * stylesheets as extension functions in the namespace XFORM_NS (escape.h).
 */
#ifndef XFORM_H
#define XFORM_H

#include <stddef.h>

#define XFORM_NS	"urn:x-httperror:ext"

struct registry;
struct xform;

int		 xform_init(const char *xsldir);
void		 xform_cleanup(void);
struct xform	*xform_new(const char *xsldir, const char *file);
/*
 * Called once per hx:page of a run, as it is made, with its name and its
 * serialized text: a whole document as xsl:output says, or with
 * fragment="yes" the same without the document type declaration and the
 * final newline, for a part of a larger file.
 */
typedef int	(*xform_page_fn)(void *arg, const char *name, const char *text,
		    size_t len);
int		 xform_run_pages(struct xform *, const struct registry *,
		    const char *const *params, xform_page_fn, void *arg);
const char	*xform_name(const struct xform *);
void		 xform_free(struct xform *);

#endif

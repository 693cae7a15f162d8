/*
 * out_html.c: the single-file HTML reference, html/httperror.html.
 * xsl/html.xsl lays out the page; this file reads the page's stylesheet (the
 * shared colours in xsl/palette.css, then xsl/html.css) and script
 * (xsl/html.js), refuses them if they could close their
 * element early, hashes them for the Content-Security-Policy, and hands all
 * three to the stylesheet as string parameters.  Registry data never goes
 * inside <style> or <script>.  Called by main.c through the backend table.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "backend.h"
#include "buf.h"
#include "digest.h"
#include "fs.h"
#include "msg.h"
#include "registry.h"
#include "xalloc.h"
#include "xform.h"

/* Read an asset that will be inlined raw inside <tag>...</tag>. */
static char *
html_asset(const struct emit *e, const char *name, const char *tag)
{
	char		*path, *text;
	const char	*p;
	size_t		 len, taglen = strlen(tag);

	path = xasprintf("%s/%s", e->xsldir, name);
	if ((text = fs_read(path, &len)) == NULL)
		goto out;
	if (strlen(text) != len) {
		msg(MSG_ERROR, path, 0, 0, "contains a NUL byte");
		goto bad;
	}
	for (p = text; (p = strchr(p, '<')) != NULL; p++)
		if (p[1] == '/' && strncasecmp(p + 2, tag, taglen) == 0) {
			msg(MSG_ERROR, path, 0, 0, "contains '</%s', which would end "
			    "the inline element early", tag);
			goto bad;
		}
	if (strchr(text, '\r') != NULL) {
		/* The HTML parser turns CRLF into LF before hashing. */
		msg(MSG_ERROR, path, 0, 0, "has CR line ends; the CSP hash would "
		    "not match");
		goto bad;
	}
	goto out;
bad:
	free(text);
	text = NULL;
out:
	free(path);
	return text;
}

int
out_html_emit(const struct emit *e)
{
	struct buf	 csp, page;
	char		*palette = NULL, *rules = NULL, *css = NULL, *js = NULL;
	int		 rc = -1;

	buf_init(&csp);
	buf_init(&page);
	if ((palette = html_asset(e, "palette.css", "style")) == NULL ||
	    (rules = html_asset(e, "html.css", "style")) == NULL ||
	    (js = html_asset(e, "html.js", "script")) == NULL)
		goto out;
	css = xasprintf("%s%s", palette, rules);
	buf_puts(&csp, "default-src 'none'; script-src 'sha256-");
	if (digest_sha256_b64(&csp, js, strlen(js)) == -1)
		goto out;
	buf_puts(&csp, "'; style-src 'sha256-");
	if (digest_sha256_b64(&csp, css, strlen(css)) == -1)
		goto out;
	buf_puts(&csp, "'; img-src data:; base-uri 'none'; form-action 'none'");
	{
		const char *params[] = {
			"css", css,
			"js", js,
			"csp", csp.data,
			"date", e->date,
			"version", e->version,
			NULL
		};

		if (xform_run(e->xf, e->reg, params, &page) == -1)
			goto out;
	}
	rc = fs_write(e->dir, "httperror.html", page.data, page.len);
out:
	free(palette);
	free(rules);
	free(css);
	free(js);
	buf_release(&page);
	buf_release(&csp);
	return rc;
}

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
#include "search.h"
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

/*
 * The page is written as the stylesheet makes it, from pieces (hx:page) so
 * that it is never held whole.  A "frame" is written up to its <?hx-parts>
 * (a processing instruction no registry text can make: text is escaped), and
 * what follows it waits until the matching "end"; a "part" is written as it
 * is.  Frames nest: the page, then each class around its statuses.
 */
#define HTML_PARTS	"<?hx-parts>"
#define HTML_DEPTH	4

struct html_run {
	const char	*src;
	struct fs_file	*f;
	char		*rest[HTML_DEPTH];	/* each open frame's end */
	size_t		 restlen[HTML_DEPTH];
	int		 depth;
};

static int
html_piece(void *arg, const char *name, const char *text, size_t len)
{
	struct html_run	*run = arg;
	const char	*at;
	int		 rc;

	if (strcmp(name, "part") == 0 && run->depth > 0)
		return fs_put(run->f, text, len);
	if (strcmp(name, "end") == 0 && run->depth > 0 && len == 0) {
		run->depth--;
		rc = fs_put(run->f, run->rest[run->depth], run->restlen[run->depth]);
		free(run->rest[run->depth]);
		run->rest[run->depth] = NULL;
		return rc;
	}
	if (strcmp(name, "frame") != 0 || run->depth == HTML_DEPTH ||
	    (at = strstr(text, HTML_PARTS)) == NULL) {
		msg(MSG_ERROR, run->src, 0, 0, "a piece of the page that is not a "
		    "frame with <?hx-parts?>, a part inside a frame, or an empty "
		    "end of one");
		return -1;
	}
	run->restlen[run->depth] = len - (size_t)(at - text) - strlen(HTML_PARTS);
	run->rest[run->depth] = xstrndup(at + strlen(HTML_PARTS),
	    run->restlen[run->depth]);
	run->depth++;
	return fs_put(run->f, text, (size_t)(at - text));
}

int
out_html_emit(const struct emit *e)
{
	struct buf	 csp;
	struct html_run	 run;
	char		*palette = NULL, *rules = NULL, *css = NULL, *js = NULL;
	int		 rc = -1;

	buf_init(&csp);
	memset(&run, 0, sizeof(run));
	run.src = xform_name(e->xf);
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
	if ((run.f = fs_open(e->dir, "httperror.html")) == NULL)
		goto out;
	{
		const char *params[] = {
			"css", css,
			"js", js,
			"csp", csp.data,
			"date", e->date,
			"version", e->version,
			"rank", SEARCH_WEIGHTS,
			NULL
		};

		if (xform_run_pages(e->xf, e->reg, params, html_piece, &run) == -1)
			goto out;
	}
	if (run.depth != 0)
		msg(MSG_ERROR, run.src, 0, 0, "a frame of the page has no end");
	else
		rc = 0;
out:
	if (run.f != NULL && fs_close(run.f) == -1)
		rc = -1;
	while (run.depth > 0)
		free(run.rest[--run.depth]);
	free(palette);
	free(rules);
	free(css);
	free(js);
	buf_release(&csp);
	return rc;
}

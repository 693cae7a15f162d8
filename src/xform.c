/*
 * xform.c: compile and apply the stylesheets in xsl/ (see xform.h).
 * Called by main.c (init, new, free) and the backends (run).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xpathInternals.h>
#include <libxslt/documents.h>
#include <libxslt/extensions.h>
#include <libxslt/security.h>
#include <libxslt/templates.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "buf.h"
#include "escape.h"
#include "fs.h"
#include "loader.h"
#include "msg.h"
#include "registry.h"
#include "words.h"
#include "xalloc.h"
#include "xform.h"

struct xform {
	xsltStylesheetPtr	 style;
	char			*path;
};

static void	xform_page(xsltTransformContextPtr, xmlNodePtr, xmlNodePtr,
		    xsltElemPreCompPtr);

static xsltSecurityPrefsPtr	 xform_sec;
static xsltDocLoaderFunc	 xform_default_loader;

/* ===== Extension functions: one string in, one escaped string out ===== */

static void
xform_call(xmlXPathParserContextPtr ctxt, int nargs,
    void (*fn)(struct buf *, const char *))
{
	xmlChar		*s;
	struct buf	 b;

	if (nargs != 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	s = xmlXPathPopString(ctxt);
	if (xmlXPathCheckError(ctxt)) {
		xmlFree(s);
		return;
	}
	buf_init(&b);
	buf_grow(&b, 0);
	fn(&b, s != NULL ? (const char *)s : "");
	xmlFree(s);
	valuePush(ctxt, xmlXPathNewString((const xmlChar *)b.data));
	buf_release(&b);
}

#define XFORM_EXT(name, fn) \
	static void name(xmlXPathParserContextPtr c, int n) { xform_call(c, n, fn); }

XFORM_EXT(xform_roff, esc_roff_text)
XFORM_EXT(xform_roff_line, esc_roff_line)
XFORM_EXT(xform_roff_code, esc_roff_code)
XFORM_EXT(xform_roff_pre, esc_roff_pre)
XFORM_EXT(xform_roff_url, esc_roff_url)
XFORM_EXT(xform_info_node, esc_info_node)
XFORM_EXT(xform_info_entry, esc_info_entry)
XFORM_EXT(xform_info_text, esc_info_text)
XFORM_EXT(xform_info_pre, esc_info_pre)
XFORM_EXT(xform_url, esc_url)
XFORM_EXT(xform_words, words_index)

static const struct {
	const char		*name;
	xmlXPathFunction	 fn;
} xform_exts[] = {
	{ "roff", xform_roff },
	{ "roff-line", xform_roff_line },
	{ "roff-code", xform_roff_code },
	{ "roff-pre", xform_roff_pre },
	{ "roff-url", xform_roff_url },
	{ "info-node", xform_info_node },
	{ "info-entry", xform_info_entry },
	{ "info-text", xform_info_text },
	{ "info-pre", xform_info_pre },
	{ "url", xform_url },
	{ "words", xform_words },
};

/*
 * xsl:import, xsl:include and document() go through here: the same parser
 * options as the registry (no entity substitution, no DTD loading, no network).
 */
static xmlDocPtr
xform_loader(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt,
    xsltLoadType type)
{
	options &= ~(XML_PARSE_NOENT | XML_PARSE_DTDLOAD | XML_PARSE_DTDATTR |
	    XML_PARSE_DTDVALID);
	options |= XML_PARSE_NONET;
	return xform_default_loader(uri, dict, options, ctxt, type);
}

int
xform_init(const char *xsldir)
{
	size_t	 i;

	if (loader_allow(xsldir) == -1)
		return -1;
	if (xform_sec == NULL) {
		xform_sec = xsltNewSecurityPrefs();
		if (xform_sec == NULL)
			msg_fatal_oom(0);
		xsltSetSecurityPrefs(xform_sec, XSLT_SECPREF_WRITE_FILE,
		    xsltSecurityForbid);
		xsltSetSecurityPrefs(xform_sec, XSLT_SECPREF_CREATE_DIRECTORY,
		    xsltSecurityForbid);
		xsltSetSecurityPrefs(xform_sec, XSLT_SECPREF_WRITE_NETWORK,
		    xsltSecurityForbid);
		xsltSetSecurityPrefs(xform_sec, XSLT_SECPREF_READ_NETWORK,
		    xsltSecurityForbid);
		xsltSetDefaultSecurityPrefs(xform_sec);
		xform_default_loader = xsltDocDefaultLoader;
		xsltSetLoaderFunc(xform_loader);
		for (i = 0; i < sizeof(xform_exts) / sizeof(xform_exts[0]); i++)
			xsltRegisterExtModuleFunction((const xmlChar *)xform_exts[i].name,
			    (const xmlChar *)XFORM_NS, xform_exts[i].fn);
		xsltRegisterExtModuleElement((const xmlChar *)"page",
		    (const xmlChar *)XFORM_NS, NULL, xform_page);
	}
	return 0;
}

void
xform_cleanup(void)
{
	if (xform_sec != NULL) {
		xsltSetDefaultSecurityPrefs(NULL);
		xsltFreeSecurityPrefs(xform_sec);
		xform_sec = NULL;
	}
	xsltSetLoaderFunc(NULL);
	xsltCleanupGlobals();
}

/* Compile xsldir/file; NULL after reporting why not. */
struct xform *
xform_new(const char *xsldir, const char *file)
{
	struct xform	*xf;
	xmlDocPtr	 doc;
	char		*path, *data;
	size_t		 len, errors = msg_error_count();

	/*
	 * Read here and parsed from memory, so that the path is only a file name
	 * (a space or '%' in it means nothing); a missing stylesheet is a system
	 * error, like a missing directory.
	 */
	path = xasprintf("%s/%s", xsldir, file);
	if ((data = fs_read(path, &len)) == NULL) {
		free(path);
		return NULL;
	}
	doc = len > INT_MAX ? NULL : xmlReadMemory(data, (int)len, path, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOCDATA);
	free(data);
	msg_flush(path);
	if (doc == NULL) {
		if (msg_error_count() == errors)
			msg(MSG_ERROR, path, 0, 0, "cannot parse the stylesheet");
		free(path);
		return NULL;
	}
	xf = xcalloc(1, sizeof(*xf));
	xf->path = path;
	/* On success the stylesheet owns doc; on failure we still do. */
	if ((xf->style = xsltParseStylesheetDoc(doc)) == NULL) {
		msg_flush(path);
		msg(MSG_ERROR, path, 0, 0, "cannot compile the stylesheet");
		xmlFreeDoc(doc);
		xform_free(xf);
		return NULL;
	}
	msg_flush(path);
	if (xf->style->errors > 0) {
		msg(MSG_ERROR, path, 0, 0, "the stylesheet has errors");
		xform_free(xf);
		return NULL;
	}
	return xf;
}

const char *
xform_name(const struct xform *xf)
{
	return xf->path;
}

/*
 * The transformation itself: the result document, or NULL after reporting.
 * priv becomes the transformation context's _private (the hx:page state).
 */
static xmlDocPtr
xform_apply(struct xform *xf, const struct registry *reg,
    const char *const *params, void *priv)
{
	xsltTransformContextPtr	 tctxt;
	xmlDocPtr		 res = NULL;

	if ((tctxt = xsltNewTransformContext(xf->style, reg->doc)) == NULL)
		msg_fatal_oom(0);
	tctxt->_private = priv;
	xsltSetCtxtSecurityPrefs(xform_sec, tctxt);
	if (params == NULL || xsltQuoteUserParams(tctxt, (const char **)params) == 0)
		res = xsltApplyStylesheetUser(xf->style, reg->doc, NULL, NULL, NULL,
		    tctxt);
	if (res != NULL && tctxt->state != XSLT_STATE_OK) {
		xmlFreeDoc(res);
		res = NULL;
	}
	xsltFreeTransformContext(tctxt);
	return res;
}

/* Serialize res as the stylesheet's xsl:output says, appending to out. */
static int
xform_save(struct xform *xf, xmlDocPtr res, struct buf *out)
{
	xmlChar	*text = NULL;
	int	 len = 0;

	/* The serialized text is freed with xmlFree. */
	if (xsltSaveResultToString(&text, &len, res, xf->style) != 0)
		return -1;
	if (text != NULL)
		buf_put(out, text, (size_t)len);
	xmlFree(text);
	return 0;
}

/* ===== Many pages in one run: the hx:page extension element ===== */

/*
 * A page is serialized as a whole result document would be; a fragment
 * (fragment="yes", a part of a larger file) without the document type
 * declaration, and without the newline that ends a serialized document.
 */
static int
xform_save_page(struct xform *xf, xmlDocPtr res, struct buf *out, int fragment)
{
	xmlDtdPtr	 dtd = fragment ? res->intSubset : NULL;
	size_t		 start = out->len;
	int		 rc;

	if (dtd != NULL) {
		xmlUnlinkNode((xmlNodePtr)dtd);
		res->intSubset = NULL;
	}
	rc = xform_save(xf, res, out);
	if (dtd != NULL) {
		if (res->children != NULL)
			xmlAddPrevSibling(res->children, (xmlNodePtr)dtd);
		else
			xmlAddChild((xmlNodePtr)res, (xmlNodePtr)dtd);
		res->intSubset = dtd;
	}
	if (rc == 0 && fragment && out->len > start && out->data[out->len - 1] == '\n')
		out->data[--out->len] = '\0';
	return rc;
}

struct xform_pages {
	struct xform	*xf;
	xform_page_fn	 fn;
	void		*arg;
	struct buf	 out;
	int		 rc;
};

static void
xform_page_stop(xsltTransformContextPtr ctxt, xmlNodePtr inst,
    struct xform_pages *run, const char *why)
{
	xsltTransformError(ctxt, NULL, inst, "%s\n", why);
	ctxt->state = XSLT_STATE_STOPPED;
	run->rc = -1;
}

/*
 * <hx:page name="AVT">content</hx:page>: the content is instantiated into the
 * result document, which holds nothing else at that moment (at most the
 * document type declaration that xsl:output asked for); it is serialized
 * exactly as the whole result of a run would be, handed to the run's fn, and
 * taken out and freed at once.  So a run that renders every page of a backend
 * walks the registry and builds its keys once, holds one page at a time,
 * and no result text node grows with the size of the registry.  C, not the
 * stylesheet, decides what the page's name means.
 */
static void
xform_page(xsltTransformContextPtr ctxt, xmlNodePtr node, xmlNodePtr inst,
    xsltElemPreCompPtr comp)
{
	struct xform_pages	*run = ctxt->_private;
	xmlDocPtr		 res = ctxt->output;
	xmlNodePtr		 last, c;
	xmlChar			*name, *fragment;

	(void)comp;
	if (run == NULL) {
		xsltTransformError(ctxt, NULL, inst, "hx:page in a stylesheet "
		    "that renders one document\n");
		ctxt->state = XSLT_STATE_STOPPED;
		return;
	}
	if (run->rc != 0)
		return;
	if (ctxt->insert != (xmlNodePtr)res) {
		xform_page_stop(ctxt, inst, run, "hx:page inside another element "
		    "of the result");
		return;
	}
	if ((name = xsltEvalAttrValueTemplate(ctxt, inst,
	    (const xmlChar *)"name", NULL)) == NULL) {
		xform_page_stop(ctxt, inst, run, "hx:page without a name");
		return;
	}
	fragment = xmlGetProp(inst, (const xmlChar *)"fragment");
	last = res->last;
	xsltApplyOneTemplate(ctxt, node, inst->children, NULL, NULL);
	if (ctxt->state == XSLT_STATE_OK) {
		buf_reset(&run->out);
		if (xform_save_page(run->xf, res, &run->out,
		    xmlStrEqual(fragment, (const xmlChar *)"yes")) == -1 ||
		    run->fn(run->arg, (const char *)name,
		    run->out.data != NULL ? run->out.data : "", run->out.len) == -1) {
			ctxt->state = XSLT_STATE_STOPPED;
			run->rc = -1;
		}
	}
	xmlFree(fragment);
	while (res->last != last) {
		c = res->last;
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
	/* libxslt's buffer for appending to the last text node is gone too. */
	ctxt->lasttext = NULL;
	ctxt->lasttsize = 0;
	ctxt->lasttuse = 0;
	xmlFree(name);
}

/*
 * One transformation for many pages: every hx:page of the run goes to fn, in
 * order, as it is made (see xform_page).  Anything the stylesheet puts in the
 * result outside a page is an error.
 */
int
xform_run_pages(struct xform *xf, const struct registry *reg,
    const char *const *params, xform_page_fn fn, void *arg)
{
	struct xform_pages	 run;
	xmlDocPtr		 res;
	xmlNodePtr		 c;
	size_t			 errors = msg_error_count();

	memset(&run, 0, sizeof(run));
	run.xf = xf;
	run.fn = fn;
	run.arg = arg;
	buf_init(&run.out);
	if ((res = xform_apply(xf, reg, params, &run)) == NULL)
		run.rc = -1;
	for (c = res != NULL ? res->children : NULL; c != NULL; c = c->next)
		if (c->type != XML_DTD_NODE) {
			msg(MSG_ERROR, xf->path, 0, 0, "the result has content "
			    "outside hx:page");
			run.rc = -1;
			break;
		}
	msg_flush(xf->path);
	if (run.rc != 0 && msg_error_count() == errors)
		msg(MSG_ERROR, xf->path, 0, 0, "transformation failed");
	xmlFreeDoc(res);
	buf_release(&run.out);
	return run.rc;
}

void
xform_free(struct xform *xf)
{
	if (xf == NULL)
		return;
	if (xf->style != NULL)
		xsltFreeStylesheet(xf->style);	/* frees its document too */
	free(xf->path);
	free(xf);
}

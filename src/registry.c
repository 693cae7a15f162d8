/*
 * registry.c: load, validate and check the registry (see registry.h).
 * Called once per run by main.c; every backend reads the result.
 *
 * Order of work, each step stopping the load when it reports an error:
 *   1. parse registry.xml: no network, no DTD loading, no entity substitution;
 *   2. refuse any document type declaration or entity reference, so no entity,
 *      internal or external, can add text to the registry;
 *   3. check every xi:include href is a plain relative path below the registry's
 *      directory, then run XInclude (the loader refuses anything else anyway);
 *   4. validate against registry.xsd from the same directory;
 *   5. semantic checks in C, then build the struct status array.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xinclude.h>
#include <libxml/xmlschemas.h>

#include "buf.h"
#include "loader.h"
#include "msg.h"
#include "registry.h"
#include "xalloc.h"

#define REG_XI_NS	"http://www.w3.org/2001/XInclude"
#define REG_XI_NS_OLD	"http://www.w3.org/2003/XInclude"

/* Headers a status must list among its facts (RFC 9110, RFC 6585, RFC 8297). */
static const struct {
	int		 code;
	const char	*header;
	int		 must;		/* listed with rule="must" */
} reg_headers[] = {
	{ 101, "Upgrade", 1 },
	{ 103, "Link", 0 },
	{ 201, "Location", 0 },
	{ 301, "Location", 0 },
	{ 302, "Location", 0 },
	{ 303, "Location", 0 },
	{ 307, "Location", 0 },
	{ 308, "Location", 0 },
	{ 401, "WWW-Authenticate", 1 },
	{ 405, "Allow", 1 },
	{ 407, "Proxy-Authenticate", 1 },
	{ 426, "Upgrade", 1 },
	{ 429, "Retry-After", 0 },
	{ 503, "Retry-After", 0 },
};

/* ===== Node helpers ===== */

static int
reg_is(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns == NULL &&
	    strcmp((const char *)n->name, name) == 0;
}

static xmlNodePtr
reg_child(const xmlNode *parent, const char *name)
{
	xmlNodePtr	 n;

	for (n = parent->children; n != NULL; n = n->next)
		if (reg_is(n, name))
			return n;
	return NULL;
}

/* Text content as a malloc'd C string ("" when the node is missing). */
static char *
reg_text(const xmlNode *n)
{
	xmlChar	*t;
	char	*s;

	if (n == NULL || (t = xmlNodeGetContent(n)) == NULL)
		return xstrdup("");
	s = xstrdup((const char *)t);
	xmlFree(t);
	return s;
}

static char *
reg_attr(const xmlNode *n, const char *name)
{
	xmlChar	*t;
	char	*s;

	if ((t = xmlGetNoNsProp(n, (const xmlChar *)name)) == NULL)
		return NULL;
	s = xstrdup((const char *)t);
	xmlFree(t);
	return s;
}

/* Report an error at a node: the file comes from xml:base, set by XInclude. */
static void
reg_error(const xmlNode *n, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
reg_error(const xmlNode *n, const char *fmt, ...)
{
	struct buf	 b;
	xmlChar		*base;
	va_list		 ap;
	int		 len;

	buf_init(&b);
	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	buf_grow(&b, len < 0 ? 0 : (size_t)len);
	va_start(ap, fmt);
	vsnprintf(b.data, b.cap, fmt, ap);
	va_end(ap);
	base = xmlNodeGetBase(n->doc, n);
	msg(MSG_ERROR, base != NULL ? (const char *)base : NULL,
	    xmlGetLineNo(n), 0, "%s", b.data);
	if (base != NULL)
		xmlFree(base);
	buf_release(&b);
}

/* ===== Steps 2 and 3: no entities, and XInclude stays home ===== */

static int
reg_no_entities(xmlDocPtr doc, const char *path)
{
	xmlNodePtr	 n;
	int		 bad = 0;

	if (doc->intSubset != NULL || doc->extSubset != NULL) {
		msg(MSG_ERROR, path, doc->intSubset != NULL ?
		    xmlGetLineNo((xmlNodePtr)doc->intSubset) : 0, 0,
		    "document type declarations are not allowed in the registry");
		bad = 1;
	}
	/* Walk the whole tree without recursion. */
	n = xmlDocGetRootElement(doc);
	while (n != NULL) {
		if (n->type == XML_ENTITY_REF_NODE || n->type == XML_ENTITY_NODE ||
		    n->type == XML_ENTITY_DECL) {
			reg_error(n->parent != NULL ? n->parent : n,
			    "entity reference '&%s;' is not allowed in the registry",
			    (const char *)n->name);
			bad = 1;
		}
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != NULL && n->next == NULL)
			n = n->parent != NULL && n->parent->type == XML_ELEMENT_NODE ?
			    n->parent : NULL;
		if (n != NULL)
			n = n->next;
	}
	return bad ? -1 : 0;
}

/* A relative path of plain components, none of them "." or "..". */
static int
reg_href_ok(const char *href)
{
	const char	*p, *start;

	if (*href == '\0' || *href == '/')
		return 0;
	for (start = p = href;; p++) {
		if (*p == '/' || *p == '\0') {
			size_t n = (size_t)(p - start);

			if (n == 0 || (n == 1 && start[0] == '.') ||
			    (n == 2 && start[0] == '.' && start[1] == '.'))
				return 0;
			if (*p == '\0')
				return 1;
			start = p + 1;
			continue;
		}
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.'))
			return 0;
	}
}

static int
reg_check_xincludes(xmlNodePtr parent, const char *dir)
{
	xmlNodePtr	 n;
	char		*href, *parse;
	int		 bad = 0;

	for (n = parent->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (n->ns != NULL && strcmp((const char *)n->name, "include") == 0 &&
		    (strcmp((const char *)n->ns->href, REG_XI_NS) == 0 ||
		    strcmp((const char *)n->ns->href, REG_XI_NS_OLD) == 0)) {
			href = reg_attr(n, "href");
			parse = reg_attr(n, "parse");
			if (href == NULL || !reg_href_ok(href)) {
				reg_error(n, "XInclude href '%s' must be a relative path "
				    "inside '%s'", href != NULL ? href : "", dir);
				bad = 1;
			} else if ((parse != NULL && strcmp(parse, "xml") != 0) ||
			    xmlHasProp(n, (const xmlChar *)"xpointer") != NULL) {
				reg_error(n, "XInclude of '%s' may only pull in a whole "
				    "XML file", href);
				bad = 1;
			}
			free(href);
			free(parse);
			continue;
		}
		if (reg_check_xincludes(n, dir) == -1)
			bad = 1;
	}
	return bad ? -1 : 0;
}

/* ===== Step 4: the schema ===== */

/*
 * Some schema errors (keyref, among others) carry only a line number, no node,
 * and XInclude leaves every included file's own line numbers in one document,
 * so "line 13" would be ambiguous.  During validation every element gets a
 * unique line number instead; this table maps it back to file and line.
 */
struct reg_lines {
	xmlNodePtr	*nodes;
	char		**files;
	unsigned short	*lines;
	size_t		 n;
};

#define REG_LINES_MAX	65000	/* node->line is an unsigned short */

static int
reg_lines_map(void *arg, long line, const char **file, long *origline)
{
	struct reg_lines	*rl = arg;

	if (line < 1 || (size_t)line > rl->n)
		return -1;
	*file = rl->files[line - 1];
	*origline = rl->lines[line - 1];
	return 0;
}

static void
reg_lines_walk(struct reg_lines *rl, xmlNodePtr n, int collect)
{
	xmlChar	*base;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (collect) {
			base = xmlNodeGetBase(n->doc, n);
			rl->nodes[rl->n] = n;
			rl->files[rl->n] = xstrdup(base != NULL ?
			    (const char *)base : "");
			rl->lines[rl->n] = n->line;
			xmlFree(base);
		}
		rl->n++;
		reg_lines_walk(rl, n->children, collect);
	}
}

static int
reg_lines_renumber(struct reg_lines *rl, xmlDocPtr doc)
{
	size_t	 i;

	memset(rl, 0, sizeof(*rl));
	reg_lines_walk(rl, xmlDocGetRootElement(doc), 0);
	if (rl->n > REG_LINES_MAX) {
		rl->n = 0;	/* too large to renumber: keep libxml2's lines */
		return -1;
	}
	rl->nodes = xcalloc(rl->n, sizeof(*rl->nodes));
	rl->files = xcalloc(rl->n, sizeof(*rl->files));
	rl->lines = xcalloc(rl->n, sizeof(*rl->lines));
	rl->n = 0;
	reg_lines_walk(rl, xmlDocGetRootElement(doc), 1);
	for (i = 0; i < rl->n; i++)
		rl->nodes[i]->line = (unsigned short)(i + 1);
	return 0;
}

static void
reg_lines_restore(struct reg_lines *rl)
{
	size_t	 i;

	for (i = 0; i < rl->n; i++) {
		rl->nodes[i]->line = rl->lines[i];
		free(rl->files[i]);
	}
	free(rl->nodes);
	free(rl->files);
	free(rl->lines);
	memset(rl, 0, sizeof(*rl));
}

static int
reg_validate(xmlDocPtr doc, const char *dir)
{
	xmlSchemaParserCtxtPtr	 pctxt = NULL;
	xmlSchemaPtr		 schema = NULL;
	xmlSchemaValidCtxtPtr	 vctxt = NULL;
	struct reg_lines	 lines;
	char			*xsd;
	int			 rc = -1, v;

	xsd = xasprintf("%s/registry.xsd", dir);
	if ((pctxt = xmlSchemaNewParserCtxt(xsd)) == NULL)
		goto out;
	schema = xmlSchemaParse(pctxt);
	/* The schema owns what it needs; the parser context can go at once. */
	xmlSchemaFreeParserCtxt(pctxt);
	if (schema == NULL) {
		msg(MSG_ERROR, xsd, 0, 0, "cannot compile the registry schema");
		goto out;
	}
	if ((vctxt = xmlSchemaNewValidCtxt(schema)) == NULL)
		msg_fatal_oom(0);
	if (reg_lines_renumber(&lines, doc) == 0)
		msg_set_linemap(reg_lines_map, &lines);
	v = xmlSchemaValidateDoc(vctxt, doc);
	msg_set_linemap(NULL, NULL);
	reg_lines_restore(&lines);
	if (v < 0)
		msg(MSG_SYSERR, xsd, 0, 0, "schema validation failed internally");
	else if (v == 0)
		rc = 0;
out:
	xmlSchemaFreeValidCtxt(vctxt);
	xmlSchemaFree(schema);
	free(xsd);
	return rc;
}

/* ===== Step 5: semantic checks ===== */

/* The slug is the code, a dash, and the phrase in lowercase words. */
static char *
reg_slugify(int code, const char *phrase)
{
	struct buf	 b;
	int		 dash = 1;

	buf_init(&b);
	buf_printf(&b, "%d", code);
	for (; *phrase != '\0'; phrase++) {
		char c = *phrase;

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash)
				buf_putc(&b, '-');
			dash = 0;
			buf_putc(&b, c);
		} else
			dash = 1;
	}
	return buf_detach(&b);
}

/* Three digits, 100 to 599: checked again here though the schema did. */
static int
reg_code(const char *s)
{
	if (s == NULL || strlen(s) != 3 || s[0] < '1' || s[0] > '5' ||
	    s[1] < '0' || s[1] > '9' || s[2] < '0' || s[2] > '9')
		return -1;
	return (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
}

static int
reg_has_header(const xmlNode *facts, const char *name, int must)
{
	xmlNodePtr	 hs, h;
	char		*n, *rule;
	int		 found = 0;

	if ((hs = reg_child(facts, "headers")) == NULL)
		return 0;
	for (h = hs->children; h != NULL && !found; h = h->next) {
		if (!reg_is(h, "header"))
			continue;
		n = reg_attr(h, "name");
		rule = reg_attr(h, "rule");
		if (n != NULL && rule != NULL && strcasecmp(n, name) == 0 &&
		    (must ? strcmp(rule, "must") == 0 :
		    strcmp(rule, "request") != 0 && strcmp(rule, "related") != 0))
			found = 1;
		free(n);
		free(rule);
	}
	return found;
}

static int
reg_check_urls(const xmlNode *n)
{
	const xmlNode	*c;
	xmlAttrPtr	 a;
	xmlChar		*v;
	int		 bad = 0;

	for (c = n; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		for (a = c->properties; a != NULL; a = a->next) {
			if (strcmp((const char *)a->name, "href") != 0)
				continue;
			v = xmlNodeGetContent((xmlNodePtr)a);
			if (v == NULL || strncmp((const char *)v, "https://", 8) != 0 ||
			    v[8] == '\0' || v[8] == '/') {
				reg_error(c, "'%s' is not an https URL",
				    v != NULL ? (const char *)v : "");
				bad = 1;
			}
			xmlFree(v);
		}
		if (c->children != NULL && reg_check_urls(c->children) == -1)
			bad = 1;
	}
	return bad ? -1 : 0;
}

/* Check one <status> and fill *st; returns -1 after reporting any problem. */
static int
reg_check_status(xmlNodePtr n, struct status *st)
{
	xmlNodePtr	 facts, c;
	char		*code = NULL, *cls = NULL, *slug = NULL, *want = NULL;
	char		*state = NULL, *body = NULL, *retry = NULL, *kind = NULL;
	char		*primary = NULL, *rel;
	size_t		 i;
	int		 bad = 0, ietf;

	memset(st, 0, sizeof(*st));
	code = reg_attr(n, "code");
	cls = reg_attr(n, "class");
	slug = reg_attr(n, "slug");
	primary = reg_attr(n, "primary");
	facts = reg_child(n, "facts");
	if ((st->code = reg_code(code)) == -1 || cls == NULL || slug == NULL ||
	    facts == NULL) {
		reg_error(n, "status is missing its code, class, slug or facts");
		bad = 1;
		goto out;
	}
	st->primary = primary == NULL || strcmp(primary, "true") == 0 ||
	    strcmp(primary, "1") == 0;
	st->phrase = reg_text(reg_child(facts, "phrase"));
	st->slug = xstrdup(slug);
	snprintf(st->cls, sizeof(st->cls), "%s", cls);

	if (cls[0] != code[0] || strcmp(cls + 1, "xx") != 0) {
		reg_error(n, "code %s does not belong to class '%s'", code, cls);
		bad = 1;
	}
	want = reg_slugify(st->code, st->phrase);
	if (strcmp(want, slug) != 0) {
		reg_error(n, "slug '%s' does not match code and phrase: expected '%s'",
		    slug, want);
		bad = 1;
	}
	if (strchr(slug, '/') != NULL || strstr(slug, "..") != NULL) {
		reg_error(n, "slug '%s' is not a plain file name", slug);
		bad = 1;
	}

	for (c = facts->children; c != NULL; c = c->next)
		if (reg_is(c, "alias"))
			st->naliases++;
	st->aliases = xcalloc(st->naliases, sizeof(char *));
	i = 0;
	for (c = facts->children; c != NULL; c = c->next)
		if (reg_is(c, "alias"))
			st->aliases[i++] = reg_text(c);

	state = reg_text(reg_child(facts, "state"));
	body = reg_text(reg_child(facts, "body"));
	c = reg_child(facts, "origin");
	st->origin = reg_text(c);
	kind = c != NULL ? reg_attr(c, "kind") : NULL;
	c = reg_child(facts, "retry");
	retry = c != NULL ? reg_attr(c, "when") : NULL;
	ietf = kind != NULL && strcmp(kind, "ietf") == 0;
	st->vendor = !ietf;

	if ((strcmp(state, "unofficial") == 0) == ietf) {
		reg_error(n, "state '%s' does not fit an origin of kind '%s': vendor "
		    "statuses are unofficial, IETF ones are not", state,
		    kind != NULL ? kind : "");
		bad = 1;
	}
	if (ietf && (st->code < 200 || st->code == 204 || st->code == 304) &&
	    strcmp(body, "forbidden") != 0) {
		reg_error(n, "a %d response never has content: body must be "
		    "'forbidden'", st->code);
		bad = 1;
	}
	if (strcmp(body, "not-sent") == 0 && ietf) {
		reg_error(n, "body 'not-sent' is only for vendor statuses that "
		    "never reach the client");
		bad = 1;
	}
	if (retry != NULL && (strcmp(retry, "interim") == 0) != (st->code < 200)) {
		reg_error(n, "retry 'interim' is for 1xx statuses and only for them");
		bad = 1;
	}
	for (i = 0; ietf && i < sizeof(reg_headers) / sizeof(reg_headers[0]); i++) {
		if (reg_headers[i].code != st->code ||
		    reg_has_header(facts, reg_headers[i].header, reg_headers[i].must))
			continue;
		reg_error(facts, "a %d response %s carry %s: list it under "
		    "<headers>%s", st->code, reg_headers[i].must ? "must" : "should",
		    reg_headers[i].header,
		    reg_headers[i].must ? " with rule=\"must\"" : "");
		bad = 1;
	}
	for (c = facts->children; c != NULL; c = c->next) {
		if (!reg_is(c, "related"))
			continue;
		rel = reg_attr(c, "to");
		if (rel != NULL && strcmp(rel, slug) == 0) {
			reg_error(c, "status '%s' lists itself as related", slug);
			bad = 1;
		}
		free(rel);
	}
	if (reg_check_urls(n->children) == -1)
		bad = 1;
out:
	free(code);
	free(cls);
	free(slug);
	free(want);
	free(state);
	free(body);
	free(retry);
	free(kind);
	free(primary);
	return bad ? -1 : 0;
}

static void
reg_status_release(struct status *st)
{
	size_t	 i;

	free(st->slug);
	free(st->phrase);
	free(st->origin);
	for (i = 0; i < st->naliases; i++)
		free(st->aliases[i]);
	free(st->aliases);
}

static int
reg_status_cmp(const void *a, const void *b)
{
	const struct status	*x = a, *y = b;

	if (x->code != y->code)
		return x->code < y->code ? -1 : 1;
	if (x->primary != y->primary)
		return x->primary ? -1 : 1;
	return strcmp(x->slug, y->slug);
}

/* Codes with two meanings: exactly one answers for the code; slugs unique. */
static int
reg_check_codes(struct registry *reg, xmlNodePtr *nodes)
{
	size_t	 i, j, k, nprimary;
	int	 bad = 0;

	for (i = 0; i < reg->nstatus; i = j) {
		nprimary = 0;
		for (j = i; j < reg->nstatus && reg->statuses[j].code ==
		    reg->statuses[i].code; j++)
			nprimary += reg->statuses[j].primary;
		for (k = i; k + 1 < j; k++)
			if (strcmp(reg->statuses[k].slug, reg->statuses[k + 1].slug) == 0) {
				msg(MSG_ERROR, reg->path, 0, 0, "duplicate slug '%s'",
				    reg->statuses[k].slug);
				bad = 1;
			}
		if (nprimary == 1)
			continue;
		for (k = 0; nodes[k] != NULL; k++) {
			char *c = reg_attr(nodes[k], "code");
			int match = reg_code(c) == reg->statuses[i].code;

			free(c);
			if (match)
				break;
		}
		if (j - i == 1)
			reg_error(nodes[k], "status '%s' is the only meaning of %d and "
			    "cannot be primary=\"false\"", reg->statuses[i].slug,
			    reg->statuses[i].code);
		else
			reg_error(nodes[k], "code %d has %zu meanings and %zu marked "
			    "primary=\"true\": mark exactly one", reg->statuses[i].code,
			    j - i, nprimary);
		bad = 1;
	}
	return bad ? -1 : 0;
}

static int
reg_collect(struct registry *reg)
{
	xmlNodePtr	 root, n, c;
	xmlNodePtr	*nodes;
	size_t		 count = 0, i, nc = 0;
	int		 bad = 0;

	root = xmlDocGetRootElement(reg->doc);
	reg->updated = reg_attr(root, "updated");
	if (reg->updated == NULL || strlen(reg->updated) != 10) {
		reg_error(root, "registry needs updated=\"YYYY-MM-DD\"");
		return -1;
	}
	for (c = root->children; c != NULL; c = c->next) {
		if (reg_is(c, "class") && nc < 5) {
			char *id = reg_attr(c, "id");

			snprintf(reg->classes[nc].id, sizeof(reg->classes[nc].id), "%s",
			    id != NULL ? id : "");
			reg->classes[nc++].name = reg_attr(c, "name");
			free(id);
		}
		if (reg_is(c, "status"))
			count++;
	}
	nodes = xcalloc(xadd(count, 1), sizeof(*nodes));
	reg->statuses = xcalloc(count, sizeof(struct status));
	i = 0;
	for (n = root->children; n != NULL; n = n->next) {
		if (!reg_is(n, "status"))
			continue;
		nodes[i] = n;
		if (reg_check_status(n, &reg->statuses[i]) == -1)
			bad = 1;
		i++;
	}
	reg->nstatus = count;
	if (!bad) {
		qsort(reg->statuses, reg->nstatus, sizeof(struct status),
		    reg_status_cmp);
		if (reg_check_codes(reg, nodes) == -1)
			bad = 1;
	}
	free(nodes);
	return bad ? -1 : 0;
}

/* ===== Load ===== */

/*
 * Returns the checked registry, or NULL after every problem found has been
 * reported.  The caller frees the result with reg_free().
 */
struct registry *
reg_load(const char *path)
{
	struct registry	*reg;
	xmlDocPtr	 doc;
	char		*dir;
	const char	*slash;
	int		 ok = 0;

	slash = strrchr(path, '/');
	dir = slash != NULL ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
	reg = xcalloc(1, sizeof(*reg));
	reg->path = xstrdup(path);
	if (access(path, R_OK) == -1) {
		msg_errno(path, "cannot open");
		goto out;
	}
	if (loader_allow(dir) == -1)
		goto out;

	/* No NOENT, no DTDLOAD: entities are never substituted nor fetched. */
	doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA);
	msg_flush(path);
	if (doc == NULL) {
		if (msg_error_count() == 0)
			msg(MSG_ERROR, path, 0, 0, "cannot parse the registry");
		goto out;
	}
	reg->doc = doc;
	if (reg_no_entities(doc, path) == -1)
		goto out;
	if (reg_check_xincludes((xmlNodePtr)doc, dir) == -1)
		goto out;
	if (xmlXIncludeProcessFlags(doc, XML_PARSE_NONET | XML_PARSE_NOCDATA |
	    XML_PARSE_NOXINCNODE) < 0) {
		msg_flush(path);
		if (msg_error_count() == 0)
			msg(MSG_ERROR, path, 0, 0, "XInclude processing failed");
		goto out;
	}
	msg_flush(path);
	if (reg_no_entities(doc, path) == -1)
		goto out;
	if (reg_validate(doc, dir) == -1)
		goto out;
	if (reg_collect(reg) == -1)
		goto out;
	ok = 1;
out:
	msg_flush(path);
	free(dir);
	if (!ok) {
		reg_free(reg);
		return NULL;
	}
	return reg;
}

void
reg_free(struct registry *reg)
{
	size_t	 i;

	if (reg == NULL)
		return;
	for (i = 0; i < reg->nstatus; i++)
		reg_status_release(&reg->statuses[i]);
	free(reg->statuses);
	for (i = 0; i < 5; i++)
		free(reg->classes[i].name);
	free(reg->updated);
	free(reg->path);
	if (reg->doc != NULL)
		xmlFreeDoc(reg->doc);
	free(reg);
}

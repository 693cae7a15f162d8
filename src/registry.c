/*
 * registry.c: load, validate and check the registry (see registry.h).
 * Called once per run by main.c; every backend reads the result.
 *
 * Order of work, each step stopping the load when it reports an error:
 *   1. read registry.xml ourselves and parse it from memory: no network, no
 *      DTD loading, no entity substitution, and a file name that is only a
 *      name (never a URL to be unescaped);
 *   2. refuse any document type declaration or entity reference, so no entity,
 *      internal or external, can add text to the registry;
 *   3. XInclude, done here rather than by libxml2 so that one set of rules
 *      holds for every include at every depth: only xi:include, only href and
 *      parse="xml", no fallback, no xml:base, and the file itself (symbolic
 *      links resolved) inside the registry's directory; each included file
 *      goes through steps 1 and 2 before its own includes are expanded;
 *   4. validate against the schema compiled into the tool (never one found
 *      next to the registry, which a hostile tree could loosen);
 *   5. semantic checks in C, then build the struct status array.
 * As each file is parsed, the white space between elements where the schema
 * allows no text (the files' indentation) is dropped: nearly half of all text
 * nodes, which validation and every stylesheet would otherwise walk past and
 * every backend hold in memory.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <unistd.h>
#include <regex.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xinclude.h>
#include <libxml/xmlschemas.h>

#include "buf.h"
#include "escape.h"
#include "fs.h"
#include "loader.h"
#include "msg.h"
#include "registry.h"
#include "schema.h"
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
	{ 416, "Content-Range", 0 },
	{ 426, "Upgrade", 1 },
	{ 429, "Retry-After", 0 },
	{ 503, "Retry-After", 0 },
};

#define REG_SLUG_MAX	64	/* as the schema's slug type says */
#define REG_CODE_COLS	73	/* a <pre> or <wire> line; man sets code 7 in */

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

static char	*reg_text(const xmlNode *);

/* The text of every child of parent named name, in order; their count in *np. */
static char **
reg_texts(const xmlNode *parent, const char *name, size_t *np)
{
	xmlNodePtr	 c;
	char		**v;
	size_t		 n = 0;

	for (c = parent->children; c != NULL; c = c->next)
		if (reg_is(c, name))
			n++;
	v = xcalloc(n, sizeof(char *));
	n = 0;
	for (c = parent->children; c != NULL; c = c->next)
		if (reg_is(c, name))
			v[n++] = reg_text(c);
	*np = n;
	return v;
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

/* The registry being loaded, so that reg_error() can name a node's file. */
static const struct registry	*reg_cur;

static int
reg_root_cmp(const void *a, const void *b)
{
	const struct reg_root	*x = a, *y = b;

	return x->node < y->node ? -1 : x->node > y->node;
}

/* The file whose root element n is, or NULL. */
static const char *
reg_root_file(const struct registry *reg, const xmlNode *n)
{
	struct reg_root	 key, *r;

	key.node = (xmlNode *)(uintptr_t)n;
	r = bsearch(&key, reg->byroot, reg->nfiles, sizeof(*r), reg_root_cmp);
	return r != NULL ? r->file : NULL;
}

/*
 * The file a node came from: the nearest ancestor-or-self that is the root of
 * an included file, else the registry file itself.
 */
static void
reg_where(const struct registry *reg, const xmlNode *n, const char **file,
    long *line)
{
	const xmlNode	*a;
	const char	*f;

	*file = reg->path;
	*line = n != NULL ? xmlGetLineNo(n) : 0;
	for (a = n; a != NULL && a->type == XML_ELEMENT_NODE; a = a->parent)
		if ((f = reg_root_file(reg, a)) != NULL) {
			*file = f;
			return;
		}
}

static void
reg_verror(const struct registry *reg, const xmlNode *n, const char *fmt,
    va_list ap)
{
	struct buf	 b;
	const char	*file;
	long		 line;
	va_list		 aq;
	int		 len;

	buf_init(&b);
	va_copy(aq, ap);
	len = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	buf_grow(&b, len < 0 ? 0 : (size_t)len);
	vsnprintf(b.data, b.cap, fmt, ap);
	reg_where(reg, n, &file, &line);
	msg(MSG_ERROR, file, line, 0, "%s", b.data);
	buf_release(&b);
}

/* Report an error at a node of the registry being loaded. */
static void
reg_error(const xmlNode *n, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
reg_error(const xmlNode *n, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	reg_verror(reg_cur, n, fmt, ap);
	va_end(ap);
}

/* For the backends: an error located at a status's element. */
void
reg_status_error(const struct registry *reg, const struct status *st,
    const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	reg_verror(reg, st->node, fmt, ap);
	va_end(ap);
}

void
reg_node_error(const struct registry *reg, const struct _xmlNode *n,
    const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	reg_verror(reg, n, fmt, ap);
	va_end(ap);
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
			msg(MSG_ERROR, path, xmlGetLineNo(n->parent != NULL ?
			    n->parent : n), 0,
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
reg_is_xi(const xmlNode *n)
{
	return n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    (strcmp((const char *)n->ns->href, REG_XI_NS) == 0 ||
	    strcmp((const char *)n->ns->href, REG_XI_NS_OLD) == 0);
}

#define REG_XI_DEPTH	8	/* registry.xml -> codes/x.xml -> ... */

#define REG_MIXED_MAX	32

struct reg_xi {
	struct registry	*reg;
	const char	*realdir;	/* the registry's directory, resolved */
	const char	*chain[REG_XI_DEPTH + 1];	/* files being expanded */
	int		 depth;
	const xmlChar	*mixed[REG_MIXED_MAX];	/* see reg_mixed_names() */
	size_t		 nmixed;
};

static xmlDocPtr	reg_parse(const char *path, xmlDictPtr dict);
static int		reg_expand(struct reg_xi *, xmlNodePtr, const char *);
static size_t		reg_mixed_names(xmlDocPtr, xmlDictPtr, const xmlChar **,
			    size_t);
static void		reg_strip_blanks(xmlNodePtr, const xmlChar *const *,
			    size_t);

/* The attributes an xi:include may have, and what they may say. */
static int
reg_xi_attrs_ok(const xmlNode *n, const char *file)
{
	const xmlAttr	*a;
	xmlChar		*v;
	int		 bad = 0;

	for (a = n->properties; a != NULL; a = a->next) {
		if (a->ns == NULL && strcmp((const char *)a->name, "href") == 0)
			continue;
		if (a->ns == NULL && strcmp((const char *)a->name, "parse") == 0) {
			v = xmlNodeGetContent((const xmlNode *)a);
			if (v == NULL || strcmp((const char *)v, "xml") != 0) {
				msg(MSG_ERROR, file, xmlGetLineNo(n), 0, "XInclude may "
				    "only pull in a whole XML file, not parse=\"%s\"",
				    v != NULL ? (const char *)v : "");
				bad = 1;
			}
			xmlFree(v);
			continue;
		}
		msg(MSG_ERROR, file, xmlGetLineNo(n), 0, "XInclude attribute '%s' "
		    "is not allowed: an include names a whole XML file with href "
		    "alone", (const char *)a->name);
		bad = 1;
	}
	return bad ? -1 : 0;
}

/*
 * The file an xi:include in file names, checked: a plain relative path whose
 * real location (every symbolic link resolved, the file's own included) is a
 * regular file inside the registry's directory.  Returns the path to read.
 */
static char *
reg_xi_path(struct reg_xi *x, const xmlNode *n, const char *file)
{
	char		*href, *path = NULL, real[PATH_MAX];
	const char	*slash;
	size_t		 len;

	href = reg_attr(n, "href");
	if (href == NULL || !reg_href_ok(href)) {
		msg(MSG_ERROR, file, xmlGetLineNo(n), 0, "XInclude href '%s' must "
		    "be a relative path of plain names inside the registry's "
		    "directory", href != NULL ? href : "");
		goto out;
	}
	slash = strrchr(file, '/');
	path = slash != NULL ? xasprintf("%.*s/%s", (int)(slash - file), file, href) :
	    xstrdup(href);
	len = strlen(x->realdir);
	if (realpath(path, real) == NULL) {
		/* A file that is not there is the registry's fault; EACCES is not. */
		msg(errno == ENOENT || errno == ENOTDIR ? MSG_ERROR : MSG_SYSERR, file,
		    xmlGetLineNo(n), 0, "cannot include '%s': %s", href,
		    strerror(errno));
		free(path);
		path = NULL;
	} else if (strcmp(x->realdir, "/") != 0 &&
	    (strncmp(real, x->realdir, len) != 0 || real[len] != '/')) {
		msg(MSG_ERROR, file, xmlGetLineNo(n), 0, "refusing to include '%s': "
		    "it resolves to '%s', outside the registry's directory", href,
		    real);
		free(path);
		path = NULL;
	}
out:
	free(href);
	return path;
}

/* Replace the xi:include n, in file, by the root element of the file it names. */
static int
reg_xi_one(struct reg_xi *x, xmlNodePtr n, const char *file)
{
	xmlDocPtr	 sub = NULL;
	xmlNodePtr	 root, copy;
	char		*path;
	int		 i, rc = -1;

	if (reg_xi_attrs_ok(n, file) == -1)
		return -1;
	if (n->children != NULL) {
		for (copy = n->children; copy != NULL; copy = copy->next)
			if (copy->type == XML_ELEMENT_NODE)
				break;
		if (copy != NULL) {
			msg(MSG_ERROR, file, xmlGetLineNo(copy), 0, "xi:%s is not "
			    "allowed inside xi:include: every include must succeed",
			    (const char *)copy->name);
			return -1;
		}
	}
	if ((path = reg_xi_path(x, n, file)) == NULL)
		return -1;
	for (i = 0; i < x->depth; i++)
		if (strcmp(x->chain[i], path) == 0) {
			msg(MSG_ERROR, file, xmlGetLineNo(n), 0, "'%s' includes "
			    "itself", path);
			goto out;
		}
	if (x->depth == REG_XI_DEPTH) {
		msg(MSG_ERROR, file, xmlGetLineNo(n), 0, "includes nest deeper "
		    "than %d files", REG_XI_DEPTH);
		goto out;
	}
	if ((sub = reg_parse(path, x->reg->doc->dict)) == NULL)
		goto out;
	root = xmlDocGetRootElement(sub);
	reg_strip_blanks(root, x->mixed, x->nmixed);
	if (reg_is_xi(root)) {
		msg(MSG_ERROR, path, xmlGetLineNo(root), 0, "an included file's root "
		    "element must not be xi:%s", (const char *)root->name);
		goto out;
	}
	x->chain[x->depth++] = path;
	i = reg_expand(x, root, path);
	x->depth--;
	if (i == -1)
		goto out;
	/*
	 * Moved, not copied: a copy (or xmlDOMWrapAdoptNode) loses line numbers,
	 * and those past 65535 that libxml2 keeps beside text nodes.  root now belongs to the registry's
	 * document; the rest of sub is ours to free.
	 */
	xmlUnlinkNode(root);
	xmlSetTreeDoc(root, x->reg->doc);	/* one dictionary: see reg_parse() */
	copy = root;
	xmlReplaceNode(n, copy);
	xmlFreeNode(n);
	x->reg->roots = xreallocarray(x->reg->roots, xadd(x->reg->nfiles, 1),
	    sizeof(*x->reg->roots));
	x->reg->files = xreallocarray(x->reg->files, xadd(x->reg->nfiles, 1),
	    sizeof(*x->reg->files));
	x->reg->roots[x->reg->nfiles] = copy;
	x->reg->files[x->reg->nfiles++] = path;
	path = NULL;
	rc = 0;
out:
	xmlFreeDoc(sub);
	free(path);
	return rc;
}

/*
 * Expand every XInclude element below parent, which came from file, and refuse
 * xml:base anywhere (it would change what a relative reference means).
 */
static int
reg_expand(struct reg_xi *x, xmlNodePtr parent, const char *file)
{
	xmlNodePtr	 n, next;
	int		 bad = 0;

	if (parent->type == XML_ELEMENT_NODE &&
	    xmlHasNsProp(parent, (const xmlChar *)"base", XML_XML_NAMESPACE) != NULL) {
		msg(MSG_ERROR, file, xmlGetLineNo(parent), 0,
		    "xml:base is not allowed in the registry");
		bad = 1;
	}
	for (n = parent->children; n != NULL; n = next) {
		next = n->next;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (reg_is_xi(n)) {
			if (strcmp((const char *)n->name, "include") != 0) {
				msg(MSG_ERROR, file, xmlGetLineNo(n), 0, "xi:%s is not "
				    "allowed here: only xi:include", (const char *)n->name);
				bad = 1;
			} else if (reg_xi_one(x, n, file) == -1)
				bad = 1;
			continue;
		}
		if (reg_expand(x, n, file) == -1)
			bad = 1;
	}
	return bad ? -1 : 0;
}

/*
 * Read and parse one registry file, refusing entities; NULL after reporting.
 * The bytes are read here and parsed from memory, so path is only ever a file
 * name: spaces, '%', ':' and non-ASCII in it mean nothing to libxml2.  dict,
 * when not NULL, is the registry document's string dictionary.
 */
static void
reg_refuse_dtd(void *ctx, const xmlChar *name, const xmlChar *public_id,
    const xmlChar *system_id)
{
	xmlParserCtxtPtr	 ctxt = ctx;
	long			*line = ctxt->_private;

	(void)name;
	(void)public_id;
	(void)system_id;
	*line = ctxt->input != NULL && ctxt->input->line > 0 ? ctxt->input->line : 1;
	xmlStopParser(ctxt);
}

static xmlDocPtr
reg_parse(const char *path, xmlDictPtr dict)
{
	xmlParserCtxtPtr ctxt;
	xmlDocPtr	 doc;
	char		*data;
	long		 dtd_line = 0;
	size_t		 len, errors = msg_error_count();

	if ((data = fs_read(path, &len)) == NULL)
		return NULL;
	if (len > INT_MAX) {
		msg(MSG_ERROR, path, 0, 0, "file too large");
		free(data);
		return NULL;
	}
	/*
	 * No NOENT, no DTDLOAD: entities are never substituted nor fetched.  And
	 * the parse stops at "<!DOCTYPE", before any entity is even declared, so
	 * no entity loop or expansion can cost anything or say anything.
	 */
	if ((ctxt = xmlNewParserCtxt()) == NULL)
		msg_fatal_oom(0);
	/* Included files share the registry's dictionary, so nodes can move. */
	if (dict != NULL && dict != ctxt->dict) {
		xmlDictFree(ctxt->dict);
		ctxt->dict = dict;
		xmlDictReference(dict);
	}
	ctxt->sax->internalSubset = reg_refuse_dtd;
	ctxt->_private = &dtd_line;
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, path, NULL, XML_PARSE_NONET |
	    XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT);
	xmlFreeParserCtxt(ctxt);
	free(data);
	msg_flush(path);
	if (dtd_line != 0) {
		xmlFreeDoc(doc);
		msg(MSG_ERROR, path, dtd_line, 0, "document type declarations are "
		    "not allowed in the registry");
		return NULL;
	}
	if (doc == NULL) {
		if (msg_error_count() == errors)
			msg(MSG_ERROR, path, 0, 0, "cannot parse");
		return NULL;
	}
	if (xmlDocGetRootElement(doc) == NULL || reg_no_entities(doc, path) == -1) {
		if (msg_error_count() == errors)
			msg(MSG_ERROR, path, 0, 0, "no root element");
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
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
	const char	**files;
	long		*lines;
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

/* Where a node came from, for library errors that carry the node. */
static int
reg_node_map(void *arg, const void *node, const char **file, long *line)
{
	const struct registry	*reg = arg;

	reg_where(reg, node, file, line);
	return 0;
}

static void
reg_lines_walk(const struct registry *reg, struct reg_lines *rl, xmlNodePtr n,
    const char *file, int collect)
{
	const char	*f;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		f = file;
		if (collect) {
			if ((f = reg_root_file(reg, n)) == NULL)
				f = file;
			rl->nodes[rl->n] = n;
			rl->files[rl->n] = f;
			rl->lines[rl->n] = xmlGetLineNo(n);
		}
		rl->n++;
		reg_lines_walk(reg, rl, n->children, f, collect);
	}
}

static int
reg_lines_renumber(const struct registry *reg, struct reg_lines *rl)
{
	xmlNodePtr	 root = xmlDocGetRootElement(reg->doc);
	size_t		 i;

	memset(rl, 0, sizeof(*rl));
	reg_lines_walk(reg, rl, root, reg->path, 0);
	if (rl->n > REG_LINES_MAX) {
		rl->n = 0;	/* too large to renumber: errors name nodes instead */
		return -1;
	}
	rl->nodes = xcalloc(rl->n, sizeof(*rl->nodes));
	rl->files = xcalloc(rl->n, sizeof(*rl->files));
	rl->lines = xcalloc(rl->n, sizeof(*rl->lines));
	rl->n = 0;
	reg_lines_walk(reg, rl, root, reg->path, 1);
	for (i = 0; i < rl->n; i++)
		rl->nodes[i]->line = (unsigned short)(i + 1);
	return 0;
}

static void
reg_lines_restore(struct reg_lines *rl)
{
	size_t	 i;

	for (i = 0; i < rl->n; i++)
		rl->nodes[i]->line = rl->lines[i] > 65535 ? 65535 :
		    (unsigned short)rl->lines[i];
	free(rl->nodes);
	free(rl->files);
	free(rl->lines);
	memset(rl, 0, sizeof(*rl));
}

/*
 * The built-in schema as a document, parsed once per load: for the names of
 * its mixed-content elements (reg_mixed_names) and to compile it
 * (reg_validate).
 */
static xmlDocPtr
reg_schema_doc(void)
{
	xmlDocPtr	 xsd;

	xsd = xmlReadMemory((const char *)schema_xsd, (int)schema_xsd_len,
	    "registry.xsd", NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
	if (xsd == NULL)
		msg_fatal_oom(0);
	return xsd;
}

static int
reg_validate(const struct registry *reg, xmlDocPtr xsd)
{
	xmlSchemaParserCtxtPtr	 pctxt = NULL;
	xmlSchemaPtr		 schema = NULL;
	xmlSchemaValidCtxtPtr	 vctxt = NULL;
	struct reg_lines	 lines;
	int			 rc = -1, v;

	/* The context does not free xsd, which outlives the schema. */
	if ((pctxt = xmlSchemaNewDocParserCtxt(xsd)) == NULL)
		msg_fatal_oom(0);
	schema = xmlSchemaParse(pctxt);
	/* The schema owns what it needs; the parser context can go at once. */
	xmlSchemaFreeParserCtxt(pctxt);
	if (schema == NULL) {
		msg(MSG_SYSERR, NULL, 0, 0, "cannot compile the built-in schema");
		goto out;
	}
	if ((vctxt = xmlSchemaNewValidCtxt(schema)) == NULL)
		msg_fatal_oom(0);
	if (reg_lines_renumber(reg, &lines) == 0)
		msg_set_linemap(reg_lines_map, &lines);
	msg_set_nodemap(reg_node_map, (void *)(uintptr_t)reg);
	v = xmlSchemaValidateDoc(vctxt, reg->doc);
	msg_set_linemap(NULL, NULL);
	msg_set_nodemap(NULL, NULL);
	reg_lines_restore(&lines);
	if (v < 0)
		msg(MSG_SYSERR, reg->path, 0, 0, "schema validation failed internally");
	else if (v == 0)
		rc = 0;
out:
	xmlSchemaFreeValidCtxt(vctxt);
	xmlSchemaFree(schema);
	return rc;
}

/* ===== Step 5: semantic checks ===== */

/*
 * The slug is the code (or a number, '.' written '-'), a dash, and the phrase
 * in lowercase words.
 */
static char *
reg_slugify(const char *code, const char *phrase)
{
	struct buf	 b;
	int		 dash = 1;

	buf_init(&b);
	for (; *code != '\0'; code++)
		buf_putc(&b, *code == '.' ? '-' : *code);
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

/*
 * Code that fits (xml/README.md): every line of a <pre> or <wire> at most
 * REG_CODE_COLS columns, a tab counting to the next multiple of 4 and each
 * UTF-8 character as one column.  Reported at the line itself: the text of
 * the element starts on the line of its start tag.
 */
static int
reg_check_code_width(const xmlNode *n)
{
	const xmlNode	*c;
	const char	*file, *p;
	xmlChar		*text;
	long		 line;
	size_t		 col;
	int		 bad = 0;

	for (c = n; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!reg_is(c, "pre") && !reg_is(c, "wire")) {
			if (c->children != NULL &&
			    reg_check_code_width(c->children) == -1)
				bad = 1;
			continue;
		}
		if ((text = xmlNodeGetContent(c)) == NULL)
			continue;
		reg_where(reg_cur, c, &file, &line);
		for (p = (const char *)text, col = 0;; p++) {
			if (*p == '\n' || *p == '\0') {
				if (col > REG_CODE_COLS) {
					msg(MSG_ERROR, file, line, 0, "a line of <%s> is "
					    "%zu columns wide, over %d: break it as the "
					    "language would (xml/README.md, \"Code that "
					    "fits\")", (const char *)c->name, col,
					    REG_CODE_COLS);
					bad = 1;
				}
				if (*p == '\0')
					break;
				line++;
				col = 0;
			} else if (*p == '\t')
				col = (col / 4 + 1) * 4;
			else if ((*p & 0xc0) != 0x80)
				col++;
		}
		xmlFree(text);
	}
	return bad ? -1 : 0;
}

/*
 * What a status and a number share: no <related> naming the entry itself,
 * https URLs only, and code that fits.  WHAT is "status" or "number".
 */
static int
reg_check_entry(const xmlNode *n, const xmlNode *facts, const char *what,
    const char *slug)
{
	const xmlNode	*c;
	char		*rel;
	int		 bad = 0;

	for (c = facts->children; c != NULL; c = c->next) {
		if (!reg_is(c, "related"))
			continue;
		rel = reg_attr(c, "to");
		if (rel != NULL && strcmp(rel, slug) == 0) {
			reg_error(c, "%s '%s' lists itself as related", what, slug);
			bad = 1;
		}
		free(rel);
	}
	if (reg_check_urls(n->children) == -1)
		bad = 1;
	if (reg_check_code_width(n->children) == -1)
		bad = 1;
	return bad ? -1 : 0;
}

/* Check one <status> and fill *st; returns -1 after reporting any problem. */
static int
reg_check_status(xmlNodePtr n, struct status *st)
{
	xmlNodePtr	 facts, about, c;
	char		*code = NULL, *cls = NULL, *slug = NULL, *want = NULL;
	char		*state = NULL, *body = NULL, *retry = NULL, *kind = NULL;
	char		*primary = NULL;
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
	st->node = n;
	snprintf(st->cls, sizeof(st->cls), "%s", cls);

	if (cls[0] != code[0] || strcmp(cls + 1, "xx") != 0) {
		reg_error(n, "code %s does not belong to class '%s'", code, cls);
		bad = 1;
	}
	want = reg_slugify(code, st->phrase);
	if (strcmp(want, slug) != 0) {
		reg_error(n, "slug '%s' does not match code and phrase: expected '%s'",
		    slug, want);
		bad = 1;
	}
	if (strchr(slug, '/') != NULL || strstr(slug, "..") != NULL) {
		reg_error(n, "slug '%s' is not a plain file name", slug);
		bad = 1;
	}
	/* NNN-slug.7.gz, NNN-slug.html and node names must fit a file name. */
	if (strlen(slug) > REG_SLUG_MAX) {
		reg_error(n, "slug '%.20s...' is longer than %d characters", slug,
		    REG_SLUG_MAX);
		bad = 1;
	}

	st->aliases = reg_texts(facts, "alias", &st->naliases);
	about = reg_child(n, "about");
	if ((c = about != NULL ? reg_child(about, "keywords") : NULL) != NULL)
		st->keywords = reg_texts(c, "keyword", &st->nkeywords);

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
		    "and draft statuses are unofficial, IETF ones are not", state,
		    kind != NULL ? kind : "");
		bad = 1;
	}
	if (ietf && (st->code < 200 || st->code == 204 || st->code == 304) &&
	    strcmp(body, "forbidden") != 0) {
		reg_error(n, "a %d response never has content: body must be "
		    "'forbidden'", st->code);
		bad = 1;
	}
	if (ietf && (st->code == 205) != (strcmp(body, "empty") == 0)) {
		reg_error(n, st->code == 205 ? "a 205 response has no content but "
		    "is framed (Content-Length: 0): body must be 'empty'" :
		    "body 'empty' is for 205 Reset Content only");
		bad = 1;
	}
	if ((c = reg_child(facts, "sent-as")) != NULL) {
		char	*as = reg_text(c);

		const char	*why = NULL;

		if (ietf)
			why = "sent-as is for vendor codes that go on the wire as "
			    "another status; an IETF status is sent as itself";
		else if (reg_code(as) == st->code)
			why = "a status cannot be sent as its own code";
		else if (strcmp(body, "not-sent") == 0)
			why = "sent-as names what the client receives, but body "
			    "'not-sent' says nothing reaches it";
		if (why != NULL) {
			reg_error(c, "%s", why);
			bad = 1;
		}
		free(as);
	}
	if (strcmp(body, "not-sent") == 0 && ietf) {
		reg_error(n, "body 'not-sent' is only for vendor statuses that "
		    "never reach the client");
		bad = 1;
	}
	/* After a 101 the connection speaks another protocol: no final response. */
	if (retry != NULL && (strcmp(retry, "interim") == 0) !=
	    (st->code < 200 && st->code != 101)) {
		reg_error(n, "retry 'interim' is for 1xx statuses and only for them, "
		    "except 101, after which no final response follows");
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
	if (reg_check_entry(n, facts, "status", slug) == -1)
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

/* A vector reg_texts() made. */
static void
reg_texts_free(char **v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void
reg_status_release(struct status *st)
{
	free(st->slug);
	free(st->phrase);
	free(st->origin);
	reg_texts_free(st->aliases, st->naliases);
	reg_texts_free(st->keywords, st->nkeywords);
}

/*
 * A number's place: 0 and 000 first, then by the part before the dot, then
 * by the part after it as a number (404.3 before 404.13), then as written.
 */
static void
reg_number_key(const char *s, long *major, long *minor)
{
	const char	*dot = strchr(s, '.');

	*major = strtol(s, NULL, 10);
	*minor = dot != NULL ? strtol(dot + 1, NULL, 10) : -1;
}

static int
reg_number_cmp(const void *a, const void *b)
{
	const struct number	*x = a, *y = b;
	long			 xa, xb, ya, yb;

	reg_number_key(x->number, &xa, &xb);
	reg_number_key(y->number, &ya, &yb);
	if (xa != ya)
		return xa < ya ? -1 : 1;
	if (xb != yb)
		return xb < yb ? -1 : 1;
	return strcmp(x->number, y->number);
}

/* A three-digit number from 100 to 599 is a status, not a <number>. */
static int
reg_number_is_code(const char *s)
{
	return reg_code(s) != -1;
}

/* Check one <number> and fill *nb; returns -1 after reporting any problem. */
static int
reg_check_number(xmlNodePtr n, struct number *nb)
{
	xmlNodePtr	 facts, about, c;
	char		*slug = NULL, *kind = NULL, *status = NULL, *want = NULL;
	char		*dot;
	size_t		 i;
	int		 bad = 0, major;

	memset(nb, 0, sizeof(*nb));
	slug = reg_attr(n, "slug");
	nb->number = reg_attr(n, "number");
	kind = reg_attr(n, "kind");
	facts = reg_child(n, "facts");
	if (slug == NULL || nb->number == NULL || kind == NULL || facts == NULL) {
		reg_error(n, "number is missing its slug, number, kind or facts");
		bad = 1;
		goto out;
	}
	nb->slug = xstrdup(slug);
	nb->node = n;
	nb->phrase = reg_text(reg_child(facts, "phrase"));
	nb->origin = reg_text(reg_child(facts, "origin"));
	nb->aliases = reg_texts(facts, "alias", &nb->naliases);
	nb->also = reg_texts(facts, "also", &nb->nalso);
	about = reg_child(n, "about");
	if ((c = about != NULL ? reg_child(about, "keywords") : NULL) != NULL)
		nb->keywords = reg_texts(c, "keyword", &nb->nkeywords);
	if ((c = reg_child(facts, "sent-as")) != NULL) {
		status = reg_text(c);
		nb->status = reg_code(status);
	}

	want = reg_slugify(nb->number, nb->phrase != NULL ? nb->phrase : "");
	if (strcmp(want, slug) != 0) {
		reg_error(n, "slug '%s' does not match number and phrase: expected "
		    "'%s'", slug, want);
		bad = 1;
	}
	if (strlen(slug) > REG_SLUG_MAX) {
		reg_error(n, "slug '%.20s...' is longer than %d characters", slug,
		    REG_SLUG_MAX);
		bad = 1;
	}
	if (reg_number_is_code(nb->number)) {
		reg_error(n, "%s is an HTTP status code: write it as a <status>",
		    nb->number);
		bad = 1;
	}
	for (i = 0; i < nb->nalso; i++)
		if (reg_number_is_code(nb->also[i]) ||
		    strcmp(nb->also[i], nb->number) == 0) {
			reg_error(facts, "also '%s' is %s", nb->also[i],
			    strcmp(nb->also[i], nb->number) == 0 ?
			    "the number itself" : "an HTTP status code");
			bad = 1;
		}

	/* What the kind says about the number and the status that carries it. */
	dot = strchr(nb->number, '.');
	major = (int)strtol(nb->number, NULL, 10);
	if (strcmp(kind, "no-response") == 0) {
		if (strcmp(nb->number, "000") != 0 && strcmp(nb->number, "0") != 0) {
			reg_error(n, "kind 'no-response' is for 000 and 0, not %s",
			    nb->number);
			bad = 1;
		}
	} else if (strcmp(kind, "out-of-range") == 0) {
		if (strlen(nb->number) != 3 || strcmp(nb->number, "000") == 0) {
			reg_error(n, "kind 'out-of-range' is for a three-digit code "
			    "outside 100 to 599 on a status line, not %s", nb->number);
			bad = 1;
		}
	} else if (strcmp(kind, "substatus") == 0) {
		if (dot == NULL) {
			reg_error(n, "kind 'substatus' is for a status and its detail, "
			    "such as 404.3, not %s", nb->number);
			bad = 1;
		} else if (nb->status != major) {
			reg_error(c != NULL ? c : facts, "substatus %s is sent as %d: "
			    "give <sent-as>%d</sent-as>", nb->number, major, major);
			bad = 1;
		}
	} else if (dot != NULL) {	/* error-code */
		reg_error(n, "kind 'error-code' is for a vendor's error number, "
		    "not a status and its detail (%s): that is a 'substatus'",
		    nb->number);
		bad = 1;
	}
	if (strcmp(kind, "no-response") == 0 || strcmp(kind, "out-of-range") == 0) {
		if (c != NULL) {
			reg_error(c, "a number of kind '%s' comes with no HTTP status: "
			    "drop <sent-as>", kind);
			bad = 1;
		}
	} else if (c == NULL && strcmp(kind, "error-code") == 0) {
		reg_error(facts, "kind 'error-code' needs <sent-as>: the HTTP status "
		    "the error page is sent with");
		bad = 1;
	}

	if (reg_check_entry(n, facts, "number", slug) == -1)
		bad = 1;
out:
	free(slug);
	free(kind);
	free(status);
	free(want);
	return bad ? -1 : 0;
}

static void
reg_number_release(struct number *nb)
{
	free(nb->slug);
	free(nb->number);
	free(nb->phrase);
	free(nb->origin);
	reg_texts_free(nb->also, nb->nalso);
	reg_texts_free(nb->aliases, nb->naliases);
	reg_texts_free(nb->keywords, nb->nkeywords);
}

/* No two numbers answer to the same name (man 000, #1020). */
static int
reg_check_numbers(struct registry *reg)
{
	const char	**names;
	const xmlNode	**where;
	size_t		  count = 0, i, j, k;
	int		  bad = 0;

	for (i = 0; i < reg->nnumber; i++)
		count = xadd(count, xadd(reg->numbers[i].nalso, 1));
	names = xcalloc(xadd(count, 1), sizeof(*names));
	where = xcalloc(xadd(count, 1), sizeof(*where));
	for (i = 0, k = 0; i < reg->nnumber; i++) {
		where[k] = reg->numbers[i].node;
		names[k++] = reg->numbers[i].number;
		for (j = 0; j < reg->numbers[i].nalso; j++) {
			where[k] = reg->numbers[i].node;
			names[k++] = reg->numbers[i].also[j];
		}
	}
	for (i = 0; i < count; i++)
		for (j = i + 1; j < count; j++)
			if (strcmp(names[i], names[j]) == 0) {
				reg_error(where[j], "number %s already has an entry",
				    names[j]);
				bad = 1;
			}
	free(names);
	free(where);
	return bad ? -1 : 0;
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

/* ===== explain: hops, log formats, signatures ===== */

/* Text with its runs of white space made one space, trimmed. */
static char *
reg_sentence(const xmlNode *n)
{
	char	*s = reg_text(n), *p, *q;
	int	 sp = 0;

	for (p = q = s; *p != '\0'; p++) {
		if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
			sp = q != s;
			continue;
		}
		if (sp)
			*q++ = ' ';
		sp = 0;
		*q++ = *p;
	}
	*q = '\0';
	return esc_tty(s);
}

/*
 * A pattern as explain will use it: compiled here once so that a broken one
 * is refused at build time, with its group count in *groups.  No
 * back-reference (\1 to \9): glibc matches those by backtracking, and a
 * registry must not be able to make explain slow.
 */
static int
reg_pattern_ok(const xmlNode *n, const char *pat, int icase, size_t *groups)
{
	regex_t	 re;
	char	 err[160];
	size_t	 i, len = strlen(pat);
	int	 rc;

	if (len > 0 && (pat[0] == ' ' || pat[len - 1] == ' ')) {
		reg_error(n, "pattern '%s' starts or ends with a space; write "
		    "[ ] if it must", pat);
		return -1;
	}
	for (i = 0; i < len; i++)
		if (pat[i] == '\\' && i + 1 < len) {
			if (pat[i + 1] >= '1' && pat[i + 1] <= '9') {
				reg_error(n, "pattern '%s' has a back-reference "
				    "(\\%c): explain's patterns may not", pat,
				    pat[i + 1]);
				return -1;
			}
			i++;
		}
	if ((rc = regcomp(&re, pat, REG_EXTENDED | (icase ? REG_ICASE : 0))) !=
	    0) {
		regerror(rc, &re, err, sizeof(err));
		reg_error(n, "pattern '%s' is not a POSIX extended regular "
		    "expression: %s", pat, err);
		return -1;
	}
	if (groups != NULL)
		*groups = re.re_nsub;
	regfree(&re);
	return 0;
}

static int
reg_match(const xmlNode *n, struct match *m)
{
	memset(m, 0, sizeof(*m));
	if (reg_is(n, "line"))
		m->kind = MATCH_LINE;
	else if (reg_is(n, "field"))
		m->kind = MATCH_FIELD;
	else if (reg_is(n, "body"))
		m->kind = MATCH_BODY;
	else
		m->kind = MATCH_HEADER;
	m->target = m->kind == MATCH_BODY ? NULL :
	    reg_attr(n, m->kind == MATCH_HEADER ? "name" : "format");
	m->pattern = reg_text(n);
	if (m->target == NULL)
		m->target = xstrdup("");
	if (m->kind == MATCH_HEADER && *m->pattern == '\0')
		return 0;
	return reg_pattern_ok(n, m->pattern, m->kind == MATCH_HEADER, NULL);
}

static const struct logformat *
reg_format(const struct explain *ex, const char *id)
{
	size_t	 i;

	for (i = 0; i < ex->nformats; i++)
		if (strcmp(ex->formats[i].id, id) == 0)
			return &ex->formats[i];
	return NULL;
}

static int
reg_group(const xmlNode *n, const char *attr, size_t groups, const char *pat)
{
	char	*v = reg_attr(n, attr);
	int	 g = v != NULL ? atoi(v) : 0;

	free(v);
	if (g < 0 || (size_t)g > groups) {
		reg_error(n, "%s=\"%d\", but pattern '%s' has %zu group%s", attr,
		    g, pat, groups, groups == 1 ? "" : "s");
		return -1;
	}
	return g;
}

static int
reg_collect_explain(struct explain *ex, const xmlNode *e)
{
	const xmlNode	*c, *h;
	size_t		 groups;
	int		 bad = 0;

	for (c = e->children; c != NULL; c = c->next) {
		if (reg_is(c, "hop")) {
			struct hop	*hp;

			ex->hops = xreallocarray(ex->hops, ex->nhops + 1,
			    sizeof(*ex->hops));
			hp = &ex->hops[ex->nhops++];
			memset(hp, 0, sizeof(*hp));
			hp->id = reg_attr(c, "id");
			hp->name = esc_tty(reg_attr(c, "name"));
			hp->note = reg_sentence(reg_child(c, "note"));
			for (h = c->children; h != NULL; h = h->next) {
				if (!reg_is(h, "header") && !reg_is(h, "body"))
					continue;
				hp->headers = xreallocarray(hp->headers,
				    hp->nheaders + 1, sizeof(*hp->headers));
				if (reg_match(h, &hp->headers[hp->nheaders++]) ==
				    -1)
					bad = 1;
			}
		} else if (reg_is(c, "format")) {
			struct logformat	*f;

			ex->formats = xreallocarray(ex->formats, ex->nformats + 1,
			    sizeof(*ex->formats));
			f = &ex->formats[ex->nformats++];
			memset(f, 0, sizeof(*f));
			f->id = reg_attr(c, "id");
			f->name = esc_tty(reg_attr(c, "name"));
			f->hop = reg_attr(c, "hop");
			f->pattern = reg_text(reg_child(c, "pattern"));
			if (reg_pattern_ok(reg_child(c, "pattern"), f->pattern, 0,
			    &groups) == -1 ||
			    (f->status = reg_group(c, "status", groups,
			    f->pattern)) == -1 ||
			    (f->field = reg_group(c, "field", groups,
			    f->pattern)) == -1)
				bad = 1;
		}
	}
	return bad ? -1 : 0;
}

/* The <signature>s of one entry, after its <diagnose>. */
static int
reg_collect_signatures(struct explain *ex, const xmlNode *entry)
{
	const xmlNode		*about = reg_child(entry, "about"), *sigs, *c, *m;
	const struct logformat	*f;
	struct signature	*sg;
	int			 bad = 0;

	if (about == NULL || (sigs = reg_child(about, "signatures")) == NULL)
		return 0;
	for (c = sigs->children; c != NULL; c = c->next) {
		if (!reg_is(c, "signature"))
			continue;
		ex->sigs = xreallocarray(ex->sigs, ex->nsigs + 1,
		    sizeof(*ex->sigs));
		sg = &ex->sigs[ex->nsigs++];
		memset(sg, 0, sizeof(*sg));
		sg->slug = reg_attr(entry, "slug");
		sg->hop = reg_attr(c, "hop");
		sg->says = reg_sentence(reg_child(c, "says"));
		sg->fix = reg_sentence(reg_child(c, "fix"));
		for (m = c->children; m != NULL; m = m->next) {
			if (!reg_is(m, "line") && !reg_is(m, "field") &&
			    !reg_is(m, "header") && !reg_is(m, "body"))
				continue;
			sg->m = xreallocarray(sg->m, sg->nm + 1, sizeof(*sg->m));
			if (reg_match(m, &sg->m[sg->nm]) == -1) {
				bad = 1;
				sg->nm++;
				continue;
			}
			if (sg->m[sg->nm].kind != MATCH_HEADER &&
			    (f = reg_format(ex, sg->m[sg->nm].target)) != NULL &&
			    sg->m[sg->nm].kind == MATCH_FIELD && f->field == 0) {
				reg_error(m, "format '%s' has no field to match: "
				    "its <format> needs field=\"N\"", f->id);
				bad = 1;
			}
			sg->nm++;
		}
	}
	return bad ? -1 : 0;
}

static void
reg_matches_free(struct match *m, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(m[i].target);
		free(m[i].pattern);
	}
	free(m);
}

static void
reg_explain_free(struct explain *ex)
{
	size_t	 i;

	for (i = 0; i < ex->nhops; i++) {
		free(ex->hops[i].id);
		free(ex->hops[i].name);
		free(ex->hops[i].note);
		reg_matches_free(ex->hops[i].headers, ex->hops[i].nheaders);
	}
	free(ex->hops);
	for (i = 0; i < ex->nformats; i++) {
		free(ex->formats[i].id);
		free(ex->formats[i].name);
		free(ex->formats[i].hop);
		free(ex->formats[i].pattern);
	}
	free(ex->formats);
	for (i = 0; i < ex->nsigs; i++) {
		free(ex->sigs[i].slug);
		free(ex->sigs[i].hop);
		free(ex->sigs[i].says);
		free(ex->sigs[i].fix);
		reg_matches_free(ex->sigs[i].m, ex->sigs[i].nm);
	}
	free(ex->sigs);
	memset(ex, 0, sizeof(*ex));
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
	/*
	 * The five classes, 1xx to 5xx in that order, each with a name: the
	 * schema says so, and C checks again rather than trust it.
	 */
	for (c = root->children; c != NULL; c = c->next) {
		if (reg_is(c, "class")) {
			char *id = reg_attr(c, "id");
			char *name = reg_attr(c, "name");
			char want[16];

			snprintf(want, sizeof(want), "%dxx", (int)nc + 1);
			if (nc == 5 || id == NULL || strcmp(id, want) != 0 ||
			    name == NULL || *name == '\0') {
				reg_error(c, "expected class '%s' with a name here",
				    nc < 5 ? want : "(none)");
				bad = 1;
				free(name);
			} else {
				memcpy(reg->classes[nc].id, want, sizeof(want));
				reg->classes[nc++].name = name;
			}
			free(id);
		}
		if (reg_is(c, "explain") &&
		    reg_collect_explain(&reg->ex, c) == -1)
			bad = 1;
		if (reg_is(c, "status"))
			count++;
		if (reg_is(c, "number"))
			reg->nnumber++;
	}
	if (nc != 5 && !bad) {
		reg_error(root, "the registry needs the five classes 1xx to 5xx");
		bad = 1;
	}
	if (bad) {
		reg->nnumber = 0;	/* counted, not yet allocated */
		return -1;
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
	for (n = root->children; n != NULL; n = n->next)
		if ((reg_is(n, "status") || reg_is(n, "number")) &&
		    reg_collect_signatures(&reg->ex, n) == -1)
			bad = 1;
	reg->numbers = xcalloc(reg->nnumber, sizeof(struct number));
	i = 0;
	for (n = root->children; n != NULL; n = n->next)
		if (reg_is(n, "number") &&
		    reg_check_number(n, &reg->numbers[i++]) == -1)
			bad = 1;
	if (!bad) {
		qsort(reg->statuses, reg->nstatus, sizeof(struct status),
		    reg_status_cmp);
		if (reg_check_codes(reg, nodes) == -1)
			bad = 1;
		qsort(reg->numbers, reg->nnumber, sizeof(struct number),
		    reg_number_cmp);
		if (reg_check_numbers(reg) == -1)
			bad = 1;
	}
	free(nodes);
	return bad ? -1 : 0;
}

/* ===== Load ===== */

/* ===== White space between elements ===== */

/*
 * The names of the elements whose content the schema declares mixed: those
 * of type "inline" and those with an anonymous mixed type.  Taken from the
 * schema compiled into the tool, so the list cannot fall behind it.  Interned
 * in dict, so that a name is compared by its pointer.
 */
static size_t
reg_mixed_names(xmlDocPtr xsd, xmlDictPtr dict, const xmlChar **names,
    size_t max)
{
	xmlNodePtr	 n, next;
	xmlChar		*name, *type, *mixed;
	size_t		 count = 0;

	for (n = xmlDocGetRootElement(xsd); n != NULL; n = next) {
		if (n->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(n->name, (const xmlChar *)"element") &&
		    (name = xmlGetProp(n, (const xmlChar *)"name")) != NULL) {
			type = xmlGetProp(n, (const xmlChar *)"type");
			mixed = NULL;
			if (n->children != NULL && n->children->type == XML_ELEMENT_NODE &&
			    xmlStrEqual(n->children->name, (const xmlChar *)"complexType"))
				mixed = xmlGetProp(n->children, (const xmlChar *)"mixed");
			if ((xmlStrEqual(type, (const xmlChar *)"inline") ||
			    xmlStrEqual(mixed, (const xmlChar *)"true")) && count < max)
				names[count++] = xmlDictLookup(dict, name, -1);
			xmlFree(type);
			xmlFree(mixed);
			xmlFree(name);
		}
		/* Depth first, in document order. */
		if (n->children != NULL)
			next = n->children;
		else {
			while (n != NULL && n->next == NULL)
				n = n->parent;
			next = n != NULL ? n->next : NULL;
		}
		if (next != NULL && next->type == XML_DOCUMENT_NODE)
			next = NULL;
	}
	return count;
}

/* Free every white-space-only text child of e, if e has an element child. */
static void
reg_strip_children(xmlNodePtr e)
{
	xmlNodePtr	 c, next;

	for (c = e->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			break;
	if (c == NULL)
		return;
	for (c = e->children; c != NULL; c = next) {
		next = c->next;
		if (c->type == XML_TEXT_NODE && c->line < 65535 &&
		    xmlIsBlankNode(c)) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		}
	}
}

/*
 * Every white-space-only text node under root that is a child of an element
 * with element children and not of mixed content (names, from
 * reg_mixed_names()).  Text nodes at line 65535 stay: that is where libxml2
 * caps line numbers and keeps the true one beside them, for the elements
 * around them (xmlGetLineNo).
 */
static void
reg_strip_blanks(xmlNodePtr root, const xmlChar *const *mixed, size_t nmixed)
{
	xmlNodePtr	 n, next;
	size_t		 i;

	for (n = root; n != NULL; n = next) {
		if (n->type == XML_ELEMENT_NODE) {
			for (i = 0; i < nmixed; i++)
				if (n->name == mixed[i])
					break;
			if (i == nmixed)
				reg_strip_children(n);
		}
		if (n->type == XML_ELEMENT_NODE && n->children != NULL)
			next = n->children;
		else {
			while (n != root && n->next == NULL)
				n = n->parent;
			next = n != root ? n->next : NULL;
		}
	}
}

/*
 * Returns the checked registry, or NULL after every problem found has been
 * reported.  The caller frees the result with reg_free().
 */
struct registry *
reg_load(const char *path)
{
	struct registry	*reg;
	struct reg_xi	 x;
	xmlDocPtr	 xsd = NULL;
	char		*dir, realdir[PATH_MAX];
	const char	*slash;
	size_t		 i;
	int		 ok = 0;

	slash = strrchr(path, '/');
	dir = slash != NULL ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
	reg = xcalloc(1, sizeof(*reg));
	reg->path = xstrdup(path);
	reg_cur = reg;
	if (realpath(*dir == '\0' ? "/" : dir, realdir) == NULL) {
		msg_errno(dir, "cannot open directory");
		goto out;
	}
	if ((reg->doc = reg_parse(path, NULL)) == NULL)
		goto out;
	memset(&x, 0, sizeof(x));
	x.reg = reg;
	x.realdir = realdir;
	x.chain[x.depth++] = path;
	xsd = reg_schema_doc();
	x.nmixed = reg_mixed_names(xsd, reg->doc->dict, x.mixed, REG_MIXED_MAX);
	reg_strip_blanks(xmlDocGetRootElement(reg->doc), x.mixed, x.nmixed);
	if (reg_expand(&x, xmlDocGetRootElement(reg->doc), path) == -1)
		goto out;
	reg->byroot = xcalloc(reg->nfiles, sizeof(*reg->byroot));
	for (i = 0; i < reg->nfiles; i++) {
		reg->byroot[i].node = reg->roots[i];
		reg->byroot[i].file = reg->files[i];
	}
	qsort(reg->byroot, reg->nfiles, sizeof(*reg->byroot), reg_root_cmp);
	if (reg_validate(reg, xsd) == -1)
		goto out;
	if (reg_collect(reg) == -1)
		goto out;
	ok = 1;
out:
	msg_flush(path);
	reg_cur = NULL;
	free(dir);
	xmlFreeDoc(xsd);
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
	for (i = 0; i < reg->nnumber; i++)
		reg_number_release(&reg->numbers[i]);
	free(reg->numbers);
	for (i = 0; i < 5; i++)
		free(reg->classes[i].name);
	reg_explain_free(&reg->ex);
	for (i = 0; i < reg->nfiles; i++)
		free(reg->files[i]);
	free(reg->files);
	free(reg->roots);
	free(reg->byroot);
	free(reg->updated);
	free(reg->path);
	if (reg->doc != NULL)
		xmlFreeDoc(reg->doc);
	free(reg);
}

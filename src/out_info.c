/*
 * out_info.c: the GNU Info manual, info/httperror.info.gz, written directly
 * (no makeinfo).  xsl/info.xsl decides what goes in which node and emits a
 * line protocol (described at the top of info.xsl); this file turns it into
 * Info: the preamble with the INFO-DIR entry for install-info, node separators
 * and headers, paragraphs wrapped at 72 columns, menus, the index node, and a
 * Tag Table whose offsets are computed from the bytes actually written.
 * Called by main.c through the backend table.
 *
 * Every piece of registry text reaches the file through esc_info_line, once
 * its line is finished, so no cross-reference or menu can come out of it
 * however it is wrapped or split.  Node names are the exception: they were
 * made safe by esc_info_node and must stay byte for byte what the headers say.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "backend.h"
#include "buf.h"
#include "escape.h"
#include "fs.h"
#include "gz.h"
#include "msg.h"
#include "registry.h"
#include "xalloc.h"
#include "xform.h"

#define INFO_WIDTH	72
#define INFO_MENU_COL	32	/* where menu descriptions start */
#define INFO_INDEX_COL	40	/* where the node name of an index entry starts */

/* Stands for a node header until info_link() writes it. */
#define INFO_HEADER_SLOT	"\x1f\x01node\x01\n\n"

struct info_node {
	char	*name;
	char	*up;
	size_t	 offset;	/* of its \x1f in the uncompressed file */
};

struct info_entry {
	char	*entry;
	char	*node;
	int	 header;	/* from a header the status carries, not its own words */
};

/*
 * A place inside a node that a menu can point at, written into the Tag Table
 * as "Ref:", as makeinfo does for @anchor: the readers go to the node that
 * holds it, then to its line.
 */
struct info_anchor {
	char	*name;
	size_t	 node;		/* index in nodes */
	size_t	 offset;	/* in out until its node is written, then in the file */
};

/*
 * The file is compressed as it is made, a node at a time: out holds the
 * preamble until the first node starts, then the node being written, whose
 * header is a slot until the next node's name (its Next) is known.
 */
struct info {
	const char		*src;		/* stylesheet, for diagnostics */
	struct buf		 out;
	struct gz_stream	*gz;
	size_t			 written;	/* bytes given to gz so far */
	struct buf		 line;		/* a record not yet ended */
	struct info_node	*nodes;
	size_t			 nnodes, nodecap;
	struct info_entry	*entries;
	size_t			 nentries, entrycap;
	struct info_anchor	*anchors;
	size_t			 nanchors, anchorcap;
	size_t			 flushed;	/* anchors whose offset is final */
	int			 in_menu;
	int			 pre;		/* in a @pre block */
	size_t			 next_at;	/* where in out @menu-next stands */
	char			*next_label;
};

/* Display width: code points, not bytes. */
static size_t
info_width(const char *s, size_t n)
{
	size_t	 w = 0, i;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			w++;
	return w;
}

static void
info_pad(struct buf *b, size_t col, size_t to)
{
	do
		buf_putc(b, ' ');
	while (++col < to);
}

/*
 * Fill text into lines of at most INFO_WIDTH columns: the first line starts
 * with first, the others with rest (both the caller's, written as they are).
 * A word longer than a line gets a line of its own.  Each line's text goes
 * through esc_info_line once it is complete.  Ends with a newline.
 */
static void
info_fill(struct buf *b, const char *first, const char *rest, const char *text)
{
	struct buf	 line;
	const char	*p = text, *w;
	size_t		 col, len, wl;

	buf_init(&line);
	buf_puts(b, first);
	col = info_width(first, strlen(first));
	while (*p != '\0') {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		for (w = p; *p != '\0' && *p != ' '; p++)
			continue;
		len = (size_t)(p - w);
		wl = info_width(w, len);
		if (line.len > 0 && col + 1 + wl > INFO_WIDTH) {
			esc_info_line(b, line.data, line.len);
			buf_putc(b, '\n');
			buf_reset(&line);
			buf_puts(b, rest);
			col = info_width(rest, strlen(rest));
		}
		if (line.len > 0) {
			buf_putc(&line, ' ');
			col++;
		}
		buf_put(&line, w, len);
		col += wl;
	}
	esc_info_line(b, line.data, line.len);
	buf_putc(b, '\n');
	buf_release(&line);
}

/* Make sure a blank line separates what comes next from what went before. */
static void
info_blank(struct buf *b)
{
	if (b->len >= 2 && !(b->data[b->len - 1] == '\n' && b->data[b->len - 2] == '\n'))
		buf_putc(b, '\n');
}

static void
info_underline(struct buf *b, const char *text, int c)
{
	size_t	 start, n;

	info_blank(b);
	start = b->len;
	esc_info_line(b, text, strlen(text));
	n = info_width(b->data + start, b->len - start);
	buf_putc(b, '\n');
	while (n-- > 0)
		buf_putc(b, c);
	buf_puts(b, "\n\n");
}

/*
 * Split a record into at most max tab-separated fields (in place); the last
 * one keeps any tabs after it (an @index-entry's optional flag).
 */
static size_t
info_fields(char *line, char **f, size_t max)
{
	size_t	 n = 0;
	char	*tab;

	while (n < max) {
		f[n++] = line;
		if (n == max || (tab = strchr(line, '\t')) == NULL)
			break;
		*tab = '\0';
		line = tab + 1;
	}
	return n;
}

static int
info_ptr_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Two nodes or anchors with one name (readers look both up in one table),
 * sorted rather than compared pairwise.
 */
static int
info_unique(const struct info *in)
{
	char	**names;
	size_t	 i, n = 0;
	int	 rc = 0;

	names = xcalloc(xadd(in->nnodes, in->nanchors), sizeof(*names));
	for (i = 0; i < in->nnodes; i++)
		names[n++] = in->nodes[i].name;
	for (i = 0; i < in->nanchors; i++)
		names[n++] = in->anchors[i].name;
	qsort(names, n, sizeof(*names), info_ptr_cmp);
	for (i = 0; i + 1 < n && rc == 0; i++)
		if (strcmp(names[i], names[i + 1]) == 0) {
			msg(MSG_ERROR, in->src, 0, 0, "two Info nodes or anchors are "
			    "named '%s'", names[i]);
			rc = -1;
		}
	free(names);
	return rc;
}

static void
info_put(struct info *in, const void *p, size_t n)
{
	gz_stream_put(in->gz, p, n);
	in->written += n;
}

/* "* LABEL: TARGET." (TARGET a node or an anchor), no description. */
static void
info_menu_ref(struct buf *b, const char *label, const char *target)
{
	buf_puts(b, "* ");
	esc_info_line(b, label, strlen(label));
	buf_printf(b, ": %s.\n", target);
}

/*
 * Write what out holds: before the first node, the preamble; after, the
 * last node started, its header slot replaced by the header, with next as its
 * Next (none for the last node).  Its Tag Table offset is where the header
 * starts in the uncompressed file.  (The text holds NUL bytes, in the index
 * cookie: everything here goes by length, never by string functions.)
 */
static void
info_flush(struct info *in, const char *next)
{
	struct info_node	*nd;
	struct info_anchor	*a;
	struct buf		 head, item;
	size_t			 slotlen = sizeof(INFO_HEADER_SLOT) - 1;

	if (in->nnodes == 0) {
		info_put(in, in->out.data, in->out.len);
		buf_reset(&in->out);
		return;
	}
	nd = &in->nodes[in->nnodes - 1];
	nd->offset = in->written;
	buf_init(&head);
	buf_printf(&head, "\x1f\nFile: httperror.info,  Node: %s", nd->name);
	if (next != NULL)
		buf_printf(&head, ",  Next: %s", next);
	if (in->nnodes > 1)
		buf_printf(&head, ",  Prev: %s", in->nodes[in->nnodes - 2].name);
	buf_printf(&head, ",  Up: %s\n\n", nd->up);
	buf_init(&item);
	if (in->next_label != NULL && next != NULL)
		info_menu_ref(&item, in->next_label, next);
	/* The node's anchors were counted in out, where the slot stood. */
	for (; in->flushed < in->nanchors; in->flushed++) {
		a = &in->anchors[in->flushed];
		if (in->next_label != NULL && a->offset >= in->next_at)
			a->offset += item.len;
		a->offset += nd->offset + head.len - slotlen;
	}
	info_put(in, head.data, head.len);
	if (in->next_label != NULL) {
		info_put(in, in->out.data + slotlen, in->next_at - slotlen);
		info_put(in, item.data, item.len);
		info_put(in, in->out.data + in->next_at, in->out.len - in->next_at);
	} else
		info_put(in, in->out.data + slotlen, in->out.len - slotlen);
	buf_release(&item);
	buf_release(&head);
	free(in->next_label);
	in->next_label = NULL;
	buf_reset(&in->out);
}

/*
 * Nodes are chained in the order they come: Top, each status, the Index.  The
 * header is written as a slot, replaced when the next node starts (or at the
 * end, for the last), so the stylesheet never has to work out its neighbours.
 */
static int
info_node_start(struct info *in, char **f, size_t n)
{
	if (n != 3 || *f[1] == '\0' || *f[2] == '\0') {
		msg(MSG_ERROR, in->src, 0, 0, "@node needs a name and an up");
		return -1;
	}
	info_flush(in, f[1]);
	/* Unique names: out_info_check() made sure, info_unique() checks again. */
	if (in->nnodes == in->nodecap) {
		in->nodecap = in->nodecap == 0 ? 64 : xmul(in->nodecap, 2);
		in->nodes = xreallocarray(in->nodes, in->nodecap, sizeof(*in->nodes));
	}
	in->nodes[in->nnodes].name = xstrdup(f[1]);
	in->nodes[in->nnodes].up = xstrdup(f[2]);
	in->nodes[in->nnodes].offset = 0;	/* known when it is written */
	in->nnodes++;
	in->in_menu = 0;
	buf_puts(&in->out, INFO_HEADER_SLOT);
	return 0;
}

static void
info_menu_item(struct info *in, const char *node, const char *desc)
{
	struct buf	 head;
	char		*pad;

	buf_init(&head);
	buf_printf(&head, "* %s::", node);
	if (info_width(head.data, head.len) + 2 > INFO_MENU_COL)
		buf_puts(&head, "  ");
	else
		info_pad(&head, info_width(head.data, head.len), INFO_MENU_COL);
	pad = xmalloc(INFO_MENU_COL + 1);
	memset(pad, ' ', INFO_MENU_COL);
	pad[INFO_MENU_COL] = '\0';
	info_fill(&in->out, head.data, pad, desc);
	free(pad);
	buf_release(&head);
}

/*
 * An anchor where the next heading or paragraph starts: each of them begins
 * with a blank line unless there is one already, so there is one now.
 */
static void
info_anchor(struct info *in, const char *name)
{
	struct info_anchor	*a;

	if (in->nanchors == in->anchorcap) {
		in->anchorcap = in->anchorcap == 0 ? 64 : xmul(in->anchorcap, 2);
		in->anchors = xreallocarray(in->anchors, in->anchorcap,
		    sizeof(*in->anchors));
	}
	info_blank(&in->out);
	a = &in->anchors[in->nanchors++];
	a->name = xstrdup(name);
	a->node = in->nnodes - 1;
	a->offset = in->out.len;
}

static int
info_entry_cmp(const void *a, const void *b)
{
	const struct info_entry	*x = a, *y = b;
	int			 c;

	if ((c = strcasecmp(x->entry, y->entry)) != 0)
		return c;
	if ((c = strcmp(x->entry, y->entry)) != 0)
		return c;
	/* Where the entry is a status's keyword it goes before the statuses
	 * that only carry that header: i Retry-After is 429 first, then 413.
	 * A number's words are marked the same way (xsl/info.xsl): i rate
	 * limit is 429, then Cloudflare's 1015. */
	if (x->header != y->header)
		return x->header - y->header;
	return strcmp(x->node, y->node);
}

/*
 * The index menu, sorted; an entry that names several nodes is repeated with
 * <1>, <2>, ... as makeinfo does, so each line is a distinct menu item.
 */
static void
info_index(struct info *in)
{
	struct buf	 item;
	size_t		 i, dup = 0;

	qsort(in->entries, in->nentries, sizeof(*in->entries), info_entry_cmp);
	buf_init(&item);
	for (i = 0; i < in->nentries; i++) {
		struct info_entry *e = &in->entries[i];

		dup = i > 0 && strcmp(e->entry, in->entries[i - 1].entry) == 0 ?
		    dup + 1 : 0;
		buf_reset(&item);
		buf_puts(&item, "* ");
		esc_info_line(&item, e->entry, strlen(e->entry));
		if (dup > 0)
			buf_printf(&item, " <%zu>", dup);
		buf_putc(&item, ':');
		info_pad(&item, info_width(item.data, item.len), INFO_INDEX_COL);
		buf_printf(&item, "%s.", e->node);
		buf_puts(&item, "  (line 3)\n");
		buf_put(&in->out, item.data, item.len);
	}
	buf_release(&item);
}

static int
info_record(struct info *in, char *line)
{
	char	*f[3] = { NULL, NULL, NULL }, *flag;
	size_t	 n;

	n = info_fields(line, f, 3);
	if (strcmp(f[0], "@node") == 0)
		return info_node_start(in, f, n);
	if (in->nnodes == 0) {
		msg(MSG_ERROR, in->src, 0, 0, "Info text before the first node");
		return -1;
	}
	if (strcmp(f[0], "@title") == 0 && n == 2)
		info_underline(&in->out, f[1], '*');
	else if (strcmp(f[0], "@section") == 0 && n == 2)
		info_underline(&in->out, f[1], '=');
	else if (strcmp(f[0], "@subsection") == 0 && n == 2)
		info_underline(&in->out, f[1], '-');
	else if (strcmp(f[0], "@p") == 0 && n == 2) {
		info_blank(&in->out);
		info_fill(&in->out, "", "", f[1]);
		buf_putc(&in->out, '\n');
	} else if (strcmp(f[0], "@li") == 0 && n == 2) {
		info_fill(&in->out, "   * ", "     ", f[1]);
		buf_putc(&in->out, '\n');
	} else if (strcmp(f[0], "@fact") == 0 && n == 3) {
		struct buf first;

		buf_init(&first);
		buf_puts(&first, "   ");
		esc_info_line(&first, f[1], strlen(f[1]));
		buf_puts(&first, ": ");
		info_fill(&in->out, first.data, "        ", f[2]);
		buf_release(&first);
	} else if (strcmp(f[0], "@pre") == 0 && n == 1) {
		/* The |lines that follow are copied by the caller. */
		info_blank(&in->out);
	} else if (strcmp(f[0], "@menu") == 0 && n == 1) {
		buf_puts(&in->out, "* Menu:\n\n");
		in->in_menu = 1;
	} else if (strcmp(f[0], "@menu-comment") == 0 && n == 2) {
		if (in->in_menu > 1)
			buf_putc(&in->out, '\n');
		esc_info_line(&in->out, f[1], strlen(f[1]));
		buf_puts(&in->out, "\n\n");
		in->in_menu = 1;
	} else if (strcmp(f[0], "@menu-item") == 0 && n == 3) {
		info_menu_item(in, f[1], f[2]);
		in->in_menu = 2;
	} else if (strcmp(f[0], "@menu-ref") == 0 && n == 3 && *f[2] != '\0') {
		info_menu_ref(&in->out, f[1], f[2]);
		in->in_menu = 2;
	} else if (strcmp(f[0], "@menu-next") == 0 && n == 2 &&
	    in->next_label == NULL) {
		/* Filled in by info_flush(), once the next node is known. */
		in->next_label = xstrdup(f[1]);
		in->next_at = in->out.len;
		in->in_menu = 2;
	} else if (strcmp(f[0], "@anchor") == 0 && n == 2 && *f[1] != '\0') {
		info_anchor(in, f[1]);
	} else if (strcmp(f[0], "@index") == 0 && n == 1) {
		static const char index_start[] = "\0\b[index\0\b]\n* Menu:\n\n";

		/* The NUL-BS cookie tells Info readers this menu is an index. */
		buf_put(&in->out, index_start, sizeof(index_start) - 1);
	} else if (strcmp(f[0], "@index-entry") == 0 && n == 3 &&
	    ((flag = strchr(f[2], '\t')) == NULL || strcmp(flag, "\theader") == 0)) {
		/* NODE, or NODE, a tab and "header": see info_entry_cmp(). */
		if (flag != NULL)
			*flag = '\0';
		if (in->nentries == in->entrycap) {
			in->entrycap = in->entrycap == 0 ? 64 : xmul(in->entrycap, 2);
			in->entries = xreallocarray(in->entries, in->entrycap,
			    sizeof(*in->entries));
		}
		in->entries[in->nentries].entry = xstrdup(f[1]);
		in->entries[in->nentries].node = xstrdup(f[2]);
		in->entries[in->nentries].header = flag != NULL;
		in->nentries++;
	} else {
		msg(MSG_ERROR, in->src, 0, 0, "unknown Info record '%s' with %zu "
		    "fields", f[0], n);
		return -1;
	}
	return 0;
}

/* One line of the stylesheet's text (its newline taken off). */
static int
info_line(struct info *in, char *line)
{
	if (line[0] == '|') {
		if (!in->pre) {
			msg(MSG_ERROR, in->src, 0, 0, "literal line outside @pre");
			return -1;
		}
		buf_puts(&in->out, line[1] != '\0' ? "     " : "");
		esc_info_line(&in->out, line + 1, strlen(line + 1));
		buf_putc(&in->out, '\n');
		return 0;
	}
	if (in->pre) {
		buf_putc(&in->out, '\n');
		in->pre = 0;
	}
	if (*line == '\0')
		return 0;
	if (info_record(in, line) == -1)
		return -1;
	in->pre = strcmp(line, "@pre") == 0;
	return 0;
}

/*
 * Each hx:page of the stylesheet, as it is made: its lines are turned into
 * Info at once, so the stylesheet's text is never held whole either.  A
 * line may run on into the next piece.
 */
static int
info_piece(void *arg, const char *name, const char *text, size_t len)
{
	struct info	*in = arg;
	const char	*p = text, *end = text + len, *nl;

	(void)name;
	while (p < end) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL) {
			buf_put(&in->line, p, (size_t)(end - p));
			break;
		}
		buf_put(&in->line, p, (size_t)(nl - p));
		p = nl + 1;
		if (strlen(in->line.data) != in->line.len) {
			msg(MSG_ERROR, in->src, 0, 0, "a NUL byte in the Info text");
			return -1;
		}
		if (info_line(in, in->line.data) == -1)
			return -1;
		buf_reset(&in->line);
	}
	return 0;
}

/* The end of the stylesheet's text: the index, the last node, the tags. */
static int
info_finish(struct info *in)
{
	size_t		 i, j;
	struct buf	 tags;

	if (in->line.len > 0 && info_line(in, in->line.data) == -1)
		return -1;
	if (in->pre)
		buf_putc(&in->out, '\n');
	if (in->nentries > 0)
		info_index(in);
	if (info_unique(in) == -1)
		return -1;
	info_flush(in, NULL);
	buf_init(&tags);
	buf_puts(&tags, "\n\x1f\nTag Table:\n");
	/* In file order, each node's anchors after it, as makeinfo writes them. */
	for (i = 0, j = 0; i < in->nnodes; i++) {
		buf_printf(&tags, "Node: %s\x7f%zu\n", in->nodes[i].name,
		    in->nodes[i].offset);
		for (; j < in->nanchors && in->anchors[j].node == i; j++)
			buf_printf(&tags, "Ref: %s\x7f%zu\n", in->anchors[j].name,
			    in->anchors[j].offset);
	}
	buf_puts(&tags, "\x1f\nEnd Tag Table\n\n\x1f\nLocal Variables:\n"
	    "coding: utf-8\nEnd:\n");
	info_put(in, tags.data, tags.len);
	buf_release(&tags);
	return 0;
}

int
out_info_emit(const struct emit *e)
{
	const char	*params[] = {
		"version", e->version,
		"date", e->date,
		NULL
	};
	struct info	 in;
	size_t		 i;
	int		 rc = -1;

	memset(&in, 0, sizeof(in));
	in.src = xform_name(e->xf);
	buf_init(&in.out);
	buf_init(&in.line);
	buf_grow(&in.line, 0);
	in.gz = gz_stream_open();
	buf_printf(&in.out, "This is httperror.info, produced by httperror %s "
	    "from the httperror registry.\n\n"
	    "INFO-DIR-SECTION Network applications\n"
	    "START-INFO-DIR-ENTRY\n"
	    "* httperror: (httperror).       HTTP status codes: meaning, causes, "
	    "fixes.\n"
	    "END-INFO-DIR-ENTRY\n\n", e->version);
	if (xform_run_pages(e->xf, e->reg, params, info_piece, &in) == 0 &&
	    info_finish(&in) == 0)
		rc = gz_stream_close(in.gz, e->dir, "httperror.info.gz");
	else
		gz_stream_close(in.gz, NULL, NULL);
	for (i = 0; i < in.nnodes; i++) {
		free(in.nodes[i].name);
		free(in.nodes[i].up);
	}
	free(in.nodes);
	for (i = 0; i < in.nentries; i++) {
		free(in.entries[i].entry);
		free(in.entries[i].node);
	}
	free(in.entries);
	for (i = 0; i < in.nanchors; i++)
		free(in.anchors[i].name);
	free(in.anchors);
	free(in.next_label);
	buf_release(&in.out);
	buf_release(&in.line);
	return rc;
}

/* A node name and the status it belongs to (NULL for Top and Index). */
struct info_name {
	char			*name;
	const struct status	*st;
	const struct number	*nb;
};

static int
info_name_cmp(const void *a, const void *b)
{
	const struct info_name	*x = a, *y = b;

	return strcmp(x->name, y->name);
}

/*
 * Two nodes with one name would make one of them unreachable: run by `check`
 * and before every build.  The names are the ones xsl/info.xsl gives (the
 * node-name template: hx:info-node of "CODE PHRASE"), beside Top and Index.
 */
int
out_info_check(const struct registry *reg)
{
	struct info_name	*v;
	struct buf		 b;
	char			*raw;
	size_t			 i, n = 0;
	int			 rc = 0;

	v = xcalloc(xadd(xadd(reg->nstatus, reg->nnumber), 2), sizeof(*v));
	v[n++].name = xstrdup("Top");
	v[n++].name = xstrdup("Index");
	for (i = 0; i < reg->nstatus + reg->nnumber; i++) {
		if (i < reg->nstatus)
			raw = xasprintf("%d %s", reg->statuses[i].code,
			    reg->statuses[i].phrase);
		else {
			const struct number *nb = &reg->numbers[i - reg->nstatus];
			char *dot;

			raw = xasprintf("%s %s", nb->number, nb->phrase);
			if ((dot = strchr(raw, '.')) != NULL && dot < strchr(raw, ' '))
				*dot = '-';
			v[n].nb = nb;
		}
		buf_init(&b);
		buf_grow(&b, 0);
		esc_info_node(&b, raw);
		free(raw);
		v[n].name = buf_detach(&b);
		if (i < reg->nstatus)
			v[n].st = &reg->statuses[i];
		n++;
	}
	qsort(v, n, sizeof(*v), info_name_cmp);
	for (i = 0; i + 1 < n; i++) {
		if (strcmp(v[i].name, v[i + 1].name) != 0)
			continue;
		if (v[i + 1].nb != NULL || (v[i + 1].st == NULL && v[i].nb != NULL))
			reg_node_error(reg, v[i + 1].nb != NULL ? v[i + 1].nb->node :
			    v[i].nb->node, "its Info node would be named '%s', like "
			    "another node; Info node names must be unique", v[i].name);
		else
			reg_status_error(reg, v[i + 1].st != NULL ? v[i + 1].st :
			    v[i].st, "its Info node would be named '%s', like "
			    "another node; Info node names must be unique", v[i].name);
		rc = -1;
	}
	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
	return rc;
}

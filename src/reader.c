/*
 * reader.c: the reader's commands, `httperror CODE` (show) and `httperror
 * list [CLASS|MASK]`, from the data the build compiled (out_data.c), never
 * from the registry itself: a lookup opens one SQLite file and reads a few
 * rows.  The only file besides out_data.c and dsidx.c that includes
 * sqlite3.h.
 *
 * Where the data is, first found wins: --data FILE; $HTTPERROR_DATA; next to
 * the program's prefix, PREFIX/share/httperror/httperror.db for
 * PREFIX/bin/httperror; and in the source tree, build/data/httperror.db next
 * to build/httperror, compiled from xml/registry.xml first if make has not
 * (rd_compile).
 *
 * Output is plain text wrapped to the terminal's width ($COLUMNS, else the
 * terminal's, else 80; at most 100), with bold and colour only when stdout is
 * a terminal (or --color=always) and never when NO_COLOR is set and not
 * empty.  Exit: 0 found, 1 not in the reference, 2 bad invocation, 3 no data
 * or a broken one.
 */
#define _GNU_SOURCE	/* readlink() of /proc/self/exe */
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>
#include <sqlite3.h>

#include "buf.h"
#include "msg.h"
#include "reader.h"
#include "search.h"
#include "xalloc.h"

#define DATA_SCHEMA	"2"
#define DATA_REL	"share/httperror/httperror.db"
#define MAX_WIDTH	100


/* ===== Finding and opening the data ===== */

static int
rd_exists(const char *path)
{
	struct stat	 st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The directory of the running program, or NULL. */
static char *
rd_selfdir(void)
{
	char	 buf[PATH_MAX];
	ssize_t	 n;
	char	*slash;

	if ((n = readlink("/proc/self/exe", buf, sizeof(buf) - 1)) <= 0)
		return NULL;
	buf[n] = '\0';
	if ((slash = strrchr(buf, '/')) == NULL)
		return NULL;
	*slash = '\0';
	return xstrdup(buf);
}

/*
 * In the source tree before `make` has compiled the data (build/httperror
 * alone): compile xml/registry.xml into build/data/ the way make does, with
 * this same program (build -f data carries the other outputs over), and use
 * that.  0, or -1 with nothing said: the caller says the data is missing.
 */
static int
rd_compile(const char *dir)
{
	char	*reg = xasprintf("%s/../xml/registry.xml", dir);
	char	*xsl = xasprintf("%s/../xsl", dir);
	pid_t	 pid;
	int	 st, fd;

	const char	*base = strrchr(dir, '/');

	/* Only build/httperror of a source tree: never an installed program. */
	if (base == NULL || strcmp(base, "/build") != 0 || !rd_exists(reg)) {
		free(reg);
		free(xsl);
		return -1;
	}
	fprintf(stderr, "httperror: no %s/data/httperror.db yet: compiling %s "
	    "(make does this once)\n", dir, reg);
	if ((pid = fork()) == -1) {
		free(reg);
		free(xsl);
		return -1;
	}
	if (pid == 0) {
		if ((fd = open("/dev/null", O_WRONLY)) != -1)
			dup2(fd, STDOUT_FILENO);
		execl("/proc/self/exe", "httperror", "build", "-o", dir, "-f",
		    "data", "-s", xsl, reg, (char *)NULL);
		_exit(127);
	}
	free(reg);
	free(xsl);
	while (waitpid(pid, &st, 0) == -1)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
}

static char *
rd_find(const char *opt, int *source_tree)
{
	const char	*env = getenv("HTTPERROR_DATA");
	char		*dir, *p;

	*source_tree = 0;
	if (opt != NULL)
		return xstrdup(opt);
	if (env != NULL && *env != '\0')
		return xstrdup(env);
	if ((dir = rd_selfdir()) == NULL)
		return NULL;
	p = xasprintf("%s/../" DATA_REL, dir);
	if (!rd_exists(p)) {
		free(p);
		p = xasprintf("%s/data/httperror.db", dir);
		if (rd_exists(p) || (rd_compile(dir) == 0 && rd_exists(p)))
			*source_tree = 1;
		else {
			free(p);
			p = NULL;
		}
	}
	free(dir);
	return p;
}

int
reader_data_open(const char *opt, sqlite3 **dbp, char **pathp, int *source_tree)
{
	sqlite3_stmt	*st = NULL;
	const char	*v;
	int		 ok = 0;

	*dbp = NULL;
	if ((*pathp = rd_find(opt, source_tree)) == NULL) {
		msg(MSG_SYSERR, NULL, 0, 0, "cannot find the reader's data "
		    "(" DATA_REL " under the program's prefix); name it with "
		    "--data FILE or HTTPERROR_DATA");
		return -1;
	}
	if (sqlite3_open_v2(*pathp, dbp, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK)
		goto bad;
	if (sqlite3_prepare_v2(*dbp, "SELECT value FROM meta WHERE key = "
	    "'schema'", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW &&
	    (v = (const char *)sqlite3_column_text(st, 0)) != NULL &&
	    strcmp(v, DATA_SCHEMA) == 0)
		ok = 1;
	sqlite3_finalize(st);
	if (ok)
		return 0;
bad:
	msg(MSG_SYSERR, *pathp, 0, 0, "not httperror's data (schema "
	    DATA_SCHEMA "): %s", *dbp != NULL ? sqlite3_errmsg(*dbp) :
	    "out of memory");
	return -1;
}

static int
rd_open(struct rd *r, const char *opt)
{
	return reader_data_open(opt, &r->db, &r->path, &r->source_tree);
}

sqlite3_stmt *
rd_prepare(struct rd *r, const char *sql)
{
	sqlite3_stmt	*st;

	if (sqlite3_prepare_v2(r->db, sql, -1, &st, NULL) != SQLITE_OK) {
		msg(MSG_SYSERR, r->path, 0, 0, "sqlite: %s", sqlite3_errmsg(r->db));
		return NULL;
	}
	return st;
}

const char *
col(sqlite3_stmt *st, int i)
{
	const char	*s = (const char *)sqlite3_column_text(st, i);

	return s != NULL ? s : "";
}

/* ===== Layout ===== */

/* The display width of UTF-8 text: one column per character. */
static size_t
u8width(const char *s, size_t len)
{
	size_t	 i, w = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			w++;
	return w;
}


static const char *
rd_class_color(const char *code)
{
	switch (code[0]) {
	case '1': return "\033[1;34m";	/* bold blue */
	case '2': return "\033[1;32m";	/* bold green */
	case '3': return "\033[1;36m";	/* bold cyan */
	case '4': return "\033[1;33m";	/* bold yellow */
	case '5': return "\033[1;31m";	/* bold red */
	default:  return "\033[1;35m";	/* bold magenta: not a status */
	}
}

void
rd_on(const struct rd *r, enum style s, const char *code)
{
	if (!r->color)
		return;
	switch (s) {
	case S_BOLD: fputs("\033[1m", stdout); break;
	case S_DIM: fputs("\033[2m", stdout); break;
	case S_CLASS: fputs(rd_class_color(code), stdout); break;
	default: break;
	}
}

void
rd_off(const struct rd *r, enum style s)
{
	if (r->color && s != S_NONE)
		fputs("\033[0m", stdout);
}

/*
 * Text wrapped at r->width: the first line starts at column `at` (what was
 * already printed on it), the others are indented by `indent`.  Words are
 * runs of non-spaces; one longer than a line is printed whole.
 */
static int
rd_wrap_col(const struct rd *r, const char *text, size_t at, size_t indent,
    int print, int max, size_t *colp)
{
	const char	*p = text, *w, *q;
	size_t		 col = at, len, ww;
	int		 first = 1, lines = 1;

	while (*p != '\0') {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		w = p;
		while (*p != '\0' && *p != ' ')
			p++;
		len = (size_t)(p - w);
		ww = u8width(w, len);
		for (q = p; *q == ' '; q++)
			;
		/*
		 * On the last line allowed, a word goes only where " ..." still
		 * fits after it, unless it is the last word; else " ..." ends
		 * the text.
		 */
		if (max > 0 && lines == max && !first &&
		    (col + 1 + ww + (*q != '\0' ? 4 : 0) > (size_t)r->width)) {
			if (print)
				fputs(" ...", stdout);
			break;
		}
		if (!first && col + 1 + ww > (size_t)r->width) {
			if (print)
				printf("\n%*s", (int)indent, "");
			col = indent;
			lines++;
		} else if (!first) {
			if (print)
				putchar(' ');
			col++;
		}
		if (print)
			fwrite(w, 1, len, stdout);
		col += ww;
		first = 0;
	}
	if (colp != NULL)
		*colp = col;
	else if (print)
		putchar('\n');
	return lines;
}

int
rd_wrap_max(const struct rd *r, const char *text, size_t at, size_t indent,
    int print, int max)
{
	return rd_wrap_col(r, text, at, indent, print, max, NULL);
}

static int
rd_wrap_to(const struct rd *r, const char *text, size_t at, size_t indent,
    int print)
{
	return rd_wrap_max(r, text, at, indent, print, 0);
}

/* Print; the number of lines it took. */
int
rd_wrap(const struct rd *r, const char *text, size_t at, size_t indent)
{
	return rd_wrap_to(r, text, at, indent, 1);
}

/* A label on a line of its own style, then text wrapped after it. */
int
rd_field(const struct rd *r, const char *label, const char *text,
    size_t indent)
{
	rd_on(r, S_BOLD, "");
	fputs(label, stdout);
	rd_off(r, S_BOLD);
	return rd_wrap(r, text, strlen(label), indent);
}

/*
 * The first sentence of an item: up to the first ". " followed by a capital
 * letter, a quote or a parenthesis, so "e.g. foo" and "1.5 s" stay whole; a
 * first sentence shorter than 40 bytes ("Log timings.") takes the next too.
 */
char *
rd_sentence(const char *s)
{
	const char	*p;

	for (p = s; (p = strstr(p, ". ")) != NULL; p += 2) {
		unsigned char	 c = (unsigned char)p[2];

		if (((c >= 'A' && c <= 'Z') || c == '"' || c == '(') &&
		    p - s >= 40)
			return xstrndup(s, (size_t)(p - s) + 1);
	}
	return xstrdup(s);
}

#define ENTRY_COLS "id, kind, code, slug, phrase, tag, origin, spec, fault, " \
	"tldr, sent, class, prim, man, info"
enum { E_ID, E_KIND, E_CODE, E_SLUG, E_PHRASE, E_TAG, E_ORIGIN, E_SPEC,
	E_FAULT, E_TLDR, E_SENT, E_CLASS, E_PRIM, E_MAN, E_INFO };

/* ===== --json =====
 *
 * One object on stdout, written by Jansson with its keys in the order they
 * are set (JSON_PRESERVE_ORDER), so the output is stable.  The shape, which
 * httperror(1) documents and tests/reader.sh checks:
 *   show:   {"httperror": 1, "query": CODE, "meanings": [ENTRY...]}
 *   list:   {"httperror": 1, "query": MASK or null, "entries": [LINE...]}
 *   search: {"httperror": 1, "query": WORDS, "total": N,
 *            "entries": [LINE + "score"...]}   (every match, best first)
 * LINE is {"code", "slug", "phrase", "tag" (or null), "kind" ("status" or
 * "number"), "class" (or null)}; ENTRY is LINE and "primary", "class_name",
 * "origin", "spec", "fault", "summary", "sent_by" (strings or null),
 * "developer" and "visitor" (the fixes, whole), "related" ([{"code",
 * "phrase"}]), "man" and "info" (the commands that open it).
 */
#define JSON_VERSION	1

json_t *
rd_jstr(const char *s)
{
	return s != NULL && *s != '\0' ? json_string(s) : json_null();
}

static json_t *
rd_json_items(struct rd *r, long id, const char *key, int related)
{
	sqlite3_stmt	*st;
	json_t		*a = json_array(), *o;
	const char	*v, *sp;

	if ((st = rd_prepare(r, "SELECT value FROM item WHERE entry = ? AND "
	    "key = ? ORDER BY seq")) == NULL)
		return a;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		v = col(st, 0);
		if (!related) {
			json_array_append_new(a, json_string(v));
			continue;
		}
		/* "503 Service Unavailable": the code, then the phrase. */
		sp = strchr(v, ' ');
		o = json_object();
		json_object_set_new(o, "code", sp != NULL ?
		    json_stringn(v, (size_t)(sp - v)) : json_string(v));
		json_object_set_new(o, "phrase", json_string(sp != NULL ? sp + 1 :
		    ""));
		json_array_append_new(a, o);
	}
	sqlite3_finalize(st);
	return a;
}

static json_t *
rd_json_entry(struct rd *r, sqlite3_stmt *e)
{
	sqlite3_stmt	*st;
	json_t		*o = json_object();
	long		 id = sqlite3_column_int64(e, E_ID);
	char		*cmd;

	json_object_set_new(o, "code", json_string(col(e, E_CODE)));
	json_object_set_new(o, "slug", json_string(col(e, E_SLUG)));
	json_object_set_new(o, "phrase", json_string(col(e, E_PHRASE)));
	json_object_set_new(o, "tag", rd_jstr(col(e, E_TAG)));
	json_object_set_new(o, "kind", json_string(col(e, E_KIND)));
	json_object_set_new(o, "class", rd_jstr(col(e, E_CLASS)));
	json_object_set_new(o, "primary",
	    json_boolean(sqlite3_column_int(e, E_PRIM) == 1 ||
	    strcmp(col(e, E_KIND), "number") == 0));
	json_object_set_new(o, "class_name", json_null());
	if (*col(e, E_CLASS) != '\0' &&
	    (st = rd_prepare(r, "SELECT name FROM class WHERE id = ?")) != NULL) {
		sqlite3_bind_text(st, 1, col(e, E_CLASS), -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			json_object_set_new(o, "class_name", json_string(col(st, 0)));
		sqlite3_finalize(st);
	}
	json_object_set_new(o, "origin", rd_jstr(col(e, E_ORIGIN)));
	json_object_set_new(o, "spec", rd_jstr(col(e, E_SPEC)));
	json_object_set_new(o, "fault", rd_jstr(col(e, E_FAULT)));
	json_object_set_new(o, "summary", rd_jstr(col(e, E_TLDR)));
	json_object_set_new(o, "sent_by", rd_jstr(col(e, E_SENT)));
	json_object_set_new(o, "developer", rd_json_items(r, id, "developer", 0));
	json_object_set_new(o, "visitor", rd_json_items(r, id, "visitor", 0));
	json_object_set_new(o, "related", rd_json_items(r, id, "related", 1));
	cmd = xasprintf("man %s", col(e, E_MAN));
	json_object_set_new(o, "man", json_string(cmd));
	free(cmd);
	cmd = xasprintf("info httperror %s", col(e, E_INFO));
	json_object_set_new(o, "info", json_string(cmd));
	free(cmd);
	return o;
}

static json_t *
rd_json_line(const char *code, const char *slug, const char *phrase,
    const char *tag, const char *kind, const char *cls)
{
	json_t	*o = json_object();

	json_object_set_new(o, "code", json_string(code));
	json_object_set_new(o, "slug", json_string(slug));
	json_object_set_new(o, "phrase", json_string(phrase));
	json_object_set_new(o, "tag", rd_jstr(tag));
	json_object_set_new(o, "kind", json_string(kind));
	json_object_set_new(o, "class", rd_jstr(cls));
	return o;
}

json_t *
rd_json_new(const char *query)
{
	json_t	*o = json_object();

	json_object_set_new(o, "httperror", json_integer(JSON_VERSION));
	json_object_set_new(o, "query", query != NULL ? json_string(query) :
	    json_null());
	return o;
}

/* Write and free it. */
void
rd_json_put(json_t *o)
{
	if (json_dumpf(o, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
	    JSON_ENSURE_ASCII) == -1)
		msg_errno("standard output", "cannot write");
	putchar('\n');
	json_decref(o);
}

/* ===== show ===== */


/*
 * The first items of an entry (fixes), as the first sentence of each: at
 * least one, at most max, and no more than fit in *budget lines, which is
 * reduced by what was printed.
 */
static void
rd_items(struct rd *r, long id, const char *key, const char *label, int max,
    int *budget)
{
	sqlite3_stmt	*st;
	char		*s;
	int		 n = 0, lines;

	if ((st = rd_prepare(r, "SELECT value FROM item WHERE entry = ? AND "
	    "key = ? ORDER BY seq LIMIT ?")) == NULL)
		return;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, max);
	while (sqlite3_step(st) == SQLITE_ROW) {
		s = rd_sentence(col(st, 0));
		lines = rd_wrap_to(r, s, 4, 4, 0) + (n == 0);
		if (n > 0 && lines > *budget) {
			free(s);
			break;
		}
		if (n++ == 0) {
			rd_on(r, S_BOLD, "");
			fputs(label, stdout);
			rd_off(r, S_BOLD);
			putchar('\n');
		}
		fputs("  - ", stdout);
		if (lines > *budget) {
			/* The first item, cut to what is left, at least a line. */
			lines = rd_wrap_max(r, s, 4, 4, 1,
			    *budget - 1 > 1 ? *budget - 1 : 1) + 1;
		} else
			rd_wrap(r, s, 4, 4);
		*budget -= lines;
		free(s);
	}
	sqlite3_finalize(st);
}

/* The lines the first item of key would take with its label. */
static int
rd_first_item_lines(struct rd *r, long id, const char *key)
{
	sqlite3_stmt	*st;
	char		*s;
	int		 lines = 0;

	if ((st = rd_prepare(r, "SELECT value FROM item WHERE entry = ? AND "
	    "key = ? ORDER BY seq LIMIT 1")) == NULL)
		return 0;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		s = rd_sentence(col(st, 0));
		lines = 1 + rd_wrap_to(r, s, 4, 4, 0);
		free(s);
	}
	sqlite3_finalize(st);
	return lines;
}

static int
rd_related(struct rd *r, long id, int print)
{
	sqlite3_stmt	*st;
	struct buf	 b;
	int		 n = 0;

	if ((st = rd_prepare(r, "SELECT value FROM item WHERE entry = ? AND "
	    "key = 'related' ORDER BY seq LIMIT 4")) == NULL)
		return 0;
	buf_init(&b);
	sqlite3_bind_int64(st, 1, id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (n++ > 0)
			buf_puts(&b, ", ");
		buf_puts(&b, col(st, 0));
	}
	sqlite3_finalize(st);
	if (n > 0 && print) {
		rd_on(r, S_BOLD, "");
		fputs("Related: ", stdout);
		rd_off(r, S_BOLD);
	}
	n = n == 0 ? 0 : rd_wrap_max(r, b.data, 9, 2, print, 2);
	buf_release(&b);
	return n;
}

/*
 * The heading: "502 Bad Gateway", in the class's colour, then the tag,
 * "(nginx, unofficial)", on the same line when its first word fits; wrapped
 * after column at, continued with an indent of 2.  The lines it takes.
 */
static int
rd_heading_to(const struct rd *r, sqlite3_stmt *e, size_t at, int print)
{
	char	*s;
	size_t	 w;
	int	 n;

	s = xasprintf("%s %s", col(e, E_CODE), col(e, E_PHRASE));
	if (print)
		rd_on(r, S_CLASS, col(e, E_CODE));
	n = rd_wrap_col(r, s, at, 2, print, 0, &w);
	if (print)
		rd_off(r, S_CLASS);
	free(s);
	if (*col(e, E_TAG) == '\0') {
		if (print)
			putchar('\n');
		return n;
	}
	s = xasprintf("(%s)", col(e, E_TAG));
	if (w + 1 + u8width(s, strcspn(s, " ")) <= (size_t)r->width) {
		if (print)
			putchar(' ');
		n += rd_wrap_to(r, s, w + 1, 2, print) - 1;
	} else {
		if (print)
			fputs("\n  ", stdout);
		n += rd_wrap_to(r, s, 2, 2, print);
	}
	free(s);
	return n;
}

static int
rd_heading_lines(const struct rd *r, sqlite3_stmt *e, size_t at)
{
	return rd_heading_to(r, e, at, 0);
}

static int
rd_heading(struct rd *r, sqlite3_stmt *e, size_t at)
{
	return rd_heading_to(r, e, at, 1);
}

static int
rd_facts(struct rd *r, sqlite3_stmt *e)
{
	sqlite3_stmt	*st;
	struct buf	 b;
	int		 n;

	buf_init(&b);
	if (*col(e, E_CLASS) != '\0' &&
	    (st = rd_prepare(r, "SELECT name FROM class WHERE id = ?")) != NULL) {
		sqlite3_bind_text(st, 1, col(e, E_CLASS), -1, SQLITE_STATIC);
		buf_puts(&b, col(e, E_CLASS));
		if (sqlite3_step(st) == SQLITE_ROW) {
			buf_putc(&b, ' ');
			buf_puts(&b, col(st, 0));
		}
		sqlite3_finalize(st);
	}
	if (*col(e, E_FAULT) != '\0') {
		if (b.len > 0)
			buf_puts(&b, "; ");
		buf_puts(&b, "fault: ");
		buf_puts(&b, col(e, E_FAULT));
	}
	if (b.len > 0)
		buf_puts(&b, "; ");
	buf_puts(&b, col(e, E_ORIGIN));
	if (strncmp(col(e, E_SPEC), "RFC ", 4) == 0) {
		buf_puts(&b, ", ");
		buf_puts(&b, col(e, E_SPEC));
	}
	rd_on(r, S_DIM, "");
	n = rd_wrap(r, b.data, 0, 0);
	rd_off(r, S_DIM);
	buf_release(&b);
	return n;
}

/* "More: man 502; info httperror 502 (or httperror 502 --long)". */
static int
rd_more(struct rd *r, sqlite3_stmt *e, int print)
{
	char	*s;
	int	 n;

	if (sqlite3_column_int(e, E_PRIM) == 1)
		s = xasprintf("man %s; info httperror %s; httperror %s --long",
		    col(e, E_MAN), col(e, E_INFO), col(e, E_CODE));
	else
		s = xasprintf("man %s; info httperror %s", col(e, E_MAN),
		    col(e, E_INFO));
	n = print ? rd_field(r, "More: ", s, 2) : rd_wrap_to(r, s, 6, 2, 0);
	free(s);
	return n;
}

/*
 * The card of the primary meaning, in `rows` lines at most: what it is, who
 * sent it, then as many first fixes as fit (at least one for developers and
 * one for visitors), related statuses and where to read more.
 */
static void
rd_card(struct rd *r, sqlite3_stmt *e, int rows)
{
	long	 id = sqlite3_column_int64(e, E_ID);
	int	 budget, vis;

	budget = rows - rd_heading(r, e, 0) - rd_facts(r, e);
	putchar('\n');
	budget -= 3 + rd_wrap(r, col(e, E_TLDR), 0, 0);
	budget -= rd_wrap(r, col(e, E_SENT), 0, 0);
	putchar('\n');
	budget -= rd_related(r, id, 0) + rd_more(r, e, 0);
	vis = rd_first_item_lines(r, id, "visitor");
	budget -= vis;
	rd_items(r, id, "developer", "Fix it (developers):", 3, &budget);
	budget += vis;
	rd_items(r, id, "visitor", "If you are visiting the site:", 2, &budget);
	putchar('\n');
	rd_related(r, id, 1);
	rd_more(r, e, 1);
}

/* Another meaning of the same code, in four lines or so. */
static int
rd_card_short(struct rd *r, sqlite3_stmt *e, int print)
{
	int	 n;

	if (!print)
		return rd_heading_lines(r, e, 6) +
		    rd_wrap_max(r, col(e, E_TLDR), 0, 0, 0, 2) + rd_more(r, e, 0);
	rd_on(r, S_BOLD, "");
	fputs("Also: ", stdout);
	rd_off(r, S_BOLD);
	n = rd_heading(r, e, 6);
	n += rd_wrap_max(r, col(e, E_TLDR), 0, 0, 1, 2);
	return n + rd_more(r, e, 1);
}

/* A code as readers write it: 404, 500.19, 000, 1020. */
static int
rd_is_code(const char *s)
{
	size_t	 n = strspn(s, "0123456789");

	if (n == 0 || n > 4)
		return 0;
	if (s[n] == '\0')
		return 1;
	return s[n] == '.' && strspn(s + n + 1, "0123456789") ==
	    strlen(s + n + 1) && strlen(s + n + 1) >= 1 && strlen(s + n + 1) <= 3;
}

/* "Not in this reference", and the present codes either side. */
static void
rd_unknown(struct rd *r, const char *code)
{
	sqlite3_stmt	*below, *above;
	struct buf	 b;
	double		 v = atof(code);

	below = rd_prepare(r, "SELECT code, phrase FROM entry WHERE kind = "
	    "'status' AND prim = 1 AND CAST(code AS REAL) < ? "
	    "ORDER BY CAST(code AS REAL) DESC LIMIT 1");
	above = rd_prepare(r, "SELECT code, phrase FROM entry WHERE kind = "
	    "'status' AND prim = 1 AND CAST(code AS REAL) > ? "
	    "ORDER BY CAST(code AS REAL) LIMIT 1");
	if (below == NULL || above == NULL)
		goto out;
	sqlite3_bind_double(below, 1, v);
	sqlite3_bind_double(above, 1, v);
	buf_init(&b);
	if (sqlite3_step(below) == SQLITE_ROW) {
		buf_puts(&b, "; the nearest: ");
		buf_puts(&b, col(below, 0));
		buf_putc(&b, ' ');
		buf_puts(&b, col(below, 1));
	}
	if (sqlite3_step(above) == SQLITE_ROW) {
		buf_puts(&b, b.len > 0 ? ", " : "; the nearest: ");
		buf_puts(&b, col(above, 0));
		buf_putc(&b, ' ');
		buf_puts(&b, col(above, 1));
	}
	msg(MSG_ERROR, NULL, 0, 0, "%s is not in this reference%s", code,
	    b.len > 0 ? b.data : "");
	buf_release(&b);
out:
	sqlite3_finalize(below);
	sqlite3_finalize(above);
}

static int
rd_long(struct rd *r, sqlite3_stmt *e)
{
	char	*page = NULL, *dir, *slash;

	/* In the source tree, the page the build made, not an installed one. */
	if (r->source_tree) {
		dir = xstrdup(r->path);
		if ((slash = strrchr(dir, '/')) != NULL)
			*slash = '\0';
		page = xasprintf("%s/../man/man7/%s.7.gz", dir, col(e, E_SLUG));
		free(dir);
		if (!rd_exists(page)) {
			free(page);
			page = NULL;
		}
	}
	fflush(stdout);
	if (page != NULL)
		execlp("man", "man", "-l", page, (char *)NULL);
	else
		execlp("man", "man", "7", col(e, E_MAN), (char *)NULL);
	msg_errno("man", "cannot run");
	free(page);
	return -1;
}

static void
rd_show(struct rd *r, const char *code, int longpage)
{
	sqlite3_stmt	*st;
	int		 n = 0, rows = r->height, first;

	/*
	 * The meanings of the code, primary first; or the number it is an
	 * also of (0 for 000).  The other meanings' short cards are measured
	 * first, so that the whole answer fits the screen.
	 */
	if ((st = rd_prepare(r, "SELECT " ENTRY_COLS " FROM entry WHERE code = ?1 "
	    "OR id IN (SELECT entry FROM item WHERE key = 'also' AND value = ?1) "
	    "ORDER BY prim IS NOT 1, id")) == NULL)
		return;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	if (r->json && !longpage) {
		json_t	*o = rd_json_new(code), *a = json_array();

		while (sqlite3_step(st) == SQLITE_ROW)
			json_array_append_new(a, rd_json_entry(r, st));
		sqlite3_finalize(st);
		n = (int)json_array_size(a);
		json_object_set_new(o, "meanings", a);
		if (n > 0)
			rd_json_put(o);
		else {
			json_decref(o);
			rd_unknown(r, code);
		}
		return;
	}
	for (first = 1; sqlite3_step(st) == SQLITE_ROW; first = 0)
		if (!first)
			rows -= 1 + rd_card_short(r, st, 0);
	sqlite3_reset(st);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (longpage) {
			rd_long(r, st);
			break;
		}
		if (n++ == 0)
			rd_card(r, st, rows);
		else {
			putchar('\n');
			rd_card_short(r, st, 1);
		}
	}
	sqlite3_finalize(st);
	if (n == 0)
		rd_unknown(r, code);
}

/* ===== list ===== */

/* One list line: "404   Not Found (tag)". */
static void
rd_line(struct rd *r, const char *code, const char *phrase, const char *tag)
{
	rd_on(r, S_CLASS, code);
	/* A space after the longest codes too (500.19), so the code is a field. */
	printf("%-5s ", code);
	rd_off(r, S_CLASS);
	fputs(phrase, stdout);
	if (*tag != '\0')
		printf(" (%s)", tag);
	putchar('\n');
}

/* A class or mask, 4xx or 50x or 5: three characters of digits and x. */
static int
rd_mask(const char *s, char mask[4])
{
	size_t	 n = strlen(s), i;

	if (n == 0 || n > 3 || s[0] < '1' || s[0] > '5')
		return -1;
	for (i = 0; i < 3; i++) {
		char	 c = i < n ? s[i] : 'x';

		if (c == 'X')
			c = 'x';
		if (c != 'x' && (c < '0' || c > '9'))
			return -1;
		if (i > 0 && mask[i - 1] == 'x' && c != 'x')
			return -1;
		mask[i] = c;
	}
	mask[3] = '\0';
	return 0;
}

static int
rd_mask_match(const char *mask, const char *code)
{
	size_t	 i;

	if (mask == NULL)
		return 1;
	if (strlen(code) != 3)
		return 0;
	for (i = 0; i < 3; i++)
		if (mask[i] != 'x' && mask[i] != code[i])
			return 0;
	return 1;
}

static void
rd_list(struct rd *r, const char *mask)
{
	sqlite3_stmt	*st;
	const char	*cls;
	char		*lastcls = NULL;
	json_t		*o = NULL, *a = NULL;
	int		 n = 0;

	if ((st = rd_prepare(r, "SELECT e.code, e.phrase, e.tag, e.slug, e.kind, "
	    "e.class, c.name FROM entry e LEFT JOIN class c ON c.id = e.class "
	    "ORDER BY e.id")) == NULL)
		return;
	if (r->json) {
		o = rd_json_new(mask);
		a = json_array();
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char	*code = col(st, 0), *phrase = col(st, 1);

		if (mask != NULL && (strcmp(col(st, 4), "status") != 0 ||
		    !rd_mask_match(mask, code)))
			continue;
		n++;
		if (a != NULL) {
			json_array_append_new(a, rd_json_line(code, col(st, 3),
			    phrase, col(st, 2), col(st, 4), col(st, 5)));
			continue;
		}
		cls = strcmp(col(st, 4), "status") == 0 ? col(st, 5) : "";
		if (lastcls == NULL || strcmp(lastcls, cls) != 0) {
			if (n > 1)
				putchar('\n');
			rd_on(r, S_BOLD, "");
			if (*cls != '\0')
				printf("%s %s", cls, col(st, 6));
			else
				fputs("Not HTTP statuses", stdout);
			rd_off(r, S_BOLD);
			putchar('\n');
			free(lastcls);
			lastcls = xstrdup(cls);
		}
		rd_line(r, code, phrase, col(st, 2));
	}
	free(lastcls);
	sqlite3_finalize(st);
	if (n == 0) {
		json_decref(a);
		json_decref(o);
		msg(MSG_ERROR, NULL, 0, 0, "no status matches %s", mask);
		return;
	}
	if (o != NULL) {
		json_object_set_new(o, "entries", a);
		rd_json_put(o);
	}
}

/* ===== search ===== */

#define SEARCH_SHOWN	50	/* as the page lists (xsl/html.js, SHOWN) */

struct rd_all {
	struct search_entry	*e;
	char			**code, **phrase, **tag, **summary, **words;
	char			**slug, **kind, **cls;
	char			***names, ***also;
	size_t			 n;
};

static void
rd_push(char ***v, size_t *n, const char *s)
{
	*v = xreallocarray(*v, *n + 1, sizeof(**v));
	(*v)[(*n)++] = xstrdup(s);
}

/* Every entry, in page order, as search.c ranks them. */
static int
rd_load_all(struct rd *r, struct rd_all *a)
{
	sqlite3_stmt	*st, *it;
	size_t		 i, *nn, *na;

	memset(a, 0, sizeof(*a));
	if ((st = rd_prepare(r, "SELECT code, phrase, tag, tldr, words, kind, "
	    "slug, class FROM entry ORDER BY id")) == NULL)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		i = a->n++;
		a->e = xreallocarray(a->e, a->n, sizeof(*a->e));
		a->code = xreallocarray(a->code, a->n, sizeof(char *));
		a->phrase = xreallocarray(a->phrase, a->n, sizeof(char *));
		a->tag = xreallocarray(a->tag, a->n, sizeof(char *));
		a->summary = xreallocarray(a->summary, a->n, sizeof(char *));
		a->words = xreallocarray(a->words, a->n, sizeof(char *));
		a->slug = xreallocarray(a->slug, a->n, sizeof(char *));
		a->kind = xreallocarray(a->kind, a->n, sizeof(char *));
		a->cls = xreallocarray(a->cls, a->n, sizeof(char *));
		a->names = xreallocarray(a->names, a->n, sizeof(char **));
		a->also = xreallocarray(a->also, a->n, sizeof(char **));
		a->code[i] = xstrdup(col(st, 0));
		a->phrase[i] = xstrdup(col(st, 1));
		a->tag[i] = xstrdup(col(st, 2));
		a->summary[i] = xstrdup(col(st, 3));
		a->words[i] = xstrdup(col(st, 4));
		a->kind[i] = xstrdup(col(st, 5));
		a->slug[i] = xstrdup(col(st, 6));
		a->cls[i] = xstrdup(col(st, 7));
		a->names[i] = a->also[i] = NULL;
		memset(&a->e[i], 0, sizeof(a->e[i]));
		a->e[i].number = strcmp(col(st, 5), "number") == 0;
	}
	sqlite3_finalize(st);
	if ((it = rd_prepare(r, "SELECT e.id, i.key, i.value FROM item i "
	    "JOIN entry e ON e.id = i.entry WHERE i.key IN ('name', 'also') "
	    "ORDER BY e.id, i.key, i.seq")) == NULL)
		return -1;
	/* Entry ids are 0..n-1 in page order (out_data.c). */
	while (sqlite3_step(it) == SQLITE_ROW) {
		sqlite3_int64 id = sqlite3_column_int64(it, 0);

		if (id < 0 || (size_t)id >= a->n)
			continue;
		i = (size_t)id;
		if (strcmp(col(it, 1), "name") == 0) {
			nn = &a->e[i].nnames;
			rd_push(&a->names[i], nn, col(it, 2));
		} else {
			na = &a->e[i].nalso;
			rd_push(&a->also[i], na, col(it, 2));
		}
	}
	sqlite3_finalize(it);
	for (i = 0; i < a->n; i++) {
		a->e[i].code = a->code[i];
		a->e[i].phrase = a->phrase[i];
		a->e[i].summary = a->summary[i];
		a->e[i].words = a->words[i];
		a->e[i].names = (const char *const *)a->names[i];
		a->e[i].also = (const char *const *)a->also[i];
	}
	return 0;
}

static void
rd_free_all(struct rd_all *a)
{
	size_t	 i, k;

	for (i = 0; i < a->n; i++) {
		free(a->code[i]);
		free(a->phrase[i]);
		free(a->tag[i]);
		free(a->summary[i]);
		free(a->words[i]);
		free(a->slug[i]);
		free(a->kind[i]);
		free(a->cls[i]);
		for (k = 0; k < a->e[i].nnames; k++)
			free(a->names[i][k]);
		for (k = 0; k < a->e[i].nalso; k++)
			free(a->also[i][k]);
		free(a->names[i]);
		free(a->also[i]);
	}
	free(a->code);
	free(a->phrase);
	free(a->tag);
	free(a->summary);
	free(a->words);
	free(a->slug);
	free(a->kind);
	free(a->cls);
	free(a->names);
	free(a->also);
	free(a->e);
}

static void
rd_search(struct rd *r, const char *query)
{
	struct rd_all		 a;
	struct search_hit	*hits = NULL;
	size_t			 n, i;

	if (rd_load_all(r, &a) == 0) {
		n = search_rank(a.e, a.n, query, &hits);
		if (r->json && n > 0) {
			json_t	*o = rd_json_new(query), *arr = json_array(), *l;

			json_object_set_new(o, "total", json_integer((json_int_t)n));
			for (i = 0; i < n; i++) {
				size_t	 k = hits[i].entry;

				l = rd_json_line(a.code[k], a.slug[k], a.phrase[k],
				    a.tag[k], a.kind[k], a.cls[k]);
				json_object_set_new(l, "score",
				    json_real(hits[i].score));
				json_array_append_new(arr, l);
			}
			json_object_set_new(o, "entries", arr);
			rd_json_put(o);
		}
		for (i = 0; i < n && i < SEARCH_SHOWN && !r->json; i++)
			rd_line(r, a.code[hits[i].entry], a.phrase[hits[i].entry],
			    a.tag[hits[i].entry]);
		if (n > SEARCH_SHOWN && !r->json)
			printf("And %zu more: add a word to narrow the search.\n",
			    n - SEARCH_SHOWN);
		if (n == 0) {
			msg(MSG_ERROR, NULL, 0, 0, "no status matches '%s'", query);
		}
		free(hits);
	}
	rd_free_all(&a);
}

/* ===== The command line ===== */

static void
rd_usage(FILE *f)
{
	fputs("usage: httperror CODE | show CODE [--long]\n"
	    "       httperror list [CLASS|MASK]\n"
	    "       httperror search WORDS...\n"
	    "       httperror explain [TEXT...]   (else standard input)\n"
	    "  options: --json, --data FILE, --color[=auto|always|never]\n", f);
}

/*
 * $COLUMNS (or $LINES), else the terminal's size, else 80 by 24; the width
 * at least 20 and at most MAX_WIDTH, the height at least 12.
 */
static int
rd_size(const char *var, int height)
{
	const char	*c = getenv(var);
	struct winsize	 ws;
	int		 w = 0;

	if (c != NULL && strspn(c, "0123456789") == strlen(c) && strlen(c) > 0 &&
	    strlen(c) < 5)
		w = atoi(c);
	if (w <= 0 && isatty(STDOUT_FILENO) &&
	    ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0)
		w = height ? ws.ws_row : ws.ws_col;
	if (w <= 0)
		w = height ? 24 : 80;
	if (height)
		return w < 12 ? 12 : w;
	if (w < 20)
		w = 20;
	return w > MAX_WIDTH ? MAX_WIDTH : w;
}

int
reader_is_command(const char *arg)
{
	char	 mask[4];

	return strcmp(arg, "show") == 0 || strcmp(arg, "list") == 0 ||
	    strcmp(arg, "search") == 0 || strcmp(arg, "explain") == 0 ||
	    strncmp(arg, "--data", 6) == 0 || strncmp(arg, "--colo", 6) == 0 ||
	    strcmp(arg, "--json") == 0 ||
	    rd_is_code(arg) || rd_mask(arg, mask) == 0;
}

int
reader_main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "long", no_argument, NULL, 'l' },
		{ "json", no_argument, NULL, 'j' },
		{ "data", required_argument, NULL, 'd' },
		{ "color", optional_argument, NULL, 'c' },
		{ "colour", optional_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct rd	 r;
	const char	*cmd = "show", *data = NULL, *nc = getenv("NO_COLOR");
	const char	*arg = NULL;
	struct buf	 query;
	char		 mask[4] = "";
	int		 c, longpage = 0, color = -1;

	memset(&r, 0, sizeof(r));
	buf_init(&query);
	opterr = 0;
	optind = 1;
	/* Options anywhere: httperror 502 --long. */
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'l':
			longpage = 1;
			break;
		case 'j':
			r.json = 1;
			break;
		case 'd':
			data = optarg;
			break;
		case 'c':
			if (optarg == NULL || strcmp(optarg, "always") == 0)
				color = 1;
			else if (strcmp(optarg, "never") == 0)
				color = 0;
			else if (strcmp(optarg, "auto") == 0)
				color = -1;
			else {
				msg(MSG_USAGE, NULL, 0, 0, "--color '%s': not auto, "
				    "always or never", optarg);
				return 2;
			}
			break;
		case 'h':
			rd_usage(stdout);
			return 0;
		default:
			msg(MSG_USAGE, NULL, 0, 0, "bad option '%s'",
			    argv[optind - 1]);
			rd_usage(stderr);
			return 2;
		}
	}
	if (optind < argc && (strcmp(argv[optind], "show") == 0 ||
	    strcmp(argv[optind], "list") == 0 ||
	    strcmp(argv[optind], "search") == 0 ||
	    strcmp(argv[optind], "explain") == 0))
		cmd = argv[optind++];
	else if (optind < argc && !rd_is_code(argv[optind]))
		cmd = "list";
	if (strcmp(cmd, "search") == 0) {
		/* The words, as one query: httperror search rate limit. */
		for (c = optind; c < argc; c++) {
			buf_puts(&query, c > optind ? " " : "");
			buf_puts(&query, argv[c]);
		}
		optind = argc;
		if (query.len == 0) {
			msg(MSG_USAGE, NULL, 0, 0, "search: no words");
			return 2;
		}
		arg = query.data;
	} else if (strcmp(cmd, "explain") == 0) {
		/* The text, as one: httperror explain "$(curl -sI URL)". */
		for (c = optind; c < argc; c++) {
			buf_puts(&query, c > optind ? " " : "");
			buf_puts(&query, argv[c]);
		}
		optind = argc;
		arg = query.len > 0 ? query.data : NULL;
	} else if (optind < argc)
		arg = argv[optind++];
	if (optind < argc) {
		msg(MSG_USAGE, NULL, 0, 0, "%s: unexpected '%s'", cmd, argv[optind]);
		rd_usage(stderr);
		return 2;
	}
	if (longpage && (strcmp(cmd, "show") != 0 || r.json)) {
		msg(MSG_USAGE, NULL, 0, 0, "--long is for a code's card, without "
		    "--json");
		return 2;
	}
	if (strcmp(cmd, "show") == 0 && (arg == NULL || !rd_is_code(arg))) {
		msg(MSG_USAGE, NULL, 0, 0, "show: '%s' is not a code such as 404, "
		    "500.19 or 1020", arg != NULL ? arg : "");
		return 2;
	}
	if (strcmp(cmd, "list") == 0 && arg != NULL && rd_mask(arg, mask) == -1) {
		msg(MSG_USAGE, NULL, 0, 0, "list: '%s' is not a class or mask such "
		    "as 4xx, 50x or 5", arg);
		return 2;
	}
	if (nc != NULL && *nc != '\0')
		color = 0;
	else if (color == -1)
		color = isatty(STDOUT_FILENO);
	r.color = r.json ? 0 : color;
	r.width = rd_size("COLUMNS", 0);
	r.height = rd_size("LINES", 1) - 1;	/* and the prompt after it */
	if (rd_open(&r, data) == 0) {
		if (strcmp(cmd, "show") == 0)
			rd_show(&r, arg, longpage);
		else if (strcmp(cmd, "explain") == 0)
			explain_main(&r, arg);
		else if (strcmp(cmd, "search") == 0) {
			/* A class typed as the query lists it, as the page does. */
			if (rd_mask(arg, mask) == 0 && strcmp(mask + 1, "xx") == 0 &&
			    strlen(arg) == 3)
				rd_list(&r, mask);
			else
				rd_search(&r, arg);
		} else
			rd_list(&r, arg != NULL ? mask : NULL);
	}
	if (fflush(stdout) == EOF || ferror(stdout))
		msg_errno("standard output", "cannot write");
	sqlite3_close(r.db);
	free(r.path);
	buf_release(&query);
	return msg_exit_status();
}

/*
 * msg.c: diagnostics (see msg.h).  The only module besides registry.c and xform.c
 * that sees libxml2 and libxslt, because their error hooks land here.
 *
 * libxml2 reports errors through a structured handler that carries file, line and
 * column; schema errors on nodes of an included file carry the registry's file
 * name with the included file's line, so registry.c maps nodes and lines back
 * to their files (msg_set_nodemap, msg_set_linemap).  A message of several
 * lines (libxml2 adds "Bytes: 0x.." under an encoding error) becomes one.
 * libxslt, and libxml2's older code paths, report through a printf-style
 * handler: that text is collected and turned into our format by msg_flush()
 * once the call that produced it returns.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxslt/xsltutils.h>

#include "buf.h"
#include "msg.h"

static const char	*msg_prog = "httperror";
static enum msg_level	 msg_worst = MSG_WARNING;
static int		 msg_seen;
static size_t		 msg_errors;
static struct buf	 msg_generic_text;
static msg_linemap	 msg_map;
static void		*msg_map_arg;
static msg_nodemap	 msg_nmap;
static void		*msg_nmap_arg;

static const char *const msg_names[] = {
	"warning", "error", "error", "error"
};

void
msg_set_linemap(msg_linemap map, void *arg)
{
	msg_map = map;
	msg_map_arg = arg;
}

void
msg_set_nodemap(msg_nodemap map, void *arg)
{
	msg_nmap = map;
	msg_nmap_arg = arg;
}

void
msg_set_prog(const char *prog)
{
	msg_prog = prog;
}

static void
msg_record(enum msg_level level)
{
	if (level >= MSG_ERROR) {
		msg_errors++;
		if (!msg_seen || level > msg_worst)
			msg_worst = level;
		msg_seen = 1;
	}
}

/*
 * One line on stderr.  The message may quote registry text or a command-line
 * argument: control bytes in it are shown as '?', so nothing it says can move
 * the cursor, start an escape sequence or begin a line of its own.
 */
static void
msg_vprint(enum msg_level level, const char *file, long line, long col,
    const char *fmt, va_list ap)
{
	struct buf	 b;
	va_list		 aq;
	size_t		 i;
	int		 n;

	buf_init(&b);
	buf_printf(&b, "%s: ", msg_prog);
	if (file != NULL && *file != '\0') {
		buf_printf(&b, "%s", file);
		if (line > 0) {
			buf_printf(&b, ":%ld", line);
			if (col > 0)
				buf_printf(&b, ":%ld", col);
		}
		buf_printf(&b, ": ");
	}
	buf_printf(&b, "%s: ", msg_names[level]);
	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n > 0) {
		buf_grow(&b, (size_t)n);
		vsnprintf(b.data + b.len, (size_t)n + 1, fmt, ap);
		b.len += (size_t)n;
	}
	for (i = 0; i < b.len; i++)
		if ((unsigned char)b.data[i] < 0x20 || b.data[i] == 0x7f)
			b.data[i] = '?';
	buf_putc(&b, '\n');
	fwrite(b.data, 1, b.len, stderr);
	buf_release(&b);
	msg_record(level);
}

void
msg(enum msg_level level, const char *file, long line, long col,
    const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	msg_vprint(level, file, line, col, fmt, ap);
	va_end(ap);
}

/* "cannot open 'FILE': No such file or directory", a system error. */
void
msg_errno(const char *file, const char *what)
{
	int	 e = errno;

	msg(MSG_SYSERR, NULL, 0, 0, "%s '%s': %s", what, file, strerror(e));
}

int
msg_exit_status(void)
{
	if (!msg_seen)
		return 0;
	switch (msg_worst) {
	case MSG_ERROR:
		return 1;
	case MSG_USAGE:
		return 2;
	case MSG_SYSERR:
		return 3;
	default:
		return 0;
	}
}

/*
 * A child process's exit status (1, 2 or 3) as if its diagnostics had been
 * ours: they were already printed, and this one decides our exit status.
 */
void
msg_raise(int status)
{
	msg_record(status == 3 ? MSG_SYSERR : status == 2 ? MSG_USAGE :
	    MSG_ERROR);
}

size_t
msg_error_count(void)
{
	return msg_errors;
}

/*
 * Forget every diagnostic so far.  The tool runs once per process and never
 * needs this; a harness that runs it many times in one process does
 * (tests/fuzz/fuzz_pipeline.c), or one run's errors would decide the next
 * run's exit status.
 */
void
msg_reset(void)
{
	msg_worst = MSG_WARNING;
	msg_seen = 0;
	msg_errors = 0;
	buf_reset(&msg_generic_text);
	msg_map = NULL;
	msg_map_arg = NULL;
}

void
msg_fatal_oom(size_t n)
{
	fprintf(stderr, "%s: error: out of memory (%zu bytes)\n", msg_prog, n);
	exit(3);
}

/* Drop trailing white space; join the lines of a message into one. */
static void
msg_trim(char *s)
{
	size_t	 n = strlen(s);
	char	*r, *w;

	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' ' || s[n - 1] == '\r'))
		s[--n] = '\0';
	for (r = w = s; *r != '\0'; r++) {
		if (*r == '\r')
			continue;
		if (*r == '\n') {
			*w++ = ' ';
			while (r[1] == ' ' || r[1] == '\n')
				r++;
			continue;
		}
		*w++ = *r;	/* control bytes: msg_vprint() shows them as '?' */
	}
	*w = '\0';
}

/*
 * libxml2 noise that follows a real error and adds nothing to it: an identity
 * constraint giving up on a value the schema has just rejected.  Known by its
 * code and by how the message ends, never by a substring: other messages quote
 * registry text, which may contain the same words and must still be reported.
 */
static int
msg_xml_noise(const xmlError *err)
{
	static const char *const tails[] = {
		"something strange happened.",
		"something strange happend.",	/* older libxml2 */
	};
	const char	*s = err->message;
	size_t		 i, n, t;

	if (err->domain != XML_FROM_SCHEMASV || err->code != XML_SCHEMAV_CVC_IDC ||
	    strstr(s, ": Warning: No precomputed value available, ") == NULL)
		return 0;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' '))
		n--;
	for (i = 0; i < sizeof(tails) / sizeof(tails[0]); i++) {
		t = strlen(tails[i]);
		if (n >= t && strncmp(s + n - t, tails[i], t) == 0)
			return 1;
	}
	return 0;
}

static void
msg_xml_error(void *unused, xmlErrorPtr err)
{
	enum msg_level	 level;
	xmlNodePtr	 node;
	const char	*file;
	long		 line, col;
	char		*text;

	(void)unused;
	if (err == NULL || err->message == NULL)
		return;
	level = err->level == XML_ERR_WARNING ? MSG_WARNING : MSG_ERROR;
	if (err->domain == XML_FROM_IO || err->domain == XML_FROM_MEMORY)
		level = err->code == XML_IO_LOAD_ERROR ? MSG_ERROR : MSG_SYSERR;
	file = err->file;
	line = err->line;
	col = err->int2;
	node = err->node;
	if (msg_xml_noise(err))
		return;
	if (msg_map != NULL && line > 0 &&
	    msg_map(msg_map_arg, line, &file, &line) == 0) {
		col = 0;
	} else if (node != NULL && node->type == XML_ELEMENT_NODE &&
	    msg_nmap != NULL && msg_nmap(msg_nmap_arg, node, &file, &line) == 0) {
		col = 0;
	}
	text = strdup(err->message);
	if (text == NULL)
		msg_fatal_oom(strlen(err->message));
	msg_trim(text);
	msg(level, file, line, col, "%s", text);
	free(text);
}

static void
msg_generic(void *unused, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	(void)unused;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_grow(&msg_generic_text, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(msg_generic_text.data + msg_generic_text.len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	msg_generic_text.len += (size_t)n;
}

/*
 * Turn what libxslt or libxml2 printed through the generic handler during the
 * last call into diagnostics, attributed to file when nothing better is known.
 * libxslt first
 * prints a locating line ("runtime error: file F line N element E") and then the
 * message; the location is carried over to the message lines that follow it.
 */
void
msg_flush(const char *file)
{
	char		*p, *nl;
	const char	*where = NULL;
	long		 line = 0;
	char		 fbuf[512];

	if (msg_generic_text.len == 0)
		return;
	for (p = msg_generic_text.data; *p != '\0'; p = nl) {
		if ((nl = strchr(p, '\n')) != NULL)
			*nl++ = '\0';
		else
			nl = p + strlen(p);
		msg_trim(p);
		if (*p == '\0')
			continue;
		if (sscanf(p, "runtime error: file %511s line %ld", fbuf, &line) == 2 ||
		    sscanf(p, "compilation error: file %511s line %ld", fbuf, &line) == 2) {
			where = fbuf;
			continue;
		}
		msg(MSG_ERROR, where != NULL ? where : file, where != NULL ? line : 0,
		    0, "%s", p);
	}
	buf_reset(&msg_generic_text);
}

void
msg_hook_libs(void)
{
	xmlSetStructuredErrorFunc(NULL, msg_xml_error);
	xmlSetGenericErrorFunc(NULL, msg_generic);
	xsltSetGenericErrorFunc(NULL, msg_generic);
}

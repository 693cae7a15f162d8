/*
 * fuzz_escape.c: libFuzzer target for src/escape.c, the code that makes
 * registry text inert in every backend, and src/words.c, the HTML page's
 * search index.  Instead of comparing with expected
 * output it checks the properties the backends rely on, for any input bytes:
 *
 *   roff text      printable ASCII only, no newline
 *   roff line      never starts with '.' or '\'' (it would be a request)
 *   roff pre       every line printable ASCII, none starting with '.' or '\''
 *   info text      no control byte, no DEL (the stylesheet's xref marker)
 *   info node      ASCII, none of , : . ( ), no "*note"
 *   info pre       every line starts with '|', no control byte
 *   info line      (input without DEL, as registry text always is) no
 *                  "*note" (a cross-reference), no line starting "* " or
 *                  "*\t" (a menu or menu entry)
 *   url            only unreserved characters and well-formed %XX
 *   xml            no < > " ' and every & starts an entity
 *   words          lower-case letters and digits, single spaces between
 *                  them, none at either end, no word twice
 *
 * Built and run for a fixed number of inputs by tests/fuzz.sh (make check).
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../../src/buf.h"
#include "../../src/escape.h"
#include "../../src/words.h"

#define FAIL(what) do { (void)(what); abort(); } while (0)

static int
printable(const char *s, int allow_nl)
{
	for (; *s != '\0'; s++)
		if (!((*s >= 0x20 && *s < 0x7f) || (allow_nl && *s == '\n')))
			return 0;
	return 1;
}

static void
check_lines_roff(const char *s)
{
	const char	*p;

	for (p = s; p != NULL; p = strchr(p, '\n')) {
		if (*p == '\n')
			p++;
		if (*p == '.' || *p == '\'')
			FAIL("roff pre line starts with a control character");
	}
}

static int
has_note(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s == '*' && strncasecmp(s + 1, "note", 4) == 0)
			return 1;
	return 0;
}

/* esc_info_line on input with DEL taken out: registry text never has one. */
static void
info_line(struct buf *b, const char *s)
{
	struct buf	 t;

	buf_init(&t);
	for (; *s != '\0'; s++)
		if (*s != 0x7f)
			buf_putc(&t, *s);
	esc_info_line(b, t.data != NULL ? t.data : "", t.len);
	buf_release(&t);
}

static void
run(void (*fn)(struct buf *, const char *), const char *in, struct buf *out)
{
	buf_reset(out);
	buf_grow(out, 0);
	fn(out, in);
}

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf	 a, b;
	char		*in;
	const char	*p;

	if (size > 4096)
		return 0;
	in = malloc(size + 1);
	if (in == NULL)
		return 0;
	memcpy(in, data, size);
	in[size] = '\0';
	buf_init(&a);
	buf_init(&b);

	run(esc_roff_text, in, &a);
	if (!printable(a.data, 0))
		FAIL("roff text is not printable ASCII");
	run(esc_roff_line, a.data, &b);
	if (b.data[0] == '.' || b.data[0] == '\'' || !printable(b.data, 0))
		FAIL("roff line");

	run(esc_roff_pre, in, &a);
	if (!printable(a.data, 1))
		FAIL("roff pre is not printable ASCII");
	check_lines_roff(a.data);

	run(esc_roff_url, in, &a);
	if (!printable(a.data, 0))
		FAIL("roff url");

	run(esc_info_text, in, &a);
	for (p = a.data; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			FAIL("info text has a control byte");

	run(esc_info_node, in, &a);
	if (!printable(a.data, 0) || strpbrk(a.data, ",:.()") != NULL ||
	    has_note(a.data))
		FAIL("info node");

	run(info_line, in, &a);
	if (has_note(a.data))
		FAIL("info line has *note");
	for (p = a.data; p != NULL; p = strchr(p, '\n')) {
		if (*p == '\n')
			p++;
		if (p[0] == '*' && (p[1] == ' ' || p[1] == '\t'))
			FAIL("info line starts with a menu star");
	}

	run(esc_info_pre, in, &a);
	for (p = a.data; p != NULL; p = strchr(p, '\n')) {
		if (*p == '\n')
			p++;
		if (*p != '|')
			FAIL("info pre line without '|'");
	}
	for (p = a.data; *p != '\0'; p++)
		if (((unsigned char)*p < 0x20 && *p != '\n') || *p == 0x7f)
			FAIL("info pre has a control byte");

	run(esc_url, in, &a);
	for (p = a.data; *p != '\0'; p++) {
		if (*p == '%') {
			if (!isxdigit((unsigned char)p[1]) || !isxdigit((unsigned char)p[2]))
				FAIL("url: bad escape");
			p += 2;
		} else if (!isalnum((unsigned char)*p) && strchr("-._~", *p) == NULL)
			FAIL("url: reserved character");
	}

	run(esc_xml, in, &a);
	if (strpbrk(a.data, "<>\"'") != NULL)
		FAIL("xml: markup character");
	for (p = a.data; (p = strchr(p, '&')) != NULL; p++)
		if (strncmp(p, "&amp;", 5) != 0 && strncmp(p, "&lt;", 4) != 0 &&
		    strncmp(p, "&gt;", 4) != 0 && strncmp(p, "&quot;", 6) != 0 &&
		    strncmp(p, "&apos;", 6) != 0)
			FAIL("xml: bare ampersand");

	run(words_index, in, &a);
	if (a.len > 0 && (a.data[0] == ' ' || a.data[a.len - 1] == ' '))
		FAIL("words: space at an end");
	for (p = a.data; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    (*p == ' ' && p[1] != ' ')))
			FAIL("words: not a lower-case word or a single space");
	/* No word twice: " w " (or the ends) found only once. */
	for (p = a.data; *p != '\0'; p += strcspn(p, " "), p += *p == ' ') {
		size_t		 n = strcspn(p, " ");
		const char	*q;

		for (q = a.data; q < p; q += strcspn(q, " "), q += *q == ' ')
			if (strcspn(q, " ") == n && strncmp(q, p, n) == 0)
				FAIL("words: a word twice");
	}

	buf_release(&a);
	buf_release(&b);
	free(in);
	return 0;
}

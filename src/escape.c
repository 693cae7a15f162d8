/*
 * escape.c: roff, Info and URL escaping (see escape.h).
 *
 * roff: every byte of registry text reaches the page as itself, whatever it is.
 * A line must not start with '.' or '\'' (it would be a request and vanish), '\'
 * starts an escape, '-' may become a hyphen glyph, '\'' and '"' have special glyphs
 * or meanings in macro arguments, and anything outside ASCII is written as \[uXXXX]
 * so the page is pure ASCII and renders in groff without -k, mandoc and man-db.
 *
 * Info: node names may not contain , : . ( ); text may not contain the bytes that
 * delimit nodes.  Readers (GNU info's scan.c, Emacs's info.el) take "*note" in
 * any case for a cross-reference wherever it stands, "* Menu:" at the start of a
 * line for a menu, and in a menu any line starting "* " for an entry.  Whether
 * text makes one of those is only known once out_info has wrapped it and the
 * pieces the stylesheet wrote one by one (text nodes either side of an XML
 * comment, of <code>, ...) stand side by side, so esc_info_line looks at the
 * line as finally written.
 */
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "escape.h"

/*
 * Decode one UTF-8 sequence at *s; advance *s.  Invalid bytes decode to U+FFFD and
 * consume one byte, so the loop always makes progress.
 */
static uint32_t
esc_utf8(const char **sp)
{
	const unsigned char	*s = (const unsigned char *)*sp;
	uint32_t		 c, min;
	int			 n, i;

	if (s[0] < 0x80) {
		*sp += 1;
		return s[0];
	}
	if ((s[0] & 0xE0) == 0xC0) {
		n = 1; c = s[0] & 0x1F; min = 0x80;
	} else if ((s[0] & 0xF0) == 0xE0) {
		n = 2; c = s[0] & 0x0F; min = 0x800;
	} else if ((s[0] & 0xF8) == 0xF0) {
		n = 3; c = s[0] & 0x07; min = 0x10000;
	} else {
		*sp += 1;
		return 0xFFFD;
	}
	for (i = 1; i <= n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*sp += 1;
			return 0xFFFD;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	*sp += n + 1;
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0xFFFD;
	return c;
}

static int
esc_is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* One character of roff text, outside of white space handling. */
static void
esc_roff_char(struct buf *b, uint32_t c)
{
	switch (c) {
	case '\\':
		buf_puts(b, "\\e");
		return;
	case '-':
		buf_puts(b, "\\-");
		return;
	case '\'':
		buf_puts(b, "\\(aq");
		return;
	case '"':
		buf_puts(b, "\\(dq");
		return;
	case '`':
		buf_puts(b, "\\(ga");
		return;
	case '~':
		buf_puts(b, "\\(ti");
		return;
	case '^':
		buf_puts(b, "\\(ha");
		return;
	case 0xA0:
		buf_puts(b, "\\~");
		return;
	default:
		break;
	}
	if (c < 0x20 || c == 0x7F)
		return;		/* control characters have no place on a page */
	if (c < 0x80)
		buf_putc(b, (int)c);
	else
		buf_printf(b, "\\[u%04X]", (unsigned)c);
}

/*
 * Inline text: runs of white space become one space (a paragraph is written as
 * one line); leading and trailing spaces are kept so fragments join correctly.
 */
void
esc_roff_text(struct buf *b, const char *s)
{
	uint32_t	 c;
	int		 space = 0;

	while (*s != '\0') {
		c = esc_utf8(&s);
		if (esc_is_space(c)) {
			space = 1;
			continue;
		}
		if (space)
			buf_putc(b, ' ');
		space = 0;
		esc_roff_char(b, c);
	}
	if (space)
		buf_putc(b, ' ');
}

/*
 * Inline code: escaped as text, but a run of white space inside it becomes a
 * one-column motion (\h'1n'), which no formatter breaks a line at, so a
 * command such as "ss -ltnp" is never split across lines.  Not \~ (or "\ "):
 * mandoc writes those as U+00A0 in UTF-8, and a command copied from the
 * terminal with a no-break space in it does not run.  groff and mandoc both
 * draw the motion as an ASCII space on a terminal; mandoc's HTML output drops
 * it.  White space at either end is dropped, as it would glue the code to the
 * words around it.
 */
void
esc_roff_code(struct buf *b, const char *s)
{
	uint32_t	 c;
	int		 space = 0, any = 0;

	while (*s != '\0') {
		c = esc_utf8(&s);
		if (esc_is_space(c)) {
			space = any;
			continue;
		}
		if (space)
			buf_puts(b, "\\h'1n'");
		space = 0;
		any = 1;
		esc_roff_char(b, c);
	}
}

/*
 * A whole text line assembled from escaped fragments and font escapes: trim it,
 * squeeze spaces, and protect a leading control character.  The stylesheet
 * puts \% in front of inline code so that no formatter hyphenates it; that is
 * only safe where a word starts (groff takes \% inside a word for a place to
 * hyphenate, and breaks "(\%ss" as "(-"), so one that follows anything but a
 * space is dropped here, where the whole line is known.  Escapes are read in
 * pairs, so the "\e%" of a registry's own backslash is never taken for one.
 */
void
esc_roff_line(struct buf *b, const char *s)
{
	int	 space = 0, start = 1, word = 1;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			space = !start;
			continue;
		}
		if (space) {
			buf_putc(b, ' ');
			word = 1;
		}
		space = 0;
		if (*s == '\\' && s[1] == '%') {
			if (word)
				buf_puts(b, "\\%");
			start = 0;
			s++;
			continue;
		}
		if (start && (*s == '.' || *s == '\''))
			buf_puts(b, "\\&");
		start = 0;
		if (*s == '\\' && s[1] != '\0') {
			/* A font change (\fB, \fR) leaves a word start one. */
			buf_putc(b, *s++);
			buf_putc(b, *s);
			if (*s != 'f')
				word = 0;
			else if (s[1] != '\0')
				buf_putc(b, *++s);
			continue;
		}
		word = 0;
		buf_putc(b, *s);
	}
}

/*
 * A literal block for .EX/.EE: line by line, tabs expanded to 4-column stops,
 * trailing blanks dropped, empty lines written as \& so no formatter sees a
 * blank line.  The result carries no final newline.
 */
void
esc_roff_pre(struct buf *b, const char *s)
{
	uint32_t	 c;
	size_t		 col, pending;
	int		 first = 1;

	while (first || *s != '\0') {
		if (!first)
			buf_putc(b, '\n');
		first = 0;
		col = 0;
		pending = 0;
		while (*s != '\0' && *s != '\n') {
			c = esc_utf8(&s);
			if (c == '\r')
				continue;
			if (c == ' ' || c == '\t') {
				pending += c == '\t' ? 4 - (col + pending) % 4 : 1;
				continue;
			}
			for (; pending > 0; pending--, col++)
				buf_putc(b, ' ');
			/*
			 * Decide on what is written, not on the input: a dropped
			 * control byte must not let a '.' reach column 0.
			 */
			if (col == 0 && c == '.')
				buf_puts(b, "\\&");
			esc_roff_char(b, c);
			if (c >= 0x20 && c != 0x7F)
				col++;
		}
		if (col == 0)
			buf_puts(b, "\\&");
		if (*s == '\n')
			s++;
	}
}

/*
 * A URL on a text line: escaped as text, white space dropped.  It gets no
 * break points: a URL split over two lines can no longer be copied with a
 * double click, so one longer than the line runs past it instead (the caller
 * puts \% in front so that no hyphen is ever added).
 */
void
esc_roff_url(struct buf *b, const char *s)
{
	uint32_t	 c;

	while (*s != '\0') {
		c = esc_utf8(&s);
		if (!esc_is_space(c))
			esc_roff_char(b, c);
	}
}

/*
 * If what was just written since start ends in "*note" (any case), put a space
 * after the '*'.  Checked on the output, so dropped bytes cannot join them.
 */
static void
esc_info_unnote(struct buf *b, size_t start)
{
	char	 note[4];

	if (b->len - start < 5 ||
	    strncasecmp(b->data + b->len - 5, "*note", 5) != 0)
		return;
	memcpy(note, b->data + b->len - 4, 4);
	b->len -= 4;
	buf_putc(b, ' ');
	buf_put(b, note, 4);
}

/*
 * Info node names: ASCII, no , : . ( ) and single spaces, and no "*note".  A
 * name is made here once and must then be written byte for byte the same in its
 * header, the Tag Table, menus and cross-references, so it is made safe here
 * rather than where each of those is written.  (It comes from a whole string
 * value, so no XML comment can split it.)
 */
static void
esc_info_name(struct buf *b, const char *s, int numbers)
{
	const char	*s0 = s;
	size_t		 start_len = b->len;
	int		 space = 0, start = 1;

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		/* 500.19 in an index entry: a dot between digits ends nothing. */
		if (c == '.' && numbers && s > s0 && s[-1] >= '0' && s[-1] <= '9' &&
		    s[1] >= '0' && s[1] <= '9')
			;
		else if (c == ',' || c == ':' || c == '.' || c == '(' || c == ')' ||
		    c >= 0x80 || c < 0x20 || c == 0x7F)
			continue;
		if (c == ' ') {
			space = !start;
			continue;
		}
		if (space)
			buf_putc(b, ' ');
		space = 0;
		start = 0;
		buf_putc(b, (int)c);
		esc_info_unnote(b, start_len);
	}
}

void
esc_info_node(struct buf *b, const char *s)
{
	esc_info_name(b, s, 0);
}

/*
 * An index entry's label: as a node name, but a dot between two digits stays,
 * so that i 500.19 finds IIS's 500.19 (the label ends at its colon, and only
 * a node name is ended by a dot in a menu).
 */
void
esc_info_entry(struct buf *b, const char *s)
{
	esc_info_name(b, s, 1);
}

/*
 * Info text: squeeze white space (out_info wraps it) and drop control bytes.
 * DEL goes too, so the only DEL in the line protocol is the stylesheet's own
 * cross-reference marker (see esc_info_line).  "*note" is left alone here: it
 * can still form where two pieces of text meet, so out_info defuses it on the
 * finished line.
 */
void
esc_info_text(struct buf *b, const char *s)
{
	int	 space = 0;

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = 1;
			continue;
		}
		if (c < 0x20 || c == 0x7F)
			continue;
		if (space)
			buf_putc(b, ' ');
		space = 0;
		buf_putc(b, (int)c);
	}
	if (space)
		buf_putc(b, ' ');
}

/*
 * Info text as it is finally written: a whole line, or the part of one that
 * follows the tool's own "* " or indentation.  Whether it starts a line is read
 * off what b already holds.  "*note" becomes "* note" (a space, as readable as
 * the original and nothing any reader follows); a '*' that starts a line and
 * could begin "* Menu:" or a menu entry gets a space in front.  DEL is the
 * stylesheet's marker for its own cross-references ("DEL note NODE::"): no
 * registry text contains one (every Info escaper drops it), and it becomes the
 * '*' of "*note" only here, after the check.  The line may come out a column
 * or two wider than out_info wrapped it; only such text is affected.
 */
void
esc_info_line(struct buf *b, const char *s, size_t n)
{
	size_t	 i;
	int	 bol, note;

	bol = b->len == 0 || b->data[b->len - 1] == '\n';
	for (i = 0; i < n; i++) {
		if (s[i] == 0x7F) {
			buf_putc(b, '*');
			bol = 0;
			continue;
		}
		if (s[i] != '*') {
			buf_putc(b, s[i]);
			bol = s[i] == '\n';
			continue;
		}
		note = n - i > 4 && strncasecmp(s + i + 1, "note", 4) == 0;
		if (bol && (note || (i + 1 < n && (s[i + 1] == ' ' || s[i + 1] == '\t'))))
			buf_putc(b, ' ');
		buf_putc(b, '*');
		if (note)
			buf_putc(b, ' ');
		bol = 0;
	}
}

/*
 * Info literal block: every line prefixed with '|' so that out_info can tell it
 * from markup whatever it contains; tabs expanded, control bytes dropped.
 */
void
esc_info_pre(struct buf *b, const char *s)
{
	size_t	 col;
	int	 first = 1;

	while (first || *s != '\0') {
		if (!first)
			buf_putc(b, '\n');
		first = 0;
		buf_putc(b, '|');
		col = 0;
		for (; *s != '\0' && *s != '\n'; s++) {
			unsigned char c = (unsigned char)*s;

			if (c == '\t') {
				do
					buf_putc(b, ' ');
				while (++col % 4 != 0);
				continue;
			}
			if (c < 0x20 || c == 0x7F)
				continue;
			buf_putc(b, (int)c);
			if ((c & 0xC0) != 0x80)
				col++;
		}
		if (*s == '\n')
			s++;
	}
}

/*
 * Text or an attribute value in XML written by hand (the docset's Info.plist
 * and feed): the five characters that could end or start markup.
 */
void
esc_xml(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '&':
			buf_puts(b, "&amp;");
			break;
		case '<':
			buf_puts(b, "&lt;");
			break;
		case '>':
			buf_puts(b, "&gt;");
			break;
		case '"':
			buf_puts(b, "&quot;");
			break;
		case '\'':
			buf_puts(b, "&apos;");
			break;
		default:
			buf_putc(b, *s);
			break;
		}
}

/* Percent-encode everything outside RFC 3986's unreserved set. */
void
esc_url(struct buf *b, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
		    c == '~')
			buf_putc(b, (int)c);
		else {
			buf_putc(b, '%');
			buf_putc(b, hex[c >> 4]);
			buf_putc(b, hex[c & 15]);
		}
	}
}

char *
esc_tty(char *s)
{
	unsigned char	*p = (unsigned char *)s, *q = p;

	if (s == NULL)
		return NULL;
	for (; *p != '\0'; p++) {
		if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			*q++ = '?';
			p++;
		} else
			*q++ = *p == 0x7f || *p < 0x20 ? '?' : *p;
	}
	*q = '\0';
	return s;
}

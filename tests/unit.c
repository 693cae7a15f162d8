/*
 * unit.c: unit tests of the escaping rules in src/escape.c, the code every
 * backend trusts to make registry text inert, and of the gzip stream of
 * src/gz.c against one-shot compression.  Built as build/unit by make
 * check; prints PASS/FAIL per case and exits 1 if any failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/buf.h"
#include "../src/escape.h"
#include "../src/fs.h"
#include "../src/gz.h"
#include "../src/words.h"

static int	 failed, passed;

static void
expect(const char *name, void (*fn)(struct buf *, const char *),
    const char *in, const char *want)
{
	struct buf	 b;

	buf_init(&b);
	buf_grow(&b, 0);
	fn(&b, in);
	if (strcmp(b.data, want) == 0) {
		printf("PASS: unit: %s\n", name);
		passed++;
	} else {
		printf("FAIL: unit: %s\n  input:    [%s]\n  expected: [%s]\n"
		    "  got:      [%s]\n", name, in, want, b.data);
		failed++;
	}
	buf_release(&b);
}

/* esc_tty, which works in place, as an appending escaper. */
static void
tty(struct buf *b, const char *s)
{
	char	*t = strdup(s);

	buf_puts(b, esc_tty(t));
	free(t);
}

/* esc_info_line on a line of its own, and after the tool's "* ". */
static void
info_line(struct buf *b, const char *s)
{
	esc_info_line(b, s, strlen(s));
}

static void
info_line_item(struct buf *b, const char *s)
{
	buf_puts(b, "* ");
	esc_info_line(b, s, strlen(s));
}

/*
 * A gzip stream fed in pieces of every size from 1 byte to past zlib's
 * window must give the bytes of one-shot compression: the Info manual and
 * the docset archive are made that way and must not change.
 */
static void
gz_pieces(void)
{
	struct buf		 text, one;
	struct gz_stream	*g;
	char			 dir[] = "/tmp/httperror-unit.XXXXXX", path[64], *got;
	size_t			 i, n, len;
	unsigned		 x = 1;

	buf_init(&text);
	buf_init(&one);
	for (i = 0; i < 200000; i++) {
		x = x * 1103515245 + 12345;
		buf_putc(&text, "aab c\nHTTP/1.1 404"[(x >> 16) % 19]);
	}
	gz_compress(&one, text.data, text.len);
	g = gz_stream_open();
	for (i = 0, n = 1; i < text.len; i += n, n = n * 3 + 1)
		gz_stream_put(g, text.data + i, i + n > text.len ? text.len - i : n);
	got = NULL;
	len = 0;
	if (mkdtemp(dir) == NULL)
		dir[0] = '\0';
	snprintf(path, sizeof(path), "%s/t.gz", dir);
	if (dir[0] == '\0')
		gz_stream_close(g, NULL, NULL);
	else if (gz_stream_close(g, dir, "t.gz") == 0)
		got = fs_read(path, &len);
	remove(path);
	remove(dir);
	if (got != NULL && len == one.len && memcmp(got, one.data, len) == 0) {
		printf("PASS: unit: gzip stream in pieces = one-shot (%zu bytes)\n",
		    len);
		passed++;
	} else {
		printf("FAIL: unit: gzip stream in pieces differs from one-shot\n");
		failed++;
	}
	free(got);
	buf_release(&text);
	buf_release(&one);
}

/* Past the first sizes of words.c's table: 600 words, 300 of them repeats. */
static void
words_many(void)
{
	struct buf	 in, want, got;
	int		 i;

	buf_init(&in);
	buf_init(&want);
	buf_init(&got);
	buf_grow(&got, 0);
	for (i = 0; i < 600; i++)
		buf_printf(&in, "W%d, ", i % 300);
	for (i = 0; i < 300; i++)
		buf_printf(&want, "%sw%d", i > 0 ? " " : "", i);
	words_index(&got, in.data);
	if (strcmp(got.data, want.data) == 0) {
		printf("PASS: unit: words: 300 distinct words, each twice\n");
		passed++;
	} else {
		printf("FAIL: unit: words: 300 distinct words, each twice\n  got: [%.200s...]\n",
		    got.data);
		failed++;
	}
	buf_release(&in);
	buf_release(&want);
	buf_release(&got);
}

int
main(void)
{
	gz_pieces();

	/* roff text */
	expect("roff: plain", esc_roff_text, "Not Found", "Not Found");
	expect("roff: white space squeezed, ends kept", esc_roff_text,
	    " a \n\t b ", " a b ");
	expect("roff: backslash", esc_roff_text, "C:\\path", "C:\\epath");
	expect("roff: minus", esc_roff_text, "-rf --x", "\\-rf \\-\\-x");
	expect("roff: quotes", esc_roff_text, "'a\" `b", "\\(aqa\\(dq \\(gab");
	expect("roff: tilde and caret", esc_roff_text, "~^", "\\(ti\\(ha");
	expect("roff: non-ASCII", esc_roff_text, "caf\xc3\xa9 \xe2\x80\x94",
	    "caf\\[u00E9] \\[u2014]");
	expect("roff: astral plane", esc_roff_text, "\xf0\x9f\x98\x80",
	    "\\[u1F600]");
	expect("roff: invalid UTF-8", esc_roff_text, "a\xff" "b", "a\\[uFFFD]b");
	expect("roff: overlong UTF-8", esc_roff_text, "\xc0\xaf", "\\[uFFFD]");
	expect("roff: truncated UTF-8", esc_roff_text, "\xe2\x80", "\\[uFFFD]\\[uFFFD]");
	expect("roff: control characters dropped", esc_roff_text, "a\x01\x7f" "b",
	    "ab");
	expect("roff: no-break space", esc_roff_text, "a\xc2\xa0" "b", "a\\~b");
	expect("roff: dot is left for roff-line", esc_roff_text, ".so x", ".so x");

	/* roff line */
	expect("line: leading dot", esc_roff_line, ".so /etc/passwd",
	    "\\&.so /etc/passwd");
	expect("line: leading quote", esc_roff_line, "'br", "\\&'br");
	expect("line: leading blanks dropped first", esc_roff_line, "  \n .x",
	    "\\&.x");
	expect("line: spaces squeezed and trimmed", esc_roff_line, " a  b ", "a b");
	expect("line: dot inside is fine", esc_roff_line, "a .b", "a .b");

	/* roff literal block */
	expect("pre: lines", esc_roff_pre, "a\nb", "a\nb");
	expect("pre: control lines protected", esc_roff_pre, ".nf\n'br\nx",
	    "\\&.nf\n\\(aqbr\nx");
	expect("pre: empty lines", esc_roff_pre, "a\n\nb", "a\n\\&\nb");
	expect("pre: blank-only line", esc_roff_pre, "a\n   \nb", "a\n\\&\nb");
	expect("pre: tabs to 4 columns", esc_roff_pre, "\tx\n ab\tc",
	    "    x\n ab c");
	expect("pre: trailing blanks dropped", esc_roff_pre, "a  \nb\t", "a\nb");
	expect("pre: indentation kept", esc_roff_pre, "  .x", "  .x");
	expect("pre: dot after a dropped control byte", esc_roff_pre, "\x0c.so x",
	    "\\&.so x");
	expect("pre: final newline dropped", esc_roff_pre, "a\n", "a");
	expect("pre: empty", esc_roff_pre, "", "\\&");
	expect("pre: CRLF", esc_roff_pre, "a\r\nb", "a\nb");

	expect("line: \\% kept where a word starts", esc_roff_line,
	    "\\%\\fBss\\fR and (\\fB\\%ss\\fR) \\fB\\%x",
	    "\\%\\fBss\\fR and (\\fBss\\fR) \\fB\\%x");
	expect("line: \\% kept at the start", esc_roff_line, "  \\%.so x",
	    "\\%.so x");
	expect("line: a registry backslash is no \\%", esc_roff_line, "a \\e%b",
	    "a \\e%b");

	/* roff inline code */
	expect("code: spaces unbreakable, ends dropped", esc_roff_code,
	    " ss  -ltnp\n x ", "ss\\h'1n'\\-ltnp\\h'1n'x");
	expect("code: escaped as text", esc_roff_code, ".so \\x'",
	    ".so\\h'1n'\\ex\\(aq");

	/* roff URL */
	expect("url: no break points", esc_roff_url,
	    "https://www.example.org/a/b#c d",
	    "https://www.example.org/a/b#cd");

	/* Info */
	expect("info node: forbidden characters", esc_info_node,
	    "306 (Unused)", "306 Unused");
	expect("info node: punctuation", esc_info_node, "a, b: c.d", "a b cd");
	expect("info node: non-ASCII dropped", esc_info_node, "caf\xc3\xa9", "caf");
	expect("info node: *note broken", esc_info_node, "404 *Note x",
	    "404 * Note x");
	expect("info node: *note joined by a dropped byte", esc_info_node,
	    "*(note", "* note");
	expect("info text: *note left for info line", esc_info_text, "*Note x",
	    "*Note x");
	expect("info text: control bytes and DEL", esc_info_text,
	    "a\x1f\x7f\x08" "b", "ab");
	expect("info text: squeezed", esc_info_text, "a \n b", "a b");
	expect("info pre: prefixed", esc_info_pre, "a\n\tb\n\x1f", "|a\n|    b\n|");
	expect("info line: *note broken", info_line, "see *Note x and *note y",
	    "see * Note x and * note y");
	expect("info line: *note at the end", info_line, "see *NOTE", "see * NOTE");
	expect("info line: * Menu: at the start", info_line, "* Menu: x",
	    " * Menu: x");
	expect("info line: *note at the start", info_line, "*note x::",
	    " * note x::");
	expect("info line: star at the start of a later line", info_line,
	    "a\n* b\n*\tc", "a\n * b\n *\tc");
	expect("info line: star inside is fine", info_line, "a * Menu: b",
	    "a * Menu: b");
	expect("info line: other stars at the start", info_line, "*nix **x",
	    "*nix **x");
	expect("info line: after the tool's own \"* \"", info_line_item, "* x",
	    "* * x");
	expect("info line: the tool's own cross-reference", info_line,
	    "\x7fnote 200 OK:: and *note y", "*note 200 OK:: and * note y");

	/* URL encoding */
	expect("url-encode: unreserved kept", esc_url, "Az09-._~", "Az09-._~");
	expect("url-encode: others", esc_url, "418 I'm/a", "418%20I%27m%2Fa");
	expect("url-encode: UTF-8 bytes", esc_url, "\xc3\xa9", "%C3%A9");

	/* XML written by hand */
	expect("xml: markup characters", esc_xml, "a<b>&\"'c",
	    "a&lt;b&gt;&amp;&quot;&apos;c");
	expect("xml: plain", esc_xml, "https://x.example/a?b=1", "https://x.example/a?b=1");

	/* What the reader prints: no control character reaches the terminal */
	expect("tty: C1 CSI, DEL, ESC and BEL", tty, "a\xc2\x9b" "2J\x7f\x1b]0;x\x07" "b",
	    "a?2J??]0;x?b");
	expect("tty: C1 boundaries", tty, "\xc2\x80\xc2\x9f\xc2\xa0\xc3\xa9", "??\xc2\xa0\xc3\xa9");
	expect("tty: a lone 0xc2 at the end", tty, "x\xc2", "x\xc2");

	/* The search index's words (xsl/html.js splits queries the same way) */
	expect("words: lower case, each once, in order", words_index,
	    "Bad Gateway: the gateway's upstream, BAD", "bad gateway the s upstream");
	expect("words: anything but ASCII letters and digits separates",
	    words_index, "  Retry-After:\t120\xc3\xa9x <b>&amp;", "retry after 120 x b amp");
	expect("words: a repeat at the end leaves no space", words_index,
	    "a b a", "a b");
	expect("words: nothing", words_index, " -- ", "");
	words_many();
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed != 0;
}

/*
 * gz.c: gzip compression (see gz.h).  The only file that includes zlib.h.
 * Called by the backends.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "buf.h"
#include "fs.h"
#include "gz.h"
#include "msg.h"
#include "xalloc.h"

/*
 * Deflate in into out at level 9, as gzip: the header carries no name, time 0
 * and the Unix OS byte whatever the build host is.
 */
int
gz_compress(struct buf *out, const void *in, size_t len)
{
	z_stream	 z;
	gz_header	 h;
	int		 rc;

	if (len > UINT_MAX) {
		msg(MSG_SYSERR, NULL, 0, 0, "zlib: input too large");
		return -1;
	}
	memset(&z, 0, sizeof(z));
	memset(&h, 0, sizeof(h));
	if (deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
		msg(MSG_SYSERR, NULL, 0, 0, "zlib: %s", z.msg ? z.msg : "cannot start");
		return -1;
	}
	h.os = 3;	/* Unix, whatever the build host is; time 0, no name */
	deflateSetHeader(&z, &h);
	buf_grow(out, deflateBound(&z, (uLong)len) + 16);
	z.next_in = (Bytef *)(uintptr_t)in;
	z.avail_in = (uInt)len;
	do {
		buf_grow(out, 65536);
		z.next_out = (Bytef *)out->data + out->len;
		z.avail_out = (uInt)(out->cap - out->len - 1);
		rc = deflate(&z, Z_FINISH);
		out->len = out->cap - 1 - z.avail_out;
	} while (rc == Z_OK || rc == Z_BUF_ERROR);
	out->data[out->len] = '\0';
	deflateEnd(&z);
	if (rc != Z_STREAM_END) {
		msg(MSG_SYSERR, NULL, 0, 0, "zlib: compression failed");
		return -1;
	}
	return 0;
}

/*
 * A gzip stream fed in pieces: the same bytes as gz_compress() of the pieces
 * joined (zlib's output does not depend on how its input is cut), without
 * ever holding them joined.  Only the compressed bytes are kept, and written
 * to dir/rel by gz_stream_close().
 */
struct gz_stream {
	z_stream	 z;
	gz_header	 h;	/* zlib keeps a pointer to it */
	struct buf	 out;
	int		 failed;
};

struct gz_stream *
gz_stream_open(void)
{
	struct gz_stream	*g;

	g = xcalloc(1, sizeof(*g));
	buf_init(&g->out);
	if (deflateInit2(&g->z, 9, Z_DEFLATED, 15 + 16, 8,
	    Z_DEFAULT_STRATEGY) != Z_OK)
		msg_fatal_oom(0);
	g->h.os = 3;	/* Unix, whatever the build host is; time 0, no name */
	deflateSetHeader(&g->z, &g->h);
	return g;
}

static int
gz_stream_run(struct gz_stream *g, const void *in, size_t len, int flush)
{
	int	 rc;

	g->z.next_in = (Bytef *)(uintptr_t)in;
	g->z.avail_in = (uInt)len;
	do {
		buf_grow(&g->out, 65536);
		g->z.next_out = (Bytef *)g->out.data + g->out.len;
		g->z.avail_out = (uInt)(g->out.cap - g->out.len - 1);
		rc = deflate(&g->z, flush);
		g->out.len = g->out.cap - 1 - g->z.avail_out;
	} while (rc == Z_OK && (g->z.avail_in > 0 || g->z.avail_out == 0 ||
	    flush == Z_FINISH));
	g->out.data[g->out.len] = '\0';
	if (flush == Z_FINISH ? rc != Z_STREAM_END : rc != Z_OK && rc != Z_BUF_ERROR)
		g->failed = 1;
	return g->failed ? -1 : 0;
}

/* Append len bytes; -1 once zlib has failed (reported by the close). */
int
gz_stream_put(struct gz_stream *g, const void *in, size_t len)
{
	const char	*p = in;
	size_t		 n;

	while (len > 0 && !g->failed) {
		n = len > UINT_MAX ? UINT_MAX : len;
		gz_stream_run(g, p, n, Z_NO_FLUSH);
		p += n;
		len -= n;
	}
	return g->failed ? -1 : 0;
}

/* Finish the stream and write it to dir/rel (dir NULL: only free it). */
int
gz_stream_close(struct gz_stream *g, const char *dir, const char *rel)
{
	int	 rc = -1;

	if (g == NULL)
		return -1;
	if (dir != NULL && !g->failed && gz_stream_run(g, NULL, 0, Z_FINISH) == 0)
		rc = fs_write(dir, rel, g->out.data, g->out.len);
	else if (dir != NULL)
		msg(MSG_SYSERR, NULL, 0, 0, "zlib: compression failed");
	deflateEnd(&g->z);
	buf_release(&g->out);
	free(g);
	return rc;
}

/* Compress in and write it to dir/rel (through fs_write and its path checks). */
int
gz_write(const char *dir, const char *rel, const void *in, size_t len)
{
	struct buf	 gz;
	int		 rc = -1;

	buf_init(&gz);
	if (gz_compress(&gz, in, len) == 0)
		rc = fs_write(dir, rel, gz.data, gz.len);
	buf_release(&gz);
	return rc;
}

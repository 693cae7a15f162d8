/*
 * gz.c: gzip compression into a buffer (see gz.h).  The only file that includes
 * zlib.h.  Called by the backends.
 */
#include <limits.h>
#include <stdint.h>
#include <string.h>

#include <zlib.h>

#include "buf.h"
#include "gz.h"
#include "msg.h"

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
	/* windowBits 15 + 16 asks for a gzip wrapper. */
	if (deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
		msg(MSG_SYSERR, NULL, 0, 0, "zlib: %s", z.msg ? z.msg : "cannot start");
		return -1;
	}
	h.time = 0;
	h.os = 3;	/* Unix, whatever the build host is */
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

/*
 * gz.c: gzip compression into a buffer (see gz.h).  The only file that includes
 * zlib.h.  Called by the backends, and by png.c for the docset icons.
 */
#include <limits.h>
#include <stdint.h>
#include <string.h>

#include <zlib.h>

#include "buf.h"
#include "fs.h"
#include "gz.h"
#include "msg.h"

/*
 * Deflate in into out at level 9.  windowBits 15 asks for the zlib wrapper
 * (PNG's IDAT); 15 + 16 for gzip, whose header then carries no name, time 0 and
 * the Unix OS byte whatever the build host is.
 */
static int
gz_deflate(struct buf *out, const void *in, size_t len, int windowbits)
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
	if (deflateInit2(&z, 9, Z_DEFLATED, windowbits, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
		msg(MSG_SYSERR, NULL, 0, 0, "zlib: %s", z.msg ? z.msg : "cannot start");
		return -1;
	}
	if (windowbits > 15) {
		h.time = 0;
		h.os = 3;	/* Unix, whatever the build host is */
		deflateSetHeader(&z, &h);
	}
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

int
gz_compress(struct buf *out, const void *in, size_t len)
{
	return gz_deflate(out, in, len, 15 + 16);
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

/* A zlib stream (RFC 1950), as PNG's IDAT chunk holds. */
int
gz_zlib(struct buf *out, const void *in, size_t len)
{
	return gz_deflate(out, in, len, 15);
}

/* CRC-32 as gzip and PNG use it; start with crc 0, feed pieces in order. */
uint32_t
gz_crc32(uint32_t crc, const void *in, size_t len)
{
	const unsigned char	*p = in;
	uInt			 n;

	/* crc32() takes at most UINT_MAX bytes a call. */
	while (len > 0) {
		n = len > UINT_MAX ? UINT_MAX : (uInt)len;
		crc = (uint32_t)crc32((uLong)crc, p, n);
		p += n;
		len -= n;
	}
	return crc;
}

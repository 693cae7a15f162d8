/*
 * png.c: the PNG encoder of png.h (PNG 1.2, ISO/IEC 15948): signature, IHDR,
 * one IDAT, IEND.  Called by out_docset.c.
 */
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "gz.h"
#include "image.h"
#include "png.h"
#include "xalloc.h"

static void
png_put32(struct buf *b, uint32_t v)
{
	unsigned char	 be[4];

	be[0] = (unsigned char)(v >> 24);
	be[1] = (unsigned char)(v >> 16);
	be[2] = (unsigned char)(v >> 8);
	be[3] = (unsigned char)v;
	buf_put(b, be, 4);
}

/* Length, type, data, then the CRC of type and data. */
static void
png_chunk(struct buf *out, const char *type, const void *data, size_t len)
{
	uint32_t	 crc;

	png_put32(out, (uint32_t)len);
	buf_put(out, type, 4);
	if (len > 0)
		buf_put(out, data, len);
	crc = gz_crc32(0, type, 4);
	crc = gz_crc32(crc, data, len);
	png_put32(out, crc);
}

int
png_encode(struct buf *out, const struct image *img)
{
	static const unsigned char sig[8] = { 137, 'P', 'N', 'G', '\r', '\n', 26, '\n' };
	struct buf	 hdr, raw, z;
	size_t		 row, y;
	int		 rc = -1;

	buf_init(&hdr);
	buf_init(&raw);
	buf_init(&z);
	png_put32(&hdr, img->w);
	png_put32(&hdr, img->h);
	/* Bit depth 8, colour type 6 (RGBA), deflate, adaptive filters, no interlace. */
	buf_put(&hdr, "\x08\x06\x00\x00\x00", 5);
	/* Every row with filter type 0 (none): the icons are tiny. */
	row = xmul(img->w, 4);
	for (y = 0; y < img->h; y++) {
		buf_putc(&raw, 0);
		buf_put(&raw, img->rgba + y * row, row);
	}
	if (gz_zlib(&z, raw.data, raw.len) == -1)
		goto out;
	buf_put(out, sig, sizeof(sig));
	png_chunk(out, "IHDR", hdr.data, hdr.len);
	png_chunk(out, "IDAT", z.data, z.len);
	png_chunk(out, "IEND", "", 0);
	rc = 0;
out:
	buf_release(&z);
	buf_release(&raw);
	buf_release(&hdr);
	return rc;
}

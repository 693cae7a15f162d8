/*
 * png.h: write an RGBA image as a PNG file in memory: 8-bit RGBA, no
 * interlacing, and no time or text chunks, so equal images give equal bytes.
 * No libpng: the format needs only zlib's deflate and CRC-32, which gz.h
 * provides.  Called by out_docset.c for the docset icons.
 */
#ifndef PNG_H
#define PNG_H

struct buf;
struct image;

int	png_encode(struct buf *out, const struct image *);

#endif

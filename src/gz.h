/*
 * gz.h: gzip streams for the man pages, the Info manual and the docset tarball.
 * The header carries no name and no time, and a fixed OS byte, so equal input
 * gives equal bytes on every machine (the same as gzip -9n).
 */
#ifndef GZ_H
#define GZ_H

#include <stddef.h>

struct buf;

int	gz_compress(struct buf *out, const void *in, size_t len);

#endif

/*
 * gz.h: gzip streams for the man pages, the Info manual and the docset tarball.
 * The header carries no name and no time, and a fixed OS byte, so equal input
 * gives equal bytes on every machine (the same as gzip -9n); gz_write() is the
 * compress-and-write step every backend needs, and gz_stream_*() the same
 * for output made in pieces (the docset tarball, the Info manual), which is
 * never held whole.  Only gz.c includes zlib.h.
 */
#ifndef GZ_H
#define GZ_H

#include <stddef.h>

struct buf;
struct gz_stream;

int		gz_compress(struct buf *out, const void *in, size_t len);
int		gz_write(const char *dir, const char *rel, const void *in,
		    size_t len);
struct gz_stream	*gz_stream_open(void);
int		gz_stream_put(struct gz_stream *, const void *in, size_t len);
int		gz_stream_close(struct gz_stream *, const char *dir,
		    const char *rel);

#endif

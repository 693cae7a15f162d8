/*
 * tarball.h: pack a directory tree as a tar archive, the form Dash
 * and Zeal install a docset from.  One top-level directory; each directory
 * comes before what it holds, and names are sorted bytewise; only directories
 * and regular files (anything else is refused); owner 0:0 with no user or
 * group name, modes 0755 and 0644, and every mtime the given time.  Equal trees
 * give equal bytes.  The archive goes to sink as it is made, in pieces (the
 * caller compresses them, gz.h); sink returns 0, or -1 to stop.  Called by
 * out_docset.c.
 */
#ifndef TARBALL_H
#define TARBALL_H

#include <stddef.h>

typedef int	(*tarball_sink_fn)(void *arg, const void *p, size_t n);

int	tarball_pack(tarball_sink_fn sink, void *arg, const char *dir,
	    const char *top, long long mtime);

#endif

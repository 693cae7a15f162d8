/*
 * tarball.h: pack a directory tree as a tar archive in memory, the form Dash
 * and Zeal install a docset from.  One top-level directory; each directory
 * comes before what it holds, and names are sorted bytewise; only directories
 * and regular files (anything else is refused); owner 0:0 with no user or
 * group name, modes 0755 and 0644, and every mtime the given time.  Equal trees
 * give equal bytes.  The caller compresses the result (gz.h).  Called by
 * out_docset.c.
 */
#ifndef TARBALL_H
#define TARBALL_H

struct buf;

int	tarball_pack(struct buf *out, const char *dir, const char *top,
	    long long mtime);

#endif

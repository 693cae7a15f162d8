/*
 * tarball.c: the tar writer of tarball.h, on libarchive.  The only file that
 * includes archive.h.  Called by out_docset.c.
 *
 * The format is POSIX ustar: it holds every docset path (up to 255 bytes,
 * split at a '/'), every extractor reads it, and, unlike pax, it has no
 * extended headers that could carry a time or a name from the build host.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>

#include "buf.h"
#include "fs.h"
#include "msg.h"
#include "tarball.h"
#include "xalloc.h"

struct tarball {
	struct archive	*a;
	const char	*dir;
	long long	 mtime;
	tarball_sink_fn	 sink;
	void		*arg;
};

static la_ssize_t
tarball_write(struct archive *a, void *arg, const void *p, size_t n)
{
	struct tarball	*t = arg;

	if (t->sink(t->arg, p, n) == -1) {
		archive_set_error(a, EIO, "cannot compress the archive");
		return -1;
	}
	return (la_ssize_t)n;
}

/* One member: a directory when data is NULL, else a file of len bytes. */
static int
tarball_member(struct tarball *t, const char *rel, const char *data, size_t len)
{
	struct archive_entry	*ent;
	char			*name;
	int			 rc = -1;

	ent = archive_entry_new();
	if (ent == NULL)
		msg_fatal_oom(0);
	/* A trailing '/' is how tar marks a directory in older readers. */
	name = xasprintf("%s%s", rel, data == NULL ? "/" : "");
	archive_entry_set_pathname(ent, name);
	archive_entry_set_filetype(ent, data == NULL ? AE_IFDIR : AE_IFREG);
	archive_entry_set_perm(ent, data == NULL ? 0755 : 0644);
	archive_entry_set_size(ent, data == NULL ? 0 : (la_int64_t)len);
	archive_entry_set_mtime(ent, (time_t)t->mtime, 0);
	archive_entry_set_uid(ent, 0);
	archive_entry_set_gid(ent, 0);
	if (archive_write_header(t->a, ent) != ARCHIVE_OK) {
		msg(MSG_SYSERR, name, 0, 0, "libarchive: %s",
		    archive_error_string(t->a));
		goto out;
	}
	if (data != NULL && len > 0 &&
	    archive_write_data(t->a, data, len) != (la_ssize_t)len) {
		msg(MSG_SYSERR, name, 0, 0, "libarchive: %s",
		    archive_error_string(t->a));
		goto out;
	}
	rc = 0;
out:
	free(name);
	archive_entry_free(ent);
	return rc;
}

static int
tarball_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int	tarball_walk(struct tarball *, const char *);

/* One entry of a directory: a subdirectory is walked, a file packed. */
static int
tarball_child(struct tarball *t, const char *rel)
{
	struct stat	 sb;
	char		*path, *data = NULL;
	size_t		 len;
	int		 rc = -1;

	path = xasprintf("%s/%s", t->dir, rel);
	if (lstat(path, &sb) == -1)
		msg_errno(path, "cannot read");
	else if (S_ISDIR(sb.st_mode))
		rc = tarball_walk(t, rel);
	else if (!S_ISREG(sb.st_mode))
		/* Zeal skips links; a docset must not depend on one. */
		msg(MSG_ERROR, path, 0, 0, "refusing to pack: not a regular file "
		    "or directory");
	else if ((data = fs_read(path, &len)) != NULL)
		rc = tarball_member(t, rel, data, len);
	free(data);
	free(path);
	return rc;
}

/* The directory rel (relative to t->dir): itself, then its entries in order. */
static int
tarball_walk(struct tarball *t, const char *rel)
{
	struct dirent	*de;
	DIR		*d;
	char		*path, *child, **names = NULL;
	size_t		 n = 0, cap = 0, i;
	int		 rc;

	if (tarball_member(t, rel, NULL, 0) == -1)
		return -1;
	path = xasprintf("%s/%s", t->dir, rel);
	if ((d = opendir(path)) == NULL) {
		msg_errno(path, "cannot open directory");
		free(path);
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (n == cap) {
			cap = cap == 0 ? 16 : xmul(cap, 2);
			names = xreallocarray(names, cap, sizeof(*names));
		}
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (n > 0)
		qsort(names, n, sizeof(*names), tarball_cmp);
	for (i = 0, rc = 0; i < n && rc == 0; i++) {
		child = xasprintf("%s/%s", rel, names[i]);
		rc = tarball_child(t, child);
		free(child);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(path);
	return rc;
}

int
tarball_pack(tarball_sink_fn sink, void *arg, const char *dir, const char *top,
    long long mtime)
{
	struct tarball	 t;
	int		 rc = -1;

	memset(&t, 0, sizeof(t));
	t.dir = dir;
	t.mtime = mtime;
	t.sink = sink;
	t.arg = arg;
	if ((t.a = archive_write_new()) == NULL)
		msg_fatal_oom(0);
	if (archive_write_set_format_ustar(t.a) != ARCHIVE_OK ||
	    archive_write_add_filter_none(t.a) != ARCHIVE_OK ||
	    archive_write_open(t.a, &t, NULL, tarball_write, NULL) != ARCHIVE_OK) {
		msg(MSG_SYSERR, NULL, 0, 0, "libarchive: %s",
		    archive_error_string(t.a));
		goto out;
	}
	if (tarball_walk(&t, top) == -1)
		goto out;
	if (archive_write_close(t.a) != ARCHIVE_OK) {
		msg(MSG_SYSERR, NULL, 0, 0, "libarchive: %s",
		    archive_error_string(t.a));
		goto out;
	}
	rc = 0;
out:
	archive_write_free(t.a);
	return rc;
}

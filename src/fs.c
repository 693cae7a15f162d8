/*
 * fs.c: file writes, path joining and the staging directory (see fs.h).
 * Called by the backends (fs_write, fs_symlink) and by main.c (stage_*).
 */
#define _GNU_SOURCE	/* renameat2 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "fs.h"
#include "msg.h"
#include "xalloc.h"

struct stage {
	char	*outdir;
	char	*dir;		/* NULL once committed or removed */
};

/* A path component we are willing to create: [A-Za-z0-9._@+-], not . or .. */
static int
fs_component_ok(const char *s, size_t n)
{
	size_t	 i;

	if (n == 0 || (n == 1 && s[0] == '.') ||
	    (n == 2 && s[0] == '.' && s[1] == '.'))
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' ||
		    c == '@' || c == '+'))
			return 0;
	}
	return 1;
}

/*
 * dir + "/" + rel, where rel is a relative path of safe components.  Returns a
 * new string, or NULL after reporting why rel was refused.
 */
char *
fs_join(const char *dir, const char *rel)
{
	const char	*p, *slash;

	for (p = rel;; p = slash + 1) {
		slash = strchr(p, '/');
		if (!fs_component_ok(p, slash != NULL ? (size_t)(slash - p) : strlen(p))) {
			msg(MSG_ERROR, NULL, 0, 0,
			    "refusing to write '%s': not a plain relative path", rel);
			return NULL;
		}
		if (slash == NULL)
			break;
	}
	return xasprintf("%s/%s", dir, rel);
}

int
fs_mkdirs(const char *path)
{
	char	*p, *s;
	int	 rc = 0;

	p = xstrdup(path);
	for (s = p + 1;; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		{
			char save = *s;

			*s = '\0';
			if (mkdir(p, 0755) == -1 && errno != EEXIST) {
				msg_errno(p, "cannot create directory");
				rc = -1;
				*s = save;
				break;
			}
			*s = save;
		}
		if (*s == '\0')
			break;
	}
	free(p);
	return rc;
}

/* Create the parent directories of path (the part before its last '/'). */
static int
fs_mkparent(const char *path)
{
	const char	*slash = strrchr(path, '/');
	char		*parent;
	int		 rc;

	if (slash == NULL || slash == path)
		return 0;
	parent = xstrndup(path, (size_t)(slash - path));
	rc = fs_mkdirs(parent);
	free(parent);
	return rc;
}

int
fs_write(const char *dir, const char *rel, const void *data, size_t len)
{
	char		*path;
	const char	*p = data;
	ssize_t		 n;
	int		 fd = -1, rc = -1;

	if ((path = fs_join(dir, rel)) == NULL)
		return -1;
	if (fs_mkparent(path) == -1)
		goto out;
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)) == -1) {
		msg_errno(path, "cannot create");
		goto out;
	}
	while (len > 0) {
		if ((n = write(fd, p, len)) == -1) {
			if (errno == EINTR)
				continue;
			msg_errno(path, "cannot write");
			goto out;
		}
		p += n;
		len -= (size_t)n;
	}
	if (close(fd) == -1) {
		fd = -1;
		msg_errno(path, "cannot write");
		goto out;
	}
	fd = -1;
	rc = 0;
out:
	if (fd != -1)
		close(fd);
	free(path);
	return rc;
}

/* A relative symbolic link rel -> target inside dir; target is one component. */
int
fs_symlink(const char *dir, const char *rel, const char *target)
{
	char	*path;
	int	 rc = -1;

	if (!fs_component_ok(target, strlen(target))) {
		msg(MSG_ERROR, NULL, 0, 0, "refusing link target '%s'", target);
		return -1;
	}
	if ((path = fs_join(dir, rel)) == NULL)
		return -1;
	if (fs_mkparent(path) == -1)
		goto out;
	if (symlink(target, path) == -1) {
		msg_errno(path, "cannot create symbolic link");
		goto out;
	}
	rc = 0;
out:
	free(path);
	return rc;
}

/* The whole file, NUL-terminated; NULL after a diagnostic. */
char *
fs_read(const char *path, size_t *lenp)
{
	struct buf	 b;
	char		 chunk[8192];
	ssize_t		 n;
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		msg_errno(path, "cannot open");
		return NULL;
	}
	buf_init(&b);
	buf_grow(&b, 0);
	for (;;) {
		if ((n = read(fd, chunk, sizeof(chunk))) == -1) {
			if (errno == EINTR)
				continue;
			msg_errno(path, "cannot read");
			close(fd);
			buf_release(&b);
			return NULL;
		}
		if (n == 0)
			break;
		buf_put(&b, chunk, (size_t)n);
	}
	close(fd);
	if (lenp != NULL)
		*lenp = b.len;
	return buf_detach(&b);
}

static int
fs_rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if ((flag == FTW_DP ? rmdir(path) : unlink(path)) == -1) {
		msg_errno(path, "cannot remove");
		return -1;
	}
	return 0;
}

int
fs_rmtree(const char *path)
{
	struct stat	 st;

	if (lstat(path, &st) == -1)
		return errno == ENOENT ? 0 : (msg_errno(path, "cannot remove"), -1);
	return nftw(path, fs_rm_one, 16, FTW_DEPTH | FTW_PHYS) == 0 ? 0 : -1;
}

struct stage *
stage_new(const char *outdir)
{
	struct stage	*st;
	char		*tmpl;

	if (fs_mkdirs(outdir) == -1)
		return NULL;
	tmpl = xasprintf("%s/.staging-XXXXXX", outdir);
	if (mkdtemp(tmpl) == NULL) {
		msg_errno(outdir, "cannot create staging directory in");
		free(tmpl);
		return NULL;
	}
	st = xcalloc(1, sizeof(*st));
	st->outdir = xstrdup(outdir);
	st->dir = tmpl;
	return st;
}

const char *
stage_dir(const struct stage *st)
{
	return st->dir;
}

/*
 * Move each staged tree into the output directory.  Where a tree already exists
 * the two are exchanged in one atomic step (Linux renameat2), so a reader never
 * sees a half-written or missing tree; the old tree then goes with the staging
 * directory.
 */
int
stage_commit(struct stage *st, const char *const *trees, size_t n)
{
	char	*from, *to;
	size_t	 i;
	int	 rc = 0;

	for (i = 0; i < n && rc == 0; i++) {
		from = xasprintf("%s/%s", st->dir, trees[i]);
		to = xasprintf("%s/%s", st->outdir, trees[i]);
#ifdef RENAME_EXCHANGE
		if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_EXCHANGE) == 0) {
			free(from);
			free(to);
			continue;
		}
		if (errno != ENOENT && errno != EINVAL && errno != ENOSYS) {
			msg_errno(to, "cannot replace");
			rc = -1;
		}
#endif
		if (rc == 0) {
			char *old = xasprintf("%s/%s.old", st->dir, trees[i]);

			if (rename(to, old) == -1 && errno != ENOENT) {
				msg_errno(to, "cannot replace");
				rc = -1;
			} else if (rename(from, to) == -1) {
				msg_errno(to, "cannot create");
				rc = -1;
			}
			free(old);
		}
		free(from);
		free(to);
	}
	if (rc == 0 && fs_rmtree(st->dir) == 0) {
		free(st->dir);
		st->dir = NULL;
	}
	return rc;
}

void
stage_free(struct stage *st)
{
	if (st == NULL)
		return;
	if (st->dir != NULL)
		fs_rmtree(st->dir);
	free(st->dir);
	free(st->outdir);
	free(st);
}

/*
 * fs.c: file writes, path joining and the staging directory (see fs.h).
 * Called by the backends (fs_write, fs_symlink) and by main.c (stage_*).
 */
#define _GNU_SOURCE	/* renameat2 */
#include <sys/file.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "fs.h"
#include "msg.h"
#include "xalloc.h"

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

/*
 * mkdir -p: the whole path first, and only when its parent is missing the
 * parent (recursively), so an existing directory costs one call.
 */
int
fs_mkdirs(const char *path)
{
	struct stat	 st;
	char		*parent;
	const char	*slash;
	int		 rc;

	if (*path == '\0') {
		msg(MSG_SYSERR, NULL, 0, 0, "cannot create a directory with an empty name");
		return -1;
	}
	if (mkdir(path, 0755) == 0)
		return 0;
	if (errno == EEXIST) {
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
			return 0;
		errno = ENOTDIR;
		msg_errno(path, "cannot create directory");
		return -1;
	}
	if (errno != ENOENT || (slash = strrchr(path, '/')) == NULL || slash == path) {
		msg_errno(path, "cannot create directory");
		return -1;
	}
	parent = xstrndup(path, (size_t)(slash - path));
	rc = fs_mkdirs(parent);
	free(parent);
	if (rc == 0 && mkdir(path, 0755) == -1 && errno != EEXIST) {
		msg_errno(path, "cannot create directory");
		rc = -1;
	}
	return rc;
}

/*
 * Create the parent directories of path (the part before its last '/').
 * Pages come in runs that share a directory, so the last directory made is
 * remembered and not made again: one mkdir per directory, not per file.
 */
static char	*fs_last_parent;

static int
fs_mkparent(const char *path)
{
	const char	*slash = strrchr(path, '/');
	char		*parent;
	int		 rc;

	if (slash == NULL || slash == path)
		return 0;
	if (fs_last_parent != NULL &&
	    strlen(fs_last_parent) == (size_t)(slash - path) &&
	    strncmp(fs_last_parent, path, (size_t)(slash - path)) == 0)
		return 0;
	parent = xstrndup(path, (size_t)(slash - path));
	if ((rc = fs_mkdirs(parent)) == 0) {
		free(fs_last_parent);
		fs_last_parent = parent;
	} else
		free(parent);
	return rc;
}

/* Forget the remembered directory: it may be removed or renamed now. */
static void
fs_forget_parent(void)
{
	free(fs_last_parent);
	fs_last_parent = NULL;
}

/*
 * A file written in pieces: fs_open() creates dir/rel (through fs_join and
 * its checks), fs_put() appends, fs_close() reports whether every write
 * succeeded.  fs_write() is all three at once.
 */
struct fs_file {
	char	*path;
	int	 fd;
	int	 failed;
};

struct fs_file *
fs_open(const char *dir, const char *rel)
{
	struct fs_file	*f;
	char		*path;
	int		 fd;

	if ((path = fs_join(dir, rel)) == NULL)
		return NULL;
	if (fs_mkparent(path) == -1) {
		free(path);
		return NULL;
	}
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)) == -1) {
		msg_errno(path, "cannot create");
		free(path);
		return NULL;
	}
	f = xcalloc(1, sizeof(*f));
	f->path = path;
	f->fd = fd;
	return f;
}

int
fs_put(struct fs_file *f, const void *data, size_t len)
{
	const char	*p = data;
	ssize_t		 n;

	while (len > 0 && !f->failed) {
		if ((n = write(f->fd, p, len)) == -1) {
			if (errno == EINTR)
				continue;
			msg_errno(f->path, "cannot write");
			f->failed = 1;
			break;
		}
		p += n;
		len -= (size_t)n;
	}
	return f->failed ? -1 : 0;
}

int
fs_close(struct fs_file *f)
{
	int	 rc;

	if (f == NULL)
		return -1;
	rc = f->failed ? -1 : 0;
	if (close(f->fd) == -1 && rc == 0) {
		msg_errno(f->path, "cannot write");
		rc = -1;
	}
	free(f->path);
	free(f);
	return rc;
}

int
fs_write(const char *dir, const char *rel, const void *data, size_t len)
{
	struct fs_file	*f;

	if ((f = fs_open(dir, rel)) == NULL)
		return -1;
	fs_put(f, data, len);
	return fs_close(f);
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

	fs_forget_parent();
	if (lstat(path, &st) == -1)
		return errno == ENOENT ? 0 : (msg_errno(path, "cannot remove"), -1);
	return nftw(path, fs_rm_one, 16, FTW_DEPTH | FTW_PHYS) == 0 ? 0 : -1;
}


/* ===== The output directory =====
 *
 * DIR/.httperror/ is the tool's own: a stamp file that says so, a lock, and
 * one directory per generation (gen-XXXXXX), each holding every output tree of
 * one run.  DIR/.httperror/current is a symbolic link to the complete
 * generation, and DIR/man, DIR/info, ... are fixed links through it
 * (.httperror/current/man).  A build fills a new generation, then renames a
 * new link over `current`: that one rename is the whole switch, so a reader,
 * a failed build or a kill at any instant sees the old generation or the new
 * one, never a mix.  The tool replaces or deletes only what it made: the
 * links it recognises by their exact target, and entries of .httperror/ whose
 * names it gives.
 */

#define FS_META		".httperror"
#define FS_STAMP	"made-by-httperror"
#define FS_STAMP_TEXT	"This directory is httperror's output; httperror replaces and deletes what is in it.\n"
#define FS_CURRENT	"current"
#define FS_GEN		"gen-"
#define FS_NEXT		"next-"

struct stage {
	char	*outdir;
	char	*meta;		/* outdir/.httperror */
	char	*dir;		/* the new generation; NULL once committed */
	char	*prev;		/* name of the generation `current` named, or NULL */
	int	 lockfd;
};

/* mkdtemp() makes 0700; outputs are for everyone to read, like mkdir's. */
static int
fs_open_up(const char *dir)
{
	mode_t	 mask = umask(0);

	umask(mask);
	return chmod(dir, 0755 & ~mask);
}

/* Is path a regular file holding exactly FS_STAMP_TEXT? */
static int
fs_stamp_ok(const char *meta)
{
	struct stat	 st;
	char		*path, *text;
	size_t		 len;
	int		 ok = 0, fd;

	path = xasprintf("%s/%s", meta, FS_STAMP);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) != -1) {
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
		    st.st_size == (off_t)strlen(FS_STAMP_TEXT)) {
			close(fd);
			fd = -1;
			if ((text = fs_read(path, &len)) != NULL) {
				ok = len == strlen(FS_STAMP_TEXT) &&
				    memcmp(text, FS_STAMP_TEXT, len) == 0;
				free(text);
			}
		}
		if (fd != -1)
			close(fd);
	}
	free(path);
	return ok;
}

/*
 * Make outdir/.httperror with its stamp in one step: build it under a
 * temporary name, then rename it into place, so a kill never leaves a
 * .httperror without a stamp (which would then be refused forever).
 */
static int
fs_meta_create(const char *outdir, const char *meta)
{
	char	*tmp;
	int	 rc = -1;

	tmp = xasprintf("%s/" FS_META "-new-XXXXXX", outdir);
	if (mkdtemp(tmp) == NULL || fs_open_up(tmp) == -1) {
		msg_errno(outdir, "cannot create a directory in");
		free(tmp);
		return -1;
	}
	if (fs_write(tmp, FS_STAMP, FS_STAMP_TEXT, strlen(FS_STAMP_TEXT)) == -1)
		goto out;
	if (rename(tmp, meta) == 0)
		rc = 0;
	else if (errno == EEXIST || errno == ENOTEMPTY)
		rc = 0;		/* another build made it first; checked by the caller */
	else
		msg_errno(meta, "cannot create");
out:
	fs_rmtree(tmp);
	free(tmp);
	return rc;
}

/* The expected target of outdir/NAME. */
static char *
fs_link_target(const char *tree)
{
	return xasprintf(FS_META "/" FS_CURRENT "/%s", tree);
}

/*
 * 0 when outdir/tree is absent or is our own link, -1 (reported) when it is
 * anything else: the tool never replaces what it did not make.
 */
static int
fs_tree_ours(const char *outdir, const char *tree)
{
	struct stat	 st;
	char		*path, *want, got[256];
	ssize_t		 n;
	int		 rc = -1;

	path = xasprintf("%s/%s", outdir, tree);
	want = fs_link_target(tree);
	if (lstat(path, &st) == -1) {
		if (errno == ENOENT)
			rc = 0;
		else
			msg_errno(path, "cannot inspect");
	} else if (S_ISLNK(st.st_mode) &&
	    (n = readlink(path, got, sizeof(got) - 1)) > 0 &&
	    (got[n] = '\0', strcmp(got, want) == 0))
		rc = 0;
	else
		msg(MSG_SYSERR, NULL, 0, 0, "'%s' was not made by httperror; "
		    "refusing to replace it (move it away, or build into "
		    "another directory)", path);
	free(want);
	free(path);
	return rc;
}

/*
 * Remove every entry of dir that ours() says this tool left there; the
 * callers below say what that is.
 */
static int
fs_clean(const struct stage *st, const char *dir,
    int (*ours)(const struct stage *, const char *dir, const char *name))
{
	DIR		*d;
	struct dirent	*de;
	char		*path;
	int		 rc = 0;

	if ((d = opendir(dir)) == NULL) {
		msg_errno(dir, "cannot read directory");
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (!ours(st, dir, de->d_name))
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		if (fs_rmtree(path) == -1)
			rc = -1;
		free(path);
	}
	closedir(d);
	return rc;
}

/* In .httperror: every generation and new link but the current generation. */
static int
fs_meta_stale(const struct stage *st, const char *dir, const char *name)
{
	(void)dir;
	if (strncmp(name, FS_GEN, strlen(FS_GEN)) != 0 &&
	    strncmp(name, FS_NEXT, strlen(FS_NEXT)) != 0)
		return 0;
	return st->prev == NULL || strcmp(name, st->prev) != 0;
}

/*
 * Is path what fs_meta_create() leaves when killed: a real directory holding
 * nothing, or its stamp, or the stamp half written?
 */
static int
fs_meta_tmp_ours(const char *path)
{
	struct stat	 sb;
	DIR		*d;
	struct dirent	*de;
	int		 ours;

	if (lstat(path, &sb) == -1 || !S_ISDIR(sb.st_mode) ||
	    (d = opendir(path)) == NULL)
		return 0;
	ours = 1;
	while (ours && (de = readdir(d)) != NULL)
		ours = strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0 ||
		    strcmp(de->d_name, FS_STAMP) == 0;
	closedir(d);
	return ours;
}

/*
 * In outdir: what a build killed while making .httperror left,
 * .httperror-new-XXXXXX with nothing or only a stamp in it (nothing else
 * makes that name with that content).
 */
static int
fs_outdir_stale(const struct stage *st, const char *dir, const char *name)
{
	char	*path;
	int	 ours;

	(void)st;
	if (strncmp(name, FS_META "-new-", strlen(FS_META "-new-")) != 0)
		return 0;
	path = xasprintf("%s/%s", dir, name);
	ours = fs_meta_tmp_ours(path);
	free(path);
	return ours;
}

struct stage *
stage_new(const char *outdir, const char *const *trees, size_t n)
{
	struct stage	*st;
	struct stat	 sb;
	char		*path, real[PATH_MAX], got[64];
	ssize_t		 len;
	size_t		 i;

	if (fs_mkdirs(outdir) == -1)
		return NULL;
	if (realpath(outdir, real) == NULL) {
		msg_errno(outdir, "cannot resolve");
		return NULL;
	}
	if (strcmp(real, "/") == 0) {
		msg(MSG_SYSERR, NULL, 0, 0, "refusing to build into '/'");
		return NULL;
	}
	st = xcalloc(1, sizeof(*st));
	st->lockfd = -1;
	st->outdir = xstrdup(outdir);
	st->meta = xasprintf("%s/" FS_META, outdir);
	for (i = 0; i < n; i++)
		if (fs_tree_ours(outdir, trees[i]) == -1)
			goto fail;
	if (lstat(st->meta, &sb) == -1) {
		if (errno != ENOENT) {
			msg_errno(st->meta, "cannot inspect");
			goto fail;
		}
		if (fs_meta_create(outdir, st->meta) == -1)
			goto fail;
	}
	if (lstat(st->meta, &sb) == -1 || !S_ISDIR(sb.st_mode) ||
	    !fs_stamp_ok(st->meta)) {
		msg(MSG_SYSERR, NULL, 0, 0, "'%s' was not made by httperror; "
		    "refusing to touch it", st->meta);
		goto fail;
	}

	/* One build at a time in one directory: the next waits here. */
	path = xasprintf("%s/lock", st->meta);
	st->lockfd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
	if (st->lockfd == -1 || flock(st->lockfd, LOCK_EX) == -1) {
		msg_errno(path, "cannot lock");
		free(path);
		goto fail;
	}
	free(path);

	path = xasprintf("%s/" FS_CURRENT, st->meta);
	if ((len = readlink(path, got, sizeof(got) - 1)) > 0) {
		got[len] = '\0';
		if (strncmp(got, FS_GEN, strlen(FS_GEN)) == 0 &&
		    strchr(got, '/') == NULL)
			st->prev = xstrdup(got);
	}
	free(path);
	if (fs_clean(st, st->meta, fs_meta_stale) == -1 ||
	    fs_clean(st, st->outdir, fs_outdir_stale) == -1)
		goto fail;
	st->dir = xasprintf("%s/" FS_GEN "XXXXXX", st->meta);
	if (mkdtemp(st->dir) == NULL || fs_open_up(st->dir) == -1) {
		msg_errno(st->meta, "cannot create a generation in");
		free(st->dir);
		st->dir = NULL;
		goto fail;
	}
	return st;
fail:
	stage_free(st);
	return NULL;
}

const char *
stage_dir(const struct stage *st)
{
	return st->dir;
}

/* Copy the tree at src to dst as hard links (symbolic links as they are). */
static int
fs_linktree(const char *src, const char *dst)
{
	DIR		*d;
	struct dirent	*de;
	struct stat	 sb;
	char		*s, *t, target[PATH_MAX];
	ssize_t		 n;
	int		 rc = 0;

	if (mkdir(dst, 0755) == -1) {
		msg_errno(dst, "cannot create directory");
		return -1;
	}
	if ((d = opendir(src)) == NULL) {
		msg_errno(src, "cannot read directory");
		return -1;
	}
	while (rc == 0 && (de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		s = xasprintf("%s/%s", src, de->d_name);
		t = xasprintf("%s/%s", dst, de->d_name);
		if (lstat(s, &sb) == -1) {
			msg_errno(s, "cannot inspect");
			rc = -1;
		} else if (S_ISDIR(sb.st_mode))
			rc = fs_linktree(s, t);
		else if (S_ISLNK(sb.st_mode)) {
			if ((n = readlink(s, target, sizeof(target) - 1)) == -1 ||
			    (target[n] = '\0', symlink(target, t) == -1)) {
				msg_errno(t, "cannot create symbolic link");
				rc = -1;
			}
		} else if (link(s, t) == -1) {
			msg_errno(t, "cannot create");
			rc = -1;
		}
		free(s);
		free(t);
	}
	closedir(d);
	return rc;
}

/*
 * Make the staged generation the current one.  trees are the ones this run
 * built; every other tree of the previous generation is carried over (hard
 * links), so the new generation is complete on its own.
 */
int
stage_commit(struct stage *st, const char *const *trees, size_t n)
{
	static const char *const all[] = { "man", "info", "docset", "html", "data" };
	struct stat	 sb;
	char		*from, *to, *next, *cur, *gen, *target;	/* gen: its name */
	size_t		 i, j;
	int		 rc = 0;

	gen = xstrdup(strrchr(st->dir, '/') + 1);
	for (i = 0; i < sizeof(all) / sizeof(all[0]) && rc == 0; i++) {
		for (j = 0; j < n; j++)
			if (strcmp(trees[j], all[i]) == 0)
				break;
		if (j < n || st->prev == NULL)
			continue;
		from = xasprintf("%s/%s/%s", st->meta, st->prev, all[i]);
		to = xasprintf("%s/%s", st->dir, all[i]);
		if (lstat(from, &sb) == 0 && S_ISDIR(sb.st_mode))
			rc = fs_linktree(from, to);
		free(from);
		free(to);
	}
	if (rc == -1)
		goto out;

	fs_forget_parent();	/* the generation is about to move under its readers */
	/* The switch: one rename of a new link over `current`. */
	next = xasprintf("%s/" FS_NEXT "%s", st->meta, gen + strlen(FS_GEN));
	cur = xasprintf("%s/" FS_CURRENT, st->meta);
	if (symlink(gen, next) == -1) {
		msg_errno(next, "cannot create symbolic link");
		rc = -1;
	} else if (rename(next, cur) == -1) {
		msg_errno(cur, "cannot replace");
		rc = -1;
	}
	free(next);
	free(cur);
	if (rc == -1)
		goto out;
	free(st->dir);
	st->dir = NULL;

	/* The fixed links, for trees the outputs now have. */
	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
		from = xasprintf("%s/%s/%s", st->meta, gen, all[i]);
		to = xasprintf("%s/%s", st->outdir, all[i]);
		target = fs_link_target(all[i]);
		if (lstat(from, &sb) == 0 && lstat(to, &sb) == -1 &&
		    errno == ENOENT && symlink(target, to) == -1) {
			msg_errno(to, "cannot create symbolic link");
			rc = -1;
		}
		free(target);
		free(from);
		free(to);
	}
	/* The previous generation is nobody's now. */
	if (st->prev != NULL) {
		from = xasprintf("%s/%s", st->meta, st->prev);
		fs_rmtree(from);
		free(from);
	}
out:
	free(gen);
	return rc;
}

void
stage_free(struct stage *st)
{
	if (st == NULL)
		return;
	if (st->dir != NULL)
		fs_rmtree(st->dir);
	fs_forget_parent();
	if (st->lockfd != -1)
		close(st->lockfd);	/* releases the lock */
	free(st->dir);
	free(st->prev);
	free(st->meta);
	free(st->outdir);
	free(st);
}

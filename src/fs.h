/*
 * fs.h: the only module that creates, renames or removes files.  Every relative
 * path a backend asks for goes through fs_join(), which refuses absolute paths,
 * empty components, "." and "..", so registry values cannot steer a write.
 *
 * Outputs are written into a new generation inside the output directory's
 * .httperror/ and switched in by one rename only when the whole build
 * succeeded; a failed or killed build leaves the previous outputs as they
 * were (see "The output directory" in fs.c).
 */
#ifndef FS_H
#define FS_H

#include <stddef.h>

struct fs_file;
struct stage;

char		*fs_join(const char *dir, const char *rel);
int		 fs_mkdirs(const char *path);
int		 fs_write(const char *dir, const char *rel, const void *, size_t);
struct fs_file	*fs_open(const char *dir, const char *rel);
int		 fs_put(struct fs_file *, const void *, size_t);
int		 fs_close(struct fs_file *);
int		 fs_symlink(const char *dir, const char *rel, const char *target);
char		*fs_read(const char *path, size_t *lenp);
int		 fs_rmtree(const char *path);

struct stage	*stage_new(const char *outdir, const char *const *trees, size_t n);
const char	*stage_dir(const struct stage *);
int		 stage_commit(struct stage *, const char *const *trees, size_t n);
void		 stage_free(struct stage *);

#endif

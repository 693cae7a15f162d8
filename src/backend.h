/*
 * backend.h: what every output backend gets and provides.  main.c lists the
 * backends in one table; each renders the registry through its stylesheet into
 * its own tree of the staging directory (stage/man, stage/info, ...), which
 * main.c swaps into the output directory only when every backend succeeded.
 */
#ifndef BACKEND_H
#define BACKEND_H

struct registry;
struct xform;

/* The install directories of -D, in this order (main.c). */
#define NDIRS	4

struct emit {
	const struct registry	*reg;
	struct xform		*xf;		/* the backend's compiled stylesheet */
	const char		*dir;		/* write here (through fs.h) */
	const char		*xsldir;	/* stylesheets and their assets */
	const char		*date;		/* YYYY-MM-DD for every page */
	long long		 epoch;		/* the same day as seconds, for mtimes */
	const char		*version;	/* of httperror */
	const char		*feed_url;	/* docset download URL for the feed */
	const char *const	*dirs;		/* mandir, infodir, docdir, datadir */
	/*
	 * A backend that makes one file per page may be run as several shards
	 * at once: shard k of n renders the pages whose status is k, k + n, ...
	 * in registry order, and shard 0 also everything else (see page.h).
	 */
	int			 shard;
	int			 nshards;
};

/*
 * A backend may also check what would make its output wrong although the
 * registry is valid; `check` and `build` both run every backend's check, so
 * `check` rejects everything `build` would.
 */
int	out_info_check(const struct registry *);
int	out_docset_check(const struct registry *);

int	out_man_emit(const struct emit *);
int	out_html_emit(const struct emit *);
int	out_info_emit(const struct emit *);
int	out_docset_emit(const struct emit *);
int	out_data_emit(const struct emit *);

/*
 * A rule on the registry that only a backend knows (the docset's search
 * ranking): its emit applies it, and `httperror check` calls it directly so
 * that check refuses whatever build would.  -1 after reporting why.
 */
int	out_docset_check(const struct registry *);

#endif

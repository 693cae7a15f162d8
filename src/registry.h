/*
 * registry.h: the registry, loaded once, validated, and shared read-only by every
 * backend.  reg_load() parses xml/registry.xml without network access or entity
 * expansion, resolves XInclude itself, only inside the registry's directory,
 * validates against the schema compiled into the tool, then runs the semantic
 * checks a schema cannot express.  The parsed document is handed to the stylesheets as it is; the
 * struct status and struct number arrays give C code the few facts it needs
 * to name files.
 */
#ifndef REGISTRY_H
#define REGISTRY_H

#include <stddef.h>

struct _xmlDoc;
struct _xmlNode;

struct status {
	char	*slug;		/* 404-not-found: checked safe as a file name */
	char	*phrase;	/* Not Found */
	char	**aliases;	/* older phrases and other names */
	char	*origin;	/* IETF, or the vendor: nginx, Esri, ... */
	size_t	 naliases;
	char	**keywords;	/* what readers type: rate limit, upstream */
	size_t	 nkeywords;
	int	 code;		/* 100..599 */
	int	 primary;	/* answers for its code: man 404, #404 */
	int	 vendor;	/* not an IETF status */
	char	 cls[4];	/* "4xx" */
	struct _xmlNode	*node;	/* its <status>, for located errors */
};

/*
 * A number that is not an HTTP status (<number>): curl's 000, IIS's 500.19,
 * Cloudflare's 1020.  Looked up by the number the reader saw.
 */
struct number {
	char	*slug;		/* 500-19-configuration-data-is-invalid */
	char	*number;	/* 500.19, 000, 1020 */
	char	*phrase;	/* Configuration Data Is Invalid */
	char	*origin;	/* Microsoft IIS */
	char	**also;		/* other numbers that lead here: 0 for 000 */
	size_t	 nalso;
	char	**aliases;	/* Error 1020, status 0 */
	size_t	 naliases;
	char	**keywords;
	size_t	 nkeywords;
	int	 status;	/* the HTTP status that carries it, or 0 */
	struct _xmlNode	*node;
};

struct reg_root {
	struct _xmlNode	*node;
	const char	*file;
};

struct regclass {
	char	 id[4];		/* "4xx" */
	char	*name;		/* Client Error */
};

/*
 * What `httperror explain` knows (<explain> and each entry's <signatures>),
 * checked by registry.c: every pattern compiles as a POSIX extended regular
 * expression without back-references, and every group a format names exists.
 * Strings are normalised to single spaces; out_data.c stores them.
 */
enum match_kind { MATCH_LINE, MATCH_FIELD, MATCH_HEADER, MATCH_BODY };

struct match {
	enum match_kind	 kind;
	char		*target;	/* the format's id, the header's name, or "" */
	char		*pattern;	/* "" for a header that only has to be there */
};

struct hop {
	char		*id;		/* cloudflare */
	char		*name;		/* Cloudflare's edge */
	char		*note;
	struct match	*headers;
	size_t		 nheaders;
};

struct logformat {
	char	*id;		/* nginx-error */
	char	*name;		/* an nginx error log line */
	char	*hop;		/* or NULL */
	char	*pattern;
	int	 status;	/* the group holding the status, or 0 */
	int	 field;		/* the group holding the detail field, or 0 */
};

struct signature {
	char		*slug;		/* its entry's */
	char		*hop;		/* or NULL */
	char		*says;
	char		*fix;
	struct match	*m;
	size_t		 nm;
};

struct explain {
	struct hop		*hops;
	size_t			 nhops;
	struct logformat	*formats;
	size_t			 nformats;
	struct signature	*sigs;		/* in registry order */
	size_t			 nsigs;
};

struct registry {
	struct _xmlDoc	*doc;		/* owned; freed by reg_free() */
	char		*path;
	char		*updated;	/* YYYY-MM-DD, from the registry */
	struct status	*statuses;	/* by code, primary first, then slug */
	size_t		 nstatus;
	struct number	*numbers;	/* in the registry's order */
	size_t		 nnumber;
	struct regclass	 classes[5];
	struct explain	 ex;
	/* Every included file, and the element that stands for it. */
	char		**files;
	struct _xmlNode	**roots;
	struct reg_root	*byroot;	/* the same, sorted by node */
	size_t		 nfiles;
};

struct registry	*reg_load(const char *path);
void		 reg_free(struct registry *);
void		 reg_status_error(const struct registry *, const struct status *,
		    const char *, ...) __attribute__((format(printf, 3, 4)));
void		 reg_node_error(const struct registry *, const struct _xmlNode *,
		    const char *, ...) __attribute__((format(printf, 3, 4)));

#endif

/*
 * loader.c: libxml2 external entity loader restricted to allowed directories
 * (see loader.h).  Installed once by main.c; registry.c allows the registry's
 * directory and xform.c the stylesheet directory.
 */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/uri.h>

#include "loader.h"
#include "msg.h"
#include "xalloc.h"

#define LOADER_MAX	4

static xmlExternalEntityLoader	 loader_default;
static char			*loader_dirs[LOADER_MAX];
static size_t			 loader_ndirs;

/* Is the real path of a file inside one of the allowed directories? */
static int
loader_inside(const char *real)
{
	size_t	 i, n;

	for (i = 0; i < loader_ndirs; i++) {
		n = strlen(loader_dirs[i]);
		if (strncmp(real, loader_dirs[i], n) == 0 &&
		    (real[n] == '\0' || real[n] == '/'))
			return 1;
	}
	return 0;
}

/* Does s start with a URL scheme (RFC 3986: ALPHA *( ALPHA / DIGIT / + - . ) ":")? */
static int
loader_has_scheme(const char *s)
{
	const char	*p = s;

	if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		return 0;
	for (p++; (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
	    (*p >= '0' && *p <= '9') || *p == '+' || *p == '-' || *p == '.'; p++)
		;
	return *p == ':';
}

/*
 * libxml2 and libxslt hand over either the file name as it was given or, for
 * xsl:import and friends, a reference they built as a URI (with a space as
 * %20).  The file name that exists on disk wins; otherwise the %-unescaped
 * one.  Returns a new string, or NULL when neither exists (errno set).
 */
static char *
loader_path(const char *url)
{
	struct stat	 st;
	char		*u;

	if (stat(url, &st) == 0)
		return xstrdup(url);
	if (strchr(url, '%') != NULL &&
	    (u = xmlURIUnescapeString(url, 0, NULL)) != NULL) {
		if (stat(u, &st) == 0) {
			char *copy = xstrdup(u);

			xmlFree(u);
			return copy;
		}
		xmlFree(u);
		errno = ENOENT;
	}
	return NULL;
}

static xmlParserInputPtr
loader_load(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	xmlParserInputPtr	 in = NULL;
	char			 real[PATH_MAX];
	char			*path, *safe;

	if (url == NULL) {
		msg(MSG_ERROR, NULL, 0, 0, "refusing to load an entity without a file name");
		return NULL;
	}
	if ((path = loader_path(url)) == NULL) {
		if (loader_has_scheme(url))
			msg(MSG_ERROR, url, 0, 0, "refusing to load: only local files "
			    "next to the registry or stylesheets are read");
		else
			msg_errno(url, "cannot open");
		return NULL;
	}
	/* The file itself, every symbolic link resolved, must be inside. */
	if (realpath(path, real) == NULL) {
		msg_errno(path, "cannot open");
	} else if (!loader_inside(real)) {
		msg(MSG_ERROR, url, 0, 0, "refusing to load: it resolves to '%s', "
		    "outside the registry and stylesheet directories", real);
	} else {
		/* "./" so that a name like "a:b" is never taken for a URL. */
		safe = path[0] == '/' ? xstrdup(path) : xasprintf("./%s", path);
		in = loader_default(safe, id, ctxt);
		free(safe);
	}
	free(path);
	return in;
}

void
loader_install(void)
{
	if (loader_default == NULL) {
		loader_default = xmlGetExternalEntityLoader();
		xmlSetExternalEntityLoader(loader_load);
	}
}

/* Allow reads below dir, which must exist. */
int
loader_allow(const char *dir)
{
	char	 real[PATH_MAX];

	if (realpath(dir, real) == NULL) {
		msg_errno(dir, "cannot open directory");
		return -1;
	}
	if (loader_ndirs == LOADER_MAX)
		return 0;
	loader_dirs[loader_ndirs++] = xstrdup(real);
	return 0;
}

void
loader_reset(void)
{
	while (loader_ndirs > 0)
		free(loader_dirs[--loader_ndirs]);
}

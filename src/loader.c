/*
 * loader.c: libxml2 external entity loader restricted to allowed directories
 * (see loader.h).  Installed once by main.c; registry.c allows the registry's
 * directory and xform.c the stylesheet directory.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "loader.h"
#include "msg.h"
#include "xalloc.h"

#define LOADER_MAX	4

static xmlExternalEntityLoader	 loader_default;
static char			*loader_dirs[LOADER_MAX];
static size_t			 loader_ndirs;

/* Is the directory part of url, resolved, inside one of the allowed dirs? */
static int
loader_inside(const char *url)
{
	char		 real[PATH_MAX];
	const char	*slash;
	char		*dir;
	size_t		 i, n;
	int		 ok;

	if ((slash = strrchr(url, '/')) != NULL) {
		if (strcmp(slash + 1, "..") == 0)
			return 0;
		dir = xstrndup(url, (size_t)(slash - url));
	} else
		dir = xstrdup(".");
	ok = realpath(*dir == '\0' ? "/" : dir, real) != NULL;
	free(dir);
	if (!ok)
		return 0;
	for (i = 0; i < loader_ndirs; i++) {
		n = strlen(loader_dirs[i]);
		if (strncmp(real, loader_dirs[i], n) == 0 &&
		    (real[n] == '\0' || real[n] == '/'))
			return 1;
	}
	return 0;
}

static xmlParserInputPtr
loader_load(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	const char	*p;

	if (url == NULL) {
		msg(MSG_ERROR, NULL, 0, 0, "refusing to load an entity without a file name");
		return NULL;
	}
	for (p = url; *p != '\0' && *p != '/'; p++)
		if (*p == ':') {
			msg(MSG_ERROR, NULL, 0, 0, "refusing to load '%s': "
			    "only local files next to the registry or stylesheets are read", url);
			return NULL;
		}
	if (!loader_inside(url)) {
		msg(MSG_ERROR, NULL, 0, 0, "refusing to load '%s': "
		    "outside the registry and stylesheet directories", url);
		return NULL;
	}
	return loader_default(url, id, ctxt);
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

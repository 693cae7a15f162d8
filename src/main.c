/*
 * main.c: the httperror command line.  Parses options, loads the registry once,
 * compiles each selected backend's stylesheet once, runs the backends into a
 * staging directory and swaps their trees into the output directory when all of
 * them succeeded.  Includes no libxml2, libxslt, zlib, SQLite or libarchive
 * header: those belong to the modules that wrap them.
 *
 * Exit status: 0 ok, 1 invalid input, 2 bad invocation, 3 system error.
 */
#define _DEFAULT_SOURCE	/* timegm(), in glibc and the BSDs */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "backend.h"
#include "fs.h"
#include "loader.h"
#include "msg.h"
#include "registry.h"
#include "xalloc.h"
#include "xform.h"

#ifndef VERSION
#define VERSION "0.0.0"
#endif

#define DEFAULT_REGISTRY	"xml/registry.xml"
#define DEFAULT_OUTDIR		"build"
#define DEFAULT_XSLDIR		"xsl"
#define DEFAULT_FEED_URL	"https://httperror.invalid/HTTPError.tgz"

static const struct backend {
	const char	*name;		/* -f value and output tree */
	const char	*stylesheet;	/* in the stylesheet directory */
	int		(*emit)(const struct emit *);
	int		(*check)(const struct registry *);	/* or NULL */
} backends[] = {
	{ "man", "man.xsl", out_man_emit, NULL },
	{ "info", "info.xsl", out_info_emit, NULL },
	{ "docset", "docset.xsl", out_docset_emit, out_docset_check },
	{ "html", "html.xsl", out_html_emit, NULL },
};

#define NBACKENDS	(sizeof(backends) / sizeof(backends[0]))

struct opts {
	const char	*registry;
	const char	*outdir;
	const char	*xsldir;
	const char	*feed_url;
	int		 want[NBACKENDS];
};

static void
usage(FILE *f)
{
	fputs("usage: httperror build [-o DIR] [-f FORMATS] [-s DIR] [-u URL] "
	    "[REGISTRY]\n"
	    "       httperror check [-s DIR] [REGISTRY]\n"
	    "       httperror --version | --help\n"
	    "\n"
	    "  build   compile REGISTRY (default " DEFAULT_REGISTRY ") into every\n"
	    "          output under DIR (default " DEFAULT_OUTDIR ")\n"
	    "  check   validate REGISTRY only\n"
	    "\n"
	    "  -o, --output DIR        output directory\n"
	    "  -f, --formats LIST      comma-separated: man,info,docset,html "
	    "(default: all)\n"
	    "  -s, --stylesheets DIR   stylesheet directory (default " DEFAULT_XSLDIR
	    ")\n"
	    "  -u, --feed-url URL      docset download URL written into the feed\n"
	    "\n"
	    "Exit status: 0 ok, 1 invalid input, 2 bad invocation, 3 system error.\n",
	    f);
}

static int
parse_formats(struct opts *o, const char *list)
{
	char	*copy, *tok, *save = NULL;
	size_t	 i;
	int	 rc = 0;

	memset(o->want, 0, sizeof(o->want));
	copy = xstrdup(list);
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		for (i = 0; i < NBACKENDS; i++)
			if (strcmp(tok, backends[i].name) == 0)
				break;
		if (i == NBACKENDS) {
			msg(MSG_USAGE, NULL, 0, 0, "unknown format '%s'", tok);
			rc = -1;
		} else
			o->want[i] = 1;
	}
	free(copy);
	return rc;
}

/*
 * The date on every page: SOURCE_DATE_EPOCH when set (parsed strictly, as
 * reproducible-builds.org asks), otherwise the registry's own date.  Never the
 * clock.
 */
static char *
page_date(const struct registry *reg, long long *epochp)
{
	const char	*env = getenv("SOURCE_DATE_EPOCH");
	long long	 v = 0;
	const char	*p;
	time_t		 t;
	struct tm	 tm;
	char		 out[16];

	if (env == NULL || *env == '\0') {
		memset(&tm, 0, sizeof(tm));
		if (sscanf(reg->updated, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon,
		    &tm.tm_mday) != 3) {
			msg(MSG_ERROR, reg->path, 0, 0, "bad updated date '%s'",
			    reg->updated);
			return NULL;
		}
		tm.tm_year -= 1900;
		tm.tm_mon -= 1;
		*epochp = (long long)timegm(&tm);
		return xstrdup(reg->updated);
	}
	for (p = env; *p != '\0'; p++) {
		if (*p < '0' || *p > '9' || v > (253402300799LL - (*p - '0')) / 10) {
			msg(MSG_USAGE, NULL, 0, 0, "SOURCE_DATE_EPOCH '%s' is not a "
			    "number of seconds up to year 9999", env);
			return NULL;
		}
		v = v * 10 + (*p - '0');
	}
	t = (time_t)v;
	*epochp = v;
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(out, sizeof(out), "%Y-%m-%d", &tm) == 0) {
		msg(MSG_USAGE, NULL, 0, 0, "SOURCE_DATE_EPOCH '%s' is out of range",
		    env);
		return NULL;
	}
	return xstrdup(out);
}

static int
run_build(const struct opts *o, const struct registry *reg)
{
	struct xform	*xf[NBACKENDS] = { NULL };
	const char	*trees[NBACKENDS];
	struct stage	*st = NULL;
	struct emit	 e;
	char		*date, *dir;
	long long	 epoch = 0;
	size_t		 i, ntrees = 0;
	int		 rc = -1;

	if ((date = page_date(reg, &epoch)) == NULL)
		return -1;
	/* Compile everything before touching the output directory. */
	for (i = 0; i < NBACKENDS; i++)
		if (o->want[i] &&
		    (xf[i] = xform_new(o->xsldir, backends[i].stylesheet)) == NULL)
			goto out;
	if ((st = stage_new(o->outdir)) == NULL)
		goto out;
	for (i = 0; i < NBACKENDS; i++) {
		if (!o->want[i])
			continue;
		dir = xasprintf("%s/%s", stage_dir(st), backends[i].name);
		memset(&e, 0, sizeof(e));
		e.reg = reg;
		e.xf = xf[i];
		e.dir = dir;
		e.xsldir = o->xsldir;
		e.date = date;
		e.epoch = epoch;
		e.version = VERSION;
		e.feed_url = o->feed_url;
		if (fs_mkdirs(dir) == -1 || backends[i].emit(&e) == -1 ||
		    msg_exit_status() != 0) {
			free(dir);
			goto out;
		}
		free(dir);
		trees[ntrees++] = backends[i].name;
	}
	rc = stage_commit(st, trees, ntrees);
out:
	stage_free(st);
	for (i = 0; i < NBACKENDS; i++)
		xform_free(xf[i]);
	free(date);
	return rc;
}

/* The real entry point, kept apart from main() so tests can drive it. */
static int
tool_main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "formats", required_argument, NULL, 'f' },
		{ "stylesheets", required_argument, NULL, 's' },
		{ "feed-url", required_argument, NULL, 'u' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct opts	 o;
	struct registry	*reg = NULL;
	const char	*cmd;
	size_t		 i;
	int		 c, build;

	memset(&o, 0, sizeof(o));
	o.registry = DEFAULT_REGISTRY;
	o.outdir = DEFAULT_OUTDIR;
	o.xsldir = DEFAULT_XSLDIR;
	o.feed_url = DEFAULT_FEED_URL;
	for (i = 0; i < NBACKENDS; i++)
		o.want[i] = 1;

	if (argc >= 2 && strcmp(argv[1], "--help") == 0) {
		usage(stdout);
		return 0;
	}
	if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
		printf("httperror %s\n", VERSION);
		return 0;
	}
	if (argc < 2 || (strcmp(argv[1], "build") != 0 &&
	    strcmp(argv[1], "check") != 0)) {
		if (argc >= 2)
			msg(MSG_USAGE, NULL, 0, 0, "unknown command '%s'", argv[1]);
		usage(stderr);
		return 2;
	}
	cmd = argv[1];
	build = strcmp(cmd, "build") == 0;
	argc--;
	argv++;
	opterr = 0;
	while ((c = getopt_long(argc, argv, build ? "+o:f:s:u:h" : "+s:h",
	    longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			o.outdir = optarg;
			break;
		case 'f':
			if (parse_formats(&o, optarg) == -1)
				return 2;
			break;
		case 's':
			o.xsldir = optarg;
			break;
		case 'u':
			if (strncmp(optarg, "https://", 8) != 0 &&
			    strncmp(optarg, "http://", 7) != 0) {
				msg(MSG_USAGE, NULL, 0, 0, "feed URL '%s' is not an "
				    "http(s) URL", optarg);
				return 2;
			}
			o.feed_url = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			if (optopt != 0)
				msg(MSG_USAGE, NULL, 0, 0, "%s: bad or incomplete option "
				    "'-%c'", cmd, optopt);
			else
				msg(MSG_USAGE, NULL, 0, 0, "%s: bad option '%s'", cmd,
				    argv[optind - 1]);
			usage(stderr);
			return 2;
		}
	}
	if (argc - optind > 1) {
		msg(MSG_USAGE, NULL, 0, 0, "%s takes at most one registry", cmd);
		return 2;
	}
	if (argc - optind == 1)
		o.registry = argv[optind];

	msg_hook_libs();
	loader_install();
	if (build && xform_init(o.xsldir) == -1)
		goto out;
	if ((reg = reg_load(o.registry)) == NULL)
		goto out;
	/* What build would refuse, check refuses: the backends' rules too. */
	if (!build)
		for (i = 0; i < NBACKENDS; i++)
			if (backends[i].check != NULL)
				(void)backends[i].check(reg);	/* it reported why */
	if (build && run_build(&o, reg) == -1 && msg_exit_status() == 0)
		msg(MSG_SYSERR, o.outdir, 0, 0, "build failed");
out:
	reg_free(reg);
	xform_cleanup();
	loader_reset();
	return msg_exit_status();
}

int
main(int argc, char *argv[])
{
	return tool_main(argc, argv);
}

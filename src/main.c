/*
 * main.c: the httperror command line.  Parses options, loads the registry once,
 * compiles each selected backend's stylesheet once, runs the backends into a
 * staging directory and swaps their trees into the output directory when all of
 * them succeeded.  Includes no libxml2, libxslt, zlib, SQLite or libarchive
 * header: those belong to the modules that wrap them.
 *
 * Exit status: 0 ok, 1 invalid input, 2 bad invocation, 3 system error.
 */
#define _GNU_SOURCE	/* timegm(), sched_getaffinity() */
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <getopt.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "backend.h"
#include "fs.h"
#include "loader.h"
#include "msg.h"
#include "reader.h"
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
	int		(*check)(const struct registry *);	/* or NULL */
	int		(*emit)(const struct emit *);
	int		 shards;	/* may run as one shard per job */
} backends[] = {
	{ "man", "man.xsl", NULL, out_man_emit, 1 },
	{ "info", "info.xsl", out_info_check, out_info_emit, 0 },
	{ "docset", "docset.xsl", out_docset_check, out_docset_emit, 0 },
	{ "html", "html.xsl", NULL, out_html_emit, 0 },
	{ "data", "data.xsl", NULL, out_data_emit, 0 },
};

#define NBACKENDS	(sizeof(backends) / sizeof(backends[0]))
#define MAX_JOBS	64

/*
 * Where `make install` puts each output, named in httperror(7)'s FILES
 * section (-D NAME=DIR); the defaults are the Makefile's for PREFIX=/usr/local.
 */
static const char *const dir_names[NDIRS] = {
	"mandir", "infodir", "docdir", "datadir"
};
static const char *const dir_defaults[NDIRS] = {
	"/usr/local/share/man", "/usr/local/share/info",
	"/usr/local/share/doc/httperror", "/usr/local/share"
};

struct opts {
	const char	*dirs[NDIRS];
	const char	*registry;
	const char	*outdir;
	const char	*xsldir;
	const char	*feed_url;
	int		 want[NBACKENDS];
	int		 jobs;		/* backends run at once; 0: one per CPU */
};

static void
usage(FILE *f)
{
	fputs("usage: httperror CODE | show CODE [--long] [--color[=WHEN]] "
	    "[--data FILE]\n"
	    "       httperror list [CLASS|MASK] | search WORDS...\n"
	    "       httperror build [-o DIR] [-f FORMATS] [-s DIR] [-u URL] "
	    "[-j N] [-D NAME=DIR] [REGISTRY]\n"
	    "       httperror check [-s DIR] [REGISTRY]\n"
	    "       httperror --version | --help\n"
	    "\n"
	    "  CODE    the card of a status or number: 502, 500.19, 1020\n"
	    "  list    the statuses of a class or mask (4xx, 50x), or all\n"
	    "  search  the statuses that WORDS describe, best first\n"
	    "  build   compile REGISTRY (default " DEFAULT_REGISTRY ") into every\n"
	    "          output under DIR (default " DEFAULT_OUTDIR ")\n"
	    "  check   validate REGISTRY only\n"
	    "\n"
	    "  -o, --output DIR        output directory\n"
	    "  -f, --formats LIST      comma-separated: man,info,docset,html,data "
	    "(default: all)\n"
	    "  -s, --stylesheets DIR   stylesheet directory (default " DEFAULT_XSLDIR
	    ")\n"
	    "  -u, --feed-url URL      docset download URL written into the feed\n"
	    "  -j, --jobs N            run up to N backends at once (default: one\n"
	    "                          per processor; -j 1 runs them in turn)\n"
	    "  -D NAME=DIR             where make install puts an output, for the\n"
	    "                          pages to name: mandir, infodir, docdir, datadir\n"
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
 * An http(s) URL of printable ASCII with no space, quote, angle bracket or
 * backslash: it is written into the feed and Info.plist, so nothing in it
 * may become markup, and a control character would make the XML ill-formed.
 */
static int
feed_url_ok(const char *u)
{
	const char	*p;

	if (strncmp(u, "https://", 8) == 0)
		p = u + 8;
	else if (strncmp(u, "http://", 7) == 0)
		p = u + 7;
	else
		return 0;
	if (*p == '\0' || *p == '/')
		return 0;
	for (; *p != '\0'; p++)
		if (*p <= ' ' || *p >= 0x7f || strchr("\"'<>\\^`{|}", *p) != NULL)
			return 0;
	return 1;
}

/*
 * -D NAME=DIR: an absolute path of printable ASCII with no quote, backslash or
 * angle bracket (it is printed in the pages, escaped, but a path with those
 * is a mistake, not a directory).
 */
static int
parse_dir(struct opts *o, const char *arg)
{
	const char	*eq = strchr(arg, '='), *p;
	size_t		 i;

	for (i = 0; eq != NULL && i < NDIRS; i++)
		if (strlen(dir_names[i]) == (size_t)(eq - arg) &&
		    strncmp(arg, dir_names[i], (size_t)(eq - arg)) == 0)
			break;
	if (eq == NULL || i == NDIRS) {
		msg(MSG_USAGE, NULL, 0, 0, "-D '%s': not mandir=, infodir=, docdir= "
		    "or datadir=", arg);
		return -1;
	}
	for (p = eq + 1; *p != '\0'; p++)
		if (*p < ' ' || *p >= 0x7f || strchr("\"'<>\\`", *p) != NULL)
			break;
	if (eq[1] != '/' || *p != '\0') {
		msg(MSG_USAGE, NULL, 0, 0, "-D '%s': the directory must be an absolute "
		    "path of printable ASCII without quotes", arg);
		return -1;
	}
	o->dirs[i] = eq + 1;
	return 0;
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

/* What every backend of one build shares. */
struct build {
	const struct opts	*o;
	const struct registry	*reg;
	struct xform		*xf[NBACKENDS];
	struct stage		*st;
	char			*date;
	long long		 epoch;
};

/* Shard k of n of backend i into its tree of the staging directory: 0, or -1. */
static int
run_backend(const struct build *b, size_t i, int k, int n)
{
	struct emit	 e;
	char		*dir;
	int		 rc;

	dir = xasprintf("%s/%s", stage_dir(b->st), backends[i].name);
	memset(&e, 0, sizeof(e));
	e.reg = b->reg;
	e.xf = b->xf[i];
	e.dir = dir;
	e.xsldir = b->o->xsldir;
	e.date = b->date;
	e.epoch = b->epoch;
	e.version = VERSION;
	e.feed_url = b->o->feed_url;
	e.dirs = b->o->dirs;
	e.shard = k;
	e.nshards = n;
	rc = fs_mkdirs(dir) == -1 || backends[i].emit(&e) == -1 ||
	    msg_exit_status() != 0 ? -1 : 0;
	free(dir);
	return rc;
}

/* -j's default: the processors this process may run on. */
static int
cpu_count(void)
{
	cpu_set_t	 set;
	int		 n;

	if (sched_getaffinity(0, sizeof(set), &set) == 0 &&
	    (n = CPU_COUNT(&set)) > 0)
		return n;
	n = (int)sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? n : 1;
}

/*
 * One child process: shard k of n of a backend (0 of 1 for most), what it
 * wrote on stderr, and how it ended.
 */
struct job {
	size_t	 backend;
	int	 k, n;
	pid_t	 pid;
	FILE	*err;
	int	 status;
};

/*
 * Wait for one child and note how it ended; -1 (said) if waiting failed,
 * when the children still running can no longer be known.
 */
static int
job_wait(struct job *job, size_t njobs, size_t *running)
{
	pid_t	 pid;
	size_t	 n;
	int	 status;

	while ((pid = wait(&status)) == -1)
		if (errno != EINTR) {
			msg_errno("the backends", "cannot wait for");
			return -1;
		}
	for (n = 0; n < njobs; n++)
		if (job[n].pid == pid) {
			job[n].status = status;
			job[n].pid = 0;
			(*running)--;
		}
	return 0;
}

/*
 * The backends share nothing but the registry and their compiled stylesheets,
 * which they only read, and each writes only its own tree: so with more than
 * one job each runs in a child process forked after everything is loaded and
 * compiled (copy-on-write; no libxml2 or libxslt state is shared between
 * threads); the man pages, which are many small files, may be split into
 * shards to use the jobs the other backends leave.  A child's diagnostics go
 * to a temporary file and are copied to stderr in table order, so what a
 * build says does not depend on which child finished first.  A child exits
 * with its exit status, or 4 when it failed without saying why.
 */
static int
run_backends(const struct build *b, size_t jobs)
{
	struct job	 job[NBACKENDS * MAX_JOBS];
	size_t		 i, j, njobs = 0, running = 0, n, others;
	pid_t		 pid;
	int		 k, status, code, rc = 0;
	char		 chunk[4096];

	if (jobs <= 1) {
		for (i = 0; i < NBACKENDS; i++)
			if (b->o->want[i] && run_backend(b, i, 0, 1) == -1)
				return -1;
		return 0;
	}
	memset(job, 0, sizeof(job));
	/*
	 * A backend that can be sharded gets the jobs the others leave: a
	 * shard repeats the run's fixed work (keys, the walk of the registry),
	 * so it only pays where a core would otherwise wait.
	 */
	for (i = 0, others = 0; i < NBACKENDS; i++)
		if (b->o->want[i] && !backends[i].shards)
			others++;
	for (i = 0; i < NBACKENDS; i++) {
		if (!b->o->want[i])
			continue;
		n = backends[i].shards && jobs > others + 1 ? jobs - others : 1;
		for (k = 0; k < (int)n; k++) {
			job[njobs].backend = i;
			job[njobs].k = k;
			job[njobs++].n = (int)n;
		}
	}
	for (j = 0; j < njobs && rc == 0; j++) {
		/* A free job first. */
		while (running >= jobs && rc == 0)
			rc = job_wait(job, njobs, &running);
		if (rc != 0)
			break;
		if ((job[j].err = tmpfile()) == NULL) {
			msg_errno("a temporary file", "cannot create");
			rc = -1;
			break;
		}
		fflush(stdout);
		fflush(stderr);
		if ((pid = fork()) == -1) {
			msg_errno(backends[job[j].backend].name,
			    "cannot start a process for");
			rc = -1;
			break;
		}
		if (pid == 0) {
			if (dup2(fileno(job[j].err), STDERR_FILENO) == -1)
				_exit(3);
			code = run_backend(b, job[j].backend, job[j].k, job[j].n);
			fflush(stderr);
			_exit(msg_exit_status() != 0 ? msg_exit_status() :
			    code == -1 ? 4 : 0);
		}
		job[j].pid = pid;
		running++;
	}
	/* Every child started ends, whatever went wrong meanwhile. */
	while (running > 0)
		if (job_wait(job, njobs, &running) == -1) {
			rc = -1;
			break;
		}
	for (j = 0; j < njobs; j++) {
		if (job[j].err == NULL)
			continue;
		rewind(job[j].err);
		while ((n = fread(chunk, 1, sizeof(chunk), job[j].err)) > 0)
			fwrite(chunk, 1, n, stderr);
		fclose(job[j].err);
		status = job[j].status;
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
			continue;
		rc = -1;
		if (WIFSIGNALED(status))
			msg(MSG_SYSERR, NULL, 0, 0, "the %s backend was killed by "
			    "signal %d", backends[job[j].backend].name,
			    WTERMSIG(status));
		else if (WIFEXITED(status) && WEXITSTATUS(status) >= 1 &&
		    WEXITSTATUS(status) <= 3)
			msg_raise(WEXITSTATUS(status));
	}
	return rc;
}

static int
run_build(const struct opts *o, const struct registry *reg)
{
	struct build	 b;
	const char	*trees[NBACKENDS];
	size_t		 i, ntrees = 0, jobs;
	int		 rc = -1;

	memset(&b, 0, sizeof(b));
	b.o = o;
	b.reg = reg;
	if ((b.date = page_date(reg, &b.epoch)) == NULL)
		return -1;
	/* Compile everything before touching the output directory. */
	for (i = 0; i < NBACKENDS; i++)
		if (o->want[i] &&
		    (b.xf[i] = xform_new(o->xsldir, backends[i].stylesheet)) == NULL)
			goto out;
	for (i = 0; i < NBACKENDS; i++)
		if (o->want[i])
			trees[ntrees++] = backends[i].name;
	if ((b.st = stage_new(o->outdir, trees, ntrees)) == NULL)
		goto out;
	jobs = (size_t)(o->jobs > 0 ? o->jobs : cpu_count());
	if (jobs > MAX_JOBS)
		jobs = MAX_JOBS;
	if (run_backends(&b, jobs) == 0)
		rc = stage_commit(b.st, trees, ntrees);
out:
	stage_free(b.st);
	for (i = 0; i < NBACKENDS; i++)
		xform_free(b.xf[i]);
	free(b.date);
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
		{ "jobs", required_argument, NULL, 'j' },
		{ "dir", required_argument, NULL, 'D' },
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
	for (i = 0; i < NDIRS; i++)
		o.dirs[i] = dir_defaults[i];

	if (argc >= 2 && strcmp(argv[1], "--help") == 0) {
		usage(stdout);
		return 0;
	}
	if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
		printf("httperror %s\n", VERSION);
		return 0;
	}
	if (argc >= 2 && reader_is_command(argv[1]))
		return reader_main(argc, argv);
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
	while ((c = getopt_long(argc, argv, build ? "+o:f:s:u:j:D:h" : "+s:h",
	    longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			if (*optarg == '\0') {
				msg(MSG_USAGE, NULL, 0, 0, "the output directory "
				    "name is empty");
				return 2;
			}
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
			if (!feed_url_ok(optarg)) {
				msg(MSG_USAGE, NULL, 0, 0, "feed URL '%s' is not a "
				    "plain http(s) URL", optarg);
				return 2;
			}
			o.feed_url = optarg;
			break;
		case 'j':
			if (strspn(optarg, "0123456789") != strlen(optarg) ||
			    strlen(optarg) > 2 || (o.jobs = atoi(optarg)) < 1 ||
			    o.jobs > MAX_JOBS) {
				msg(MSG_USAGE, NULL, 0, 0, "jobs '%s' is not a number "
				    "from 1 to %d", optarg, MAX_JOBS);
				return 2;
			}
			break;
		case 'D':
			if (parse_dir(&o, optarg) == -1)
				return 2;
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
	/* Every backend's check, for check and build alike (whatever -f says). */
	for (i = 0; i < NBACKENDS; i++)
		if (backends[i].check != NULL)
			backends[i].check(reg);
	if (msg_exit_status() != 0)
		goto out;
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

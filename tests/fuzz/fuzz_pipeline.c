/*
 * fuzz_pipeline.c: libFuzzer target for the whole tool.  The input bytes
 * become one status file of a small valid registry (a scratch copy of
 * tests/fixtures/base/, the input replacing codes/404-not-found.xml), and each
 * input is run through `httperror check` and then `httperror build` with
 * every backend, exactly as the command line would run them.
 *
 * Besides what ASan and UBSan catch (and LeakSanitizer, per input), it aborts
 * when the tool contradicts itself:
 *
 *   check and build disagree   build loads the same registry check does, so
 *                              a registry check accepts must build, and one it
 *                              rejects must not
 *   a built tree is missing    a build that exits 0 wrote man, info, docset
 *                              and html
 *
 * The tool's entry point, tool_main(), is static in src/main.c: this file
 * includes main.c with its main() renamed, so main.c needs no change and no
 * header to be fuzzed.  The other modules are linked in as they are.  Each
 * run starts from the state a fresh process has: msg_reset() forgets the
 * previous run's diagnostics, optind is rewound, and tool_main() itself
 * releases the loader's directories and libxslt's globals before it returns.
 *
 * The stylesheets are read from $HTTPERROR_TOP/xsl (default: the current
 * directory's xsl/).  Built by `make build/fuzz_pipeline`; run bounded by
 * tests/fuzz.sh (make check) and for longer by `make fuzz`.
 */
int	httperror_main_unused(int, char *[]);
#define main	httperror_main_unused
#include "../../src/main.c"
#undef main

#include <sys/stat.h>

#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <unistd.h>

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char	 fz_scratch[PATH_MAX];	/* mkdtemp: xml/ and out/ */
static char	*fz_registry;		/* scratch/xml/registry.xml */
static char	*fz_input;		/* scratch/xml/codes/404-not-found.xml */
static char	*fz_out;		/* scratch/out */
static char	*fz_xsldir;		/* $HTTPERROR_TOP/xsl, resolved */
static int	 fz_errfd = 2;		/* stderr, before -close_fd_mask=2 */

static void
fz_die(const char *what, const char *path)
{
	fprintf(stderr, "fuzz_pipeline: %s '%s': %s\n", what, path,
	    strerror(errno));
	exit(1);
}

static void
fz_write(const char *path, const void *data, size_t len)
{
	FILE	*f;

	if ((f = fopen(path, "wb")) == NULL)
		fz_die("cannot create", path);
	if ((len > 0 && fwrite(data, 1, len, f) != len) || fclose(f) == EOF)
		fz_die("cannot write", path);
}

static void
fz_copy(const char *top, const char *from, const char *to)
{
	char	*src, *dst, *data;
	size_t	 len;

	src = xasprintf("%s/%s", top, from);
	dst = xasprintf("%s/%s", fz_scratch, to);
	if ((data = fs_read(src, &len)) == NULL)
		exit(1);
	fz_write(dst, data, len);
	free(data);
	free(src);
	free(dst);
}

static int
fz_unlink(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* A missing tree is fine: it is what a failed build leaves. */
static void
fz_rmtree(const char *path)
{
	if (nftw(path, fz_unlink, 16, FTW_DEPTH | FTW_PHYS) == -1 &&
	    errno != ENOENT)
		fz_die("cannot remove", path);
}

static void
fz_cleanup(void)
{
	if (fz_scratch[0] != '\0')
		fz_rmtree(fz_scratch);
}

/* One command line, run as a fresh process would run it. */
static int
fz_tool(char *arg1, ...)
{
	char	*argv[16];
	va_list	 ap;
	int	 argc = 0;

	argv[argc++] = (char *)"httperror";
	argv[argc++] = arg1;
	va_start(ap, arg1);
	while ((argv[argc] = va_arg(ap, char *)) != NULL)
		argc++;
	va_end(ap);
	msg_reset();
	optind = 0;	/* glibc: rescan from argv[1], forgetting the last scan */
	return tool_main(argc, argv);
}

static int
fz_exists(const char *tree)
{
	struct stat	 sb;
	char		*path;
	int		 rc;

	path = xasprintf("%s/%s", fz_out, tree);
	rc = stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
	free(path);
	return rc;
}

/* Check, then build every backend; abort if the two disagree. */
static int
fz_run(void)
{
	int	 rc_check, rc_build;
	size_t	 i;

	rc_check = fz_tool((char *)"check", fz_registry, (char *)NULL);
	rc_build = fz_tool((char *)"build", (char *)"-j", (char *)"1", (char *)"-s", fz_xsldir,
	    (char *)"-o", fz_out, fz_registry, (char *)NULL);
	if (rc_check != rc_build) {
		dprintf(fz_errfd, "fuzz_pipeline: check exits %d but build "
		    "exits %d\n", rc_check, rc_build);
		abort();
	}
	for (i = 0; rc_build == 0 && i < NBACKENDS; i++)
		if (!fz_exists(backends[i].name)) {
			dprintf(fz_errfd, "fuzz_pipeline: build exits 0 without "
			    "writing %s/\n", backends[i].name);
			abort();
		}
	fz_rmtree(fz_out);
	return rc_check;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char	*top, *tmpdir;
	char		 real[PATH_MAX];
	char		*p;

	(void)argc;
	(void)argv;
	/*
	 * libFuzzer closes stderr after this returns when told -close_fd_mask=2
	 * (the tool's diagnostics would flood the log); our own findings must
	 * still be seen, like the sanitizers' reports.
	 */
	if ((fz_errfd = dup(2)) == -1)
		fz_errfd = 2;
	if ((top = getenv("HTTPERROR_TOP")) == NULL)
		top = ".";
	p = xasprintf("%s/xsl", top);
	if (realpath(p, real) == NULL)
		fz_die("no stylesheet directory (set HTTPERROR_TOP)", p);
	free(p);
	fz_xsldir = xstrdup(real);

	if ((tmpdir = getenv("TMPDIR")) == NULL || *tmpdir == '\0')
		tmpdir = "/tmp";
	if ((size_t)snprintf(fz_scratch, sizeof(fz_scratch),
	    "%s/httperror-fuzz.XXXXXX", tmpdir) >= sizeof(fz_scratch) ||
	    mkdtemp(fz_scratch) == NULL) {
		fz_scratch[0] = '\0';
		fz_die("cannot create a scratch directory in", tmpdir);
	}
	atexit(fz_cleanup);
	p = xasprintf("%s/xml/codes", fz_scratch);
	if (fs_mkdirs(p) == -1)
		exit(1);
	free(p);
	fz_copy(top, "tests/fixtures/base/registry.xml", "xml/registry.xml");
	fz_copy(top, "tests/fixtures/base/codes/200-ok.xml", "xml/codes/200-ok.xml");
	fz_copy(top, "tests/fixtures/base/codes/404-not-found.xml",
	    "xml/codes/404-not-found.xml");
	/* No schema: the tool validates against the one compiled into it. */
	fz_registry = xasprintf("%s/xml/registry.xml", fz_scratch);
	fz_input = xasprintf("%s/xml/codes/404-not-found.xml", fz_scratch);
	fz_out = xasprintf("%s/out", fz_scratch);

	/* A harness that cannot build its own base registry fuzzes nothing. */
	if (fz_run() != 0) {
		fprintf(stderr, "fuzz_pipeline: the base registry in %s does not "
		    "build\n", fz_scratch);
		exit(1);
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_write(fz_input, data, size);
	fz_run();
	return 0;
}

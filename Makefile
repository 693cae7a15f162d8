# httperror: build the tool, compile the registry into every output, test it.
#
#   make                 the tool (build/httperror) and every output under build/
#   make check           the whole test suite; fails when any test fails
#   make check-fresh     the README's two commands in a fresh Debian 12 root (root)
#   make fuzz            both libFuzzer targets, FUZZ_TIME seconds each (600)
#   make install         PREFIX, DESTDIR, bindir, mandir, infodir, datadir, docdir
#   make uninstall
#   make install-zeal    copy the docset into Zeal's docsets (XDG_DATA_HOME)
#   make deps            install build and test dependencies (Debian/Ubuntu, as root)
#   make regen           rewrite the test goldens (review the diff before committing)
#   make bench           speed and size of a full build (reports only)
#   make clean
#
# Written for POSIX make (2024: != and ?=); tested with GNU make.

VERSION = 0.1.0

PREFIX ?= /usr/local
prefix = $(PREFIX)
exec_prefix = $(prefix)
bindir = $(exec_prefix)/bin
datarootdir = $(prefix)/share
datadir = $(datarootdir)
mandir = $(datarootdir)/man
infodir = $(datarootdir)/info
docdir = $(datarootdir)/doc/httperror

CC ?= cc
PKG_CONFIG ?= pkg-config
PKGS = libxml-2.0 libxslt zlib libcrypto sqlite3 libarchive
CFLAGS ?= -O2 -g
WARNFLAGS = -Wall -Wextra -Wmissing-prototypes -Wstrict-prototypes -Wwrite-strings -Wshadow
DEPS_CFLAGS != $(PKG_CONFIG) --cflags $(PKGS)
DEPS_LIBS != $(PKG_CONFIG) --libs $(PKGS)
ALL_CFLAGS = -std=c99 -D_XOPEN_SOURCE=700 -DVERSION=\"$(VERSION)\" \
	$(WARNFLAGS) $(DEPS_CFLAGS) $(CFLAGS) $(CPPFLAGS)

TOOL = build/httperror
OBJDIR = build/obj
OBJS = $(OBJDIR)/main.o $(OBJDIR)/msg.o $(OBJDIR)/xalloc.o $(OBJDIR)/buf.o \
	$(OBJDIR)/escape.o $(OBJDIR)/fs.o $(OBJDIR)/gz.o $(OBJDIR)/loader.o \
	$(OBJDIR)/registry.o $(OBJDIR)/xform.o $(OBJDIR)/out_man.o \
	$(OBJDIR)/out_html.o $(OBJDIR)/digest.o $(OBJDIR)/out_info.o \
	$(OBJDIR)/out_docset.o $(OBJDIR)/dsidx.o $(OBJDIR)/tarball.o \
	$(OBJDIR)/image.o $(OBJDIR)/png.o $(OBJDIR)/page.o
HDRS = src/backend.h src/buf.h src/escape.h src/fs.h src/gz.h src/loader.h \
	src/msg.h src/registry.h src/xalloc.h src/xform.h src/digest.h \
	src/dsidx.h src/tarball.h src/image.h src/png.h src/page.h

REGISTRY_SRC != echo xml/registry.xml xml/registry.xsd xml/xml.xsd xml/codes/*.xml
XSL_SRC != echo xsl/*.xsl xsl/httperror.1 xsl/palette.css xsl/html.css xsl/html.js xsl/docset.css xsl/docset-icon.ppm
STAMP = build/.outputs

all: $(STAMP)

$(TOOL): $(OBJS)
	$(CC) $(LDFLAGS) -o $@ $(OBJS) $(DEPS_LIBS) $(LIBS)

$(OBJDIR)/main.o: src/main.c
$(OBJDIR)/msg.o: src/msg.c
$(OBJDIR)/xalloc.o: src/xalloc.c
$(OBJDIR)/buf.o: src/buf.c
$(OBJDIR)/escape.o: src/escape.c
$(OBJDIR)/fs.o: src/fs.c
$(OBJDIR)/gz.o: src/gz.c
$(OBJDIR)/loader.o: src/loader.c
$(OBJDIR)/registry.o: src/registry.c
$(OBJDIR)/xform.o: src/xform.c
$(OBJDIR)/out_man.o: src/out_man.c
$(OBJDIR)/out_html.o: src/out_html.c
$(OBJDIR)/out_info.o: src/out_info.c
$(OBJDIR)/out_docset.o: src/out_docset.c
$(OBJDIR)/dsidx.o: src/dsidx.c
$(OBJDIR)/tarball.o: src/tarball.c
$(OBJDIR)/image.o: src/image.c
$(OBJDIR)/png.o: src/png.c
$(OBJDIR)/page.o: src/page.c
$(OBJDIR)/digest.o: src/digest.c
$(OBJS): $(HDRS) Makefile
	@mkdir -p $(OBJDIR)
	$(CC) $(ALL_CFLAGS) -c -o $@ src/`basename $@ .o`.c

# Every output tree at once; the tool swaps each into build/ only on success.
$(STAMP): $(TOOL) $(REGISTRY_SRC) $(XSL_SRC)
	$(TOOL) build -o build
	@touch $@

UNIT_OBJS = $(OBJDIR)/escape.o $(OBJDIR)/buf.o $(OBJDIR)/xalloc.o $(OBJDIR)/msg.o

build/unit: tests/unit.c $(UNIT_OBJS) $(HDRS)
	$(CC) $(ALL_CFLAGS) -o $@ tests/unit.c $(UNIT_OBJS) $(DEPS_LIBS) $(LIBS)

# The npm packages tests/html.sh needs, as pinned by package-lock.json.
node_modules/.package-lock.json: package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund

# The fuzz targets, with clang's libFuzzer and sanitizers (tests/fuzz.sh).
# UBSan recovers by default: a report would be printed and the input passed.
FUZZ_CC = clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	-std=c99 -D_XOPEN_SOURCE=700 -DVERSION=\"$(VERSION)\" $(WARNFLAGS) $(DEPS_CFLAGS)
FUZZ_SRC = src/escape.c src/buf.c src/xalloc.c src/msg.c
build/fuzz_escape: tests/fuzz/fuzz_escape.c $(FUZZ_SRC) $(HDRS) Makefile
	@mkdir -p build
	$(FUZZ_CC) -o $@ tests/fuzz/fuzz_escape.c $(FUZZ_SRC) $(DEPS_LIBS)

# The whole tool: every module in OBJS but main.c, which the target includes
# to reach its static tool_main().
FUZZ_PIPELINE_SRC != echo $(OBJS) | sed -e 's|$(OBJDIR)/main\.o||' \
	-e 's|$(OBJDIR)/\([a-z_]*\)\.o|src/\1.c|g'
build/fuzz_pipeline: tests/fuzz/fuzz_pipeline.c src/main.c $(FUZZ_PIPELINE_SRC) $(HDRS) \
		Makefile
	@mkdir -p build
	$(FUZZ_CC) -o $@ tests/fuzz/fuzz_pipeline.c $(FUZZ_PIPELINE_SRC) $(DEPS_LIBS)

# `make fuzz`: each target for FUZZ_TIME seconds, keeping what it learns in
# build/fuzz/ (corpora, and any crash-* input to replay with the target).
FUZZ_TIME ?= 600
fuzz: build/fuzz_escape build/fuzz_pipeline
	@FUZZ_TIME=$(FUZZ_TIME) sh tests/fuzz.sh

check: all build/unit build/fuzz_escape build/fuzz_pipeline node_modules/.package-lock.json
	@sh tests/run.sh

# Slow (a debootstrap and a full `make deps` inside it); .ci/run runs it.
check-fresh:
	@sh tests/fresh-debian.sh

regen: all build/unit build/fuzz_escape build/fuzz_pipeline node_modules/.package-lock.json
	@sh tests/run.sh --regen

bench: all
	@sh tests/bench.sh

install: all
	mkdir -p $(DESTDIR)$(bindir) $(DESTDIR)$(mandir)/man1 $(DESTDIR)$(mandir)/man7
	cp $(TOOL) $(DESTDIR)$(bindir)/httperror
	chmod 755 $(DESTDIR)$(bindir)/httperror
	cp build/man/man1/httperror.1.gz $(DESTDIR)$(mandir)/man1/
	cp -P build/man/man7/*.7.gz $(DESTDIR)$(mandir)/man7/
	chmod 644 $(DESTDIR)$(mandir)/man1/httperror.1.gz
	mkdir -p $(DESTDIR)$(infodir)
	cp build/info/httperror.info.gz $(DESTDIR)$(infodir)/httperror.info.gz
	chmod 644 $(DESTDIR)$(infodir)/httperror.info.gz
	@if [ -z "$(DESTDIR)" ] && command -v mandb >/dev/null 2>&1; then \
		echo "mandb -q $(mandir)"; mandb -q "$(mandir)"; fi
	@if [ -z "$(DESTDIR)" ] && command -v install-info >/dev/null 2>&1; then \
		echo "install-info --info-dir=$(infodir) $(infodir)/httperror.info.gz"; \
		install-info --info-dir="$(infodir)" "$(infodir)/httperror.info.gz"; fi

uninstall:
	@if [ -z "$(DESTDIR)" ] && command -v install-info >/dev/null 2>&1 && \
		[ -f "$(infodir)/httperror.info.gz" ]; then \
		echo "install-info --delete --info-dir=$(infodir) $(infodir)/httperror.info.gz"; \
		install-info --delete --info-dir="$(infodir)" "$(infodir)/httperror.info.gz"; fi
	rm -f $(DESTDIR)$(infodir)/httperror.info.gz
	rm -f $(DESTDIR)$(bindir)/httperror $(DESTDIR)$(mandir)/man1/httperror.1.gz
	for f in build/man/man7/*.7.gz; do \
		rm -f "$(DESTDIR)$(mandir)/man7/`basename $$f`"; done
	@if [ -z "$(DESTDIR)" ] && command -v mandb >/dev/null 2>&1; then \
		echo "mandb -q $(mandir)"; mandb -q "$(mandir)"; fi

# Zeal reads docsets from $XDG_DATA_HOME/Zeal/Zeal/docsets and has no file
# watcher: restart it after this.  An older copy is replaced, not merged.
install-zeal: all
	@d="$${XDG_DATA_HOME:-$$HOME/.local/share}/Zeal/Zeal/docsets"; \
	echo "cp -R build/docset/HTTPError.docset $$d/"; \
	mkdir -p "$$d" && rm -rf "$$d/HTTPError.docset" && \
	cp -R build/docset/HTTPError.docset "$$d/"

# Debian and Ubuntu packages to build and to run every test.
DEB_BUILD = build-essential pkg-config libxml2-dev libxslt1-dev zlib1g-dev libssl-dev libsqlite3-dev libarchive-dev
DEB_TEST = man-db mandoc groff-base groff valgrind libxml2-utils info install-info sqlite3 zeal xvfb xauth x11-utils imagemagick chromium default-jre-headless openssl fonts-dejavu-core clang libclang-rt-14-dev ca-certificates debootstrap

# Node.js 18 (Debian 12's own) or later runs the browser tests: the pinned
# npm packages accept it.  A machine that has a node already keeps it.
deps:
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
		$(DEB_BUILD) $(DEB_TEST)
	command -v node >/dev/null 2>&1 || \
		DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm

clean:
	rm -rf build

.PHONY: all check check-fresh fuzz regen bench install uninstall deps clean install-zeal

#!/bin/sh
# build.sh: properties of a whole build.
#   - two builds with the same SOURCE_DATE_EPOCH are byte-identical, whether
#     the backends run at once (-j 4) or one after another (-j 1);
#   - with backends running at once, their diagnostics come in backend order;
#   - man pages split into shards are the pages of one run;
#   - a build that fails (invalid registry, or a stylesheet failing half way
#     through the pages) leaves the previous output tree byte-identical and no
#     staging directory behind;
#   - a second `make` with nothing changed rebuilds nothing.
. "$(dirname "$0")/lib.sh"
make_scratch
cd "$TOP" || exit 1

"$TOOL" build -j 4 -o "$tmp/a" > "$tmp/a.log" 2>&1 || { not_ok "build: first build"; cat "$tmp/a.log"; }
"$TOOL" build -j 1 -o "$tmp/b" > "$tmp/b.log" 2>&1 || { not_ok "build: second build"; cat "$tmp/b.log"; }
outputs_view "$tmp/a" > "$tmp/a.snap"
outputs_view "$tmp/b" > "$tmp/b.snap"
if [ "$(wc -l < "$tmp/a.snap")" -gt 10 ] && cmp -s "$tmp/a.snap" "$tmp/b.snap"; then
	ok "build: two builds (-j 4, -j 1) are byte-identical"
else
	not_ok "build: two builds differ"; diff "$tmp/a.snap" "$tmp/b.snap" | head
fi
# Man pages alone are split into shards, one per job (src/main.c): the
# same tree as one run makes.
"$TOOL" build -j 3 -f man -o "$tmp/m" > "$tmp/m.log" 2>&1
if [ "$(find "$tmp/m/man/" | wc -l)" -gt 20 ] && diff -r "$tmp/b/man/" "$tmp/m/man/" > "$tmp/m.diff" 2>&1; then
	ok "build: man pages in three shards are the pages of one run"
else
	not_ok "build: man pages in shards differ"; head "$tmp/m.diff" "$tmp/m.log"
fi
# A different date must change the pages: the date really comes from the epoch.
SOURCE_DATE_EPOCH=946684800 "$TOOL" build -o "$tmp/c" -f man > /dev/null 2>&1
if gzip -dc "$tmp/c/man/man7/404-not-found.7.gz" | grep -q '^\.TH 404 7 2000-01-01 '; then
	ok "build: .TH date follows SOURCE_DATE_EPOCH"
else
	not_ok "build: .TH date follows SOURCE_DATE_EPOCH"
fi
unset SOURCE_DATE_EPOCH
"$TOOL" build -o "$tmp/d" -f man > /dev/null 2>&1
want=$(sed -n 's/.*<registry updated="\([0-9-]*\)".*/\1/p' xml/registry.xml)
if gzip -dc "$tmp/d/man/man7/404-not-found.7.gz" | grep -q "^\.TH 404 7 $want "; then
	ok "build: without SOURCE_DATE_EPOCH the date is the registry's ($want)"
else
	not_ok "build: without SOURCE_DATE_EPOCH the date is the registry's"
fi
export SOURCE_DATE_EPOCH=1767225600

# Failed builds into an existing output tree change nothing.
fixture_registry "$tmp/bad" "$TOP/tests/invalid/class-mismatch"
"$TOOL" build -o "$tmp/a" "$tmp/bad/xml/registry.xml" > "$tmp/bad.log" 2>&1
rc=$?
outputs_view "$tmp/a" > "$tmp/a2.snap"
check "build: invalid registry exits 1" test "$rc" -eq 1
if cmp -s "$tmp/a.snap" "$tmp/a2.snap"; then ok "build: invalid registry leaves build/ untouched"; else
	not_ok "build: invalid registry changed the output"; diff "$tmp/a.snap" "$tmp/a2.snap" | head; fi

# A stylesheet that fails on the tenth page, after nine were written.
mkdir -p "$tmp/xsl"
cp xsl/* "$tmp/xsl/"
slug=$(ls xml/codes | sed -n '10s/\.xml$//p')
sed "s|<xsl:template match=\"status\">|<xsl:template match=\"status[@slug = '$slug']\" priority=\"9\"><xsl:message terminate=\"yes\">injected failure</xsl:message></xsl:template>\n  &|" \
	xsl/man.xsl > "$tmp/xsl/man.xsl"
"$TOOL" build -o "$tmp/a" -s "$tmp/xsl" > "$tmp/fail.log" 2>&1
rc=$?
outputs_view "$tmp/a" > "$tmp/a3.snap"
if [ "$rc" -eq 1 ] && grep -q 'injected failure' "$tmp/fail.log"; then
	ok "build: a stylesheet failing mid-build exits 1 and says why"
else
	not_ok "build: mid-build failure (exit $rc)"; cat "$tmp/fail.log"
fi
if cmp -s "$tmp/a.snap" "$tmp/a3.snap"; then ok "build: mid-build failure leaves build/ untouched"; else
	not_ok "build: mid-build failure changed the output"; diff "$tmp/a.snap" "$tmp/a3.snap" | head; fi

# Backends in parallel: man fails on its last page, docset on its first, so
# docset's child ends first; its message must still come after man's, and
# the build exits 1 with the previous output untouched.
last=$(ls xml/codes | sed -n '$s/\.xml$//p')
sed "s|<xsl:template match=\"status\">|<xsl:template match=\"status[@slug = '$last']\" priority=\"9\"><xsl:message terminate=\"yes\">man fails last</xsl:message></xsl:template>\n  &|" \
	xsl/man.xsl > "$tmp/xsl/man.xsl"
sed "s|<xsl:template match=\"registry\">|<xsl:template match=\"registry\" priority=\"9\"><xsl:message terminate=\"yes\">docset fails first</xsl:message></xsl:template>\n  &|" \
	xsl/docset.xsl > "$tmp/xsl/docset.xsl"
"$TOOL" build -j 4 -o "$tmp/a" -s "$tmp/xsl" > "$tmp/par.log" 2>&1
rc=$?
outputs_view "$tmp/a" > "$tmp/a4.snap"
if [ "$rc" -eq 1 ] && grep -n 'fails' "$tmp/par.log" | cut -d: -f1 | tr '\n' ' ' | grep -q '^1 [0-9]* $' &&
	grep 'fails' "$tmp/par.log" | head -n 1 | grep -q 'man fails last' &&
	grep 'fails' "$tmp/par.log" | tail -n 1 | grep -q 'docset fails first' &&
	cmp -s "$tmp/a.snap" "$tmp/a4.snap"; then
	ok "build: two backends failing at once: exit 1, messages in backend order, output untouched"
else
	not_ok "build: two backends failing at once (exit $rc)"; cat "$tmp/par.log"
fi
cp xsl/man.xsl xsl/docset.xsl "$tmp/xsl/"

# Pages are hx:page elements at the top of the result (src/xform.c): one
# nested in another element, or result text outside every page, is an error,
# with the stylesheet's line.
sed -e 's|<hx:page name="httperror">|<wrap>&|' -e '0,/<\/hx:page>/s|</hx:page>|&</wrap>|' \
	xsl/man.xsl > "$tmp/xsl/man.xsl"
"$TOOL" build -f man -o "$tmp/nest" -s "$tmp/xsl" > "$tmp/nest.log" 2>&1
rc=$?
line=$(grep -n '<hx:page name="httperror">' "$tmp/xsl/man.xsl" | cut -d: -f1)
if [ "$rc" -eq 1 ] && grep -q "man.xsl:$line: error: hx:page inside another element of the result" "$tmp/nest.log" &&
	[ ! -e "$tmp/nest/man" ]; then
	ok "build: an hx:page inside another result element is an error at its line"
else
	not_ok "build: nested hx:page (exit $rc)"; cat "$tmp/nest.log"
fi
sed 's|<xsl:when test="$page = .all.">|&<xsl:text>stray</xsl:text>|' xsl/man.xsl > "$tmp/xsl/man.xsl"
"$TOOL" build -f man -o "$tmp/stray" -s "$tmp/xsl" > "$tmp/stray.log" 2>&1
rc=$?
if [ "$rc" -eq 1 ] && grep -q "man.xsl: error: the result has content outside hx:page" "$tmp/stray.log"; then
	ok "build: result text outside every hx:page is an error"
else
	not_ok "build: stray result text (exit $rc)"; cat "$tmp/stray.log"
fi
cp xsl/man.xsl "$tmp/xsl/man.xsl"
# The HTML page is a frame, its parts and the end of the frame, written as
# they come (src/out_html.c): a frame left open is an error, not a page cut
# short.
awk '/<hx:page name="end"\/>/ { last = NR } { line[NR] = $0 } END { for (i = 1; i <= NR; i++) if (i != last) print line[i] }' \
	xsl/html.xsl > "$tmp/xsl/html.xsl"
"$TOOL" build -f html -o "$tmp/open" -s "$tmp/xsl" > "$tmp/open.log" 2>&1
rc=$?
if [ "$rc" -eq 1 ] && grep -q "html.xsl: error: a frame of the page has no end" "$tmp/open.log" &&
	[ ! -e "$tmp/open/html" ]; then
	ok "build: an HTML frame left open is an error"
else
	not_ok "build: HTML frame left open (exit $rc)"; cat "$tmp/open.log"
fi
cp xsl/html.xsl "$tmp/xsl/html.xsl"
if [ "$(ls "$tmp/a/.httperror" | grep -c '^gen-')" -eq 1 ] && ! ls -a "$tmp/a" | grep -q staging; then
	ok "build: no staging directory left behind"
else
	not_ok "build: staging left behind"; ls -a "$tmp/a" "$tmp/a/.httperror"
fi

# Nothing to do the second time round.
# (make once first: an earlier test group may have installed with another
# PREFIX, which rebuilds the pages for its directories.)
make -s all > /dev/null 2>&1
if make -q all 2>/dev/null; then ok "build: a second make has nothing to do"; else
	not_ok "build: make -q says the tree is out of date after make"; fi
echo "build: $npass passed, $nfail failed"
[ "$nfail" -eq 0 ]

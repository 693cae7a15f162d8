#!/bin/sh
# docset.sh: the Dash/Zeal docset, checked with sqlite3, tar and the real Zeal.
#   - byte-exact goldens of Info.plist, the search index rows, the 404 page and
#     the feed;
#   - the index: one Entry per status, every path an existing page (and
#     fragment), no empty path, and a search for 404, 102 or 502 listing the
#     status first in Zeal's order (shortest name) and in Dash's (type, then
#     length); a registry that would break that order is refused;
#   - Zeal's table of contents of each status page (the Section rows that
#     point into it, in id order) is its sections in page order (the checker
#     is first run on rows swapped, to show it can fail); no word of a status,
#     alias or keyword makes Zeal or Dash list a Section first; a section
#     name with a code, or a TOC line of another form, is refused;
#   - every href in Documents/ relative and resolving, nothing loaded from
#     anywhere, no script, a Dash TOC anchor on each section;
#   - Info.plist well-formed with its keys; the icons PNGs of 16x16 and 32x32,
#     copied from xsl/ (a wrong one refused);
#   - the .tgz: one top directory, directories before their files, sorted, no
#     links, owner 0:0 and mtime SOURCE_DATE_EPOCH, gzip without a time stamp;
#     unpacked as Zeal does it, it is the docset again; two builds give the
#     same bytes;
#   - make install-zeal, then Debian's zeal under Xvfb: it loads the docset,
#     adds its own index to docSet.dsidx, and opens 404 Not Found for the
#     search http:404 (screenshot in build/screenshots/zeal-404.png).
# The checkers of links, index paths and archive layout are first run on
# broken copies, to show that they can fail.
. "$(dirname "$0")/lib.sh"
make_scratch
cd "$TOP" || exit 1
feed_url=https://downloads.example.org/httperror/HTTPError.tgz
out=$tmp/out
if ! "$TOOL" build -o "$out" -f docset -u "$feed_url" > "$tmp/build.log" 2>&1; then
	not_ok "docset: build"; cat "$tmp/build.log"
	echo "docset: $npass passed, $nfail failed"; exit 1
fi
ds=$out/docset/HTTPError.docset
res=$ds/Contents/Resources
docs=$res/Documents
db=$res/docSet.dsidx
slugs=$(sed -n 's|.*<xi:include href="codes/\([^"]*\)\.xml".*|\1|p' xml/registry.xml | LC_ALL=C sort)
nstatus=$(echo "$slugs" | wc -l)
# and the numbers that are not statuses (xml/numbers/), a page and an Entry each
numbers=$(sed -n 's|.*<xi:include href="numbers/\([^"]*\)\.xml".*|\1|p' xml/registry.xml | LC_ALL=C sort)
nnumber=$(echo "$numbers" | grep -c .)

# ===== Checkers: each prints what is wrong and fails when anything is.

# links_bad DIR: every href/src is relative and names a file (and an id or
# anchor) in DIR; nothing is loaded from elsewhere; no script.
links_bad() {
	lb=0
	for f in "$1"/*.html; do
		page=$(basename "$f")
		# Registry text has its '<' escaped, so <...> matches real tags only.
		grep -o '<[a-zA-Z][^>]*>' "$f" | grep -o -E ' (href|src)="[^"]*"' |
			sed -E 's/^ (href|src)="(.*)"$/\2/' > "$tmp/refs"
		while IFS= read -r ref; do
			case $ref in
			'') echo "$page: empty link"; lb=1; continue ;;
			*:* | /*) echo "$page: not relative: $ref"; lb=1; continue ;;
			esac
			file=${ref%%#*}
			frag=
			case $ref in *'#'*) frag=${ref#*#} ;; esac
			[ -n "$file" ] || file=$page
			if [ ! -f "$1/$file" ]; then
				echo "$page: $ref: no such file"; lb=1
			elif [ -n "$frag" ] && ! grep -q -e "id=\"$frag\"" -e "name=\"$frag\"" "$1/$file"; then
				echo "$page: $ref: no such id in $file"; lb=1
			fi
		done < "$tmp/refs"
		if grep -q -i -E '<(script|iframe|img|object|embed|audio|video|source|base)[ >]|<[a-z][^>]* on[a-z]+=' "$f"; then
			echo "$page: script, embedded resource or event handler"; lb=1
		fi
	done
	if grep -q -i -E 'url\(|@import' "$1"/*.css; then
		echo "a stylesheet loads something: $(grep -l -i -E 'url\(|@import' "$1"/*.css)"; lb=1
	fi
	return $lb
}

# index_bad DB DOCS: no empty name, type or path; every path a page in DOCS,
# and every fragment an id or anchor in it; only '/' as separator.
index_bad() {
	ib=0
	n=$(sqlite3 "$1" "SELECT count(*) FROM searchIndex WHERE coalesce(name, '') = '' OR
		coalesce(type, '') = '' OR coalesce(path, '') = '' OR path LIKE '%\\%'")
	if [ "$n" != 0 ]; then printf '%s rows with an empty name, type or path, or a \\\n' "$n"; ib=1; fi
	sqlite3 "$1" "SELECT DISTINCT path FROM searchIndex WHERE coalesce(path, '') <> ''" > "$tmp/paths"
	while IFS= read -r p; do
		file=${p%%#*}
		frag=
		case $p in *'#'*) frag=${p#*#} ;; esac
		if [ ! -f "$2/$file" ]; then
			echo "path $p: no such page"; ib=1
		elif [ -n "$frag" ] && ! grep -q -e "id=\"$frag\"" -e "name=\"$frag\"" "$2/$file"; then
			echo "path $p: no such id"; ib=1
		fi
	done < "$tmp/paths"
	return $ib
}

# tgz_bad TGZ: one top directory HTTPError.docset/ first; each entry after its
# directory and after its elder siblings (bytewise); only directories and
# files; owner 0/0 and the mtime of SOURCE_DATE_EPOCH.
tgz_bad() {
	tb=0
	if ! tar -tzf "$1" > "$tmp/names" 2> "$tmp/tar.err"; then
		echo "tar cannot list it: $(cat "$tmp/tar.err")"; return 1
	fi
	awk '
	function bad(m) { print m; rc = 1 }
	{
		name = $0
		if (NR == 1 && name != "HTTPError.docset/") bad("first entry " name " is not HTTPError.docset/")
		if (index(name, "HTTPError.docset/") != 1) bad("outside the top directory: " name)
		isdir = substr(name, length(name)) == "/"
		path = isdir ? substr(name, 1, length(name) - 1) : name
		n = split(path, part, "/")
		parent = ""
		for (i = 1; i < n; i++) parent = parent part[i] "/"
		if (NR > 1 && !(parent in seen)) bad("before its directory: " name)
		if ((parent in last) && !(last[parent] < part[n])) bad("out of order: " name)
		last[parent] = part[n]
		if (isdir) seen[name] = 1
	}
	END { exit rc }' "$tmp/names" || tb=1
	when=$(TZ=UTC0 date -d "@$SOURCE_DATE_EPOCH" '+%Y-%m-%d %H:%M' 2>/dev/null)
	TZ=UTC0 tar --numeric-owner -tvzf "$1" | awk -v when="$when" '
	function bad(m) { print m; rc = 1 }
	{
		t = substr($1, 1, 1)
		if (t != "d" && t != "-") bad("not a directory or file: " $0)
		if ($2 != "0/0") bad("owner " $2 ": " $0)
		if ($4 " " $5 != when) bad("mtime " $4 " " $5 ", not " when ": " $0)
	}
	END { exit rc }' || tb=1
	return $tb
}

# ===== The checkers fail on broken input.

cp -R "$docs" "$tmp/bad-docs"
printf '<a href="https://example.com/">x</a><a href="gone.html">y</a><a href="index.html#nowhere">z</a><script>1</script>\n' >> "$tmp/bad-docs/index.html"
links_bad "$tmp/bad-docs" > "$tmp/bad.out"
if [ "$(grep -c -e 'not relative' -e 'no such file' -e 'no such id' -e 'script' "$tmp/bad.out")" -eq 4 ]; then
	ok "docset: the link checker finds broken links"
else
	not_ok "docset: the link checker misses broken links"; cat "$tmp/bad.out"
fi
cp "$db" "$tmp/bad.dsidx"
sqlite3 "$tmp/bad.dsidx" "INSERT INTO searchIndex(name, type, path) VALUES
	('a', 'Entry', 'gone.html'), ('b', 'Entry', ''), ('c', 'Entry', 'index.html#nowhere')"
index_bad "$tmp/bad.dsidx" "$docs" > "$tmp/bad.out"
if [ "$(grep -c -e 'empty' -e 'no such' "$tmp/bad.out")" -eq 3 ]; then
	ok "docset: the index checker finds bad paths"
else
	not_ok "docset: the index checker misses bad paths"; cat "$tmp/bad.out"
fi
mkdir -p "$tmp/badtar"
cp -R "$ds" "$tmp/badtar/"
ln -s index.html "$tmp/badtar/HTTPError.docset/Contents/Resources/Documents/link.html"
(cd "$tmp/badtar" && tar -czf ../bad.tgz ./HTTPError.docset)
tgz_bad "$tmp/bad.tgz" > "$tmp/bad.out"
if grep -q 'is not HTTPError.docset/' "$tmp/bad.out" && grep -q 'not a directory or file' "$tmp/bad.out" &&
	grep -q 'mtime' "$tmp/bad.out"; then
	ok "docset: the archive checker finds a bad archive"
else
	not_ok "docset: the archive checker misses a bad archive"; cat "$tmp/bad.out"
fi

# ===== Goldens

golden "docset: golden Info.plist" "$TOP/tests/golden/docset/Info.plist" "$ds/Contents/Info.plist"
sqlite3 "$db" "SELECT id, name, type, path FROM searchIndex ORDER BY id" > "$tmp/searchIndex.txt"
golden "docset: golden searchIndex.txt" "$TOP/tests/golden/docset/searchIndex.txt" "$tmp/searchIndex.txt"
golden "docset: golden 404-not-found.html" "$TOP/tests/golden/docset/404-not-found.html" "$docs/404-not-found.html"
golden "docset: golden HTTPError.xml" "$TOP/tests/golden/docset/HTTPError.xml" "$out/docset/HTTPError.xml"

# ===== The search index

schema=$(sqlite3 "$db" .schema)
case $schema in
*"CREATE TABLE searchIndex(id INTEGER PRIMARY KEY, name TEXT, type TEXT, path TEXT);"*"CREATE UNIQUE INDEX anchor ON searchIndex (name, type, path);"*)
	ok "docset: searchIndex table and unique index" ;;
*) not_ok "docset: schema is '$schema'" ;;
esac
check "docset: index integrity" test "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok
# Bytes 18-19 of the header: 1 1 is a rollback journal, 2 2 would be WAL.
check "docset: index uses a rollback journal" test "$(od -An -tu1 -j18 -N2 "$db" | tr -s ' ')" = " 1 1"
left=
for f in "$db"-journal "$db"-wal "$db"-shm; do [ -e "$f" ] && left="$left $f"; done
check "docset: no journal or WAL file left" test -z "$left"
# Sorted, so that equal rows make an equal file; the Section rows after the
# others, each page's in page order (checked with the pages below).
check "docset: rows inserted in sorted order, the sections last" test \
	"$(sqlite3 "$db" "SELECT id FROM searchIndex WHERE type <> 'Section' ORDER BY name, type, path" | tr '\n' ' ')" = \
	"$(sqlite3 "$db" "SELECT id FROM searchIndex WHERE id < (SELECT min(id) FROM searchIndex WHERE type = 'Section') ORDER BY id" | tr '\n' ' ')"
entries=$(sqlite3 "$db" "SELECT DISTINCT path FROM searchIndex WHERE type = 'Entry' ORDER BY path")
pages=$(printf '%s\n%s\n' "$slugs" "$numbers" | grep . | LC_ALL=C sort | sed 's/$/.html/')
if [ "$entries" = "$pages" ]; then ok "docset: one Entry per status ($nstatus) and per number ($nnumber)"; else
	not_ok "docset: Entry rows do not match the statuses"
	echo "$pages" > "$tmp/want"; echo "$entries" > "$tmp/got"; diff "$tmp/want" "$tmp/got" | head
fi
check "docset: one Category per class" test \
	"$(sqlite3 "$db" "SELECT name || '=' || path FROM searchIndex WHERE type = 'Category' ORDER BY name" | tr '\n' ' ')" = \
	"1xx Informational=index.html#1xx 2xx Successful=index.html#2xx 3xx Redirection=index.html#3xx 4xx Client Error=index.html#4xx 5xx Server Error=index.html#5xx Not HTTP statuses=index.html#numbers "
check "docset: aliases are rows of their own" test \
	"$(sqlite3 "$db" "SELECT type || ' ' || path FROM searchIndex WHERE name = 'NGX_HTTP_CLIENT_CLOSED_REQUEST'")" = \
	"Constant 499-client-closed-request.html"
if index_bad "$db" "$docs" > "$tmp/index.out"; then ok "docset: every index path is a page or an id in one"; else
	not_ok "docset: index paths"; head "$tmp/index.out"; fi

# The first result for a code, in Zeal's order (shortest name) and in
# Dash's (type, then length): for every status, its code lists it first (the
# code's primary meaning, for a code with two: 499 is nginx's).
ZEAL_ORDER="length(name), name COLLATE NOCASE"
DASH_ORDER="CASE type WHEN 'Category' THEN 14 WHEN 'Constant' THEN 85 WHEN 'Value' THEN 87
	WHEN 'Keyword' THEN 93 WHEN 'Section' THEN 125 WHEN 'Entry' THEN 126 ELSE 0 END,
	length(name), name COLLATE NOCASE"
first_for() {	# first_for WORDS ORDER [COLUMN]: the first row a search lists
	sqlite3 "$db" "SELECT ${3:-name} FROM searchIndex WHERE name LIKE '%$1%' ORDER BY $2" | head -1
}
bad=
for x in xml/codes/*.xml; do
	[ "$(xmllint --nonet --xpath 'string(/status/@primary)' "$x")" = false ] && continue
	code=$(xmllint --nonet --xpath 'string(/status/@code)' "$x")
	want="$code $(xmllint --nonet --xpath 'string(/status/facts/phrase)' "$x")"
	zeal=$(first_for "$code" "$ZEAL_ORDER")
	dash=$(first_for "$code" "$DASH_ORDER")
	[ "$zeal" = "$want" ] && [ "$dash" = "$want" ] || bad="$bad [$code: Zeal '$zeal', Dash '$dash']"
done
check "docset: a search for any status's code lists it first in Zeal's and Dash's order${bad:+:$bad}" test -z "$bad"
# and a search for a number its page, in both (1020, 500.19, 000, and 0 for 000).
bad=
for x in xml/numbers/*.xml; do
	[ -e "$x" ] || continue
	want="$(basename "$x" .xml).html"
	for n in $(xmllint --nonet --xpath 'string(/number/@number)' "$x") \
	    $(xmllint --nonet --xpath '/number/facts/also/text()' "$x" 2> /dev/null); do
		zeal=$(first_for "$n" "$ZEAL_ORDER" path)
		dash=$(first_for "$n" "$DASH_ORDER" path)
		[ "$zeal" = "$want" ] && [ "$dash" = "$want" ] || bad="$bad [$n: Zeal '$zeal', Dash '$dash']"
	done
done
check "docset: a search for any number lists its page first in Zeal's and Dash's order ($nnumber)${bad:+:$bad}" \
	test -z "$bad" -a "$nnumber" -gt 0

# Found by symptom (issue 11): each keyword is a Keyword row, so http:rate
# lists 429 first in Zeal's order; one holding a code stays out.
for pair in "rate:429-too-many-requests.html" "upstream:502-bad-gateway.html" "maintenance:503-service-unavailable.html"; do
	q=${pair%%:*}
	first=$(first_for "$q" "$ZEAL_ORDER" path)
	check "docset: Zeal's search for $q opens ${pair#*:} first (got '$first')" test "$first" = "${pair#*:}"
done
# (A number's keyword that a status has too is the status's row alone.)
sed -n 's|.*<keyword>\(.*\)</keyword>.*|\1|p' xml/codes/*.xml | grep -v '[1-5][0-9][0-9]' > "$tmp/kw-status"
sed -n 's|.*<keyword>\(.*\)</keyword>.*|\1|p' xml/numbers/*.xml | grep -v '[1-5][0-9][0-9]' |
	grep -vixF -f "$tmp/kw-status" > "$tmp/kw-number"
check "docset: every keyword without a code is a Keyword row" test \
	"$(sqlite3 "$db" "SELECT count(*) FROM searchIndex WHERE type = 'Keyword'")" = \
	"$(cat "$tmp/kw-status" "$tmp/kw-number" | wc -l)"
check "docset: a keyword holding a code is not a row" test \
	"$(sqlite3 "$db" "SELECT count(*) FROM searchIndex WHERE name = 'Expect: 100-continue'")" = 0

# Sections (issue 11): Zeal's table of contents of a page is the rows whose
# path starts with the page's and is not the page, in id order (its query has
# no ORDER BY), shown when there are two or more.  Each status page must get
# every section with an id (those of its Dash TOC anchors), in page order;
# index_bad above shows that each one's id is on the page.
# toc_bad DB DOCS: prints each page whose Zeal TOC is not its sections.
toc_bad() {
	tb=0
	for page in $pages; do
		want=$(grep -o '<section[^>]* id="[^"]*"><a class="dashAnchor" name="//apple_ref/cpp/Section/' "$2/$page" |
			sed 's/.* id="\([^"]*\)".*/\1/' | tr '\n' ' ')
		got=$(sqlite3 "$1" "SELECT path FROM searchIndex WHERE path LIKE \"$page%\" AND path <> \"$page\"" |
			sed 's/.*#//' | tr '\n' ' ')
		types=$(sqlite3 "$1" "SELECT DISTINCT type FROM searchIndex WHERE path LIKE \"$page#%\"")
		if [ -z "$want" ] || [ "$got" != "$want" ] || [ "$types" != Section ]; then
			echo "$page: sections '$want', Zeal's TOC '$got' ($types)"; tb=1
		fi
	done
	return $tb
}
if toc_bad "$db" "$docs" > "$tmp/toc.out"; then ok "docset: Zeal's TOC of every status page is its sections, in page order"; else
	not_ok "docset: Zeal TOC"; head "$tmp/toc.out"; fi
# The checker fails on an index whose 502 sections are out of order.
cp "$db" "$tmp/toc.dsidx"
sqlite3 "$tmp/toc.dsidx" "UPDATE searchIndex SET path = CASE path
	WHEN '502-bad-gateway.html#causes' THEN '502-bad-gateway.html#meaning'
	WHEN '502-bad-gateway.html#meaning' THEN '502-bad-gateway.html#causes' ELSE path END"
if toc_bad "$tmp/toc.dsidx" "$docs" > "$tmp/toc.out"; then not_ok "docset: the TOC checker misses sections out of order"; else
	ok "docset: the TOC checker finds sections out of order"; fi
check "docset: no Section name holds a digit" test \
	"$(sqlite3 "$db" "SELECT count(*) FROM searchIndex WHERE type = 'Section' AND name GLOB '*[0-9]*'")" = 0

# Sections must not drown what a reader searches for: for every word (of
# three letters or more) of every other row's name, and every whole name,
# the first result is not a Section, in Zeal's order (shortest name, then
# name regardless of case) and in Dash's (type, then length: a Section comes
# before an Entry, after a Keyword).  The words a Section matches at all are
# listed, for whoever renames one.
sqlite3 "$db" "SELECT name FROM searchIndex WHERE type <> 'Section'" > "$tmp/names"
{ cat "$tmp/names"; tr ' ' '\n' < "$tmp/names"; } | awk 'length($0) >= 3' | LC_ALL=C sort -u > "$tmp/words"
cp "$db" "$tmp/rank.dsidx"
for order in "Zeal:$ZEAL_ORDER" "Dash:$DASH_ORDER"; do
	drowned=$(sqlite3 "$tmp/rank.dsidx" ".mode tabs" "CREATE TEMP TABLE q(w TEXT)" ".import $tmp/words q" \
		"SELECT w, (SELECT name || ' (' || type || ')' FROM searchIndex WHERE instr(lower(name), lower(w)) > 0
			ORDER BY ${order#*:} LIMIT 1) AS first FROM q
		WHERE first LIKE '% (Section)'")
	if [ -z "$drowned" ]; then
		ok "docset: ${order%%:*} lists no Section first for a word of a status, alias or keyword ($(wc -l < "$tmp/words") words)"
	else
		not_ok "docset: Sections come first in ${order%%:*} for:"; echo "$drowned" | head | sed 's/^/    /'
	fi
done
shared=$(sqlite3 "$tmp/rank.dsidx" ".mode tabs" "CREATE TEMP TABLE q(w TEXT)" ".import $tmp/words q" \
	"SELECT group_concat(w, ', ') FROM q WHERE EXISTS (SELECT 1 FROM searchIndex
		WHERE type = 'Section' AND instr(lower(name), lower(w)) > 0)")
echo "    (words that a Section also matches: ${shared:-none})"

# A section name with a code in it is refused (with its stylesheet named),
# as is a line that is not an id, a tab and a name.
for bad in 'Fixing it as a developer or admin:Fixing 404 as a developer' 'developer&#9;:developer: '; do
	mkdir -p "$tmp/xsl-toc"
	cp -R xsl/. "$tmp/xsl-toc/"
	sed "s|${bad%%:*}|${bad#*:}|" xsl/docset.xsl > "$tmp/xsl-toc/docset.xsl"
	"$TOOL" build -s "$tmp/xsl-toc" -o "$tmp/tocbad" -f docset > "$tmp/tocbad.err" 2>&1
	rc=$?
	if [ "$rc" -eq 1 ] && grep -q "^httperror: .*docset.xsl: error: docset: table of contents of '100-continue': .* is not an id, a tab and a name without a code$" "$tmp/tocbad.err"; then
		ok "docset: a table of contents line '${bad#*:}' is refused"
	else
		not_ok "docset: table of contents line '${bad#*:}' gave exit $rc"; cat "$tmp/tocbad.err"
	fi
done

# A registry whose alias would come first for a search by code is refused.
fixture_registry "$tmp/rank" ""
sed 's|<phrase>Not Found</phrase>|&\n    <alias>404</alias>|' "$tmp/rank/xml/codes/404-not-found.xml" > "$tmp/rank.xml"
mv "$tmp/rank.xml" "$tmp/rank/xml/codes/404-not-found.xml"
"$TOOL" build -o "$tmp/rank-out" -f docset "$tmp/rank/xml/registry.xml" > "$tmp/rank.err" 2>&1
rc=$?
if [ "$rc" -eq 1 ] && grep -q "error: docset: a search for '404' would list '404' (Value) before '404 Not Found'" "$tmp/rank.err"; then
	ok "docset: an alias that would outrank its status is refused"
else
	not_ok "docset: an outranking alias gave exit $rc"; cat "$tmp/rank.err"
fi

# ===== Pages

if links_bad "$docs" > "$tmp/links.out"; then ok "docset: every link is relative and resolves; nothing is loaded"; else
	not_ok "docset: links"; head -20 "$tmp/links.out"; fi
cat xsl/palette.css xsl/docset.css > "$tmp/style.css"
check "docset: style.css is xsl/palette.css then xsl/docset.css" cmp -s "$docs/style.css" "$tmp/style.css"
check "docset: index.html, style.css and one page per status" test \
	"$(ls "$docs" | LC_ALL=C sort | tr '\n' ' ')" = "$(printf '%s\n' $pages index.html style.css | LC_ALL=C sort | tr '\n' ' ')"
# Dash TOC: one anchor per section, percent-encoded, without an id.
tocbad=
for f in "$docs"/*.html; do
	sections=$(grep -o '<section[ >]' "$f" | wc -l)
	anchors=$(grep -o '<a class="dashAnchor" name="//apple_ref/cpp/\(Section\|Category\)/[A-Za-z0-9._~%-]*"></a>' "$f" | wc -l)
	all=$(grep -o 'class="dashAnchor"' "$f" | wc -l)
	if [ "$sections" -eq 0 ] || [ "$sections" -ne "$anchors" ] || [ "$all" -ne "$anchors" ]; then
		tocbad="$tocbad $(basename "$f") ($sections sections, $anchors anchors, $all dashAnchors)"
	fi
done
if [ -z "$tocbad" ]; then ok "docset: a Dash TOC anchor on every section"; else not_ok "docset: TOC anchors:$tocbad"; fi
check "docset: TOC names are percent-encoded" grep -q \
	'<a class="dashAnchor" name="//apple_ref/cpp/Section/Spring%20Boot%20%28Java%29"></a>' "$docs/404-not-found.html"

# The answer first (xml/README.md, "Page order"), on every status page.
order="Fixing it as a developer or admin|Fixing it as a visitor|Finding who sent it|Common causes|What it means|Facts|"
bad=
for f in "$docs"/*.html; do
	[ "$(basename "$f")" = index.html ] && continue
	got=$(grep -o '<h2>[^<]*</h2>' "$f" | sed 's/<[^>]*>//g' | grep -xE "${order%|}" | tr '\n' '|')
	case $got in "$order"*) ;; *) bad="$bad [$(basename "$f"): $got]" ;; esac
	# A number's page says what the number is instead of who sent it.
	if echo "$numbers" | grep -qxF "$(basename "$f" .html)"; then
		grep -q '<p class="sent">Not a\(n\| valid\) HTTP status: ' "$f" || bad="$bad [$(basename "$f"): no kind line]"
		continue
	fi
	grep -q '<p class="sent">Most likely \(sent\|sent, as [1-5][0-9][0-9],\|logged\) by ' "$f" || bad="$bad [$(basename "$f"): no sent-by line]"
done
if [ -z "$bad" ]; then ok "docset: every status page puts the fixes first, then who sent it, causes, meaning, facts"; else
	not_ok "docset: section order:$bad"; fi

# ===== Info.plist, the feed and the icons

plist=$ds/Contents/Info.plist
if xmllint --noout --nonet "$plist" 2> "$tmp/xmllint.err"; then ok "docset: Info.plist is well-formed"; else
	not_ok "docset: Info.plist"; cat "$tmp/xmllint.err"; fi
value() {
	xmllint --nonet --xpath "concat(name(//key[. = '$1']/following-sibling::*[1]), ':', //key[. = '$1']/following-sibling::*[1])" "$plist" 2>/dev/null
}
for kv in CFBundleIdentifier=string:httperror CFBundleName=string:HTTPError \
	DocSetPlatformFamily=string:httperror isDashDocset=true: dashIndexFilePath=string:index.html \
	DashDocSetKeyword=string:http DashDocSetFamily=string:dashtoc isJavaScriptEnabled=false: \
	DashDocSetDefaultFTSEnabled=true:; do
	k=${kv%%=*}
	check "docset: Info.plist $k is ${kv#*=}" test "$(value "$k")" = "${kv#*=}"
done
check "docset: Info.plist holds string and boolean values only" test \
	"$(xmllint --nonet --xpath 'count(/plist/dict/*[not(self::key or self::string or self::true or self::false)])' "$plist")" = 0
feed=$out/docset/HTTPError.xml
check "docset: the feed is well-formed" xmllint --noout --nonet "$feed"
check "docset: the feed has one entry with the -u URL" test \
	"$(xmllint --nonet --xpath 'concat(count(/entry), " ", count(/entry/version), " ", /entry/url)' "$feed")" = "1 1 $feed_url"

# png_size FILE: "W H" from the IHDR chunk, after checking the signature.
png_size() {
	[ "$(od -An -tx1 -N16 "$1" | tr -d ' \n')" = 89504e470d0a1a0a0000000d49484452 ] || return 1
	od -An -tu1 -j16 -N8 "$1" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4, $5 * 16777216 + $6 * 65536 + $7 * 256 + $8 }'
}
check "docset: icon.png is a 16x16 PNG" test "$(png_size "$ds/icon.png")" = "16 16"
check "docset: icon@2x.png is a 32x32 PNG" test "$(png_size "$ds/icon@2x.png")" = "32 32"
if command -v compare > /dev/null; then
	# ImageMagick decodes them (CRCs, zlib): whole images, the sources copied.
	for i in icon icon@2x; do
		check "docset: $i.png decodes and is xsl/docset-icon${i#icon}.png" sh -c \
			'identify "$1" > /dev/null 2>&1 && cmp -s "$1" "$2"' - "$ds/$i.png" "xsl/docset-icon${i#icon}.png"
	done
else
	not_ok "docset: ImageMagick is not installed (make deps)"
fi
# An icon that is not a PNG of its size: a diagnostic naming it, exit 1.
mkdir -p "$tmp/xsl-bad"
cp -R xsl/. "$tmp/xsl-bad/"
# The 32 px icon where the 16 px one should be, and a GIF.
for file in docset-icon.png docset-icon@2x.png; do
	cp -R xsl/. "$tmp/xsl-bad/"
	case $file in
	*@2x*) px=32; printf 'GIF89a\040\000\040\000' > "$tmp/xsl-bad/$file" ;;
	*) px=16; cp xsl/docset-icon@2x.png "$tmp/xsl-bad/$file" ;;
	esac
	"$TOOL" build -s "$tmp/xsl-bad" -o "$tmp/iconbad" -f docset > "$tmp/iconbad.err" 2>&1
	rc=$?
	want="httperror: $tmp/xsl-bad/$file: error: the docset icon must be a PNG of ${px}x$px pixels"
	if [ "$rc" -eq 1 ] && [ "$(cat "$tmp/iconbad.err")" = "$want" ]; then
		ok "docset: a wrong $file is refused"
	else
		not_ok "docset: wrong $file gave exit $rc"; echo "want: $want"; cat "$tmp/iconbad.err"
	fi
done

# ===== The archive

tgz=$out/docset/HTTPError.tgz
if tgz_bad "$tgz" > "$tmp/tgz.out"; then
	ok "docset: HTTPError.tgz: one top directory, directories first, sorted, no links, fixed owner and mtime"
else
	not_ok "docset: HTTPError.tgz layout"; head "$tmp/tgz.out"
fi
check "docset: HTTPError.tgz gzip header has no time stamp" test "$(od -An -tu1 -j4 -N6 "$tgz" | tr -s ' ')" = " 0 0 0 0 2 3"
# Zeal strips the first path component and extracts into <feed name>.docset/.
mkdir -p "$tmp/unpacked/HTTPError.docset"
tar -xzf "$tgz" --strip-components=1 -C "$tmp/unpacked/HTTPError.docset"
if diff -r "$ds" "$tmp/unpacked/HTTPError.docset" > "$tmp/unpacked.diff" 2>&1 &&
	[ -f "$tmp/unpacked/HTTPError.docset/Contents/Resources/Documents/index.html" ]; then
	ok "docset: HTTPError.tgz unpacked as Zeal does is the whole docset"
else
	not_ok "docset: HTTPError.tgz unpacked differs"; head "$tmp/unpacked.diff"
fi
# From another directory, into another output directory.
(cd "$tmp" && "$TOOL" build -s "$TOP/xsl" -o out2 -f docset -u "$feed_url" \
	"$TOP/xml/registry.xml" > /dev/null 2>&1)
if cmp -s "$tgz" "$tmp/out2/docset/HTTPError.tgz" && cmp -s "$db" "$tmp/out2/docset/HTTPError.docset/Contents/Resources/docSet.dsidx"; then
	ok "docset: two builds give a byte-identical HTTPError.tgz"
else
	not_ok "docset: two builds differ"
fi
SOURCE_DATE_EPOCH=946684800 "$TOOL" build -o "$tmp/out3" -f docset > /dev/null 2>&1
TZ=UTC0 tar -tvzf "$tmp/out3/docset/HTTPError.tgz" > "$tmp/out3.list"
check "docset: archive mtimes follow SOURCE_DATE_EPOCH" test -s "$tmp/out3.list" -a \
	"$(grep -c -v ' 2000-01-01 00:00 ' "$tmp/out3.list")" -eq 0

# ===== Hostile registry text stays text: in the pages and in the index.

fixture_registry "$tmp/hostile" "$TOP/tests/fixtures/hostile"
if "$TOOL" build -o "$tmp/hostile-out" -f docset "$tmp/hostile/xml/registry.xml" > "$tmp/hostile.log" 2>&1; then
	hds=$tmp/hostile-out/docset/HTTPError.docset
	if links_bad "$hds/Contents/Resources/Documents" > "$tmp/hostile.out"; then
		ok "docset: hostile registry: no markup, script or link got into the pages"
	else
		not_ok "docset: hostile registry pages"; head "$tmp/hostile.out"
	fi
	check "docset: hostile registry: an alias is a row, byte for byte" test \
		"$(sqlite3 "$hds/Contents/Resources/docSet.dsidx" "SELECT type || ' ' || path FROM searchIndex WHERE name = '\"><img src=x onerror=alert(5)>'")" = \
		"Value 404-not-found.html"
else
	not_ok "docset: hostile registry build"; cat "$tmp/hostile.log"
fi

# ===== make install-zeal, and the real Zeal

zhome=$tmp/zeal
mkdir -p "$zhome/home" "$zhome/data/Zeal/Zeal/docsets/HTTPError.docset" "$zhome/config/Zeal" "$zhome/cache"
touch "$zhome/data/Zeal/Zeal/docsets/HTTPError.docset/stale"
if XDG_DATA_HOME=$zhome/data make -s install-zeal > "$tmp/install.log" 2>&1; then ok "docset: make install-zeal"; else
	not_ok "docset: make install-zeal"; cat "$tmp/install.log"; fi
zds=$zhome/data/Zeal/Zeal/docsets/HTTPError.docset
check "docset: make install-zeal replaces an older copy" test -f "$zds/Contents/Info.plist" -a ! -e "$zds/stale"
env -u XDG_DATA_HOME HOME="$tmp/h" make -s install-zeal > /dev/null 2>&1
check "docset: make install-zeal defaults to ~/.local/share" test -f "$tmp/h/.local/share/Zeal/Zeal/docsets/HTTPError.docset/Contents/Info.plist"

if ! command -v zeal > /dev/null || ! command -v xvfb-run > /dev/null || ! command -v import > /dev/null; then
	not_ok "docset: zeal, xvfb-run or ImageMagick is not installed (make deps)"
	echo "docset: $npass passed, $nfail failed"
	exit 1
fi
# No update check: the test must not reach for the network.
printf '[General]\ncheck_for_update=false\nshow_systray_icon=false\n' > "$zhome/config/Zeal/Zeal.conf"
# A docset without Documents/ next to ours shows that a load error is seen.
zdir=$zhome/data/Zeal/Zeal/docsets
cp -R "$zds" "$zdir/Broken.docset"
rm -r "$zdir/Broken.docset/Contents/Resources/Documents"
sed 's|<string>HTTPError</string>|<string>Broken</string>|' "$zds/Contents/Info.plist" > "$zdir/Broken.docset/Contents/Info.plist"
mkdir -p "$TOP/build/screenshots" "$zhome/run" "$zhome/tmp"
chmod 700 "$zhome/run"
shot=$TOP/build/screenshots/zeal-404.png
rm -f "$shot"
# Wait (30 s at most each) for Zeal's own index in docSet.dsidx, then for the
# window to show the page the search opened; then photograph the screen.
cat > "$tmp/zeal.sh" <<EOF
zeal 'http:404' > "$zhome/zeal.log" 2>&1 &
pid=\$!
i=0
while [ \$i -lt 30 ] && ! sqlite3 "$zds/Contents/Resources/docSet.dsidx" \
	"SELECT name FROM sqlite_master WHERE name = '__zi_name0001'" 2>/dev/null | grep -q .; do
	sleep 1
	i=\$((i + 1))
done
i=0
while [ \$i -lt 30 ] && ! xwininfo -root -tree 2>/dev/null | grep -q '"404 Not Found: HTTPError - Zeal"'; do
	sleep 1
	i=\$((i + 1))
done
sleep 2
xwininfo -root -tree > "$zhome/windows.txt" 2>&1
import -window root "$shot"
kill \$pid
wait \$pid
EOF
# Everything Zeal keeps in scratch directories: TMPDIR too, where its
# single-instance socket lives, so a Zeal already running elsewhere is not
# asked instead.  Its web view refuses to run as root with Chromium's
# sandbox on.
HOME=$zhome/home XDG_DATA_HOME=$zhome/data XDG_CONFIG_HOME=$zhome/config \
	XDG_CACHE_HOME=$zhome/cache XDG_RUNTIME_DIR=$zhome/run TMPDIR=$zhome/tmp \
	QT_QPA_PLATFORM=xcb QTWEBENGINE_DISABLE_SANDBOX=1 \
	timeout 150 xvfb-run -a -s '-screen 0 900x600x24' sh "$tmp/zeal.sh" > "$tmp/xvfb.log" 2>&1
check "docset: Zeal mounted the docset" grep -q "Mounted '$zds/Contents/Resources/Documents' to '/httperror'" "$zhome/zeal.log"
grep -i -E 'docset|registry|zeal\.' "$zhome/zeal.log" | grep -i -E 'could not|cannot|invalid|fail' > "$tmp/zeal.err"
check "docset: Zeal reports a broken docset (so the next check can fail)" \
	grep -q "Could not load docset from '$zdir/Broken.docset'" "$tmp/zeal.err"
if grep -v "/Broken.docset'" "$tmp/zeal.err" | grep -q .; then
	not_ok "docset: Zeal reported a load error"; cat "$zhome/zeal.log"
else
	ok "docset: Zeal reported no load error for HTTPError.docset"
fi
check "docset: Zeal added its index __zi_name0001 to docSet.dsidx" test \
	"$(sqlite3 "$zds/Contents/Resources/docSet.dsidx" "SELECT count(*) FROM sqlite_master WHERE name = '__zi_name0001'")" = 1
check "docset: Zeal opened '404 Not Found' for the search http:404" grep -q '"404 Not Found: HTTPError - Zeal"' "$zhome/windows.txt"
check "docset: screenshot build/screenshots/zeal-404.png" test "$(png_size "$shot")" = "900 600"
echo "docset: $npass passed, $nfail failed"
[ "$nfail" -eq 0 ]

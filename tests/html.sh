#!/bin/sh
# html.sh: the single-file offline page, html/httperror.html, built from the
# real registry and from the hostile fixture (and, for its ids alone, from
# tests/fixtures/anchors, where a slug is the text of a section id):
#   - static checks: no style or on* attributes, nothing that
#     loads (only <a href> links to https:// or #id), a CSP that hashes the
#     one inline <style> and <script>, which are exactly xsl/palette.css +
#     xsl/html.css and xsl/html.js (so no registry data inside them);
#   - the Nu HTML Checker and html-validate (with .htmlvalidate.json);
#   - the browser suite tests/html/*.test.mjs (node:test, playwright-core and
#     Debian's chromium, axe-core), with no network at all when `unshare -n`
#     works; each of its tests is one PASS/FAIL line here.
# Screenshots go to build/screenshots/.  Needs node_modules (npm ci), java,
# chromium, perl and openssl.  A page that failed to build is still handed to
# the browser suite (as a missing file), so that its tests fail too.
. "$(dirname "$0")/lib.sh"
make_scratch
if [ -z "$tmp" ] || [ ! -d "$tmp" ]; then
	not_ok "html: no scratch directory"; exit 1
fi
shots=$TOP/build/screenshots
real=$tmp/real/html/httperror.html
hostile=$tmp/hostile/out/html/httperror.html

cd "$TOP" || exit 1
pages=
if "$TOOL" build -s "$TOP/xsl" -o "$tmp/real" -f html,data "$TOP/xml/registry.xml" > "$tmp/real.log" 2>&1 &&
    [ -s "$real" ]; then
	ok "html: build the real registry"
	pages=$real
else
	not_ok "html: build the real registry"; cat "$tmp/real.log"
fi
fixture_registry "$tmp/hostile" "$TOP/tests/fixtures/hostile"
if (cd "$tmp/hostile" && "$TOOL" build -s "$TOP/xsl" -o out -f html xml/registry.xml) \
    > "$tmp/hostile.log" 2>&1 && [ -s "$hostile" ]; then
	ok "html: build the hostile fixture"
	pages="$pages $hostile"
else
	not_ok "html: build the hostile fixture"; cat "$tmp/hostile.log"
fi

# ===== The inline assets =====

for f in palette.css:style html.css:style html.js:script; do
	file=$TOP/xsl/${f%%:*}
	tag=${f#*:}
	if grep -qi "</$tag" "$file"; then not_ok "html: xsl/${f%%:*} contains </$tag"; else
		ok "html: xsl/${f%%:*} contains no </$tag"; fi
done
# In a <script>, "<!--" and "<script" switch the HTML parser into states where
# the element no longer ends where it seems to.
if grep -qiE '<!--|<script' "$TOP/xsl/html.js"; then not_ok "html: xsl/html.js contains <!-- or <script"
else ok "html: xsl/html.js contains neither <!-- nor <script"; fi
# Anything the stylesheet could fetch (the CSP would block it; keep it out).
if grep -qiE 'url\(|@import' "$TOP/xsl/palette.css" "$TOP/xsl/html.css"; then
	not_ok "html: xsl/palette.css or html.css loads something (url() or @import)"
else ok "html: xsl/palette.css and html.css load nothing"; fi
cat "$TOP/xsl/palette.css" "$TOP/xsl/html.css" > "$tmp/assets.css"

# ===== Static checks of a page =====

# tags FILE: one line per start tag ("TAG") and per attribute ("TAG NAME=VALUE"),
# with the text of <script> and <style> and comments left out.
tags() {
	perl -0777 -ne '
		s{<(script|style)\b([^>]*)>.*?</\1\s*>}{<$1$2>}gis;
		s{<!--.*?-->}{}gs;
		my $attr = qr{[^\s"\x27>/=]+(?:\s*=\s*(?:"[^"]*"|\x27[^\x27]*\x27|[^\s"\x27=<>`]+))?};
		while (/<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+$attr)*)\s*\/?>/g) {
			my ($t, $a) = (lc $1, $2);
			print "$t\n";
			while ($a =~ /([^\s"\x27>\/=]+)(?:\s*=\s*("[^"]*"|\x27[^\x27]*\x27|[^\s"\x27=<>`]+))?/g) {
				my ($n, $v) = (lc $1, defined $2 ? $2 : "");
				$v =~ s/^(["\x27])(.*)\1$/$2/s;
				$v =~ s/&#0*58;|&colon;/:/gi;
				print "$t $n=$v\n";
			}
		}' "$1"
}

# inline TAG FILE: the text of the one <TAG> element.
inline() {
	perl -0777 -ne 'print $1 if m{<'"$1"'\b[^>]*>(.*?)</'"$1"'\s*>}is' "$2"
}

sha256_b64() {
	openssl dgst -sha256 -binary | base64
}

static_checks() {
	label=$1
	page=$2
	t=$tmp/$label.tags
	tags "$page" > "$t"
	if [ "$(grep -c '^article id=' "$t")" -ge 2 ]; then ok "html: $label: the tag list sees the entries"; else
		not_ok "html: $label: the tag list sees no entries (tags() broken?)"; fi

	if grep -E '^[a-z0-9-]+ style=' "$t"; then not_ok "html: $label: style attributes"; else
		ok "html: $label: no style attribute"; fi
	if grep -E '^[a-z0-9-]+ on[a-z]*=' "$t"; then not_ok "html: $label: on* handler attributes"; else
		ok "html: $label: no on* handler attribute"; fi
	if grep -iE '^[a-z0-9-]+ [a-z:-]+=[[:space:]]*(javascript|vbscript|data):' "$t"; then
		not_ok "html: $label: javascript:/data: URLs"
	else
		ok "html: $label: no javascript: or data: URL"
	fi
	# Nothing that loads: no element that fetches, no src-like attribute, href
	# only on <a> and only to #id or https://.
	if grep -E '^(link|img|iframe|frame|object|embed|video|audio|source|track|picture|base|form|image|use)$|^input type=image$' "$t"; then
		not_ok "html: $label: elements that load or submit something"
	else
		ok "html: $label: no element that loads or submits"
	fi
	if grep -E '^[a-z0-9-]+ (src|srcset|poster|data|action|formaction|background|ping|manifest|xlink:href)=' "$t"; then
		not_ok "html: $label: attributes that load something"
	else
		ok "html: $label: no src, srcset, action or similar attribute"
	fi
	if grep -E '^[a-z0-9-]+ href=' "$t" | grep -vE '^a href=(#[A-Za-z0-9.-]+|https://[^[:space:]]+)$'; then
		not_ok "html: $label: hrefs other than <a href=\"#id\"> and <a href=\"https://...\">"
	else
		ok "html: $label: every href is a plain link (#id or https://)"
	fi
	if grep -iE '^meta http-equiv=refresh' "$t"; then not_ok "html: $label: meta refresh"; else
		ok "html: $label: no meta refresh"; fi

	# One <style> and one <script>, exactly the assets, hashed in the CSP.
	if [ "$(grep -cx style "$t")" = 1 ] && [ "$(grep -cx script "$t")" = 1 ]; then
		ok "html: $label: one <style> and one <script>"
	else
		not_ok "html: $label: not exactly one <style> and one <script>"
	fi
	inline style "$page" > "$tmp/$label.css"
	inline script "$page" > "$tmp/$label.js"
	check "html: $label: the <style> is xsl/palette.css and html.css, nothing else" cmp -s "$tmp/$label.css" "$tmp/assets.css"
	check "html: $label: the <script> is xsl/html.js, nothing else" cmp -s "$tmp/$label.js" "$TOP/xsl/html.js"
	csp=$(sed -n 's/^meta content=\(.*default-src.*\)$/\1/p' "$t")
	if [ "$(grep -ic "^meta http-equiv=content-security-policy$" "$t")" = 1 ] && [ -n "$csp" ]; then
		ok "html: $label: one CSP meta"
	else
		not_ok "html: $label: no CSP meta, or more than one"
	fi
	case "; $csp;" in
	*"; default-src 'none';"*) ok "html: $label: CSP default-src 'none'" ;;
	*) not_ok "html: $label: CSP lacks default-src 'none': $csp" ;;
	esac
	case "$csp" in
	*unsafe-* | *http:* | *https:* | *'*'*) not_ok "html: $label: CSP too lax: $csp" ;;
	*) ok "html: $label: CSP has no unsafe-*, scheme or wildcard source" ;;
	esac
	js_hash=$(sha256_b64 < "$tmp/$label.js")
	css_hash=$(sha256_b64 < "$tmp/$label.css")
	case "$csp" in
	*"script-src 'sha256-$js_hash'"*) ok "html: $label: CSP script-src hashes the <script>" ;;
	*) not_ok "html: $label: CSP script-src is not 'sha256-$js_hash': $csp" ;;
	esac
	case "$csp" in
	*"style-src 'sha256-$css_hash'"*) ok "html: $label: CSP style-src hashes the <style>" ;;
	*) not_ok "html: $label: CSP style-src is not 'sha256-$css_hash': $csp" ;;
	esac
}

[ -s "$real" ] && static_checks real "$real"
[ -s "$hostile" ] && static_checks hostile "$hostile"
if [ -s "$hostile" ]; then
	# The hostile markup must arrive as escaped text.
	if grep -qF '&lt;/script&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;' "$hostile"; then
		ok "html: hostile: </script><script> is escaped text"
	else
		not_ok "html: hostile: </script><script> is not there as escaped text"
	fi
fi

# ===== Section anchors =====

# A slug that is the text of another status's section id (404-visitor, beside
# 404's #404-visitor): the section takes the other form, and no id repeats.
anchors=$tmp/anchors/out/html/httperror.html
fixture_registry "$tmp/anchors" "$TOP/tests/fixtures/anchors"
if (cd "$tmp/anchors" && "$TOOL" build -s "$TOP/xsl" -o out -f html xml/registry.xml) \
    > "$tmp/anchors.log" 2>&1 && [ -s "$anchors" ]; then
	ok "html: build the anchors fixture"
	tags "$anchors" > "$tmp/anchors.tags"
	dup=$(sed -n 's/^[a-z0-9-]* id=//p' "$tmp/anchors.tags" | sort | uniq -d)
	if [ -z "$dup" ]; then ok "html: anchors: every id is unique"; else
		not_ok "html: anchors: ids used twice: $dup"; fi
	if grep -qx 'h4 id=visitor-404' "$tmp/anchors.tags" && grep -qx 'a href=#visitor-404' "$tmp/anchors.tags" &&
	    grep -qx 'article id=404-visitor' "$tmp/anchors.tags"; then
		ok "html: anchors: 404's visitor section is #visitor-404, its jump link too"
	else
		not_ok "html: anchors: no h4 id=visitor-404 with its jump link beside article id=404-visitor"
	fi
else
	not_ok "html: build the anchors fixture"; cat "$tmp/anchors.log"
fi

# ===== Validators =====

major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -lt 18 ]; then
	not_ok "html: Node.js 18 or later is needed for the browser tests (found: $(node --version 2>/dev/null || echo none))"
	echo "html: $npass passed, $nfail failed"
	exit 1
fi
if [ ! -d "$TOP/node_modules" ]; then
	not_ok "html: no node_modules (run npm ci --no-audit --no-fund, or make check)"
	echo "html: $npass passed, $nfail failed"
	exit 1
fi
if [ -n "${pages# }" ]; then
	# shellcheck disable=SC2086 # $pages: two paths without spaces (mktemp)
	if java -jar "$TOP/node_modules/vnu-jar/build/dist/vnu.jar" --errors-only $pages > "$tmp/vnu.out" 2>&1 &&
	    [ ! -s "$tmp/vnu.out" ]; then
		ok "html: Nu HTML Checker: no error"
	else
		not_ok "html: Nu HTML Checker"; head -40 "$tmp/vnu.out"
	fi
	# shellcheck disable=SC2086
	if "$TOP/node_modules/.bin/html-validate" --config "$TOP/.htmlvalidate.json" $pages > "$tmp/hv.out" 2>&1; then
		ok "html: html-validate: clean"
	else
		not_ok "html: html-validate"; head -40 "$tmp/hv.out"
	fi
fi

# ===== The browser suite =====

mkdir -p "$shots"
if unshare -n true 2>/dev/null; then offline="unshare -n"; else
	offline=; echo "html: unshare -n does not work here; the browser suite runs with the network"; fi
start=$(date +%s)
# shellcheck disable=SC2086 # $offline: empty or "unshare -n"
HTTPERROR_HTML=$real HTTPERROR_HOSTILE_HTML=$hostile HTTPERROR_SHOTS=$shots \
    HTTPERROR_DATA=$tmp/real/data/httperror.db \
    $offline node --test --test-reporter=tap "$TOP"/tests/html/*.test.mjs > "$tmp/tap" 2>&1
rc=$?
# A top-level "ok N - name" or "not ok N - name" per test; node:test writes a
# literal "#" in a name as "\#".  A SKIP or TODO is a failure: nothing here
# may be skipped.
tests=0
bad=0
while IFS= read -r line; do
	case "$line" in
	"ok "[0-9]*" - "*"# SKIP"* | "ok "[0-9]*" - "*"# TODO"*)
		tests=$((tests + 1)); bad=$((bad + 1))
		not_ok "html: browser: ${line#ok * - } (skipped)" ;;
	"ok "[0-9]*" - "*)
		tests=$((tests + 1)); t=${line#ok * - }
		ok "html: browser: $(printf '%s' "$t" | sed 's/\\#/#/g')" ;;
	"not ok "[0-9]*" - "*)
		tests=$((tests + 1)); bad=$((bad + 1)); t=${line#not ok * - }
		not_ok "html: browser: $(printf '%s' "$t" | sed 's/\\#/#/g')" ;;
	esac
done < "$tmp/tap"
if [ "$bad" -gt 0 ] || [ "$rc" -ne 0 ] || [ "$tests" -eq 0 ]; then
	# The diagnostics of the failures (YAML blocks), not the passing noise.
	grep -v -e '^# Subtest' -e '^ok ' -e '^  ---$' -e '^  \.\.\.$' -e '^  duration_ms' "$tmp/tap" | head -150
fi
if [ "$tests" -eq 0 ]; then
	not_ok "html: browser: the suite ran no test (exit $rc)"
elif [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; then
	not_ok "html: browser: node --test exited $rc with every test passing"
fi
echo "html: browser suite took $(( $(date +%s) - start )) s; screenshots in $shots"
# Where the time goes: the five slowest tests (CI must stay well inside its
# limit as the registry grows).
awk '/^(not )?ok [0-9]+ - / { name = $0; sub(/^(not )?ok [0-9]+ - /, "", name) }
	/^  duration_ms: / && name != "" { printf "%d %s\n", $2 / 1000, name; name = "" }' "$tmp/tap" |
	sort -rn | head -5 | sed 's/^\([0-9]*\) /html: slowest: \1 s: /' 
echo "html: $npass passed, $nfail failed"
[ "$nfail" -eq 0 ]

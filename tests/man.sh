#!/bin/sh
# man.sh: the man pages, checked with the real clients.
#   - byte-exact goldens of the pages for 102, 404 and 499 and of httperror(7);
#   - gzip streams that test clean and carry no time stamp;
#   - NNN.7.gz links that point at the page answering for the code;
#   - every page silent under mandoc (warning and unsupp), groff -ww,
#     man --warnings, a plain `man -l` at 80 columns, and lexgrog naming it;
#   - every page within 80 columns under groff and mandoc, code included,
#     and its text within 60;
#   - man-db after `make install DESTDIR=... PREFIX=/usr` and mandb:
#     man 404, man 102-processing, whatis 429, apropos gateway; mandoc's
#     apropos after makewhatis, one line per status.
. "$(dirname "$0")/lib.sh"
make_scratch
cd "$TOP" || exit 1
out=$tmp/out
if ! "$TOOL" build -o "$out" -f man > "$tmp/build.log" 2>&1; then
	not_ok "man: build"; cat "$tmp/build.log"
	echo "man: $npass passed, $nfail failed"; exit 1
fi
m7=$out/man/man7

for page in 102-processing 404-not-found 499-client-closed-request 000-no-response httperror; do
	gzip -dc "$m7/$page.7.gz" > "$tmp/$page.7"
	golden "man: golden $page.7" "$TOP/tests/golden/man/$page.7" "$tmp/$page.7"
done

for f in "$out"/man/man*/*.gz; do
	[ -L "$f" ] && continue
	n=$(basename "$f")
	if ! gzip -t "$f" 2>/dev/null; then not_ok "man: $n is not valid gzip"; continue; fi
	# Bytes 5-8 hold the mtime, byte 10 the OS: 0 and 3 (Unix) for reproducible builds.
	hdr=$(od -An -tu1 -j4 -N6 "$f" | tr -s ' ')
	if [ "$hdr" = " 0 0 0 0 2 3" ]; then ok "man: $n gzip header"; else
		not_ok "man: $n gzip header is '$hdr'"; fi
done

# man 404 must reach the page that answers for the code.
for pair in 404:404-not-found 102:102-processing 499:499-client-closed-request; do
	code=${pair%%:*}
	want=${pair#*:}
	target=$(readlink "$m7/$code.7.gz")
	if [ "$target" = "$want.7.gz" ]; then ok "man: $code.7.gz -> $target"; else
		not_ok "man: $code.7.gz -> '$target', expected $want.7.gz"; fi
done
if [ -e "$m7/499-token-required.7.gz" ] && gzip -dc "$m7/499-client-closed-request.7.gz" |
	grep -q 'BR 499\\-token\\-required (7)'; then
	ok "man: the 499 page names the other meaning"
else
	not_ok "man: the 499 page names the other meaning"
fi

# lint GZPAGE: the five gates of notes/manpages.md 3.3 plus a plain rendering.
lint() {
	f=$1
	n=$(basename "$f" .gz)
	sec=${n##*.}
	gzip -dc "$f" > "$tmp/lint.$sec"
	: > "$tmp/lint.err"
	mandoc -T lint -W warning,stop "$tmp/lint.$sec" >> "$tmp/lint.err" 2>&1 ||
		echo "mandoc -W warning exited $?" >> "$tmp/lint.err"
	mandoc -T lint -W unsupp "$tmp/lint.$sec" >> "$tmp/lint.err" 2>&1 ||
		echo "mandoc -W unsupp exited $?" >> "$tmp/lint.err"
	groff -t -man -ww -z "$tmp/lint.$sec" >> "$tmp/lint.err" 2>&1
	LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z \
		"$tmp/lint.$sec" > /dev/null 2>> "$tmp/lint.err"
	LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$f" > /dev/null 2>> "$tmp/lint.err"
	if [ -s "$tmp/lint.err" ]; then
		not_ok "man: lint $n"; sed 's/^/    /' "$tmp/lint.err" | head -20
	else
		ok "man: lint $n"
	fi
	names=$(lexgrog "$f" 2>&1)
	case $names in
	*": \""*" - "*) ok "man: lexgrog $n" ;;
	*) not_ok "man: lexgrog $n: $names" ;;
	esac
}
for f in "$out"/man/man*/*.gz; do
	[ -L "$f" ] || lint "$f"
done

# The answer first (xml/README.md, "Page order"): on every status page, the
# first 40 lines at 80 columns hold the summary and the first developer fix.
# Compared as words, since the pager wraps lines where it likes.
words() {
	tr -s ' \n\t' '   ' | sed 's/^ *//; s/ *$//'
}
for x in xml/codes/*.xml; do
	slug=$(basename "$x" .xml)
	shown=$(MANWIDTH=80 MANPAGER=cat man -l "$m7/$slug.7.gz" 2> /dev/null | head -n 40 | words)
	tldr=$(xmllint --nonet --xpath 'string(/status/about/tldr)' "$x" | words | cut -c1-60)
	# The fix's words up to its first cross-reference (an empty <sref/> in
	# the registry, "202 Accepted" on the page).
	fix=$(xmllint --nonet --xpath '(/status/about/developer//li | /status/about/developer/p)[1]' "$x" |
		tr '\n' ' ' | sed 's/<sref[^>]*>.*//; s/<[^>]*>//g; s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&amp;/\&/g' |
		words | cut -c1-60)
	case $shown in
	*"$tldr"*"$fix"*) ok "man: $slug: summary and first developer fix in the first 40 lines" ;;
	*) not_ok "man: $slug: the first 40 lines lack the summary or the first developer fix"
	   echo "    summary: $tldr"; echo "    fix: $fix" ;;
	esac
done

# Facts as a compact block (xml/README.md, "Page order"): the class, the
# registry state and the specification first, then labelled lines with no
# blank line between them and each value beside its label (no label alone on
# a line), in at most 24 lines at 80 columns (the old list took 30 to 40).
for x in xml/codes/*.xml; do
	slug=$(basename "$x" .xml)
	MANWIDTH=80 MANPAGER=cat man -l "$m7/$slug.7.gz" 2> /dev/null |
		awk '/^FACTS$/ { on = 1; next } on && /^[^ ]/ { exit } on' |
		sed -e ':a' -e '/^\n*$/{$d;N;ba' -e '}' > "$tmp/facts"
	n=$(wc -l < "$tmp/facts")
	if ! head -n 1 "$tmp/facts" | grep -qE '^ {7}[1-5]xx '; then
		not_ok "man: $slug: FACTS does not start with the class line"
	elif grep -q '^$' "$tmp/facts" || [ "$n" -gt 24 ] ||
	    grep -qE '^ {7}(Known as|Fault|Content|Caching|Retry|Browsers|In code|[A-Z][a-z]+( [a-z]+)*) *$' "$tmp/facts"; then
		not_ok "man: $slug: FACTS is not a compact block ($n lines)"; sed 's/^/    /' "$tmp/facts"
	else
		ok "man: $slug: FACTS is a compact block ($n lines)"
	fi
done

# SYNOPSIS says how a status reaches the client: a status line for an IETF
# code; for a vendor code never one (the vendor's reason phrase may differ),
# but the code and, where the client receives another status (<sent-as>),
# that status.
bad=
for x in xml/codes/*.xml; do
	slug=$(basename "$x" .xml)
	syn=$(MANWIDTH=300 MANPAGER=cat man -l "$m7/$slug.7.gz" 2> /dev/null |
		awk '/^SYNOPSIS$/ { on = 1; next } on && /^[^ ]/ { exit } on' | words)
	kind=$(xmllint --nonet --xpath 'string(/status/facts/origin/@kind)' "$x")
	as=$(xmllint --nonet --xpath 'string(/status/facts/sent-as)' "$x")
	code=${slug%%-*}
	case $kind:$as:$syn in
	ietf::"HTTP/1.1 $code "*) ;;
	vendor::"$code "*) case $syn in *HTTP/1.1*) bad="$bad $slug" ;; esac ;;
	vendor:*:"$code "*"the client receives $as "*) ;;
	draft::"$code "*"never in the IANA registry"*) case $syn in *HTTP/1.1*) bad="$bad $slug" ;; esac ;;
	folklore::"$code "*"Found only in "*) case $syn in *HTTP/1.1*) bad="$bad $slug" ;; esac ;;
	*) bad="$bad $slug" ;;
	esac
done
check "man: SYNOPSIS: a status line for IETF codes, the code and how it is sent for vendor ones${bad:+ (not:$bad)}" test -z "$bad"

# The header line at 60 and 80 columns: the title twice and the section
# title between, nothing run together (issue 11: a long .TH title garbled it).
bad=
for f in "$m7"/*.7.gz; do
	[ -L "$f" ] && continue
	for w in 60 80; do
		head=$(MANWIDTH=$w MANPAGER=cat man -l "$f" 2> /dev/null | head -n 1)
		t=${head%%(7)*}
		case $head in
		"$t(7) "*" HTTP Status Codes "*" $t(7)") [ "${#head}" -le "$w" ] || bad="$bad [$w: $head]" ;;
		*) bad="$bad [$w: $head]" ;;
		esac
	done
done
if [ -z "$bad" ]; then ok "man: every page's header fits 60 and 80 columns"; else
	not_ok "man: garbled headers:$bad"; fi

# Line width (issue 11), every page, in both formatters: groff through man-db
# (`man -l`) and mandoc.  render ENGINE WIDTH PAGE.7 prints the page as the
# reader sees it; show does the same with each unbreakable space (\h'1n', the
# spaces of inline code) drawn as a middle dot, which takes the same column, so
# a line that is one unbreakable unit can be told from one the formatter could
# have broken.
show() {
	sed "s/\\\\h'1n'/\\\\[u00B7]/g" "$3" > "$tmp/show.7"
	render "$1" "$2" "$tmp/show.7"
}
render() {
	case $1 in
	groff) MANWIDTH=$2 MANPAGER=cat man -l "$3" 2> /dev/null ;;
	mandoc) mandoc -T utf8 -O width="$2" "$3" | col -b ;;
	esac
}
# too_wide WIDTH UNIT: the lines of stdin wider than WIDTH columns, except one
# that holds a single unit with no space in it (after the indent and a
# bullet) of at least UNIT columns: a URL or a piece of inline code longer
# than the room, which the page keeps whole on purpose so that it can be
# copied.  At 80 columns only a unit wider than 80 may run past (a URL that
# fits is moved into the indent: man.xsl); at 60, any single unit.
too_wide() {
	grep ".\{$(($1 + 1))\}" | grep -v "^ *\(• \)\{0,1\}[^ ]\{$2,\}\$"
}
# At 80 columns nothing is wider, code included: examples are written to 73
# columns (xml/README.md, "Code that fits").  At 60 columns the header must
# still be intact (above) and the text must fit, but code blocks (.EX/.EE) are
# left out: code is written for 80-column terminals, and wrapping every
# example to 53 columns would make it unidiomatic, so there it may run past.
for w in 80 60; do
	wide=
	for f in "$out"/man/man*/*.gz; do
		[ -L "$f" ] && continue
		n=$(basename "$f" .gz)
		if [ "$w" = 60 ]; then gzip -dc "$f" | sed '/^\.EX$/,/^\.EE$/d'
		else gzip -dc "$f"; fi > "$tmp/width.7"
		for e in groff mandoc; do
			if [ "$w" = 80 ]; then unit=81; else unit=1; fi
			show "$e" "$w" "$tmp/width.7" | too_wide "$w" "$unit" > "$tmp/wide"
			[ -s "$tmp/wide" ] && wide="$wide $n($e: $(wc -l < "$tmp/wide"))" &&
				sed "s/^/    $n $e: /" "$tmp/wide" | head -3
		done
	done
	if [ "$w" = 80 ]; then what="no line"; else what="no line of text"; fi
	if [ -z "$wide" ]; then ok "man: $what over $w columns, groff and mandoc, every page"
	else not_ok "man: lines over $w columns:$wide"; fi
done

# Inline commands and URLs are never broken: at 80 and at 60 columns the 502
# page shows each of these on one line, in both formatters, with plain ASCII
# spaces (a command copied with a no-break space in it does not run).
gzip -dc "$m7/502-bad-gateway.7.gz" > "$tmp/502.7"
for e in groff mandoc; do
	for w in 80 60; do
		render "$e" "$w" "$tmp/502.7" > "$tmp/502.txt"
		for want in 'ss -ltnp' 'curl -sv http://127.0.0.1:8000/' \
			'proxy_pass http://localhost' \
			'https://www.iana.org/assignments/http-status-codes/http-status-codes.xhtml'; do
			grep -qF "$want" "$tmp/502.txt" || missing502="$missing502 [$e $w: $want]"
		done
	done
done
check "man: inline commands and URLs unbroken at 80 and 60 columns${missing502:+:$missing502}" \
	test -z "$missing502"

# The real man-db, on an installed tree.
root=$tmp/root
if make -s install DESTDIR="$root" PREFIX=/usr > "$tmp/install.log" 2>&1; then
	ok "man: make install DESTDIR"
else
	not_ok "man: make install DESTDIR"; cat "$tmp/install.log"
fi
md=$root/usr/share/man
check "man: installed 404.7.gz is a relative link" test "$(readlink "$md/man7/404.7.gz")" = 404-not-found.7.gz
check "man: installed httperror.1.gz" test -f "$md/man1/httperror.1.gz"
mandb -q -c "$md" > "$tmp/mandb.log" 2>&1 || { not_ok "man: mandb"; cat "$tmp/mandb.log"; }
export MANPAGER=cat MANWIDTH=100 LC_ALL=C.UTF-8
man -M "$md" 404 2>&1 | grep -q '404-not-found, 404 - HTTP status 404 Not Found' &&
	ok "man: man -M 404" || not_ok "man: man -M 404"
man -M "$md" 102-processing 2>&1 | grep -q 'HTTP status 102 Processing' &&
	ok "man: man -M 102-processing" || not_ok "man: man -M 102-processing"
# Numbers that are not statuses (xml/numbers/): man NUMBER, and man of each
# other number that leads there (man 0), opens the number's page, whatis finds
# it by the number, and its SYNOPSIS names it and never shows a status line.
bad=
nnum=0
for x in xml/numbers/*.xml; do
	[ -e "$x" ] || continue
	nnum=$((nnum + 1))
	slug=$(basename "$x" .xml)
	num=$(xmllint --nonet --xpath 'string(/number/@number)' "$x")
	for n in "$num" $(xmllint --nonet --xpath '/number/facts/also/text()' "$x" 2> /dev/null); do
		case $(man -M "$md" -w "$n" 2> /dev/null) in
		*/man7/"$slug".7.gz) ;;
		*) bad="$bad man:$n" ;;
		esac
		whatis -M "$md" "$n" 2> /dev/null | grep -q "^$n (7) *- $num " ||
			bad="$bad whatis:$n"
	done
	syn=$(MANWIDTH=300 man -M "$md" "$slug" 2> /dev/null |
		awk '/^SYNOPSIS$/ { on = 1; next } on && /^[^ ]/ { exit } on' | words)
	case $syn in
	*HTTP/1.1*) bad="$bad synopsis:$slug" ;;
	"$num "*) ;;
	*) bad="$bad synopsis:$slug" ;;
	esac
done
check "man: man NUMBER, whatis NUMBER and the SYNOPSIS of every number ($nnum)${bad:+ (not:$bad)}" \
	test -z "$bad" -a "$nnum" -gt 0
whatis -M "$md" 429 > "$tmp/whatis" 2>&1
grep -q '^429 (7) *- HTTP status 429 Too Many Requests' "$tmp/whatis" &&
	ok "man: whatis 429" || { not_ok "man: whatis 429"; cat "$tmp/whatis"; }
apropos -M "$md" gateway > "$tmp/apropos" 2>&1
grep -q '^502' "$tmp/apropos" &&
	ok "man: apropos gateway lists 502" || { not_ok "man: apropos gateway"; cat "$tmp/apropos"; }
# Found by symptom (issue 11): the keywords are on the NAME line, and each
# class has a page of its own.
apropos -M "$md" rate > "$tmp/apropos" 2>&1
grep -q '^429 ' "$tmp/apropos" &&
	ok "man: apropos rate lists 429" || { not_ok "man: apropos rate"; cat "$tmp/apropos"; }
apropos -M "$md" 5xx > "$tmp/apropos" 2>&1
check "man: apropos 5xx lists 500, 502 and 503 and the 5xx page" sh -c \
	'grep -q "^500 " "$1" && grep -q "^502 " "$1" && grep -q "^503 " "$1" && grep -q "^5xx " "$1"' - "$tmp/apropos"
# One line per status in mandoc's apropos: its index keeps a page's names and
# the links to it together.  (man-db's lists each status twice, once for the
# page and once for the NNN.7.gz link, and cannot be told otherwise: a page
# and its link are two files to mandb, and without the link `man 404` only
# works once an index exists, and never on macOS.  See issue 11.)
# makewhatis is in /usr/sbin, which a user's PATH on Debian lacks.
makewhatis=$(PATH="$PATH:/usr/sbin:/sbin" command -v makewhatis)
if [ -n "$makewhatis" ] && "$makewhatis" "$md" > "$tmp/makewhatis.log" 2>&1; then
	mapropos -M "$md" 'HTTP status' > "$tmp/mapropos" 2>&1
	n=$(grep -c '^[0-9]' "$tmp/mapropos")
	# and each number: its NAME line says "not an HTTP status".
	want=$(ls xml/codes/*.xml xml/numbers/*.xml 2> /dev/null | wc -l)
	check "man: mandoc's apropos lists each of the $want statuses and numbers once (got $n lines)" \
		test "$n" -eq "$want"
else
	not_ok "man: makewhatis${makewhatis:- not found (make deps installs mandoc)}"; cat "$tmp/makewhatis.log" 2> /dev/null
fi
man -M "$md" 5xx 2>&1 | grep -q '502-bad-gateway(7)' &&
	ok "man: man 5xx lists the 5xx statuses" || not_ok "man: man 5xx"
# Every status, as a reader asks for it on the installed tree: man CODE and
# man SLUG show its page (the code's primary meaning for man CODE), as its
# NAME line says.  (At 300 columns, so that the NAME line is not wrapped
# and man-db saves no cat page beside the installed tree, which it does
# only at 80 and which make uninstall would then leave behind.)
bad=
for x in xml/codes/*.xml; do
	slug=$(basename "$x" .xml)
	code=${slug%%-*}
	name="- HTTP status $code $(xmllint --nonet --xpath 'string(/status/facts/phrase)' "$x") ("
	MANWIDTH=300 man -M "$md" 7 "$slug" 2> /dev/null | grep -qF -- "$name" || bad="$bad $slug"
	[ "$(xmllint --nonet --xpath 'string(/status/@primary)' "$x")" = false ] && continue
	MANWIDTH=300 man -M "$md" 7 "$code" 2> /dev/null | grep -qF -- "$name" || bad="$bad $code"
done
check "man: man CODE and man SLUG reach every status${bad:+ (not:$bad)}" test -z "$bad"
man -M "$md" 1 httperror 2>&1 | grep -q 'EXIT STATUS' &&
	ok "man: man 1 httperror" || not_ok "man: man 1 httperror"
# httperror(7) names where this install put every output, and they are there.
man -M "$md" 7 httperror > "$tmp/overview" 2>&1
for p in /usr/share/man/man7/NNN-slug.7.gz /usr/share/info/httperror.info.gz \
	/usr/share/doc/httperror/httperror.html /usr/share/httperror/HTTPError.docset; do
	grep -q "^ *$p\$" "$tmp/overview" || missing="$missing $p"
done
check "man: httperror(7) FILES names the PREFIX=/usr paths${missing:+ (missing:$missing)}" test -z "$missing"
check "man: make install puts the HTML page in docdir" test -s "$root/usr/share/doc/httperror/httperror.html"
check "man: make install puts the docset in datadir" \
	test -s "$root/usr/share/httperror/HTTPError.docset/Contents/Resources/docSet.dsidx"
if make -s uninstall DESTDIR="$root" PREFIX=/usr > "$tmp/uninstall.log" 2>&1 &&
	[ -z "$(find "$md" -name '*.gz')" ] && [ ! -e "$root/usr/share/doc/httperror" ] &&
	[ ! -e "$root/usr/share/httperror" ]; then
	ok "man: make uninstall removes every page and link, the HTML page and the docset"
else
	not_ok "man: make uninstall"; find "$md" -name '*.gz' | head
fi
echo "man: $npass passed, $nfail failed"
[ "$nfail" -eq 0 ]

#!/bin/sh
# hostile.sh: registry text that looks like roff (requests at the start of a
# line, backslash escapes) or Info (cross-references, menus) or is not ASCII
# must reach the reader exactly as written, on a status page and on the
# overview httperror(7), and every page must still pass every lint gate; the
# Info manual must have no menu or cross-reference but its own.
. "$(dirname "$0")/lib.sh"

# No menu and no cross-reference in manual.info but the tool's own.  The
# fixture puts "*note" split by a comment, in pre and wire blocks, in an
# index entry, a menu description and a class name, and a paragraph whose
# wrapping brings "* Menu:" and then "* Index::" to the start of a line.
info_inert() {
	# The index cookie holds NUL bytes, which awk need not cope with.
	LC_ALL=C tr -d '\000' < manual.info > plain.info
	sed -n 's/^File: httperror\.info,  Node: \([^,]*\),.*/\1/p' plain.info > nodes.txt

	# Readers start a menu at a line "* Menu:" (Emacs in any case), and in a
	# menu every line starting "* " is an entry.  The tool writes a menu in
	# Top and in the Index, whose entries name nodes of this manual, and one
	# in each status node, "* LABEL: TARGET.", each TARGET a node or an
	# anchor (a Ref: of the Tag Table).
	sed -n 's/^Ref: \(.*\)\x7f[0-9]*$/\1/p' plain.info > anchors.txt
	LC_ALL=C awk 'FILENAME == "nodes.txt" { known[$0] = 1; next }
	FILENAME == "anchors.txt" { anchor[$0] = 1; next }
	/^File: httperror\.info,  Node: / {
		node = $0; sub(/^File: httperror\.info,  Node: /, "", node); sub(/,.*/, "", node)
		inmenu = 0
	}
	/^\037$/ { node = "" }
	# A status node menu ends at the first line of text after it.
	inmenu && /[^ ]/ && !/^\* / { inmenu = 0 }
	!/^\* / || node == "" { next }
	tolower($0) ~ /^\* menu:/ {
		if ($0 == "* Menu:" && !seen[node]++) { inmenu = 1; next }
		print node ": " $0; next
	}
	node == "Top" { t = $0; sub(/^\* /, "", t); if (sub(/::.*/, "", t) && t in known) next }
	node == "Index" { t = $0; sub(/^\* [^:]*: +/, "", t); if (sub(/\.  \(line 3\)$/, "", t) && t in known) next }
	node != "Top" && node != "Index" && inmenu && /^\* [A-Za-z]+: .*\.$/ {
		t = $0; sub(/^\* [A-Za-z]+: /, "", t); sub(/\.$/, "", t)
		if (t in known || t in anchor) next
	}
	{ print node ": " $0 }' nodes.txt anchors.txt plain.info > stray-menu.txt
	if [ -s stray-menu.txt ]; then
		not_ok "hostile: info: a menu or menu entry came from registry text"; sed 's/^/    /' stray-menu.txt
	else
		ok "hostile: info: the only menus and menu entries are the tool's"
	fi

	# A cross-reference is "*note" in any case, then white space (a newline
	# too) and a label up to a colon that may be on the next line.  Each one
	# must be the tool's own "*note NODE::" naming a node of this manual.  A
	# "*" that ends a line before "note" is reported too, though no reader
	# takes it for one.
	LC_ALL=C awk 'NR == FNR { known[$0] = 1; next }
	{
		node = $0; sub(/^\n/, "", node)
		name = node; sub(/^File: httperror\.info,  Node: /, "", name); sub(/,.*/, "", name)
		rest = node
		while (match(tolower(rest), /\*\n?note/)) {
			len = RLENGTH
			after = substr(rest, RSTART + len)
			what = substr(rest, RSTART, len + 40)
			rest = after
			label = after
			if (sub(/::.*/, "", label) && label ~ /^[ \n]/ && label !~ /\n.*\n/) {
				gsub(/[ \n]+/, " ", label); sub(/^ /, "", label)
				if (len == 5 && label in known) continue
			}
			gsub(/\n/, "\\n", what)
			print name ": " what
		}
	}' nodes.txt RS="$(printf '\037')" plain.info > stray-note.txt
	if [ -s stray-note.txt ]; then
		not_ok "hostile: info: a *note came from registry text"; sed 's/^/    /' stray-note.txt
	else
		ok "hostile: info: the only *note cross-references are the tool's"
	fi

	# The real reader: --subnodes follows every menu entry it finds, so with
	# the tool's own menu of each status node blanked out (spaces for every
	# byte, so the Tag Table still holds), the 404 node must come out alone.
	if command -v info > /dev/null 2>&1; then
		LC_ALL=C perl -pe 'if (/^File: httperror\.info,  Node: ([^,]*),/) {
			$status = $1 ne "Top" && $1 ne "Index"; $state = 0 }
		if ($status && $state == 0 && $_ eq "* Menu:\n") { $state = 1 }
		elsif ($status && $state == 1 && /\S/ && !/^\* /) { $state = 2 }
		s/[^\n]/ /g if $state == 1' manual.info > nomenus.info
		info -f ./nomenus.info -n '404 Not Found' --subnodes -o - \
		    > subnodes.txt 2>&1
		n=$(LC_ALL=C grep -ac '^File: httperror.info,  Node: ' subnodes.txt)
		check "hostile: info --subnodes finds no menu in the 404 node ($n nodes)" test "$n" -eq 1
	fi
}

# lint_gates PAGE: the gates of notes/manpages.md 3.3 on an uncompressed page;
# what they say goes to lint.err, which stays empty on a clean page.
lint_gates() {
	: > lint.err
	mandoc -T lint -W warning,stop "$1" >> lint.err 2>&1
	mandoc -T lint -W unsupp "$1" >> lint.err 2>&1
	groff -t -man -ww -z "$1" >> lint.err 2>&1
	MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$1" > /dev/null 2>> lint.err
}

make_scratch
fixture_registry "$tmp" "$TOP/tests/fixtures/hostile"
cd "$tmp" || exit 1
if ! "$TOOL" build -s "$TOP/xsl" -o out -f man > build.log 2>&1; then
	not_ok "hostile: build"; cat build.log
	echo "hostile: $npass passed, $nfail failed"; exit 1
fi
ok "hostile: build"
page=out/man/man7/404-not-found.7.gz

MANWIDTH=400 man -l "$page" > rendered.txt 2> rendered.err
check "hostile: man renders without a warning" test ! -s rendered.err

# Each line below must appear verbatim in what man shows.
while IFS= read -r want; do
	[ -z "$want" ] && continue
	if grep -qF -- "$want" rendered.txt; then ok "hostile: shows '$want'"; else
		not_ok "hostile: does not show '$want'"; fi
done <<'WANT'
.TH OWNED 1 and 'quoted at the start
.htaccess files are read first. 'tick at the start of a line.
A path C:\path\to\file and a literal \- dash and \fB not bold \fR and \n and \e.
Unicode: café — “quoted” ‘single’ naïve € →.
</script><script>window.__pwned=1</script> and "><img src=x onerror="window.__pwned=2"> and </style></textarea>
.nf
'br
...
\\server\share
  .indented dot
    tab then text
Do not repeat the same request. .so /etc/passwd
.B bold request in a list
Use .htaccess and '\'' and X-Quote.
In the .so /etc/passwd \fB log:
.TH LOGGED 1 \fB not bold *Note (coreutils)x:: </code><script>window.__pwned=4</script>
'tick log \V[HOME] * Menu:
Python .so /etc/passwd \fB \V[HOME] 'tick, Node.js http.STATUS_CODES[404] = ""><img src=x onerror="window.__pwned=3">", Rack/Rails *Note (coreutils)name in code
WANT

# The roff itself is pure ASCII, and no registry line became a request.
gzip -dc "$page" > page.7
if LC_ALL=C grep -q '[^ -~]' page.7; then not_ok "hostile: page is pure ASCII"; else
	ok "hostile: page is pure ASCII"; fi
# (The page's own .nf comes only before a URL, a line starting \%, which no
# registry text can begin: its backslash would be written \e.)
if grep -qE '^\.(TH OWNED|so|htaccess|B bold)' page.7 || grep -q "^'" page.7 ||
	awk 'nf && !/^\\%/ { bad = 1 } { nf = $0 == ".nf" } END { exit !(bad || nf) }' page.7; then
	not_ok "hostile: registry text became a roff request"
else
	ok "hostile: no registry text became a roff request"
fi
lint_gates page.7
if [ -s lint.err ]; then not_ok "hostile: lint gates"; cat lint.err; else ok "hostile: lint gates"; fi

# The overview page httperror(7) and the vendor status 420: class names (which
# the overview upper-cases into its .SH headers), class summaries, a phrase, a
# vendor name and a summary all carry live roff escapes.  Each must show as
# written, upper-cased in the headers, under both groff (through man-db) and
# mandoc.  HOME is set to a marker so an interpolated \V[HOME] would show.
# XSLT's translate() upper-cases only the ASCII letters it is given, so the
# header keeps the é of "café" (escaped first, it became a broken \[U00E9]).
home=/httperror-hostile-HOME-leaked
for p in httperror 404-not-found 420-roff-e-v-home-x-tty-link-x-r-em-fb-dot-tick 1020-roff-e-v-home-dot-tick; do
	gz=out/man/man7/$p.7.gz
	gzip -dc "$gz" > "$p.7"
	HOME=$home MANWIDTH=400 man -l "$gz" > "$p.man.txt" 2> "$p.man.err"
	HOME=$home mandoc -Tutf8 -W warning -O width=400 "$gz" 2> "$p.mandoc.err" | col -bx > "$p.mandoc.txt"
	for r in man mandoc; do
		if [ -s "$p.$r.err" ]; then
			not_ok "hostile: $r renders $p.7 with a warning"; head -5 "$p.$r.err"
		else
			ok "hostile: $r renders $p.7 without a warning"
		fi
	done
	# Only groff interpolates \V; mandoc drops it, so its output cannot tell.
	if grep -qF -- "$home" "$p.man.txt"; then
		not_ok "hostile: man shows the value of HOME in $p.7"
	else
		ok "hostile: man does not show the value of HOME in $p.7"
	fi
	lint_gates "$p.7"
	if [ -s lint.err ]; then not_ok "hostile: lint gates on $p.7"; head -20 lint.err; else
		ok "hostile: lint gates on $p.7"; fi
done

# shows PAGE: each line on stdin appears verbatim in both renderings of PAGE.
shows() {
	while IFS= read -r want; do
		for r in man mandoc; do
			if grep -qF -- "$want" "$1.$r.txt"; then ok "hostile: $r $1.7 shows '$want'"; else
				not_ok "hostile: $r $1.7 does not show '$want'"; fi
		done
	done
}
shows httperror <<'WANT'
1XX INFORMATIONAL \E AND \V[HOME]
Interim \e \V[HOME].
2XX .SUCCESSFUL \X'TTY: LINK X'
.It worked \X'tty: link x'.
3XX 'REDIRECTION \*[R] AND \(EM
'Look elsewhere \*[R] \(em.
4XX CLIENT ERROR \E \V[HOME] \X'TTY: LINK X' \*[R] \(EM \FB .DOT 'TICK
'Change the request: \e \V[HOME] \X'tty: link x' \*[R] \(em \fB .dot and \fI code and \*[R] em.
420 Roff \e \V[HOME] \X'tty: link x' \*[R] \(em \fB .dot 'tick (.Vendor \e \V[HOME] \X'tty: link x' \*[R] \(em \fB 'tick) - 'Tick \e \V[HOME] \X'tty: link x' \*[R] \(em \fB .dot at the start
5XX SERVER ERROR \FB BOLD \FR AND CAFé
.The server failed \fB bold \fR.
WANT
# Keywords are on the NAME line, as written.
shows 404-not-found <<'WANT'
.so /etc/passwd, *note Top:: keyword, \fB bold \e x, <script>x
WANT
shows 420-roff-e-v-home-x-tty-link-x-r-em-fb-dot-tick <<'WANT'
HTTP status 420 Roff \e \V[HOME] \X'tty: link x' \*[R] \(em \fB .dot 'tick (.Vendor \e \V[HOME] \X'tty: link x' \*[R] \(em \fB 'tick, unofficial 4xx client error \e \v[home] \x'tty: link x' \*[r] \(em \fb .dot 'tick): fixture, test entry
420 Roff \e \V[HOME] \X'tty: link x' \*[R] \(em \fB .dot 'tick
.Vendor \e \V[HOME] \X'tty: link x' \*[R] \(em \fB 'tick's code, not in the IANA registry.
4xx Client Error \e \V[HOME] \X'tty: link x' \*[R] \(em \fB .dot 'tick
WANT

# A number that is not a status (xml/numbers/): its phrase, origin, alias,
# log line and what-you-see block, as written.
shows 1020-roff-e-v-home-dot-tick <<'WANT'
1020-roff-e-v-home-dot-tick, 1020 - 1020 Roff \e \V[HOME] .dot 'tick (.Origin \fB \V[HOME] 'tick, not an HTTP status): .so /etc/passwd number, number entry
.Origin \fB \V[HOME] 'tick's error number, on an error page sent as 404 Not Found.
'Number \e \V[HOME] \X'tty: link x' at the start * Menu:
Known as  *note (coreutils)alias:: ; </script><script>window.__pwned=5</script>
.TH SEEN 1
'br seen
</code></pre><script>window.__pwned=6</script>
WANT

# The same text in the Info manual: no stray cross-reference, no broken node.
if "$TOOL" build -s "$TOP/xsl" -o out -f info > build-info.log 2>&1; then
	info -f out/info/httperror.info.gz -n '404 Not Found' -o - > node.txt 2>&1
	check "hostile: info shows '*Note' text defused" grep -qF '* Note in an info node* and * Menu:' node.txt
	check "hostile: info shows the roff-looking text" grep -qF '.TH OWNED 1 and' node.txt
	check "hostile: info shows the names in code as written" \
		grep -qF "In code: Python .so /etc/passwd \\fB \\V[HOME] 'tick, Node.js" node.txt
	check "hostile: info shows the log lines as written" \
		grep -qF '.TH LOGGED 1 \fB not bold * Note (coreutils)x:: </code><script>' node.txt
	gzip -dc out/info/httperror.info.gz > manual.info
	n=$(grep -c '^File: httperror.info,  Node: ' manual.info)
	check "hostile: info has exactly Top, 200, 404, 420, 1020 and Index ($n nodes)" test "$n" -eq 6
	info -f out/info/httperror.info.gz -n "1020 Roff \\e \\V[HOME] dot 'tick" -o - > number.txt 2>&1
	check "hostile: info shows the number's what-you-see block as written" \
		grep -qF '</code></pre><script>window.__pwned=6</script>' number.txt
	# Every separator is a line of its own: none came from registry text.
	if LC_ALL=C grep -qa "$(printf '\037')." manual.info; then
		not_ok "hostile: a node separator came from registry text"
	else
		ok "hostile: node separators only where nodes start"
	fi
	info_inert
else
	not_ok "hostile: info build"; cat build-info.log
fi
echo "hostile: $npass passed, $nfail failed"
[ "$nfail" -eq 0 ]

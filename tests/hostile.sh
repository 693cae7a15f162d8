#!/bin/sh
# hostile.sh: registry text that looks like roff (requests at the start of a
# line, backslash escapes) or is not ASCII must reach the reader exactly as
# written, and the page must still pass every lint gate.
. "$(dirname "$0")/lib.sh"
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
WANT

# The roff itself is pure ASCII, and no registry line became a request.
gzip -dc "$page" > page.7
if LC_ALL=C grep -q '[^ -~]' page.7; then not_ok "hostile: page is pure ASCII"; else
	ok "hostile: page is pure ASCII"; fi
if grep -qE '^\.(TH OWNED|so|htaccess|nf$|B bold)' page.7 || grep -q "^'" page.7; then
	not_ok "hostile: registry text became a roff request"
else
	ok "hostile: no registry text became a roff request"
fi
: > lint.err
mandoc -T lint -W warning,stop page.7 >> lint.err 2>&1
mandoc -T lint -W unsupp page.7 >> lint.err 2>&1
groff -t -man -ww -z page.7 >> lint.err 2>&1
MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z page.7 > /dev/null 2>> lint.err
if [ -s lint.err ]; then not_ok "hostile: lint gates"; cat lint.err; else ok "hostile: lint gates"; fi

# The same text in the Info manual: no stray cross-reference, no broken node.
if "$TOOL" build -s "$TOP/xsl" -o out -f info > build-info.log 2>&1; then
	info -f out/info/httperror.info.gz -n '404 Not Found' -o - > node.txt 2>&1
	check "hostile: info shows '*Note' text defused" grep -qF '* Note in an info node* and * Menu:' node.txt
	check "hostile: info shows the roff-looking text" grep -qF '.TH OWNED 1 and' node.txt
	gzip -dc out/info/httperror.info.gz > manual.info
	n=$(grep -c '^File: httperror.info,  Node: ' manual.info)
	check "hostile: info has exactly Top, 200, 404 and Index ($n nodes)" test "$n" -eq 4
	# Every separator is a line of its own: none came from registry text.
	if LC_ALL=C grep -qa "$(printf '\037')." manual.info; then
		not_ok "hostile: a node separator came from registry text"
	else
		ok "hostile: node separators only where nodes start"
	fi
else
	not_ok "hostile: info build"; cat build-info.log
fi
echo "hostile: $npass passed, $nfail failed"
[ "$nfail" -eq 0 ]

#!/bin/sh
# info.sh: the GNU Info manual, checked with the real info reader and
# install-info.
#   - goldens of the Top node and the 102 and 404 nodes, byte for byte;
#   - every Tag Table offset points at the \037 that starts that very node;
#   - info -f FILE -n '404 Not Found' prints the 404 node;
#   - installed into a scratch root: install-info adds the dir entry,
#     `info httperror 404` and `info httperror 102` land on their nodes, an index
#     search for Gateway lists 502, and install-info --delete removes the entry.
. "$(dirname "$0")/lib.sh"
make_scratch
cd "$TOP" || exit 1
if ! "$TOOL" build -o "$tmp/out" -f info > "$tmp/build.log" 2>&1; then
	not_ok "info: build"; cat "$tmp/build.log"
	echo "info: $npass passed, $nfail failed"; exit 1
fi
gz=$tmp/out/info/httperror.info.gz
gzip -dc "$gz" > "$tmp/httperror.info"
f=$tmp/httperror.info
hdr=$(od -An -tu1 -j4 -N6 "$gz" | tr -s ' ')
check "info: gzip header has no time stamp" test "$hdr" = " 0 0 0 0 2 3"

# node NAME: the raw bytes of one node, from its separator to the next.
node() {
	awk -v want="File: httperror.info,  Node: $1," \
		'BEGIN { RS = "\037" } index($0, "\n" want) == 1 { printf "\037%s", $0 }' "$f"
}
node Top > "$tmp/Top.node"
node "102 Processing" > "$tmp/102.node"
node "404 Not Found" > "$tmp/404.node"
golden "info: golden Top node" "$TOP/tests/golden/info/Top.node" "$tmp/Top.node"
golden "info: golden 102 node" "$TOP/tests/golden/info/102-processing.node" "$tmp/102.node"
golden "info: golden 404 node" "$TOP/tests/golden/info/404-not-found.node" "$tmp/404.node"

# The Tag Table: each offset is the byte of that node's \037.
sed -n '/^Tag Table:$/,/^End Tag Table$/p' "$f" | tr '\177' '\t' |
	sed -n 's/^Node: \(.*\)\t\([0-9]*\)$/\2\t\1/p' > "$tmp/tags"
ntags=$(wc -l < "$tmp/tags")
nnodes=$(grep -c "^File: httperror.info,  Node: " "$f")
check "info: one tag per node ($ntags tags, $nnodes nodes)" test "$ntags" -eq "$nnodes" -a "$ntags" -gt 3
bad=0
while IFS="$(printf '\t')" read -r off name; do
	got=$(dd if="$f" bs=1 skip="$off" count=200 2>/dev/null | head -c 200 | sed -n 2p)
	first=$(dd if="$f" bs=1 skip="$off" count=1 2>/dev/null | od -An -tu1 | tr -d ' ')
	case $got in
	"File: httperror.info,  Node: $name,"*) [ "$first" = 31 ] || bad=$((bad + 1)) ;;
	*) bad=$((bad + 1)); echo "    tag $name -> $off: '$got'" ;;
	esac
done < "$tmp/tags"
check "info: every Tag Table offset points at its node's separator" test "$bad" -eq 0

info -f "$gz" -n '404 Not Found' -o - > "$tmp/404.out" 2>&1
check "info: -n '404 Not Found' prints the 404 node" grep -q '^File: httperror.info,  Node: 404 Not Found,' "$tmp/404.out"
check "info: the 404 node has its content" grep -q 'cacheable by default' "$tmp/404.out"
check "info: the 404 node links related statuses" grep -q '\*note 405 Method Not Allowed::' "$tmp/404.out"

# The answer first (xml/README.md, "Page order"), in every status node: the
# fixes, who sent it, the causes, then the explanation and the facts.
order="Fixing it as a developer or admin|Fixing it as a visitor|Finding who sent it|Common causes|What it means|Facts|Examples"
bad=
for x in xml/codes/*.xml; do
	node="$(xmllint --nonet --xpath 'string(/status/@code)' "$x") $(xmllint --nonet --xpath 'string(/status/facts/phrase)' "$x")"
	got=$(info -f "$gz" -n "$node" -o - 2> /dev/null | grep -xE "$order" | tr '\n' '|')
	[ "$got" = "$order|" ] || bad="$bad [$node: $got]"
done
if [ -z "$bad" ]; then ok "info: every status node puts the fixes first, then who sent it, causes, meaning, facts"; else
	not_ok "info: section order:$bad"; fi

# Installed, the way a user meets it.
root=$tmp/root
make -s install DESTDIR="$root" PREFIX=/usr > "$tmp/install.log" 2>&1 ||
	{ not_ok "info: make install"; cat "$tmp/install.log"; }
infodir=$root/usr/share/info
check "info: installed httperror.info.gz" test -f "$infodir/httperror.info.gz"
install-info --info-dir="$infodir" "$infodir/httperror.info.gz" > "$tmp/ii.log" 2>&1
check "info: install-info adds the dir entry" grep -q '^\* httperror: (httperror)\.' "$infodir/dir"
INFOPATH="$infodir:" info httperror 404 -o - > "$tmp/i404" 2>&1
check "info: info httperror 404 lands on 404" grep -q '^File: httperror.info,  Node: 404 Not Found,' "$tmp/i404"
INFOPATH="$infodir:" info httperror 102 -o - > "$tmp/i102" 2>&1
check "info: info httperror 102 lands on 102" grep -q '^File: httperror.info,  Node: 102 Processing,' "$tmp/i102"
INFOPATH="$infodir:" info httperror 'Not Found' -o - > "$tmp/inf" 2>&1
check "info: info httperror 'Not Found' lands on 404" grep -q '^File: httperror.info,  Node: 404 Not Found,' "$tmp/inf"
INFOPATH="$infodir:" info --all --index-search=Gateway httperror -o - > "$tmp/igw" 2>&1
check "info: index search for Gateway lists 502" grep -q '502 Bad Gateway' "$tmp/igw"
# Found by symptom (issue 11): keywords, header names and log lines are in
# the index, and the first match is where `i WORDS` goes.
first_match() {
	INFOPATH="$infodir:" info --all --index-search="$1" httperror -o - 2> /dev/null |
		sed -n '/^\* Menu:/,$p' | grep -m 1 '^\* [^M]'
}
for q in 'rate limit:429 Too Many Requests' 'Retry-After:429 Too Many Requests' \
	'WWW-Authenticate:401 Unauthorized' 'upstream:502 Bad Gateway' \
	'Connection refused:502 Bad Gateway' 'password mismatch:401 Unauthorized' \
	'internal redirection cycle:500 Internal Server Error'; do
	case $(first_match "${q%%:*}") in
	*": "*"${q#*:}."*) ok "info: i ${q%%:*} lands on ${q#*:}" ;;
	*) not_ok "info: i ${q%%:*}: first match is '$(first_match "${q%%:*}")', not ${q#*:}" ;;
	esac
done
install-info --delete --info-dir="$infodir" "$infodir/httperror.info.gz" > "$tmp/del.log" 2>&1
if grep -q 'httperror' "$infodir/dir"; then not_ok "info: install-info --delete removes the entry"; else
	ok "info: install-info --delete removes the entry"; fi
make -s uninstall DESTDIR="$root" PREFIX=/usr > /dev/null 2>&1
check "info: make uninstall removes the manual" test ! -e "$infodir/httperror.info.gz"
echo "info: $npass passed, $nfail failed"
[ "$nfail" -eq 0 ]

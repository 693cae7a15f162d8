#!/bin/sh
# info.sh: the GNU Info manual, checked with the real info reader and
# install-info.
#   - goldens of the Top node and the 102 and 404 nodes, byte for byte;
#   - every Tag Table offset points at the \037 that starts that very node;
#   - info -f FILE -n '404 Not Found' prints the 404 node;
#   - every status node has a menu of its sections, the Next node first and
#     then one anchor per section, each a Ref: of the Tag Table on the first
#     byte of that section's heading (the checker is first run on a Tag Table
#     with one anchor moved, to show it can fail); in the real info on a
#     terminal (tmux), m Fix and others put the cursor on the heading and SPC
#     at the end of 502 goes to 503; in Emacs, Info-menu and an anchor by
#     name land on the heading;
#   - installed into a scratch root: install-info adds the dir entry,
#     `info httperror 404`, `info httperror 102` and `info httperror 502 Fix`
#     land on their nodes, an index
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
# node_of FILE: the Info node of a status file, as out_info names it: code and
# phrase, without the characters a node name cannot hold (esc_info_node), so
# 306 (Unused) is the node "306 Unused".
node_of() {
	printf '%s %s\n' "$(xmllint --nonet --xpath 'string(/status/@code)' "$1")" \
	    "$(xmllint --nonet --xpath 'string(/status/facts/phrase)' "$1")" |
	    tr -d ',:.()' | tr -s ' ' | sed 's/ $//'
}
order="Fixing it as a developer or admin|Fixing it as a visitor|Finding who sent it|Common causes|What it means|Facts|Examples"
bad=
for x in xml/codes/*.xml; do
	node=$(node_of "$x")
	got=$(info -f "$gz" -n "$node" -o - 2> /dev/null | grep -xE "$order" | tr '\n' '|')
	[ "$got" = "$order|" ] || bad="$bad [$node: $got]"
done
if [ -z "$bad" ]; then ok "info: every status node puts the fixes first, then who sent it, causes, meaning, facts"; else
	not_ok "info: section order:$bad"; fi

# A menu of its own sections in every status node (issue 11): Next first
# (so SPC at the end of the node goes on, not back to its own Fix), then one
# item per section, each an anchor (a Ref: in the Tag Table) that lies inside
# the node and whose offset is the first byte of that section's heading.
sed -n '/^Tag Table:$/,/^End Tag Table$/p' "$f" | tr '\177' '\t' |
	sed -n 's/^\(Node\|Ref\): \(.*\)\t\([0-9]*\)$/\1\t\3\t\2/p' > "$tmp/alltags"
# menu_bad: prints what is wrong with the status menus and anchors in $f.
menu_bad() {
	mb=0
	for x in xml/codes/*.xml; do
		code=$(xmllint --nonet --xpath 'string(/status/@code)' "$x")
		slug=$(xmllint --nonet --xpath 'string(/status/@slug)' "$x")
		node=$(node_of "$x")
		want="Fix:Fixing it as a developer or admin|Visitor:Fixing it as a visitor|Sender:Finding who sent it|Causes:Common causes|Meaning:What it means|Facts:Facts|"
		[ "$(xmllint --nonet --xpath 'count(/status/facts/headers)' "$x")" = 0 ] || want="${want}Headers:Headers|"
		want="${want}Examples:Examples|Standards:Standards|"
		[ "$(xmllint --nonet --xpath 'count(/status/facts/related)' "$x")" = 0 ] || want="${want}Related:See also|"
		# The node's start and end, from the Tag Table.
		start=$(awk -F'\t' -v n="$node" '$1 == "Node" && $3 == n { print $2 }' "$tmp/alltags")
		end=$(awk -F'\t' -v s="$start" '$1 == "Node" && $2 + 0 > s + 0 { print $2; exit }' "$tmp/alltags")
		nodetext=$(tail -c +$((start + 1)) "$f" | head -c $((end - start)))
		items=$(printf '%s\n' "$nodetext" | awk '/^\* Menu:$/ { m = 1; next }
			m && /^\* / { print; next } m && NF { exit }')
		next=$(printf '%s\n' "$nodetext" | sed -n 2p | sed -n 's/.*  Next: \([^,]*\),.*/\1/p')
		first=$(printf '%s\n' "$items" | head -1)
		if [ "$first" != "* Next: $next." ]; then
			echo "$node: first menu item '$first', not its Next '$next'"; mb=1
		fi
		got=
		rest=$(printf '%s\n' "$items" | sed 1d)
		while IFS= read -r item; do
			label=${item#\* }
			label=${label%%: *}
			target=${item#*: }
			target=${target%.}
			if [ "$target" != "$slug $label" ]; then
				echo "$node: item '$item' does not name the anchor '$slug $label'"; mb=1
			fi
			off=$(awk -F'\t' -v n="$target" '$1 == "Ref" && $3 == n { print $2 }' "$tmp/alltags")
			if [ -z "$off" ]; then
				echo "$node: no anchor '$target' in the Tag Table"; mb=1; continue
			fi
			if [ "$off" -le "$start" ] || [ "$off" -ge "$end" ]; then
				echo "$node: anchor '$target' at $off is outside the node ($start-$end)"; mb=1
			fi
			line=$(tail -c +$((off + 1)) "$f" | head -2 | sed -n 1p)
			under=$(tail -c +$((off + 1)) "$f" | head -2 | sed -n 2p)
			case $under in ===*) ;; *) line="$line (not a heading)" ;; esac
			got="$got$label:$line|"
		done <<-EOF
		$rest
		EOF
		if [ "$got" != "$want" ]; then
			echo "$node: menu and headings"; echo "  want $want"; echo "  got  $got"; mb=1
		fi
	done
	return $mb
}
if menu_bad > "$tmp/menu.out"; then ok "info: every status node has a menu of its sections, each on its heading"; else
	not_ok "info: status node menus"; head -20 "$tmp/menu.out"; fi
# The checker fails on a menu whose anchor is off by a line.
awk -F'\t' 'BEGIN { OFS = "\t" } $1 == "Ref" && $3 == "502-bad-gateway Causes" { $2 += 20 } { print }' \
	"$tmp/alltags" > "$tmp/alltags.bad"
mv "$tmp/alltags" "$tmp/alltags.good"
mv "$tmp/alltags.bad" "$tmp/alltags"
if menu_bad > "$tmp/menu.out"; then not_ok "info: the menu checker misses an anchor off its heading"; else
	ok "info: the menu checker finds an anchor off its heading"; fi
mv "$tmp/alltags.good" "$tmp/alltags"

# The real info reader, on a terminal (tmux): following a menu item puts the
# cursor on its heading, and SPC at the end of a node goes to the next one.
# tui NAME WANT KEYS...: run info on $gz in a fresh tmux server, send each
# KEYS argument in turn, then print the line the cursor is on and the mode
# line (which names the node), as soon as the two (joined by '|') match the
# extended regular expression WANT, or after 10 seconds.
tui() {
	# NAME names a tmux socket of its own: a new server on a socket whose
	# server is still going away dies with it.
	sock=$tmp/tmux-$1
	want=$2
	shift 2
	tmux -S "$sock" new-session -d -x 80 -y 24 \
		"env TERM=xterm INFOPATH=$tmp/none info -f '$gz' -n '502 Bad Gateway'" 2> /dev/null || return 1
	i=0
	until tmux -S "$sock" capture-pane -p | grep -q '^-----Info: .*502 Bad Gateway' || [ $i -ge 50 ]; do
		sleep 0.2; i=$((i + 1))
	done
	for k in "$@"; do
		tmux -S "$sock" send-keys "$k"
		sleep 0.2
	done
	i=0
	while :; do
		y=$(tmux -S "$sock" display -p '#{cursor_y}')
		tmux -S "$sock" capture-pane -p > "$tmp/screen"
		got="$(sed -n "$((y + 1))p" "$tmp/screen")|$(grep -m 1 '^-----Info: ' "$tmp/screen")"
		printf '%s\n' "$got" | grep -Eq "$want" && break
		[ $i -ge 50 ] && break
		sleep 0.2; i=$((i + 1))
	done
	tmux -S "$sock" kill-server 2> /dev/null
	printf '%s\n' "$got"
}
if command -v tmux > /dev/null; then
	for q in 'Fix:Fixing it as a developer or admin' 'Sender:Finding who sent it' \
		'Causes:Common causes' 'Examples:Examples' 'Related:See also' 'Visitor:Fixing it as a visitor'; do
		got=$(tui "m-${q%%:*}" "^${q#*:}[|]" m "${q%%:*}" Enter)
		check "info: m ${q%%:*} in 502 puts the cursor on '${q#*:}' (got '${got%%|*}')" test "${got%%|*}" = "${q#*:}"
	done
	got=$(tui spc '[)]503 Service Unavailable, ' e ' ')
	case ${got#*|} in
	*")503 Service Unavailable, "*) ok "info: SPC at the end of 502 goes to 503" ;;
	*) not_ok "info: SPC at the end of 502 goes to '${got#*|}', not 503" ;;
	esac
else
	not_ok "info: tmux is not installed (make deps)"
fi
# Emacs: the menu item and the anchor by name land on the heading.
if command -v emacs > /dev/null; then
	cat > "$tmp/menu.el" <<-EOF
	(require 'info)
	(info "($gz)502 Bad Gateway")
	(Info-menu "Fix")
	(princ (format "%s|%s\n" Info-current-node (buffer-substring (line-beginning-position) (line-end-position))))
	(Info-goto-node "429-too-many-requests Examples")
	(princ (format "%s|%s\n" Info-current-node (buffer-substring (line-beginning-position) (line-end-position))))
	EOF
	HOME=$tmp timeout 60 emacs --batch -Q -l "$tmp/menu.el" > "$tmp/emacs.out" 2> "$tmp/emacs.err"
	check "info: Emacs: m Fix in 502 lands on its heading" \
		test "$(sed -n 1p "$tmp/emacs.out")" = "502 Bad Gateway|Fixing it as a developer or admin"
	check "info: Emacs: g 429-too-many-requests Examples lands on its heading" \
		test "$(sed -n 2p "$tmp/emacs.out")" = "429 Too Many Requests|Examples"
else
	not_ok "info: Emacs is not installed (make deps)"
fi

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
INFOPATH="$infodir:" info httperror 502 Fix -o - > "$tmp/i502" 2>&1
check "info: info httperror 502 Fix follows the menus to 502" grep -q '^File: httperror.info,  Node: 502 Bad Gateway,' "$tmp/i502"
# Every status: info httperror CODE lands on the node of its primary meaning.
bad=
for x in xml/codes/*.xml; do
	[ "$(xmllint --nonet --xpath 'string(/status/@primary)' "$x")" = false ] && continue
	code=$(xmllint --nonet --xpath 'string(/status/@code)' "$x")
	INFOPATH="$infodir:" info httperror "$code" -o - 2> /dev/null | head -n 1 |
		grep -qF "Node: $(node_of "$x")," || bad="$bad $code"
done
check "info: info httperror CODE lands on every status${bad:+ (not:$bad)}" test -z "$bad"
# Every number, by the number and by each other number that leads there:
# info httperror 1020, info httperror 500.19, info httperror 0.
bad=
nnum=0
for x in xml/numbers/*.xml; do
	[ -e "$x" ] || continue
	nnum=$((nnum + 1))
	num=$(xmllint --nonet --xpath 'string(/number/@number)' "$x")
	phrase=$(xmllint --nonet --xpath 'string(/number/facts/phrase)' "$x")
	node="$(echo "$num" | tr . -) $(echo "$phrase" | tr -d ',:.()')"
	for n in "$num" $(xmllint --nonet --xpath '/number/facts/also/text()' "$x" 2> /dev/null); do
		INFOPATH="$infodir:" info httperror "$n" -o - 2> /dev/null | head -n 1 |
			grep -qF "Node: $node," || bad="$bad $n"
	done
done
check "info: info httperror NUMBER lands on every number ($nnum)${bad:+ (not:$bad)}" \
	test -z "$bad" -a "$nnum" -gt 0
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

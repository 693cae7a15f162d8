#!/bin/sh
# reader.sh: the reader's commands, `httperror CODE`, `list` and `search`, from
# the data the build compiles (data/httperror.db):
#   - byte-exact goldens of 502, 499 (two meanings) and 4xx at 80 columns,
#     without colour and with colour forced;
#   - every code's card fits an 80 by 24 terminal, and narrower widths wrap;
#   - NO_COLOR wins over --color=always; no colour when not a terminal;
#   - search as a reader sees it, and --json of every command against
#     tests/reader/json.schema.json;
#   - exit statuses: an unknown code (1, with the nearest codes), a bad
#     mask or option (2), missing or broken data (3);
#   - the data is reproducible;
#   - the tool installed with `make install DESTDIR=...` (show and explain) finds its data under
#     its own prefix, with the source tree's data out of reach, and --long
#     runs man on the right page;
#   - in a source tree without build/data/, xml/registry.xml is compiled
#     there first.
. "$(dirname "$0")/lib.sh"
make_scratch
group=reader
cd "$TOP" || exit 1

reader_data

# The goldens.
for args in 502 499 4xx; do
	"$TOOL" $args > "$tmp/card-$args" 2> "$tmp/err"
	golden "reader: golden httperror $args" "$TOP/tests/golden/reader/$args.txt" "$tmp/card-$args"
done
"$TOOL" 502 --color=always > "$tmp/card-color"
golden "reader: golden httperror 502 --color=always" "$TOP/tests/golden/reader/502-color.txt" "$tmp/card-color"
check "reader: the colour golden has colour" grep -q "$(printf '\033')\[1;31m502 Bad Gateway" "$tmp/card-color"
check "reader: without a terminal, no escape" sh -c "! grep -q \"$(printf '\033')\" '$tmp/card-502'"
NO_COLOR=1 "$TOOL" 502 --color=always > "$tmp/nc"
check "reader: NO_COLOR wins over --color=always" cmp -s "$tmp/nc" "$tmp/card-502"
check "reader: show 502 is httperror 502" sh -c "'$TOOL' show 502 | cmp -s - '$tmp/card-502'"
check "reader: the card names man and info" grep -q '^More: man 502; info httperror 502' "$tmp/card-502"
check "reader: 499 shows its primary meaning first, then the other" \
    sh -c "head -1 '$tmp/card-499' | grep -q '^499 Client Closed Request' && grep -q '^Also: 499 Token Required' '$tmp/card-499'"

# Every card fits one 80 by 24 terminal (23 lines, and the prompt), and
# wraps at 80 and at 50 columns.
"$TOOL" list | awk '$1 ~ /^[0-9][0-9.]*$/ { print $1 }' | sort -u > "$tmp/codes"
check "reader: list names over a hundred codes" test "$(wc -l < "$tmp/codes")" -gt 100
tall=
wide=
while read -r c; do
	n=$("$TOOL" "$c" | wc -l)
	[ "$n" -le 23 ] || tall="$tall $c($n)"
	COLUMNS=50 "$TOOL" "$c" | awk 'length($0) > 50 && $0 !~ /[^ ]{30}/ { bad = 1 } END { exit bad }' ||
		wide="$wide $c"
done < "$tmp/codes"
if [ -z "$tall" ]; then ok "reader: every card fits 23 lines at 80x24"; else
	not_ok "reader: cards longer than 23 lines:$tall"; fi
if [ -z "$wide" ]; then ok "reader: every card wraps at 50 columns"; else
	not_ok "reader: cards wider than 50 columns:$wide"; fi
LINES=40 "$TOOL" 502 > "$tmp/tall"
check "reader: a taller terminal gets more fixes" test "$(wc -l < "$tmp/tall")" -gt "$(wc -l < "$tmp/card-502")"

# Numbers, and the other numbers that lead to one.
check "reader: 0 is 000's card" sh -c "'$TOOL' 0 | head -1 | grep -q '^000 No Response'"
check "reader: 500.19 is IIS's" sh -c "'$TOOL' 500.19 | head -1 | grep -q '^500.19 .*Microsoft IIS'"
check "reader: 50x lists 500 to 509 only" sh -c "'$TOOL' list 50x | awk '\$1 ~ /^[0-9][0-9.]*\$/ && \$1 !~ /^50[0-9]\$/ { bad = 1 } END { exit bad }'"
check "reader: list without a class ends with the numbers" sh -c "'$TOOL' list | grep -q '^Not HTTP statuses'"

# Search, ranked as the page ranks (tests/html/search.test.mjs compares the
# two); here what a reader sees.
"$TOOL" search rate limit > "$tmp/s-rate"
check "reader: search rate limit: 429 first, then Cloudflare's 1015" \
    sh -c "sed -n 1p '$tmp/s-rate' | grep -q '^429 ' && sed -n 2p '$tmp/s-rate' | grep -q '^1015 '"
check "reader: search gateway: 502, then 504" sh -c "'$TOOL' search gateway | head -2 | awk '{ print \$1 }' | tr '\n' ' ' | grep -qx '502 504 '"
check "reader: search 4xx lists the class, as the page does" sh -c "'$TOOL' search 4xx | cmp -s - '$tmp/card-4xx'"
"$TOOL" search e > "$tmp/s-e"
check "reader: a search that matches more than 50 says how many more" grep -q '^And [0-9]* more: add a word' "$tmp/s-e"

# --json: every card, lists and searches fit the documented shape
# (tests/reader/json.schema.json, checked with Ajv).
mkdir -p "$tmp/json"
while read -r c; do "$TOOL" "$c" --json > "$tmp/json/show-$c.json"; done < "$tmp/codes"
"$TOOL" list --json > "$tmp/json/list.json"
"$TOOL" list 50x --json > "$tmp/json/list-50x.json"
for q in gateway 'rate limit' 0 500.19 csrf; do
	"$TOOL" search --json "$q" > "$tmp/json/search-$(echo "$q" | tr ' ' _).json"
done
if node "$TOP/tests/reader/validate.mjs" "$tmp"/json/*.json > "$tmp/ajv" 2>&1; then
	ok "reader: --json of $(ls "$tmp/json" | wc -l) commands fits tests/reader/json.schema.json"
else
	not_ok "reader: --json does not fit its schema"; head -20 "$tmp/ajv"
fi
sed 's/"primary": true/"primary": "yes"/' "$tmp/json/show-502.json" > "$tmp/bad.json"
node "$TOP/tests/reader/validate.mjs" "$tmp/bad.json" > /dev/null 2>&1
check "reader: the schema check fails on a broken document" test $? -eq 1
"$TOOL" 502 --json --color=always > "$tmp/jc"
check "reader: --json has no colour, even with --color=always" sh -c "! grep -q \"$(printf '\033')\" '$tmp/jc'"

expect 1 "an unknown code" "$TOOL" 432
check "reader: the unknown code's nearest codes" grep -q 'the nearest: 431 Request Header Fields Too Large, 440 Login Time-out' "$tmp/err"
expect 2 "a mask that is not one" "$TOOL" list 4y
expect 2 "show without a code" "$TOOL" show
expect 1 "a search that matches nothing" "$TOOL" search zzzzqqq
expect 2 "a search without words" "$TOOL" search
expect 2 "--long with --json" "$TOOL" 502 --long --json
expect 2 "a bad --color" "$TOOL" 502 --color=sometimes
expect 3 "missing data" env HTTPERROR_DATA="$tmp/none.db" "$TOOL" 502
printf 'not a database\n' > "$tmp/bad.db"
expect 3 "data that is not SQLite" env HTTPERROR_DATA="$tmp/bad.db" "$TOOL" 502
expect 3 "--data wins over HTTPERROR_DATA" "$TOOL" --data "$tmp/bad.db" 502

# Reproducible: a second build makes the same bytes.
"$TOOL" build -o "$tmp/o2" -f data > /dev/null 2>&1
check "reader: the data is reproducible" cmp -s "$db" "$tmp/o2/data/httperror.db"

# Installed: found under the program's own prefix, not in the source tree.
unset HTTPERROR_DATA
inst=$tmp/inst
if make -s install DESTDIR="$inst" PREFIX=/usr > "$tmp/install.log" 2>&1; then
	ok "reader: make install DESTDIR"
else
	not_ok "reader: make install DESTDIR"
	cat "$tmp/install.log"
fi
check "reader: the data is installed under datadir" test -f "$inst/usr/share/httperror/httperror.db"
mv "$inst/usr" "$tmp/moved"
(cd / && "$tmp/moved/bin/httperror" 502) > "$tmp/inst-502" 2> "$tmp/err"
golden "reader: installed, moved away: httperror 502" "$TOP/tests/golden/reader/502.txt" "$tmp/inst-502"
{ (cd / && "$tmp/moved/bin/httperror" explain < "$TOP/tests/explain/nginx-502-refused.txt") 2>&1; echo "exit $?"; } > "$tmp/inst-explain.x"
golden "reader: installed, moved away: httperror explain" "$TOP/tests/golden/explain/nginx-502-refused.txt" "$tmp/inst-explain.x"
mkdir -p "$tmp/bin"
printf '#!/bin/sh\necho "man $*"\n' > "$tmp/bin/man"
chmod +x "$tmp/bin/man"
check "reader: installed, --long runs man 7 502" sh -c "cd / && PATH='$tmp/bin':\$PATH '$tmp/moved/bin/httperror' 502 --long | grep -qx 'man 7 502'"
check "reader: in the source tree, --long runs man -l on the page the build made" \
    sh -c "PATH='$tmp/bin':\$PATH '$TOOL' 499 --long | grep -qx 'man -l .*/build/data/../man/man7/499-client-closed-request.7.gz'"
rm "$tmp/moved/share/httperror/httperror.db"
(cd / && "$tmp/moved/bin/httperror" 502) > /dev/null 2>&1
check "reader: installed without its data: exit 3, not the source tree's" test $? -eq 3

# A hostile registry cannot drive the terminal: DEL and the C1 controls
# (XML allows U+009B, CSI) in a summary, a hop's note and a signature's
# cause print as '?'.
fixture_registry "$tmp/c1" ""
sed -i -e 's|<tldr>|<tldr>\&#x9B;31m\&#x7F;red |' \
    -e 's|</diagnose>|</diagnose><signatures><signature hop="web"><line format="web-log">404</line><says>\&#x9B;2J gone</says><fix>Look.</fix></signature></signatures>|' \
    "$tmp/c1/xml/codes/404-not-found.xml"
sed -i 's|  <xi:include href="codes/200-ok.xml"/>|  <explain><hop id="web" name="a web server"><note>\&#x9B;0m note</note></hop><format id="web-log" name="a web log line" hop="web" status="1"><pattern>^web ([0-9]{3})</pattern></format></explain>\n&|' \
    "$tmp/c1/xml/registry.xml"
if "$TOOL" build -o "$tmp/c1/out" -f data "$tmp/c1/xml/registry.xml" > "$tmp/c1.log" 2>&1; then
	"$TOOL" 404 --data "$tmp/c1/out/data/httperror.db" > "$tmp/c1-card"
	"$TOOL" explain --data "$tmp/c1/out/data/httperror.db" 'web 404 x' > "$tmp/c1-explain"
	check "reader: a hostile registry's C1 and DEL print as ?" sh -c "
	    grep -q '^?31m?red ' '$tmp/c1-card' && grep -q 'Cause: ?2J gone' '$tmp/c1-explain' &&
	    ! grep -q \"\$(printf '\302\233')\" '$tmp/c1-card' '$tmp/c1-explain' &&
	    ! grep -q \"\$(printf '\177')\" '$tmp/c1-card' '$tmp/c1-explain'"
else
	not_ok "reader: the C1 fixture does not build"; cat "$tmp/c1.log"
fi

# In a source tree where make has not compiled the data yet, the tool
# compiles xml/registry.xml into build/data/ once, and then reads that.
mkdir -p "$tmp/src/build"
cp -R "$TOP/xml" "$TOP/xsl" "$tmp/src/"
cp "$TOOL" "$tmp/src/build/"
(cd / && "$tmp/src/build/httperror" 502) > "$tmp/src-502" 2> "$tmp/src-err"
golden "reader: source tree without build/data: httperror 502" "$TOP/tests/golden/reader/502.txt" "$tmp/src-502"
check "reader: source tree without build/data: says it compiles xml/registry.xml" \
    grep -q "^httperror: no .*/build/data/httperror.db yet: compiling .*/xml/registry.xml" "$tmp/src-err"
(cd / && "$tmp/src/build/httperror" 502) > /dev/null 2> "$tmp/src-err2"
check "reader: source tree: the second lookup reads build/data/, silently" \
    sh -c "test -f '$tmp/src/build/data/httperror.db' && test ! -s '$tmp/src-err2'"

# The README's card is the real one, and so is httperror(1)'s.
awk '/^\$ httperror 404$/ { on = 1; next } on && /^```$/ { exit } on' "$TOP/README.md" > "$tmp/readme-card"
HTTPERROR_DATA=$db COLUMNS=80 LINES=24 "$TOOL" 404 > "$tmp/card-404"
check "reader: the README's card is httperror 404 at 80 columns" cmp -s "$tmp/readme-card" "$tmp/card-404"
HTTPERROR_DATA=$db COLUMNS=66 LINES=24 "$TOOL" 404 > "$tmp/card-404-66"
sed -n '/^\$ httperror 404$/,/^\.EE$/p' "$TOP/xsl/httperror.1" | sed '1d;$d' |
	sed -e 's/\\(aq/'"'"'/g' -e 's/\\-/-/g' -e 's/\\e/\\/g' > "$tmp/man-card"
check "reader: httperror(1)'s card is httperror 404 at 66 columns" cmp -s "$tmp/man-card" "$tmp/card-404-66"

#!/bin/sh
# explain.sh: `httperror explain`, from the registry's signatures:
#   - each fixture in tests/explain/ (curl heads from nginx, Cloudflare, an AWS
#     load balancer and an application, curl -sv, a HAR file, nginx error
#     lines for every documented 502 cause, 503 and 504, a 499 access line,
#     Envoy, HAProxy, an ALB, Apache and Cloudflare log lines, a copied cURL
#     command and garbage) names the status, the hop and the cause written by
#     hand in tests/explain/cases, with its exit status;
#   - byte-exact goldens of what a reader sees at 80 columns;
#   - --json fits tests/reader/json.schema.json;
#   - input as arguments is input on stdin; control characters in the input
#     never reach the terminal; NO_COLOR and --color;
#   - real nginx on loopback (tests/explain/live.py): the lines it writes for
#     a refused upstream, one that closes, one too slow and a client that
#     gives up are explained as 502, 502, 504 and 499 with their causes, and
#     its error page names it without a Server header.
. "$(dirname "$0")/lib.sh"
make_scratch
group=explain
cd "$TOP" || exit 1

reader_data

# The first result of a --json document: "CODE<TAB>HOP<TAB>CAUSE", - for none.
first() {
	node -e '
const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const r = j.results[0];
console.log(r ? [r.code, r.hop ? r.hop.id : "-", r.cause ? r.cause.says : "-"].join("\t") : "-\t-\t-");
' "$1"
}

mkdir -p "$tmp/json"
grep -v '^#' tests/explain/cases > "$tmp/list"
while read -r name want code hop cause; do
	f=tests/explain/$name.txt
	if [ ! -f "$f" ]; then not_ok "explain: $name: no $f"; continue; fi
	"$TOOL" explain --json < "$f" > "$tmp/json/$name.json" 2> "$tmp/err"
	rc=$?
	if [ "$rc" -eq "$want" ]; then ok "explain: $name: exit $want"; else
		not_ok "explain: $name: exit $rc, expected $want"; cat "$tmp/err"; fi
	got=$(first "$tmp/json/$name.json")
	gcode=$(printf '%s\n' "$got" | cut -f1)
	ghop=$(printf '%s\n' "$got" | cut -f2)
	gcause=$(printf '%s\n' "$got" | cut -f3)
	if [ "$gcode" = "$code" ] && [ "$ghop" = "$hop" ]; then
		ok "explain: $name: $code from $hop"
	else
		not_ok "explain: $name: $gcode from $ghop, expected $code from $hop"
	fi
	if [ "$cause" = "-" ] && [ "$gcause" = "-" ] ||
	    { [ "$cause" != "-" ] && printf '%s\n' "$gcause" | grep -qF -- "$cause"; }; then
		ok "explain: $name: the cause"
	else
		not_ok "explain: $name: cause '$gcause', expected '$cause'"
	fi
	# What a reader sees: stdout, then stderr and the exit status.
	{ "$TOOL" explain < "$f" 2>&1; echo "exit $?"; } > "$tmp/text"
	golden "explain: golden $name" "$TOP/tests/golden/explain/$name.txt" "$tmp/text"
done < "$tmp/list"
check "explain: every line of every golden fits 80 columns" sh -c "! cat '$TOP'/tests/golden/explain/*.txt | grep -v '^httperror: ' | awk 'length(\$0) > 80 { bad = 1 } END { exit !bad }'"
# Every case's fixture is in the cases file, and every fixture has a case.
ls tests/explain/*.txt | sed 's|.*/||; s|\.txt$||' | sort > "$tmp/fixtures"
grep -v '^#' tests/explain/cases | awk '{ print $1 }' | sort > "$tmp/cases"
check "explain: every fixture has a line in tests/explain/cases" cmp -s "$tmp/fixtures" "$tmp/cases"

if node tests/reader/validate.mjs "$tmp"/json/*.json > "$tmp/ajv" 2>&1; then
	ok "explain: --json of $(ls "$tmp/json" | wc -l) inputs fits tests/reader/json.schema.json"
else
	not_ok "explain: --json does not fit its schema"; head -20 "$tmp/ajv"
fi
sed 's/"count": 1,/"count": 0,/' "$tmp/json/nginx-502-refused.json" > "$tmp/bad.json"
node tests/reader/validate.mjs "$tmp/bad.json" > /dev/null 2>&1
check "explain: the schema check fails on a broken document" test $? -eq 1

# The same line with another errno is not that cause: the signatures match
# what they say, not just the shape of the line.
sed 's/111: Connection refused/112: Host is down/' tests/explain/nginx-502-refused.txt |
	"$TOOL" explain --json > "$tmp/other.json" 2>/dev/null
check "explain: an errno the registry does not document names no cause" \
    test "$(first "$tmp/other.json")" = "-	-	-"

# Arguments are the same input as stdin.
"$TOOL" explain "$(cat tests/explain/head-alb-502.txt)" > "$tmp/arg"
"$TOOL" explain < tests/explain/head-alb-502.txt > "$tmp/stdin"
check "explain: a head as an argument is the head on stdin" cmp -s "$tmp/arg" "$tmp/stdin"
"$TOOL" explain connect\(\) failed \(111: Connection refused\) while connecting to upstream > "$tmp/words"
check "explain: words as arguments make one line" grep -q '^  Cause: Nothing listens' "$tmp/words"

# Nothing the input says reaches the terminal as a control character.
esc=$(printf '\033')
"$TOOL" explain --color=always < tests/explain/hostile.txt > "$tmp/hostile"
check "explain: the input's escapes are printed as ?" grep -q '?\]0;pwned??\[31mconnect' "$tmp/hostile"
check "explain: no escape but our own colours" sh -c "grep -o '$esc[^m]*m' '$tmp/hostile' | grep -qvE '^$esc\\[([0-9;]*)m\$' && exit 1 || exit 0"
check "explain: the C1 CSI (U+009B) is dropped" sh -c "! grep -q \"$(printf '\302\233')\" '$tmp/hostile'"
check "explain: --color=always colours the code" grep -q "^$esc\\[1;31m502" "$tmp/hostile"
NO_COLOR=1 "$TOOL" explain --color=always < tests/explain/hostile.txt > "$tmp/nc"
check "explain: NO_COLOR wins" sh -c "! grep -q '$esc' '$tmp/nc'"

# Real nginx.
mkdir -p "$tmp/live"
python3 tests/explain/live.py "$tmp/live" > "$tmp/live.out" 2>&1
rc=$?
if [ "$rc" -ne 0 ]; then
	not_ok "explain: live nginx did not run ($(cat "$tmp/live.out"))"
else
	"$TOOL" explain --json < "$tmp/live/error.log" > "$tmp/live-error.json"
	node -e '
const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
for (const r of j.results) console.log([r.code, r.hop && r.hop.id, r.cause && r.cause.says.split(":")[0]].join("|"));
' "$tmp/live-error.json" > "$tmp/live-error"
	for want in "502|nginx|Nothing listens on the upstream's address and port" \
	    "502|nginx|The upstream took the request, then closed the connection before answering" \
	    "504|nginx|nginx connected and sent the request, then waited proxy_read_timeout (60 s by default) for the response" \
	    "499|nginx|The client closed the connection before nginx answered; nginx logged 499 and sent nothing."; do
		check "explain: nginx's own error log: $(echo "$want" | cut -c1-40)" grep -qxF "$want" "$tmp/live-error"
	done
	check "explain: nginx's error log: four results" test "$(wc -l < "$tmp/live-error")" -eq 4
	"$TOOL" explain < "$tmp/live/access.log" > "$tmp/live-access"
	check "explain: nginx's access log: 502 (three lines), 504, 499" sh -c "grep '^[0-9]' '$tmp/live-access' | cut -d' ' -f1 | tr '\n' ' ' | grep -qx '502 504 499 '"
	"$TOOL" explain --json < "$tmp/live/access.log" > "$tmp/live-access.json"
	check "explain: nginx's access log: the three 502s (HEAD and GET of /refused, /close) are grouped" node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).results[0];
process.exit(r.code === "502" && r.count === 3 && r.first_line === 1 ? 0 : 1);
' "$tmp/live-access.json"
	"$TOOL" explain < "$tmp/live/head-refused.txt" > "$tmp/live-head"
	check "explain: curl -sI from nginx: 502 from nginx" sh -c "head -4 '$tmp/live-head' | grep -q '^502 Bad Gateway' && grep -q '^  From:  nginx (Server: nginx/' '$tmp/live-head'"
	# Without its Server header, nginx's own error page still names it.
	grep -vi '^server:' "$tmp/live/response-refused.txt" | "$TOOL" explain > "$tmp/live-body"
	check "explain: curl -si from nginx, Server removed: nginx's error page names it" \
	    grep -q '^  From:  nginx (body: <hr><center>nginx/' "$tmp/live-body"
fi

expect 1 "garbage" "$TOOL" explain 'The quick brown fox'
check "explain: garbage: says nothing was recognised" grep -q 'error: nothing recognised: give a response head' "$tmp/err"
expect 1 "an empty input" sh -c "'$TOOL' explain < /dev/null"
expect 1 "a copied cURL command" sh -c "'$TOOL' explain < tests/explain/copied-curl.txt"
check "explain: a copied cURL command: run it with -sv" grep -q 'run it with -sv added' "$tmp/err"
expect 2 "explain with --long" "$TOOL" explain --long x

# httperror(1)'s example is what explain prints at 66 columns.
COLUMNS=66 "$TOOL" explain < tests/explain/nginx-502-closed.txt > "$tmp/man-want"
sed -n '/^\$ tail \\-1 \/var\/log\/nginx\/error.log | httperror explain$/,/^\.EE$/p' "$TOP/xsl/httperror.1" | sed '1d;$d' |
	sed -e 's/\\(aq/'"'"'/g' -e 's/\\-/-/g' -e 's/\\e/\\/g' > "$tmp/man-got"
check "explain: httperror(1)'s example is explain's output at 66 columns" cmp -s "$tmp/man-got" "$tmp/man-want"
"$TOOL" explain < tests/explain/head-app-502.txt > "$tmp/readme-want"
sed -n '/^\$ curl -sI https:\/\/shop.example.com\/orders | httperror explain$/,/^```$/p' "$TOP/README.md" | sed '1d;$d' > "$tmp/readme-got"
check "explain: the README's example is explain's output at 80 columns" cmp -s "$tmp/readme-got" "$tmp/readme-want"

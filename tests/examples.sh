#!/bin/sh
# examples.sh: every framework example in the registry, run against its real
# framework on 127.0.0.1 by tests/examples/run.py (which says what it checks);
# each example is one PASS or FAIL line here, a SKIP names its reason.
# `make check-examples ONLY=404-not-found` runs the examples of one entry.
. "$(dirname "$0")/lib.sh"
make_scratch
cd "$TOP" || exit 1
python3 "$TOP/tests/examples/run.py" ${ONLY:+--only "$ONLY"} "$TOP/xml/registry.xml" > "$tmp/out" 2>&1
rc=$?
while IFS= read -r line; do
	case "$line" in
	"PASS: "*) ok "${line#PASS: }" ;;
	"FAIL: "*) not_ok "${line#FAIL: }" ;;
	*) echo "$line" ;;
	esac
done < "$tmp/out"
if [ "$rc" -ne 0 ] && [ "$nfail" -eq 0 ]; then
	not_ok "examples: run.py exited $rc"; tail -20 "$tmp/out"
fi

# The runner must catch each example broken on purpose in the fixture.
fixture_registry "$tmp/broken" "$TOP/tests/fixtures/examples-broken"
python3 "$TOP/tests/examples/run.py" --only 103-early-hints,204-no-content,401-unauthorized \
	"$tmp/broken/xml/registry.xml" > "$tmp/broken.out" 2>&1
brc=$?
for want in \
	'FAIL: examples: 204-no-content flask: Content-Type on a 204, which has no content' \
	'FAIL: examples: 204-no-content php: 8 bytes of content on a 204; 8 bytes of content, expected none' \
	'FAIL: examples: 401-unauthorized express: no WWW-Authenticate, which a 401 must carry' \
	'FAIL: examples: 103-early-hints express: the connection closed after 103; statuses 103, expected 103 200' \
	'FAIL: examples: 401-unauthorized wire: HTTP/1.1 401 Unauthorized: Content-Length 10, but 8 bytes shown'
do
	if grep -qxF "$want" "$tmp/broken.out"; then ok "examples: the runner catches: ${want#FAIL: examples: }"
	else not_ok "examples: the runner missed: ${want#FAIL: examples: }"; fi
done
check "examples: the runner exits 1 on the broken fixture" test "$brc" -eq 1
echo "examples: $npass passed, $nfail failed"
[ "$nfail" -eq 0 ]

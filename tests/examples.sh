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
echo "examples: $npass passed, $nfail failed"
[ "$nfail" -eq 0 ]

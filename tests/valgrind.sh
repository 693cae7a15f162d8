#!/bin/sh
# valgrind.sh: a full build, a check of an invalid registry, a failing
# stylesheet and the reader's commands run clean under valgrind: no invalid access, no use of
# uninitialised memory, no definite leak.
. "$(dirname "$0")/lib.sh"
make_scratch
cd "$TOP" || exit 1
if ! command -v valgrind > /dev/null; then
	not_ok "valgrind: not installed (make deps)"
	exit 1
fi
vg() {
	name=$1
	shift
	valgrind --quiet --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite --log-file="$tmp/vg.log" "$@" \
		> /dev/null 2> "$tmp/vg.err"
	rc=$?
	if [ "$rc" -ne 99 ] && [ ! -s "$tmp/vg.log" ]; then ok "valgrind: $name (exit $rc)"; else
		not_ok "valgrind: $name"; head -40 "$tmp/vg.log"; fi
}
vg "full build" "$TOOL" build -o "$tmp/out"
fixture_registry "$tmp/bad" "$TOP/tests/invalid/related-missing"
vg "invalid registry" "$TOOL" check "$tmp/bad/xml/registry.xml"
fixture_registry "$tmp/ent" "$TOP/tests/invalid/external-entity"
vg "external entity" "$TOOL" check "$tmp/ent/xml/registry.xml"
vg "missing stylesheets" "$TOOL" build -o "$tmp/out2" -s "$tmp"
# The reader's commands, on the data of the full build.
export HTTPERROR_DATA="$tmp/out/data/httperror.db"
vg "httperror 499 (two meanings)" "$TOOL" 499 --color=always
vg "httperror 432 (unknown)" "$TOOL" 432
vg "httperror 0 --json" "$TOOL" 0 --json
vg "httperror list --json" "$TOOL" list --json
vg "httperror 5xx" "$TOOL" 5xx
vg "httperror search rate limit --json" "$TOOL" search rate limit --json
vg "httperror search e" "$TOOL" search e
for f in nginx-502-refused head-app-502 curl-sv-503 body-haproxy-503 har-504 hostile garbage; do
	vg "httperror explain < $f" sh -c "exec '$TOOL' explain --color=always < '$TOP/tests/explain/$f.txt'"
done
vg "httperror explain --json < envoy-503-uf" sh -c "exec '$TOOL' explain --json < '$TOP/tests/explain/envoy-503-uf.txt'"
echo "valgrind: $npass passed, $nfail failed"
[ "$nfail" -eq 0 ]

#!/bin/sh
# invalid.sh: every rejection the registry loader makes has a fixture here.
# Each tests/invalid/NAME/ overlays tests/fixtures/base/ with the files that make
# it invalid; `httperror check` must exit 1 and print exactly tests/invalid/NAME.err.
# A second build of each into an output directory must leave that directory as it
# was (the tool writes nothing on invalid input).
. "$(dirname "$0")/lib.sh"

make_scratch
# The base itself must be valid, or every fixture below proves nothing.
fixture_registry "$tmp/base" ""
if (cd "$tmp/base" && "$TOOL" check) >/dev/null 2>&1; then
	ok "invalid: the base fixture is valid"
else
	not_ok "invalid: the base fixture is valid"
fi

for dir in "$TOP"/tests/invalid/*/; do
	name=$(basename "$dir")
	work="$tmp/$name"
	fixture_registry "$work" "$dir"
	(cd "$work" && "$TOOL" check) > "$work/stdout" 2> "$work/stderr"
	rc=$?
	if [ "$rc" -eq 1 ]; then
		ok "invalid/$name: exit status 1"
	else
		not_ok "invalid/$name: exit status $rc, expected 1"
	fi
	if [ -s "$work/stdout" ]; then
		not_ok "invalid/$name: printed on stdout"
	fi
	golden "invalid/$name: stderr" "$TOP/tests/invalid/$name.err" "$work/stderr"
	if grep -q LEAKED "$work/stderr"; then
		not_ok "invalid/$name: an entity was expanded"
	fi
done
echo "invalid: $npass passed, $nfail failed"
[ "$nfail" -eq 0 ]

#!/bin/sh
# invalid.sh: every rejection the registry loader makes has a fixture here.
# Each tests/invalid/NAME/ overlays tests/fixtures/base/ with the files that make
# it invalid; `httperror check` must exit 1 and print exactly tests/invalid/NAME.err.
# Every line of it must name FILE:LINE, and `build` must refuse the fixture with
# the same exit status and the same diagnostics, writing no output.
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
	name=$(basename "$dir")	# golden() set $name
	# Every line located in the registry, in the one format.
	if grep -vqE '^httperror: [^: ]+:[0-9]+(:[0-9]+)?: error: ' "$work/stderr"; then
		not_ok "invalid/$name: a diagnostic without FILE:LINE"
		grep -vE '^httperror: [^: ]+:[0-9]+(:[0-9]+)?: error: ' "$work/stderr"
	fi
	# check and build agree: build refuses it too, with the same diagnostics.
	name=$(basename "$dir")	# golden() set $name
	(cd "$work" && "$TOOL" build -s "$TOP/xsl" -o out) > /dev/null 2> "$work/build.err"
	brc=$?
	if [ "$brc" -eq "$rc" ] && cmp -s "$work/stderr" "$work/build.err" && [ ! -e "$work/out/man" ]; then
		ok "invalid/$name: build refuses it as check does"
	else
		not_ok "invalid/$name: build exits $brc, check $rc"; diff "$work/stderr" "$work/build.err" | head -5
	fi
	if grep -q LEAKED "$work/stderr"; then
		not_ok "invalid/$name: an entity was expanded"
	fi
done
echo "invalid: $npass passed, $nfail failed"
[ "$nfail" -eq 0 ]

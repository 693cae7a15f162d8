#!/bin/sh
# cli.sh: the command line: --help, --version, and the exit status of each kind
# of bad invocation (2) and of a system error (3).
. "$(dirname "$0")/lib.sh"
make_scratch
cd "$TOP" || exit 1

# expect STATUS NAME COMMAND...: exit status and a diagnostic in our format.
expect() {
	want=$1
	name=$2
	shift 2
	"$@" > "$tmp/out" 2> "$tmp/err"
	rc=$?
	if [ "$rc" -eq "$want" ]; then ok "cli: $name: exit $want"; else
		not_ok "cli: $name: exit $rc, expected $want"; cat "$tmp/err"; fi
	if [ "$want" -ne 0 ]; then
		if grep -q '^httperror: .*error: ' "$tmp/err"; then
			ok "cli: $name: diagnostic"
		else
			not_ok "cli: $name: no 'httperror: ... error:' line"; cat "$tmp/err"
		fi
	fi
}

"$TOOL" --version > "$tmp/v"
check "cli: --version" grep -qx "httperror [0-9][0-9.]*" "$tmp/v"
"$TOOL" --help > "$tmp/h"
check "cli: --help names both commands" grep -q "httperror check" "$tmp/h"
expect 0 "check the real registry" "$TOOL" check
expect 2 "unknown command" "$TOOL" frobnicate
expect 2 "unknown format" "$TOOL" build -o "$tmp/o" -f man,pdf
expect 2 "unknown option" "$TOOL" build -x
expect 2 "two registries" "$TOOL" check xml/registry.xml xml/registry.xml
expect 2 "bad SOURCE_DATE_EPOCH" env SOURCE_DATE_EPOCH=yesterday "$TOOL" build -o "$tmp/o" -f man
expect 2 "feed URL that is not http(s)" "$TOOL" build -o "$tmp/o" -u 'javascript:alert(1)'
expect 3 "missing registry" "$TOOL" check "$tmp/no/such/registry.xml"
expect 3 "missing stylesheet (a system error, like a missing directory)" "$TOOL" build -o "$tmp/o" -s "$tmp"
if [ -e "$tmp/o/man" ]; then not_ok "cli: failed builds wrote output"; else ok "cli: failed builds wrote no output"; fi
echo "cli: $npass passed, $nfail failed"
[ "$nfail" -eq 0 ]

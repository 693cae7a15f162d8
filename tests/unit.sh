#!/bin/sh
# unit.sh: run the C unit tests (build/unit, from tests/unit.c).
. "$(dirname "$0")/lib.sh"
if [ ! -x "$TOP/build/unit" ]; then
	not_ok "unit: build/unit is missing (make check builds it)"
	exit 1
fi
"$TOP/build/unit" > "${TMPDIR:-/tmp}/httperror-unit.$$"
rc=$?
cat "${TMPDIR:-/tmp}/httperror-unit.$$"
grep '^PASS: ' "${TMPDIR:-/tmp}/httperror-unit.$$" | sed 's/.*/pass/' >> "$RESULTS"
grep '^FAIL: ' "${TMPDIR:-/tmp}/httperror-unit.$$" | sed 's/.*/fail/' >> "$RESULTS"
rm -f "${TMPDIR:-/tmp}/httperror-unit.$$"
exit "$rc"

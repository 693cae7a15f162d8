#!/bin/sh
# run.sh: the whole test suite, as `make check` runs it.
#
# Runs each test group below in turn (a group is tests/NAME.sh), shows every
# check it makes, and ends with one line "N passed, M failed".  Exits 1 when any
# check failed or a group died without saying why; never stops at the first
# failure; says how long each group took.  `run.sh --regen` rewrites the
# goldens instead of comparing them: review `git diff tests/` before committing.
# `run.sh GROUP...` runs only those.
TOP=$(cd "$(dirname "$0")/.." && pwd)
TOOL=$TOP/build/httperror
REGEN=0
if [ "${1:-}" = "--regen" ]; then
	REGEN=1
	shift
fi
GROUPS_ALL="unit fuzz cli reader explain completion invalid loader outdir man info hostile html docset names examples build complexity valgrind"
groups=${*:-$GROUPS_ALL}
RESULTS=$(mktemp "${TMPDIR:-/tmp}/httperror-results.XXXXXX")
export TOP TOOL REGEN RESULTS

died=0
for g in $groups; do
	echo "=== $g"
	before=$(grep -c fail "$RESULTS")
	start=$(date +%s)
	sh "$TOP/tests/$g.sh"
	rc=$?
	echo "--- $g took $(( $(date +%s) - start )) s"
	after=$(grep -c fail "$RESULTS")
	if [ "$rc" -ne 0 ] && [ "$after" -eq "$before" ]; then
		echo "FAIL: group $g exited with status $rc without reporting a failure"
		died=$((died + 1))
	fi
done

passed=$(grep -c pass "$RESULTS")
failed=$(( $(grep -c fail "$RESULTS") + died ))
rm -f "$RESULTS"
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]

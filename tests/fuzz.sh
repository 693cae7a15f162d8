#!/bin/sh
# fuzz.sh: a bounded libFuzzer run of tests/fuzz/fuzz_escape.c (the escaping
# every backend relies on), built with AddressSanitizer and UBSan.  A fixed
# seed and a fixed number of inputs keep the run the same every time; the
# target aborts on any input that breaks an escaping property.
. "$(dirname "$0")/lib.sh"
make_scratch
fz=$TOP/build/fuzz_escape
if [ ! -x "$fz" ]; then
	not_ok "fuzz: build/fuzz_escape is missing (make check builds it with clang)"
	exit 1
fi
cp -R "$TOP/tests/fuzz/corpus" "$tmp/corpus"
if (cd "$tmp" && "$fz" -runs=20000 -seed=1 -max_len=512 corpus) > "$tmp/log" 2>&1; then
	ok "fuzz: escape properties hold for 20000 inputs ($(grep -o 'Done [0-9]* runs' "$tmp/log"))"
else
	not_ok "fuzz: an input broke an escaping property"
	grep -E 'ERROR|SUMMARY|Test unit|Base64|abort' "$tmp/log" | head -8
	ls "$tmp"/crash-* 2>/dev/null
fi
echo "fuzz: $npass passed, $nfail failed"
[ "$nfail" -eq 0 ]

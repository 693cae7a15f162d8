#!/bin/sh
# fuzz.sh: libFuzzer runs of the two targets, built with AddressSanitizer and
# UBSan:
#
#   build/fuzz_escape     tests/fuzz/fuzz_escape.c: the escaping every backend
#                         relies on; aborts when an escaping property breaks
#   build/fuzz_pipeline   tests/fuzz/fuzz_pipeline.c: the whole tool, `check`
#                         then `build` of every backend, on a registry whose
#                         404 file is the input; aborts on a sanitizer report,
#                         a leak, or check and build disagreeing
#
# Under `make check` each runs a fixed number of inputs from a fixed seed, so
# the run is the same every time.  With FUZZ_TIME set (`make fuzz`) each runs
# for that many seconds instead and keeps its corpus in build/fuzz/.  Either
# way an input that fails is kept as build/fuzz/crash-*: replay it with
# `HTTPERROR_TOP=. build/fuzz_pipeline build/fuzz/crash-...`.
#
# The pipeline's seeds are the status files the project already has: the
# real registry's, the fixtures', every invalid fixture's, and the inputs in
# tests/fuzz/pipeline-corpus/ that once found a bug.
. "$(dirname "$0")/lib.sh"
make_scratch
art=$TOP/build/fuzz
mkdir -p "$art"
# The pipeline target makes its scratch registry under TMPDIR: keep it in ours.
export TMPDIR="$tmp"
export HTTPERROR_TOP="$TOP"

# fuzz NAME WHAT CORPUS... : run build/fuzz_NAME, report ok or not_ok.
fuzz() {
	name=$1
	what=$2
	shift 2
	fz=$TOP/build/fuzz_$name
	if [ ! -x "$fz" ]; then
		not_ok "fuzz: build/fuzz_$name is missing (make check builds it with clang)"
		return
	fi
	if [ -n "${FUZZ_TIME:-}" ]; then
		bound="-max_total_time=$FUZZ_TIME"
	else
		bound="-runs=$runs -seed=1"
	fi
	# -close_fd_mask=2: the tool's diagnostics on stderr would drown the log;
	# libFuzzer and the sanitizers keep writing their reports.
	# shellcheck disable=SC2086
	if "$fz" $bound $opts -close_fd_mask=2 -print_final_stats=1 \
	    -artifact_prefix="$art/" "$@" > "$tmp/$name.log" 2>&1; then
		ok "fuzz: $what ($(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "$tmp/$name.log"))"
	else
		not_ok "fuzz: $name: an input failed"
		grep -E 'fuzz_pipeline:|ERROR|SUMMARY|runtime error|#[0-9]+ 0x[0-9a-f]+ in [a-z]' \
		    "$tmp/$name.log" | grep -v 'in fuzzer::' | head -16
		grep -o "Test unit written to .*" "$tmp/$name.log"
	fi
}

cp -R "$TOP/tests/fuzz/corpus" "$tmp/escape-seeds"
runs=20000 opts=-max_len=512
if [ -n "${FUZZ_TIME:-}" ]; then
	mkdir -p "$art/escape-corpus"
	fuzz escape "escape properties hold" "$art/escape-corpus" "$tmp/escape-seeds"
else
	fuzz escape "escape properties hold for 20000 inputs" "$tmp/escape-seeds"
fi

mkdir -p "$tmp/pipeline-seeds"
for f in "$TOP"/xml/codes/*.xml "$TOP"/tests/fixtures/*/codes/*.xml \
    "$TOP"/tests/invalid/*/codes/*.xml "$TOP"/tests/fuzz/pipeline-corpus/*; do
	[ -f "$f" ] || continue
	# Named for where it came from: fixtures/base/codes/200-ok.xml becomes
	# fixtures-base-codes-200-ok.xml.
	cp "$f" "$tmp/pipeline-seeds/$(echo "${f#"$TOP"/}" | sed 's|^tests/||; s|/|-|g')"
done
runs=2000 opts=-max_len=24576
if [ -n "${FUZZ_TIME:-}" ]; then
	mkdir -p "$art/pipeline-corpus"
	fuzz pipeline "check and build agree, no sanitizer report" \
	    "$art/pipeline-corpus" "$tmp/pipeline-seeds"
else
	fuzz pipeline "check and build agree on 2000 registries" "$tmp/pipeline-seeds"
fi
echo "fuzz: $npass passed, $nfail failed"
[ "$nfail" -eq 0 ]

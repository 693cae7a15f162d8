#!/bin/sh
# complexity.sh: the cost of a build grows linearly with the registry.
#
# Counted in instructions (valgrind), which do not depend on how busy the
# machine is: for each format, a build of 1,200 statuses may cost at most
# COMPLEXITY_BOUND (12) times as much as one of 120 (COMPLEXITY_SIZES: the
# smaller is more than the real registry, which synth.py keeps whole).  A
# cost that grew with the square of the registry, as one stylesheet run per
# page did, gives far more.  The registries come from `tests/bench/synth.py
# --lean`: the real entries and copies of them with short prose and examples
# and every cross-reference kept, so that 1,000 statuses take about twenty
# seconds per format under valgrind; two formats are counted at a time, one per
# core, each build with -j 1 so that one process does all the work.
# `make bench` reports the full-size entries.
. "$(dirname "$0")/lib.sh"
make_scratch
cd "$TOP" || exit 1
set -- ${COMPLEXITY_SIZES:-120 1200}
small=$1
large=$2
bound=${COMPLEXITY_BOUND:-12}
if ! command -v valgrind > /dev/null; then
	not_ok "complexity: valgrind is not installed (make deps)"
	exit 1
fi
for n in "$small" "$large"; do
	if ! python3 "$TOP/tests/bench/synth.py" --lean "$n" "$tmp/r$n" ||
	    ! "$TOOL" check "$tmp/r$n/xml/registry.xml"; then
		not_ok "complexity: the synthetic registry of $n statuses is not valid"
		exit 1
	fi
done

# count N FORMAT: the instructions of `build -f FORMAT` of N statuses, into
# $tmp/count-N-FORMAT (empty if the build failed).  Cachegrind without its
# cache simulation counts the same instructions as callgrind (within 0.3%)
# in about a quarter of the time, since it keeps no call graph.
count() {
	valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file="$tmp/cg-$1-$2.out" \
		"$TOOL" build -j 1 -f "$2" -o "$tmp/out-$1-$2" "$tmp/r$1/xml/registry.xml" > /dev/null 2>&1 &&
		sed -n 's/^summary: //p' "$tmp/cg-$1-$2.out" > "$tmp/count-$1-$2"
}

for pair in "man info data" "docset html"; do
	for f in $pair; do
		( count "$small" "$f"; count "$large" "$f" ) &
	done
	wait
done
for f in man info docset html data; do
	a=$(cat "$tmp/count-$small-$f" 2> /dev/null)
	b=$(cat "$tmp/count-$large-$f" 2> /dev/null)
	if [ -z "$a" ] || [ -z "$b" ]; then
		not_ok "complexity: $f: the builds under valgrind failed"
		continue
	fi
	# ratio to two decimals, in integers
	r=$(( b * 100 / a ))
	ratio="$((r / 100)).$(printf '%02d' $((r % 100)))"
	if [ "$b" -le $((a * bound)) ]; then
		ok "complexity: $f: $large statuses cost ${ratio}x $small ($b / $a instructions), at most ${bound}x"
	else
		not_ok "complexity: $f: $large statuses cost ${ratio}x $small ($b / $a instructions), more than ${bound}x"
	fi
done
echo "complexity: $npass passed, $nfail failed"
[ "$nfail" -eq 0 ]

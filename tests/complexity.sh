#!/bin/sh
# complexity.sh: the cost of a build grows linearly with the registry.
#
# Counted in instructions (callgrind), which do not depend on how busy the
# machine is: for each format, a build of a registry ten times larger
# (COMPLEXITY_SIZES, default 20 and 200 statuses, made by
# tests/bench/synth.py) may cost at most COMPLEXITY_BOUND (12) times as much.
# A cost that grew with the square of the registry, as one stylesheet run per
# page did, gives far more.  (1,000 against 100 would say the same with a
# smaller fixed cost in it, but takes minutes under callgrind; `make bench`
# reports the larger sizes.)
. "$(dirname "$0")/lib.sh"
make_scratch
cd "$TOP" || exit 1
set -- ${COMPLEXITY_SIZES:-20 200}
small=$1
large=$2
bound=${COMPLEXITY_BOUND:-12}
if ! command -v valgrind > /dev/null; then
	not_ok "complexity: valgrind is not installed (make deps)"
	exit 1
fi
for n in "$small" "$large"; do
	if ! python3 "$TOP/tests/bench/synth.py" "$n" "$tmp/r$n" ||
	    ! "$TOOL" check "$tmp/r$n/xml/registry.xml"; then
		not_ok "complexity: the synthetic registry of $n statuses is not valid"
		exit 1
	fi
done

# instructions N FORMAT: callgrind's count for `build -f FORMAT` of N statuses.
instructions() {
	rm -rf "$tmp/out"
	valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" \
		"$TOOL" build -f "$2" -o "$tmp/out" "$tmp/r$1/xml/registry.xml" > /dev/null 2>&1 &&
		sed -n 's/^summary: //p' "$tmp/cg.out"
}

for f in man info docset html; do
	a=$(instructions "$small" "$f")
	b=$(instructions "$large" "$f")
	if [ -z "$a" ] || [ -z "$b" ]; then
		not_ok "complexity: $f: the builds under callgrind failed"
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

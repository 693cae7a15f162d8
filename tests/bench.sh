#!/bin/sh
# bench.sh: speed and size of builds, for `make bench` (and `make bench-large`).
# Not a test: it only reports, and never fails on a time.
#
# For each registry size in BENCH_SIZES (16 is the real registry; larger ones
# are made by tests/bench/synth.py from copies of the real entries), and for
# each format and the full build: the median wall time of BENCH_RUNS runs,
# that time per status, the peak RSS, and, up to BENCH_CG_MAX statuses, the
# instruction count from callgrind (repeatable whatever else the machine is
# doing, but about fifty times slower than a plain run).  Then the sizes of
# today's outputs.
TOP=$(cd "$(dirname "$0")/.." && pwd)
TOOL=$TOP/build/httperror
SIZES=${BENCH_SIZES:-16 100 1000}
RUNS=${BENCH_RUNS:-5}
CG_MAX=${BENCH_CG_MAX:-100}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/httperror-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$TOP" || exit 1
export SOURCE_DATE_EPOCH=1767225600

# median N...: the middle one of the numbers given.
median() {
	printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

printf '%-7s %-7s %10s %12s %10s %16s\n' statuses format "median ms" "us/status" "peak KiB" instructions
for n in $SIZES; do
	if [ "$n" = 16 ]; then
		reg=$TOP/xml/registry.xml
	else
		python3 "$TOP/tests/bench/synth.py" "$n" "$tmp/r$n" || exit 1
		reg=$tmp/r$n/xml/registry.xml
	fi
	for f in all man info docset html; do
		if [ "$f" = all ]; then fmt=; else fmt="-f $f"; fi
		times=
		i=0
		while [ "$i" -lt "$RUNS" ]; do
			rm -rf "$tmp/out"
			s=$(date +%s%N)
			# shellcheck disable=SC2086 # $fmt: empty or "-f FORMAT"
			"$TOOL" build $fmt -o "$tmp/out" "$reg" > /dev/null 2>&1 || { echo "bench: build failed"; exit 1; }
			e=$(date +%s%N)
			times="$times $(( (e - s) / 1000000 ))"
			i=$((i + 1))
		done
		# shellcheck disable=SC2086
		ms=$(median $times)
		rm -rf "$tmp/out"
		# shellcheck disable=SC2086
		rss=$(/usr/bin/time -f %M "$TOOL" build $fmt -o "$tmp/out" "$reg" 2>&1 >/dev/null | tail -n 1)
		ir=-
		if [ "$n" -le "$CG_MAX" ] && command -v valgrind > /dev/null; then
			rm -rf "$tmp/out"
			# shellcheck disable=SC2086
			valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" \
				"$TOOL" build $fmt -o "$tmp/out" "$reg" > /dev/null 2>&1
			ir=$(sed -n 's/^summary: //p' "$tmp/cg.out")
		fi
		printf '%-7s %-7s %10s %12s %10s %16s\n' "$n" "$f" "$ms" "$(( ms * 1000 / n ))" "$rss" "$ir"
	done
done

rm -rf "$tmp/out"
"$TOOL" build -o "$tmp/out" > /dev/null || exit 1
echo
echo "outputs of the real registry ($(ls xml/codes/*.xml | wc -l) statuses):"
for f in html/httperror.html info/httperror.info.gz docset/HTTPError.tgz; do
	[ -f "$tmp/out/$f" ] && printf '  %-26s%s bytes\n' "$f:" "$(wc -c < "$tmp/out/$f")"
done
printf '  %-26s%s bytes in %s files\n' "man/:" \
	"$(find "$tmp/out/man/" -type f -exec cat {} + | wc -c)" \
	"$(find "$tmp/out/man/" -type f | wc -l)"

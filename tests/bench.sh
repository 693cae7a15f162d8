#!/bin/sh
# bench.sh: speed and size of builds, for `make bench` (and `make bench-large`).
# Not a test: it only reports, and never fails on a time.
#
# For each registry size in BENCH_SIZES ("real" is the real registry, its
# statuses counted; numbers are registries made by tests/bench/synth.py from
# the real entries and copies of them), and for
# each format and the full build: the median wall time of BENCH_RUNS runs,
# that time per status, the peak RSS, and, up to BENCH_CG_MAX statuses, the
# instruction count from callgrind (repeatable whatever else the machine is
# doing, but about fifty times slower than a plain run).  "all" is the full
# build with the default -j (a job per processor), "all-j1" the same build in
# one process; the peak RSS of "all" is that of its largest process (the
# parent, or a backend's child), as wait4() reports it.  Instructions are
# always counted with -j 1, so that one process does all the work.  Output
# goes under BENCH_TMP (default TMPDIR or /tmp): its file system's cost is in
# the times.  Then `-f man`
# side by side with the classic chain, Debian's docbook-xsl manpages
# stylesheet through xsltproc, on the same pages (tests/bench/refentry.xsl
# turns the registry into DocBook refentry pages with the same sections), in
# one pass and one call per page.  Then the HTML page in Chromium (load
# event, keystroke to frame; tests/bench/html-timing.mjs).  Then the wall
# time of the reader's commands (httperror 502, search).  Then the sizes of
# today's outputs.
TOP=$(cd "$(dirname "$0")/.." && pwd)
TOOL=$TOP/build/httperror
SIZES=${BENCH_SIZES:-real 200 1000}
REAL=$(grep -c '<xi:include href="codes/' "$TOP/xml/registry.xml")
RUNS=${BENCH_RUNS:-5}
CG_MAX=${BENCH_CG_MAX:-100}
tmp=$(mktemp -d "${BENCH_TMP:-${TMPDIR:-/tmp}}/httperror-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$TOP" || exit 1
export SOURCE_DATE_EPOCH=1767225600

# median N...: the middle one of the numbers given.
median() {
	printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

printf '%-7s %-7s %10s %12s %10s %16s\n' statuses format "median ms" "us/status" "peak KiB" instructions
for n in $SIZES; do
	if [ "$n" = real ]; then
		n=$REAL
		reg=$TOP/xml/registry.xml
	else
		python3 "$TOP/tests/bench/synth.py" "$n" "$tmp/r$n" || exit 1
		reg=$tmp/r$n/xml/registry.xml
	fi
	for f in all all-j1 man info docset html; do
		case "$f" in
		all) fmt= ;;
		all-j1) fmt="-j 1" ;;
		*) fmt="-f $f" ;;
		esac
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
		if [ "$f" != all-j1 ] && [ "$n" -le "$CG_MAX" ] && command -v valgrind > /dev/null; then
			rm -rf "$tmp/out"
			# shellcheck disable=SC2086
			valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" \
				"$TOOL" build -j 1 $fmt -o "$tmp/out" "$reg" > /dev/null 2>&1
			ir=$(sed -n 's/^summary: //p' "$tmp/cg.out")
		fi
		printf '%-7s %-7s %10s %12s %10s %16s\n' "$n" "$f" "$ms" "$(( ms * 1000 / n ))" "$rss" "$ir"
	done
done

# ===== Side by side with docbook-xsl: the same man pages, the classic way

DOCBOOK=/usr/share/xml/docbook/stylesheet/docbook-xsl-nons/manpages/docbook.xsl
PEER_N=${BENCH_PEER_SIZE:-200}
if command -v xsltproc > /dev/null && [ -f "$DOCBOOK" ]; then
	if [ "$PEER_N" = real ]; then PEER_N=$REAL; preg=$TOP/xml/registry.xml; else
		[ -d "$tmp/r$PEER_N" ] || python3 "$TOP/tests/bench/synth.py" "$PEER_N" "$tmp/r$PEER_N" || exit 1
		preg=$tmp/r$PEER_N/xml/registry.xml
	fi
	# The DocBook input, made once and not timed: one <reference>, and one
	# file per page for the one-call-per-page run.
	mkdir -p "$tmp/db/pages" "$tmp/db/one" "$tmp/db/each"
	xsltproc --xinclude "$TOP/tests/bench/refentry.xsl" "$preg" > "$tmp/db/refs.xml" || exit 1
	for slug in $(sed -n 's/.*<xi:include href="codes\/\([^"]*\)\.xml".*/\1/p' "$preg"); do
		xsltproc --xinclude --stringparam slug "$slug" "$TOP/tests/bench/refentry.xsl" "$preg" \
			> "$tmp/db/pages/$slug.xml" || exit 1
	done
	ours= one= each=
	for i in 1 2 3; do	# interleaved, so that both see the same machine
		rm -rf "$tmp/out"
		s=$(date +%s%N); "$TOOL" build -f man -o "$tmp/out" "$preg" > /dev/null 2>&1; e=$(date +%s%N)
		ours="$ours $(( (e - s) / 1000000 ))"
		s=$(date +%s%N)
		(cd "$tmp/db/one" && xsltproc --nonet "$DOCBOOK" ../refs.xml > /dev/null 2>&1)
		e=$(date +%s%N)
		one="$one $(( (e - s) / 1000000 ))"
		s=$(date +%s%N)
		for f in "$tmp"/db/pages/*.xml; do
			(cd "$tmp/db/each" && xsltproc --nonet "$DOCBOOK" "$f" > /dev/null 2>&1)
		done
		e=$(date +%s%N)
		each="$each $(( (e - s) / 1000000 ))"
	done
	# shellcheck disable=SC2086
	ours=$(median $ours); one=$(median $one); each=$(median $each)
	[ "$ours" -gt 0 ] || ours=1
	echo
	echo "man pages of $PEER_N statuses, median of 3, interleaved:"
	printf '  %-44s %8s ms\n' "httperror build -f man" "$ours"
	printf '  %-44s %8s ms  %sx\n' "docbook-xsl manpages, xsltproc, one pass" "$one" "$(( one / ours ))"
	printf '  %-44s %8s ms  %sx\n' "docbook-xsl manpages, xsltproc, one per page" "$each" "$(( each / ours ))"
else
	echo
	echo "docbook-xsl: not installed (make deps installs docbook-xsl and xsltproc)"
fi

# ===== The HTML page in Chromium

if command -v node > /dev/null && [ -d "$TOP/node_modules/playwright-core" ] && [ -x /usr/bin/chromium ]; then
	pages=
	for n in $SIZES; do
		case "$n" in real) n=$REAL; r=$TOP/xml/registry.xml ;; *) r=$tmp/r$n/xml/registry.xml ;; esac
		[ "$n" -gt 1000 ] && continue	# the page is tens of megabytes past that
		rm -rf "$tmp/h$n"
		"$TOOL" build -f html -o "$tmp/h$n" "$r" > /dev/null 2>&1 &&
			pages="$pages $n-statuses=$tmp/h$n/html/httperror.html"
	done
	echo
	echo "the HTML page in Chromium, from file://, median of 3 loads:"
	# shellcheck disable=SC2086 # $pages: words without spaces (mktemp paths)
	NODE_PATH=$TOP/node_modules node "$TOP/tests/bench/html-timing.mjs" $pages
else
	echo
	echo "the HTML page in Chromium: needs node, npm ci and chromium (make deps, make check)"
fi

rm -rf "$tmp/out"
"$TOOL" build -o "$tmp/out" > /dev/null || exit 1
# The reader's commands on the real data: a lookup reads a few rows of one
# SQLite file, not the registry (what it costs next to a build is the point).
echo
"$TOOL" build -f data -o "$tmp/data" > /dev/null 2>&1
printf '%-34s %10s\n' "reader (real data)" "median ms"
for q in "502" "499 --json" "list" "search rate limit" "search gateway --json"; do
	times=
	for i in $(seq "$RUNS"); do
		s=$(date +%s%N)
		# shellcheck disable=SC2086 # $q: the command's words
		HTTPERROR_DATA=$tmp/data/data/httperror.db "$TOOL" $q > /dev/null
		e=$(date +%s%N)
		times="$times $(( (e - s) / 1000 ))"
	done
	# shellcheck disable=SC2086
	us=$(median $times)
	printf '%-34s %10s\n' "httperror $q" "$((us / 1000)).$(printf '%03d' $((us % 1000)))"
done

# explain on a 1,000-line log: ten kinds of line from tests/explain, a
# hundred times each; every line goes through every format and signature.
for i in $(seq 100); do
	for f in nginx-502-refused nginx-502-closed nginx-504-read nginx-503-limit \
	    nginx-499-access envoy-503-uf haproxy-504-sh alb-502-log \
	    cloudflare-522-log curl-52; do
		cat "tests/explain/$f.txt"
	done
done > "$tmp/1000.log"
times=
for i in $(seq "$RUNS"); do
	s=$(date +%s%N)
	HTTPERROR_DATA=$tmp/data/data/httperror.db "$TOOL" explain < "$tmp/1000.log" > /dev/null
	e=$(date +%s%N)
	times="$times $(( (e - s) / 1000 ))"
done
# shellcheck disable=SC2086
us=$(median $times)
printf '%-34s %10s\n' "httperror explain ($(wc -l < "$tmp/1000.log") lines)" "$((us / 1000)).$(printf '%03d' $((us % 1000)))"

echo
echo "outputs of the real registry ($(ls xml/codes/*.xml | wc -l) statuses):"
for f in html/httperror.html info/httperror.info.gz docset/HTTPError.tgz; do
	[ -f "$tmp/out/$f" ] && printf '  %-26s%s bytes\n' "$f:" "$(wc -c < "$tmp/out/$f")"
done
printf '  %-26s%s bytes in %s files\n' "man/:" \
	"$(find "$tmp/out/man/" -type f -exec cat {} + | wc -c)" \
	"$(find "$tmp/out/man/" -type f | wc -l)"

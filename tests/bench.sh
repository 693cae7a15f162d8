#!/bin/sh
# bench.sh: speed and size of a full build, for `make bench`.  Not a test: it
# only reports.  Instructions come from callgrind (repeatable whatever else the
# machine is doing); wall time is the best of five runs; sizes are per output.
TOP=$(cd "$(dirname "$0")/.." && pwd)
TOOL=$TOP/build/httperror
tmp=$(mktemp -d "${TMPDIR:-/tmp}/httperror-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$TOP" || exit 1
export SOURCE_DATE_EPOCH=1767225600

best=
for i in 1 2 3 4 5; do
	s=$(date +%s%N)
	"$TOOL" build -o "$tmp/out" > /dev/null || exit 1
	e=$(date +%s%N)
	ms=$(( (e - s) / 1000000 ))
	if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
done
echo "full build, best of 5:      $best ms"
if command -v valgrind > /dev/null; then
	valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" \
		"$TOOL" build -o "$tmp/out2" > /dev/null 2>&1
	ir=$(sed -n 's/^summary: //p' "$tmp/cg.out")
	echo "full build, instructions:   $ir"
fi
echo "statuses in the registry:   $(ls xml/codes/*.xml | wc -l)"
for f in html/httperror.html info/httperror.info.gz docset/HTTPError.tgz; do
	[ -f "$tmp/out/$f" ] && printf '%-28s%s bytes\n' "$f:" "$(wc -c < "$tmp/out/$f")"
done
printf '%-28s%s bytes in %s files\n' "man/:" \
	"$(find "$tmp/out/man" -type f -exec cat {} + | wc -c)" \
	"$(find "$tmp/out/man" -type f | wc -l)"

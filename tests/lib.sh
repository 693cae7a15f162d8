# lib.sh: shared by the test scripts in tests/.  Sourced, not run.
#
# Each script reports every check with ok/not_ok; run.sh adds up the results.
# A script never stops at the first failure: it reports all of them.

: "${TOP:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${TOOL:=$TOP/build/httperror}"
: "${RESULTS:=/dev/null}"
: "${REGEN:=0}"
export LC_ALL=C.UTF-8
export SOURCE_DATE_EPOCH=1767225600	# 2026-01-01, so goldens do not depend on the registry date

npass=0
nfail=0

ok() {
	npass=$((npass + 1))
	printf "PASS: %s\n" "$*"
	echo pass >> "$RESULTS"
}

not_ok() {
	nfail=$((nfail + 1))
	printf "FAIL: %s\n" "$*"
	echo fail >> "$RESULTS"
}

# check NAME COMMAND...: pass when the command exits 0.
check() {
	name=$1
	shift
	if "$@"; then ok "$name"; else not_ok "$name"; fi
}

# Sets $tmp to a scratch directory removed when the script exits.  (Not
# tmp=$(...): a trap set in a command substitution fires when it returns.)
make_scratch() {
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/httperror-test.XXXXXX")
	trap 'rm -rf "$tmp"' EXIT
}

# The reader's data of the real registry, built into $tmp/o, in $db and
# $HTTPERROR_DATA, with the terminal the goldens are made at: 80 by 24, no
# NO_COLOR.  For the reader's tests (reader.sh, explain.sh); exits on failure.
reader_data() {
	out=$tmp/o
	if ! "$TOOL" build -o "$out" -f data > "$tmp/build.log" 2>&1; then
		not_ok "$group: build -f data failed"
		cat "$tmp/build.log"
		exit 1
	fi
	db=$out/data/httperror.db
	export HTTPERROR_DATA="$db"
	unset NO_COLOR
	export COLUMNS=80 LINES=24
}

# A registry directory (scratch/xml) made from a fixture overlay on the base.
fixture_registry() {
	dest=$1
	overlay=$2
	mkdir -p "$dest/xml"
	cp -R "$TOP/tests/fixtures/base/." "$dest/xml/"
	# No schema: the tool validates against the one compiled into it.
	if [ -n "$overlay" ]; then
		(cd "$overlay" && find . -type f ! -name README ! -path './outside/*') |
		while read -r f; do
			mkdir -p "$dest/xml/$(dirname "$f")"
			cp "$overlay/$f" "$dest/xml/$f"
		done
		if [ -d "$overlay/outside" ]; then cp -R "$overlay/outside/." "$dest/"; fi
	fi
}

# expect STATUS NAME COMMAND...: the exit status, and for a failure a
# diagnostic in our format, as checks named "$group: NAME: ..."; the output
# is left in $tmp/out and $tmp/err.
expect() {
	want=$1
	name=$2
	shift 2
	"$@" > "$tmp/out" 2> "$tmp/err"
	rc=$?
	if [ "$rc" -eq "$want" ]; then ok "$group: $name: exit $want"; else
		not_ok "$group: $name: exit $rc, expected $want"; cat "$tmp/err"; fi
	if [ "$want" -ne 0 ]; then
		if grep -q '^httperror: .*error: ' "$tmp/err"; then
			ok "$group: $name: diagnostic"
		else
			not_ok "$group: $name: no 'httperror: ... error:' line"; cat "$tmp/err"
		fi
	fi
}

# Compare a result with its golden, or rewrite the golden under --regen.
golden() {
	name=$1
	expected=$2
	actual=$3
	if [ ! -s "$actual" ]; then
		# An empty result would make an empty golden that always matches.
		not_ok "$name: produced nothing"
	elif [ "$REGEN" = 1 ]; then
		mkdir -p "$(dirname "$expected")"
		cp "$actual" "$expected"
		ok "$name (regenerated)"
	elif [ ! -f "$expected" ]; then
		not_ok "$name: no golden $expected (run make regen and review it)"
	elif cmp -s "$expected" "$actual"; then
		ok "$name"
	else
		not_ok "$name: differs from $expected"
		diff -u "$expected" "$actual" | head -40
	fi
}

# outputs_view DIR: the outputs of a build into DIR as a reader sees them
# through DIR/man, DIR/info, DIR/docset and DIR/html: a line per top link,
# directory, link (with its target) and file (with its SHA-256), sorted.
outputs_view() {
	(cd "$1" && for t in man info docset html data; do
		[ -L "$t" ] && echo "L $t -> $(readlink "$t")"
		[ -d "$t/" ] || continue
		(cd "$t/" && find . -print) | LC_ALL=C sort | sed "s|^\.|$t|" |
		while IFS= read -r p; do
			if [ -L "$p" ]; then echo "L $p -> $(readlink "$p")"
			elif [ -d "$p" ]; then echo "D $p"
			else echo "F $p $(sha256sum < "$p" | cut -c1-64)"; fi
		done
	done)
}

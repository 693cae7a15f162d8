#!/bin/sh
# outdir.sh: what `build -o DIR` may touch, and that DIR always holds one
# complete generation of outputs.
#   - trees the tool did not make (DIR/man, DIR/info, DIR/html, DIR/docset, a
#     foreign DIR/.httperror) are refused with exit 3 and left as they were;
#     so is DIR = /;
#   - `-f man` replaces man and carries the other trees over unchanged;
#   - a build killed at each file-system step in turn (strace -e inject) leaves
#     the old generation or the new one, never a mix, and the next build
#     removes what the killed one left;
#   - concurrent builds into one directory are serialized: neither is lost.
. "$(dirname "$0")/lib.sh"
make_scratch
cd "$TOP" || exit 1
fixture_registry "$tmp/r" ""
reg=$tmp/r/xml/registry.xml
A=1767225600	# two dates, so that two generations differ in every page
B=1798761600

# leftovers DIR: what is in DIR/.httperror beyond one current generation.
leftovers() {
	ls -A "$1/.httperror" | grep -vxE 'current|lock|made-by-httperror' |
		grep -vx "$(readlink "$1/.httperror/current")"
}
build() {	# build EPOCH DIR [OPTIONS...]
	e=$1 d=$2
	shift 2
	SOURCE_DATE_EPOCH=$e "$TOOL" build -s "$TOP/xsl" -o "$d" "$@" "$reg"
}

# ===== Foreign trees are never replaced

for t in man info html docset data; do
	o=$tmp/foreign-$t
	mkdir -p "$o/$t"
	echo mine > "$o/$t/keep"
	build "$A" "$o" > /dev/null 2> "$tmp/err"
	rc=$?
	if [ "$rc" -eq 3 ] && [ "$(cat "$o/$t/keep")" = mine ] && [ "$(ls -A "$o/$t")" = keep ] &&
	    grep -q "'$o/$t' was not made by httperror; refusing to replace it" "$tmp/err"; then
		ok "outdir: a foreign $t/ is refused (exit 3) and left as it was"
	else
		not_ok "outdir: a foreign $t/ (exit $rc)"; cat "$tmp/err"
	fi
done
o=$tmp/foreign-meta
mkdir -p "$o/.httperror"
echo mine > "$o/.httperror/gen-x"
build "$A" "$o" > /dev/null 2> "$tmp/err"
rc=$?
if [ "$rc" -eq 3 ] && [ "$(cat "$o/.httperror/gen-x")" = mine ] && [ ! -e "$o/man" ]; then
	ok "outdir: a .httperror/ without the tool's stamp is refused and left alone"
else
	not_ok "outdir: a foreign .httperror/ (exit $rc)"; cat "$tmp/err"
fi
# A link named man/ that points elsewhere is not ours either.
o=$tmp/foreign-link
mkdir -p "$o/elsewhere"
ln -s elsewhere "$o/man"
build "$A" "$o" -f man > /dev/null 2>&1
check "outdir: a man/ link to elsewhere is refused" test $? -eq 3 -a "$(readlink "$o/man")" = elsewhere
"$TOOL" build -s "$TOP/xsl" -o / -f html "$reg" > /dev/null 2> "$tmp/err"
check "outdir: -o / is refused" test $? -eq 3
"$TOOL" build -s "$TOP/xsl" -o '' "$reg" > /dev/null 2> "$tmp/err"
check "outdir: -o '' is a usage error" test $? -eq 2

# ===== A partial build carries the other trees over

o=$tmp/partial
build "$A" "$o" > /dev/null 2>&1
outputs_view "$o" > "$tmp/A.view"
build "$B" "$o" > /dev/null 2>&1
outputs_view "$o" > "$tmp/B.view"
build "$A" "$o" > /dev/null 2>&1
build "$B" "$o" -f man > /dev/null 2>&1
outputs_view "$o" > "$tmp/mixed.view"
grep -E '^[LDF] man([ /]|$)' "$tmp/B.view" > "$tmp/want.view"
grep -vE '^[LDF] man([ /]|$)' "$tmp/A.view" >> "$tmp/want.view"
LC_ALL=C sort "$tmp/want.view" > "$tmp/want.sorted"
LC_ALL=C sort "$tmp/mixed.view" > "$tmp/mixed.sorted"
if [ "$(wc -l < "$tmp/A.view")" -gt 10 ] && ! cmp -s "$tmp/A.view" "$tmp/B.view" &&
    cmp -s "$tmp/want.sorted" "$tmp/mixed.sorted"; then
	ok "outdir: -f man replaces man/ and keeps info, docset and html"
else
	not_ok "outdir: -f man"; diff "$tmp/want.sorted" "$tmp/mixed.sorted" | head
fi
check "outdir: one generation after five builds" test -z "$(leftovers "$o")"

# ===== Killed at every step: old or new, never a mix

if ! command -v strace > /dev/null 2>&1 || ! strace -o /dev/null true 2> /dev/null; then
	not_ok "outdir: strace is missing or cannot trace here (make deps installs it)"
else
	o=$tmp/kill
	kills=0
	bad=0
	for sc in mkdir openat write rename symlink link unlink rmdir; do
		n=1
		while :; do
			build "$A" "$o" > /dev/null 2>&1 || { bad=$((bad + 1)); break; }
			SOURCE_DATE_EPOCH=$B strace -f -o /dev/null -e trace="$sc" \
			    -e inject="$sc":signal=KILL:when="$n" \
			    "$TOOL" build -s "$TOP/xsl" -o "$o" "$reg" > /dev/null 2>&1
			rc=$?
			outputs_view "$o" > "$tmp/k.view"
			if ! cmp -s "$tmp/k.view" "$tmp/A.view" && ! cmp -s "$tmp/k.view" "$tmp/B.view"; then
				bad=$((bad + 1))
				echo "outdir: killed at $sc #$n: neither the old outputs nor the new"
				diff "$tmp/A.view" "$tmp/k.view" | head -5
			fi
			[ "$rc" -eq 0 ] && break	# fewer than n such calls: done
			kills=$((kills + 1))
			n=$((n + 1))
		done
	done
	if [ "$kills" -gt 50 ] && [ "$bad" -eq 0 ]; then
		ok "outdir: killed at each of $kills file-system steps: old or new outputs every time"
	else
		not_ok "outdir: kill at every step: $bad bad of $kills kills"
	fi
	build "$A" "$o" > /dev/null 2>&1
	if [ -z "$(leftovers "$o")" ] && [ -z "$(ls -A "$o" | grep -v -xE 'man|info|docset|html|data|\.httperror')" ]; then
		ok "outdir: the next build removes everything the killed ones left"
	else
		not_ok "outdir: left behind after kills"; leftovers "$o"; ls -A "$o"
	fi
fi

# The very first build into a new directory, killed at each step too: the
# next build still works and leaves nothing but its own names.
if command -v strace > /dev/null 2>&1; then
	bad=0
	kills=0
	for sc in mkdir openat write rename; do
		n=1
		while [ "$n" -le 12 ]; do
			o=$tmp/first-$sc-$n
			SOURCE_DATE_EPOCH=$B strace -f -o /dev/null -e trace="$sc" \
			    -e inject="$sc":signal=KILL:when="$n" \
			    "$TOOL" build -s "$TOP/xsl" -o "$o" "$reg" > /dev/null 2>&1 && break
			kills=$((kills + 1))
			if ! build "$B" "$o" > /dev/null 2>&1 || ! outputs_view "$o" | cmp -s - "$tmp/B.view" ||
			    [ -n "$(leftovers "$o")" ] ||
			    [ -n "$(ls -A "$o" | grep -v -xE 'man|info|docset|html|data|\.httperror')" ]; then
				bad=$((bad + 1)); echo "outdir: first build killed at $sc #$n: not recovered"
				ls -A "$o"
			fi
			n=$((n + 1))
		done
	done
	check "outdir: a first build killed at each of $kills early steps is recovered by the next" \
		test "$bad" -eq 0 -a "$kills" -gt 10
fi

# ===== Concurrent builds into one directory

o=$tmp/conc
build "$A" "$o" > /dev/null 2>&1
lost=0
for i in 1 2 3 4 5; do
	build "$A" "$o" > /dev/null 2>&1
	build "$B" "$o" -f man > /dev/null 2>&1 & p1=$!
	build "$B" "$o" -f info,docset,html,data > /dev/null 2>&1 & p2=$!
	wait "$p1"; r1=$?
	wait "$p2"; r2=$?
	outputs_view "$o" > "$tmp/c.view"
	{ [ "$r1" -eq 0 ] && [ "$r2" -eq 0 ] && cmp -s "$tmp/c.view" "$tmp/B.view"; } || lost=$((lost + 1))
done
if [ "$lost" -eq 0 ]; then
	ok "outdir: two concurrent partial builds both land, five times out of five"
else
	not_ok "outdir: concurrent builds lost work $lost times of 5"
fi
check "outdir: one generation after concurrent builds" test -z "$(leftovers "$o")"
echo "outdir: $npass passed, $nfail failed"
[ "$nfail" -eq 0 ]

#!/bin/sh
# loader.sh: what a hostile registry tree can reach, and how the loader speaks.
#   - a code file, or a file a nested include names, that is a symbolic link
#     out of the registry is refused, and nothing of its target reaches any
#     output; a link that stays inside is followed;
#   - the schema is the tool's own, whatever the registry directory holds;
#   - registry, stylesheet and output paths with a space, ':', '%' and
#     non-ASCII build the same outputs as plain ones;
#   - diagnostics: an unreadable file and a directory in place of a file are
#     named; a line past 65535 is reported as itself, not clamped;
#   - every stderr line here starts with "httperror: ".
# (The rejections with a fixed message are fixtures in tests/invalid/.)
. "$(dirname "$0")/lib.sh"
make_scratch
cd "$TOP" || exit 1
errs=$tmp/all.err
: > "$errs"

# run NAME WANT_RC COMMAND...: exit status; stderr kept in $tmp/err and $errs.
run() {
	name=$1
	want=$2
	shift 2
	"$@" > /dev/null 2> "$tmp/err"
	rc=$?
	cat "$tmp/err" >> "$errs"
	if [ "$rc" -eq "$want" ]; then ok "loader: $name: exit $want"; else
		not_ok "loader: $name: exit $rc, expected $want"; cat "$tmp/err"; fi
}

# A file outside every registry, with a secret in it.
mkdir -p "$tmp/outside"
sed 's|<tldr>Nothing at that URL.</tldr>|<tldr>SECRET-OUTSIDE</tldr>|' \
	tests/fixtures/base/codes/404-not-found.xml > "$tmp/outside/404.xml"
echo 'SECRET-PASSWD:x:0:0' > "$tmp/outside/passwd"

# 1. A code file that is a symbolic link out of the registry.
fixture_registry "$tmp/l1" ""
ln -sf "$tmp/outside/404.xml" "$tmp/l1/xml/codes/404-not-found.xml"
run "code file linked outside" 1 "$TOOL" check "$tmp/l1/xml/registry.xml"
if grep -q "refusing to include 'codes/404-not-found.xml': it resolves to '$tmp/outside/404.xml', outside" "$tmp/err"; then
	ok "loader: code file linked outside: says where it resolves"
else
	not_ok "loader: code file linked outside: message"; cat "$tmp/err"
fi
run "code file linked outside: build" 1 "$TOOL" build -o "$tmp/l1/out" "$tmp/l1/xml/registry.xml"
check "loader: code file linked outside: no output" test ! -e "$tmp/l1/out/man"

# 2. A nested include (inside a code file) of a link to a file outside.
fixture_registry "$tmp/l2" ""
ln -s "$tmp/outside/passwd" "$tmp/l2/xml/codes/notes.xml"
sed -e 's|<status |<status xmlns:xi="http://www.w3.org/2001/XInclude" |' \
    -e 's|<p>Check the routes.</p>|<p>Check the routes. <xi:include href="notes.xml"/></p>|' \
	tests/fixtures/base/codes/404-not-found.xml > "$tmp/l2/xml/codes/404-not-found.xml"
run "nested include of a link outside" 1 "$TOOL" build -o "$tmp/l2/out" "$tmp/l2/xml/registry.xml"
if grep -q "xml/codes/404-not-found.xml:20: error: refusing to include 'notes.xml': it resolves to '$tmp/outside/passwd'" "$tmp/err" &&
    ! grep -q SECRET "$tmp/err"; then
	ok "loader: nested include of a link outside: refused at the include, target unread"
else
	not_ok "loader: nested include of a link outside: message"; cat "$tmp/err"
fi
if grep -rqs SECRET "$tmp/l2/out/" ; then not_ok "loader: the secret reached an output"; else
	ok "loader: nothing of the target reached an output"; fi

# 3. A link that stays inside the registry is fine.
fixture_registry "$tmp/l3" ""
mv "$tmp/l3/xml/codes/404-not-found.xml" "$tmp/l3/xml/codes/real-404.xml"
ln -s real-404.xml "$tmp/l3/xml/codes/404-not-found.xml"
run "a link inside the registry" 0 "$TOOL" check "$tmp/l3/xml/registry.xml"

# 4. The schema is the tool's: a permissive registry.xsd beside the registry
#    changes nothing (tests/invalid/permissive-schema has the message).
fixture_registry "$tmp/l4" "$TOP/tests/invalid/permissive-schema"
run "permissive schema beside the registry" 1 "$TOOL" check "$tmp/l4/xml/registry.xml"
check "loader: the built-in schema still says what is missing" grep -q "attribute 'name' is required" "$tmp/err"

# 5. Paths with a space, ':', '%' and non-ASCII: the same outputs as plain ones.
odd="$tmp/odd dir:x%41 é"
mkdir -p "$odd"
cp -R xml xsl "$odd/"
"$TOOL" build -o "$tmp/plain" > /dev/null 2>&1
run "registry, stylesheets and output under an odd path" 0 \
	"$TOOL" build -s "$odd/xsl" -o "$odd/out put" "$odd/xml/registry.xml"
outputs_view "$tmp/plain" > "$tmp/plain.sums"
outputs_view "$odd/out put" > "$tmp/odd.sums"
if [ -s "$tmp/plain.sums" ] && cmp -s "$tmp/plain.sums" "$tmp/odd.sums"; then
	ok "loader: odd paths give byte-identical outputs"
else
	not_ok "loader: odd paths give different outputs"; diff "$tmp/plain.sums" "$tmp/odd.sums" | head -5
fi
(cd "$odd" && "$TOOL" check "xml/registry.xml") > /dev/null 2>&1
check "loader: a relative registry path under an odd directory" test $? -eq 0

# 6. A directory where a code file should be, and an unreadable code file.
fixture_registry "$tmp/l6" ""
rm "$tmp/l6/xml/codes/404-not-found.xml"
mkdir "$tmp/l6/xml/codes/404-not-found.xml"
run "a directory in place of a code file" 3 "$TOOL" check "$tmp/l6/xml/registry.xml"
check "loader: the directory is named" grep -q "cannot read '$tmp/l6/xml/codes/404-not-found.xml': Is a directory" "$tmp/err"
fixture_registry "$tmp/l7" ""
chmod 000 "$tmp/l7/xml/codes/404-not-found.xml"
if [ "$(id -u)" -eq 0 ]; then
	# root reads anything: drop to nobody for this one, on a tree nobody can reach.
	chmod 755 "$tmp" && chmod -R a+rX "$tmp/l7" && chmod 000 "$tmp/l7/xml/codes/404-not-found.xml"
	as_nobody="setpriv --reuid=65534 --regid=65534 --clear-groups"
else
	as_nobody=
fi
# shellcheck disable=SC2086 # $as_nobody: empty or a command and its options
run "an unreadable code file" 3 $as_nobody "$TOOL" check "$tmp/l7/xml/registry.xml"
check "loader: the unreadable file is named" grep -q "cannot open '$tmp/l7/xml/codes/404-not-found.xml': Permission denied" "$tmp/err"
chmod 700 "$tmp"

# 7. An error past line 65535 is reported at its own line.
fixture_registry "$tmp/l8" ""
awk 'NR == 3 { for (i = 0; i < 70000; i++) print "" } { print }' \
	tests/fixtures/base/codes/404-not-found.xml |
	sed 's|<fault>client</fault>|<fault>nobody</fault>|' > "$tmp/l8/xml/codes/404-not-found.xml"
line=$(grep -n '<fault>' "$tmp/l8/xml/codes/404-not-found.xml" | cut -d: -f1)
run "an error past line 65535" 1 "$TOOL" check "$tmp/l8/xml/registry.xml"
check "loader: reported at line $line, not clamped" grep -q "xml/codes/404-not-found.xml:$line: error: Element 'fault'" "$tmp/err"

# Every line of stderr above, in our format.
if [ -s "$errs" ] && ! grep -qv '^httperror: ' "$errs"; then
	ok "loader: every diagnostic starts with 'httperror: '"
else
	not_ok "loader: diagnostics not in our format"; grep -v '^httperror: ' "$errs" | head
fi
echo "loader: $npass passed, $nfail failed"
[ "$nfail" -eq 0 ]

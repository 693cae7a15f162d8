#!/bin/sh
# cli.sh: the command line: --help, --version, and the exit status of each kind
# of bad invocation (2) and of a system error (3).
. "$(dirname "$0")/lib.sh"
make_scratch
cd "$TOP" || exit 1

group=cli

"$TOOL" --version > "$tmp/v"
check "cli: --version" grep -qx "httperror [0-9][0-9.]*" "$tmp/v"
"$TOOL" --help > "$tmp/h"
check "cli: --help names both commands" grep -q "httperror check" "$tmp/h"
expect 0 "check the real registry" "$TOOL" check
expect 2 "unknown command" "$TOOL" frobnicate
expect 2 "unknown format" "$TOOL" build -o "$tmp/o" -f man,pdf
expect 2 "unknown option" "$TOOL" build -x
expect 2 "two registries" "$TOOL" check xml/registry.xml xml/registry.xml
expect 2 "bad SOURCE_DATE_EPOCH" env SOURCE_DATE_EPOCH=yesterday "$TOOL" build -o "$tmp/o" -f man
expect 2 "feed URL that is not http(s)" "$TOOL" build -o "$tmp/o" -u 'javascript:alert(1)'
expect 3 "missing registry" "$TOOL" check "$tmp/no/such/registry.xml"
expect 3 "missing stylesheet (a system error, like a missing directory)" "$TOOL" build -o "$tmp/o" -s "$tmp"
mkdir -p "$tmp/xsl-no-common"
cp "$TOP"/xsl/* "$tmp/xsl-no-common/"
rm "$tmp/xsl-no-common/common.xsl"
expect 3 "missing imported stylesheet common.xsl" "$TOOL" build -o "$tmp/o" -s "$tmp/xsl-no-common"
check "cli: the missing import is named" grep -q "cannot open '$tmp/xsl-no-common/common.xsl': No such file or directory" "$tmp/err"
expect 2 "feed URL with a control character" "$TOOL" build -o "$tmp/o" -u "$(printf 'https://example.org/a\001b')"
check "cli: the control character is not echoed raw" test "$(tr -d '\001' < "$tmp/err" | cmp -s - "$tmp/err"; echo $?)" = 0
expect 2 "feed URL with markup" "$TOOL" build -o "$tmp/o" -u 'https://example.org/"><x>'
expect 2 "feed URL with a space" "$TOOL" build -o "$tmp/o" -u 'https://example.org/a b'
expect 2 "empty output directory name" "$TOOL" build -o ''
expect 2 "zero jobs" "$TOOL" build -o "$tmp/o" -j 0
expect 2 "jobs that is not a number" "$TOOL" build -o "$tmp/o" -j two
expect 2 "too many jobs" "$TOOL" build -o "$tmp/o" -j 65
expect 2 "-D with an unknown name" "$TOOL" build -o "$tmp/o" -D bindir=/usr/bin
expect 2 "-D with a relative directory" "$TOOL" build -o "$tmp/o" -D mandir=share/man
expect 2 "-D with a quote in the directory" "$TOOL" build -o "$tmp/o" -D "docdir=/usr/share/a'b"
# A good feed URL still goes into the feed.
if "$TOOL" build -o "$tmp/feed" -f docset -u 'https://example.org/d/HTTPError.tgz?v=1&x=%41' > /dev/null 2>&1 &&
    xmllint --noout "$tmp/feed/docset/HTTPError.xml" 2> /dev/null &&
    grep -q 'https://example.org/d/HTTPError.tgz?v=1&amp;x=%41' "$tmp/feed/docset/HTTPError.xml"; then
	ok "cli: a URL with a query goes into a well-formed feed"
else
	not_ok "cli: feed URL with a query"
fi
if [ -e "$tmp/o/man" ]; then not_ok "cli: failed builds wrote output"; else ok "cli: failed builds wrote no output"; fi
echo "cli: $npass passed, $nfail failed"
[ "$nfail" -eq 0 ]

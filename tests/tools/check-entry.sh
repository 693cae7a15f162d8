#!/bin/sh
# Validate some registry entries against the schema before the compiler exists.
# Usage: tests/tools/check-entry.sh xml/codes/NNN-slug.xml...
# Builds a scratch registry holding only the named files plus 404; keyref errors for
# slugs of the planned registry that are not in the scratch set are filtered out.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/codes"
cp "$top/xml/registry.xsd" "$top/xml/xml.xsd" "$tmp/"
{
  grep -v -e '<xi:include' -e '</registry>' "$top/xml/registry.xml"
  for f in "$top/xml/codes/404-not-found.xml" "$@"; do
    b=$(basename "$f")
    cp "$f" "$tmp/codes/$b"
    echo "  <xi:include href=\"codes/$b\"/>"
  done | sort -u
  echo '</registry>'
} > "$tmp/registry.xml"
xmllint --noout --nonet --xinclude --schema "$tmp/registry.xsd" "$tmp/registry.xml" 2>&1 |
  grep -v "No match found for key-sequence \['\(100-continue\|102-processing\|103-early-hints\|200-ok\|204-no-content\|301-moved-permanently\|304-not-modified\|401-unauthorized\|404-not-found\|405-method-not-allowed\|429-too-many-requests\|499-client-closed-request\|499-token-required\|500-internal-server-error\|502-bad-gateway\|503-service-unavailable\)'\]" |
  grep -v 'fails to validate' || true
echo "check-entry: done (no lines above means valid)"

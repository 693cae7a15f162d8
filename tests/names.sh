#!/bin/sh
# names.sh: the names libraries give each status (<names> in <facts>),
# checked both ways against the libraries: every <name> must be what the
# library calls the entry's code, and every code in the registry that a
# library has a name for must have that name recorded, so a missing name
# fails as a wrong one does.
#   python  HTTPStatus[NAME].value, with Debian's /usr/bin/python3
#   go      one program printing every constant named, built with Go 1.23
#           (GO111MODULE=off); the other way, http.StatusText, which has a
#           text for exactly the codes net/http has a constant for
#   node    http.STATUS_CODES[code] is the phrase recorded
#   rack    Rack::Utils::SYMBOL_TO_STATUS_CODE[:sym], Debian's ruby-rack
#   spring, aspnetcore
#           NOT a live library: neither Spring nor ASP.NET Core runs here, so
#           their names are checked against the lists at the end of this
#           file, recorded from the sources named there; their PASS lines
#           say so.
# Also: the schema's libraries are exactly the six above, and each entry
# gives its names in the schema's order, which is the order every output
# shows them in.  NAMES_REGISTRY=FILE checks another registry.
. "$(dirname "$0")/lib.sh"
make_scratch
reg=${NAMES_REGISTRY:-$TOP/xml/registry.xml}
CHECKED="python go node rack spring aspnetcore"
PYTHON=/usr/bin/python3
RUBY=/usr/bin/ruby
GO=/usr/lib/go-1.23/bin/go
tab=$(printf '\t')

# report FILE: a checker's "PASS: " and "FAIL: " lines as results; anything
# else it printed is shown as it is.
report() {
	while IFS= read -r line; do
		case "$line" in
		"PASS: "*) ok "${line#PASS: }" ;;
		"FAIL: "*) not_ok "${line#FAIL: }" ;;
		*) echo "$line" ;;
		esac
	done < "$1"
}

# ===== The registry's names, the schema's libraries, the order.

if [ ! -x "$PYTHON" ]; then
	not_ok "names: no $PYTHON (make deps installs python3)"
	echo "names: $npass passed, $nfail failed"; exit 1
fi
# statuses.tsv: SLUG CODE; names.tsv: SLUG CODE LIB NAME (the schema keeps
# tabs and newlines out of a name).
"$PYTHON" - "$reg" "$TOP/xml/registry.xsd" "$tmp" "$CHECKED" > "$tmp/registry.out" 2>&1 <<'EOF'
import os
import sys
import xml.etree.ElementTree as ET
from xml.etree import ElementInclude

reg, xsd, out, checked = sys.argv[1:]
root = ET.parse(reg).getroot()
ElementInclude.include(root, base_url=reg)
XS = "{http://www.w3.org/2001/XMLSchema}"
libs = [e.get("value")
        for t in ET.parse(xsd).getroot().iter(XS + "simpleType") if t.get("name") == "lib"
        for e in t.iter(XS + "enumeration")]
if sorted(libs) == sorted(checked.split()):
    print("PASS: names: the schema's libraries are the ones this test checks: " + " ".join(libs))
else:
    print("FAIL: names: the schema's libraries (%s) are not the ones this test checks (%s)"
          % (" ".join(libs), checked))
n = 0
disorder = False
with open(os.path.join(out, "statuses.tsv"), "w") as s, open(os.path.join(out, "names.tsv"), "w") as f:
    for st in root.findall("status"):
        slug, code = st.get("slug"), st.get("code")
        s.write("%s\t%s\n" % (slug, code))
        got = []
        for name in st.findall("facts/names/name"):
            f.write("\t".join((slug, code, name.get("lib"), name.text or "")) + "\n")
            got.append(name.get("lib"))
            n += 1
        want = sorted(got, key=lambda l: libs.index(l) if l in libs else len(libs))
        if got != want:
            print("FAIL: names: %s: names in the order %s, not the schema's %s"
                  % (slug, " ".join(got), " ".join(want)))
            disorder = True
if not disorder:
    print("PASS: names: every entry gives its names in the schema's order")
print("PASS: names: %d names read from %s" % (n, os.path.basename(reg)) if n else
      "FAIL: names: no <name> in %s" % reg)
EOF
rc=$?
report "$tmp/registry.out"
if [ "$rc" -ne 0 ] || [ ! -s "$tmp/statuses.tsv" ]; then
	not_ok "names: reading $reg (exit $rc)"
	echo "names: $npass passed, $nfail failed"; exit 1
fi
codes=$(cut -f2 "$tmp/statuses.tsv" | sort -un | tr '\n' ' ')

# ===== Python: http.HTTPStatus

"$PYTHON" - "$tmp/names.tsv" "$codes" > "$tmp/python.out" 2>&1 <<'EOF'
import platform
import sys
from http import HTTPStatus

names = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
print("names: python %s, %s" % (platform.python_version(), sys.executable))
for slug, code, lib, name in names:
    if lib != "python":
        continue
    member = name[len("HTTPStatus."):] if name.startswith("HTTPStatus.") else None
    if member is None:
        print("FAIL: python: %s: '%s' is not HTTPStatus.NAME" % (slug, name))
    elif member not in HTTPStatus.__members__:
        print("FAIL: python: %s: http.HTTPStatus has no member %s" % (slug, member))
    elif HTTPStatus[member].value != int(code):
        print("FAIL: python: %s: %s is %d, not %s" % (slug, name, HTTPStatus[member].value, code))
    else:
        print("PASS: python: %s: %s is %s" % (slug, name, code))
named = {code for slug, code, lib, name in names if lib == "python"}
known = [c for c in sys.argv[2].split() if int(c) in HTTPStatus._value2member_map_]
for c in known:
    if c not in named:
        print("FAIL: python: HTTPStatus(%s) is HTTPStatus.%s, and no entry for %s names it"
              % (c, HTTPStatus(int(c)).name, c))
if named >= set(known):
    print("PASS: python: every code HTTPStatus knows is named (%s)" % " ".join(known))
EOF
report "$tmp/python.out"

# ===== Go: net/http

if [ ! -x "$GO" ]; then
	not_ok "go: no $GO (make deps installs golang-1.23-go from bookworm-backports)"
else
	mkdir -p "$tmp/go"
	awk -F'\t' '$3 == "go" { print $1 "\t" $2 "\t" $4 }' "$tmp/names.tsv" > "$tmp/go/all"
	# Only http.StatusNAME reaches the program, so a name cannot be code.
	: > "$tmp/go/rows"
	while IFS="$tab" read -r slug code name; do
		case "$name" in
		http.Status*[!A-Za-z0-9]* | http.Status) not_ok "go: $slug: '$name' is not http.StatusNAME" ;;
		http.Status*) printf '%s\t%s\t%s\n' "$slug" "$code" "$name" >> "$tmp/go/rows" ;;
		*) not_ok "go: $slug: '$name' is not http.StatusNAME" ;;
		esac
	done < "$tmp/go/all"
	# go_build: main.go from rows, one Println per row from line 9 on, then
	# StatusText for every code in the registry; build it into prog.
	go_build() {
		{
			printf 'package main\n\nimport (\n\t"fmt"\n\t"net/http"\n)\n\nfunc main() {\n'
			awk -F'\t' '{ printf "\tfmt.Println(\"%s\", %s)\n", $1, $3 }' "$tmp/go/rows"
			printf '\tfor _, c := range []int{%s} {\n' "$(echo $codes | tr ' ' ',')"
			printf '\t\tfmt.Println("text", c, http.StatusText(c) != "")\n\t}\n}\n'
		} > "$tmp/go/main.go"
		(cd "$tmp/go" && GO111MODULE=off GOTOOLCHAIN=local GOCACHE="$TOP/build/go-cache" \
			"$GO" build -gcflags=-e -o prog main.go) > "$tmp/go/build.log" 2>&1
	}
	if ! go_build; then
		# A name net/http does not have: say which, and build without it.
		sed -n 's/^\.\/main\.go:\([0-9]*\):[0-9]*: \(.*\)/\1 \2/p' "$tmp/go/build.log" |
		while read -r line msg; do
			row=$(sed -n "$((line - 8))p" "$tmp/go/rows")
			if [ -n "$row" ]; then echo "FAIL: go: ${row%%"$tab"*}: $msg"; else
				echo "FAIL: go: main.go:$line: $msg"; fi
		done > "$tmp/go.out"
		report "$tmp/go.out"
		[ -s "$tmp/go.out" ] || { not_ok "go: build"; cat "$tmp/go/build.log"; }
		bad=$(sed -n 's/^\.\/main\.go:\([0-9]*\):.*/\1/p' "$tmp/go/build.log" | sort -un | tr '\n' ' ')
		for line in $bad; do echo "$((line - 8))"; done > "$tmp/go/bad"
		awk 'NR == FNR { bad[$1] = 1; next } !(FNR in bad)' "$tmp/go/bad" "$tmp/go/rows" > "$tmp/go/left"
		mv "$tmp/go/left" "$tmp/go/rows"
		go_build || { not_ok "go: build without the names above"; cat "$tmp/go/build.log"; }
	fi
	if [ -x "$tmp/go/prog" ]; then
		echo "names: $("$GO" version)"
		"$tmp/go/prog" > "$tmp/go/values"
		# Each row's constant against its code, then each code Go knows.
		# A code is named even when its name failed to build above.
		awk -F'\t' -v named_codes="$(cut -f2 "$tmp/go/all" | tr '\n' ' ')" '
		BEGIN { n = split(named_codes, c, " "); for (i = 1; i <= n; i++) named[c[i]] = 1 }
		NR == FNR { code[$1] = $2; name[$1] = $3; next }
		$1 == "text" {
			if ($3 == "true") { known = known " " $2; if (!($2 in named)) {
				print "FAIL: go: net/http has a constant for " $2 ", and no entry for " $2 " names it"; missing = 1 } }
			next
		}
		{
			if ($2 == code[$1]) print "PASS: go: " $1 ": " name[$1] " is " $2
			else print "FAIL: go: " $1 ": " name[$1] " is " $2 ", not " code[$1]
		}
		END { if (!missing) print "PASS: go: every code net/http has a constant for is named (" substr(known, 2) ")" }' \
			"$tmp/go/rows" FS=' ' "$tmp/go/values" > "$tmp/go.out"
		report "$tmp/go.out"
	fi
fi

# ===== Node.js: http.STATUS_CODES

if ! command -v node > /dev/null 2>&1; then
	not_ok "node: no node on PATH (make deps installs nodejs)"
else
	cat > "$tmp/names.js" <<'EOF'
'use strict';
const fs = require('fs');
const { STATUS_CODES } = require('http');
const names = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t'));
const codes = process.argv[3].split(' ').filter(Boolean);
console.log(`names: node ${process.version}`);
const named = new Set();
for (const [slug, code, lib, name] of names) {
	if (lib !== 'node') continue;
	named.add(code);
	const got = STATUS_CODES[code];
	if (got === name) console.log(`PASS: node: ${slug}: STATUS_CODES[${code}] is '${name}'`);
	else console.log(`FAIL: node: ${slug}: STATUS_CODES[${code}] is ${JSON.stringify(got)}, not '${name}'`);
}
const known = codes.filter((c) => STATUS_CODES[c] !== undefined);
const missing = known.filter((c) => !named.has(c));
for (const c of missing) console.log(`FAIL: node: STATUS_CODES[${c}] is '${STATUS_CODES[c]}', and no entry for ${c} names it`);
if (missing.length === 0) console.log(`PASS: node: every code STATUS_CODES knows is named (${known.join(' ')})`);
EOF
	node "$tmp/names.js" "$tmp/names.tsv" "$codes" > "$tmp/node.out" 2>&1 ||
		not_ok "node: the check exited $?"
	report "$tmp/node.out"
fi

# ===== Rack (and Rails): Rack::Utils::SYMBOL_TO_STATUS_CODE

if [ ! -x "$RUBY" ] || ! "$RUBY" -e "require 'rack/utils'" 2> /dev/null; then
	not_ok "rack: no $RUBY with rack/utils (make deps installs ruby-rack)"
else
	cat > "$tmp/names.rb" <<'EOF'
require 'rack'
require 'rack/utils'
names = File.readlines(ARGV[0], chomp: true).map { |l| l.split("\t") }
codes = ARGV[1].split.map(&:to_i)
puts "names: rack #{Rack.release}, ruby #{RUBY_VERSION}"
named = {}
names.each do |slug, code, lib, name|
  next unless lib == 'rack'
  named[code.to_i] = true
  # A symbol as Ruby writes it: :created, or quoted where the phrase is not
  # a plain word (Rack's 306 is :"(unused)").
  if name =~ /\A:([a-z0-9_]+)\z/ || name =~ /\A:"([^"\\]+)"\z/
    sym = $1.to_sym
  else
    puts "FAIL: rack: #{slug}: '#{name}' is not a :symbol"
    next
  end
  got = Rack::Utils::SYMBOL_TO_STATUS_CODE[sym]
  if got == code.to_i
    puts "PASS: rack: #{slug}: #{name} is #{code}"
  else
    puts "FAIL: rack: #{slug}: #{name} is #{got.inspect}, not #{code}"
  end
end
known = codes.select { |c| Rack::Utils::HTTP_STATUS_CODES.key?(c) }
missing = known.reject { |c| named[c] }
missing.each do |c|
  sym = Rack::Utils::SYMBOL_TO_STATUS_CODE.key(c)
  puts "FAIL: rack: #{c} is #{sym.inspect}, and no entry for #{c} names it"
end
puts "PASS: rack: every code Rack knows is named (#{known.join(' ')})" if missing.empty?
EOF
	"$RUBY" "$tmp/names.rb" "$tmp/names.tsv" "$codes" > "$tmp/rack.out" 2>&1 ||
		not_ok "rack: the check exited $?"
	report "$tmp/rack.out"
fi

# ===== Spring and ASP.NET Core: against the lists below, not a live library

# listed LIB PREFIX WHAT: the names of LIB against the list (CODE NAME lines)
# on stdin.
listed() {
	cat > "$tmp/$1.list"
	"$PYTHON" - "$tmp/names.tsv" "$codes" "$tmp/$1.list" "$1" "$2" "$3" <<'EOF'
import sys

names_tsv, codes, listfile, lib, prefix, what = sys.argv[1:]
rows = [l.rstrip("\n").split("\t") for l in open(names_tsv)]
consts = {}
for line in open(listfile):
    if line.strip() and not line.startswith("#"):
        code, name = line.split()
        consts[prefix + name] = code
named = set()
for slug, code, l, name in rows:
    if l != lib:
        continue
    named.add(code)
    if name not in consts:
        print("FAIL: %s: %s: %s is not in the list recorded from %s" % (lib, slug, name, what))
    elif consts[name] != code:
        print("FAIL: %s: %s: %s is %s, not %s, in the list recorded from %s"
              % (lib, slug, name, consts[name], code, what))
    else:
        print("PASS: %s: %s: %s is %s in the list recorded from %s (not a live library)"
              % (lib, slug, name, code, what))
known = sorted({c for c in consts.values() if c in codes.split()}, key=int)
for c in known:
    if c not in named:
        have = " or ".join(sorted(n for n, v in consts.items() if v == c))
        print("FAIL: %s: the list recorded from %s has %s for %s, and no entry for %s names it"
              % (lib, what, have, c, c))
if named >= set(known):
    print("PASS: %s: every code in the list recorded from %s is named (%s; not a live library)"
          % (lib, what, " ".join(known)))
EOF
}

# Spring Framework's org.springframework.http.HttpStatus: the constants of
# spring-web/src/main/java/org/springframework/http/HttpStatus.java in
# spring-projects/spring-framework, the same file from tag v7.0.0 to v7.0.9
# and on main (commit 91eb42645e26, 2026-08-22).  PROCESSING is deprecated
# since 7.0 but still there; EARLY_HINTS (since 6.0.5) replaced CHECKPOINT,
# which 6.2 still has and 7.0 dropped.
listed spring HttpStatus. "Spring's HttpStatus.java" > "$tmp/spring.out" 2>&1 <<'EOF'
100 CONTINUE
101 SWITCHING_PROTOCOLS
102 PROCESSING
103 EARLY_HINTS
200 OK
201 CREATED
202 ACCEPTED
203 NON_AUTHORITATIVE_INFORMATION
204 NO_CONTENT
205 RESET_CONTENT
206 PARTIAL_CONTENT
207 MULTI_STATUS
208 ALREADY_REPORTED
226 IM_USED
300 MULTIPLE_CHOICES
301 MOVED_PERMANENTLY
302 FOUND
303 SEE_OTHER
304 NOT_MODIFIED
307 TEMPORARY_REDIRECT
308 PERMANENT_REDIRECT
400 BAD_REQUEST
401 UNAUTHORIZED
402 PAYMENT_REQUIRED
403 FORBIDDEN
404 NOT_FOUND
405 METHOD_NOT_ALLOWED
406 NOT_ACCEPTABLE
407 PROXY_AUTHENTICATION_REQUIRED
408 REQUEST_TIMEOUT
409 CONFLICT
410 GONE
411 LENGTH_REQUIRED
412 PRECONDITION_FAILED
413 CONTENT_TOO_LARGE
413 PAYLOAD_TOO_LARGE
414 URI_TOO_LONG
415 UNSUPPORTED_MEDIA_TYPE
416 REQUESTED_RANGE_NOT_SATISFIABLE
417 EXPECTATION_FAILED
418 I_AM_A_TEAPOT
421 MISDIRECTED_REQUEST
422 UNPROCESSABLE_CONTENT
422 UNPROCESSABLE_ENTITY
423 LOCKED
424 FAILED_DEPENDENCY
425 TOO_EARLY
426 UPGRADE_REQUIRED
428 PRECONDITION_REQUIRED
429 TOO_MANY_REQUESTS
431 REQUEST_HEADER_FIELDS_TOO_LARGE
451 UNAVAILABLE_FOR_LEGAL_REASONS
500 INTERNAL_SERVER_ERROR
501 NOT_IMPLEMENTED
502 BAD_GATEWAY
503 SERVICE_UNAVAILABLE
504 GATEWAY_TIMEOUT
505 HTTP_VERSION_NOT_SUPPORTED
506 VARIANT_ALSO_NEGOTIATES
507 INSUFFICIENT_STORAGE
508 LOOP_DETECTED
509 BANDWIDTH_LIMIT_EXCEEDED
510 NOT_EXTENDED
511 NETWORK_AUTHENTICATION_REQUIRED
EOF
report "$tmp/spring.out"

# ASP.NET Core's Microsoft.AspNetCore.Http.StatusCodes: the constants of
# src/Http/Http.Abstractions/src/StatusCodes.cs in dotnet/aspnetcore at commit
# 09e9cb2f99c9, plus Status499ClientClosedRequest, added in .NET 8 by
# dotnet/aspnetcore#46330 (API review in #44697) and documented at
# learn.microsoft.com/dotnet/api/microsoft.aspnetcore.http.statuscodes.
# There is no constant for 103: the documented fields go from
# Status102Processing to Status200OK.
listed aspnetcore StatusCodes. "ASP.NET Core's StatusCodes.cs" > "$tmp/aspnetcore.out" 2>&1 <<'EOF'
100 Status100Continue
101 Status101SwitchingProtocols
102 Status102Processing
200 Status200OK
201 Status201Created
202 Status202Accepted
203 Status203NonAuthoritative
204 Status204NoContent
205 Status205ResetContent
206 Status206PartialContent
207 Status207MultiStatus
208 Status208AlreadyReported
226 Status226IMUsed
300 Status300MultipleChoices
301 Status301MovedPermanently
302 Status302Found
303 Status303SeeOther
304 Status304NotModified
305 Status305UseProxy
306 Status306SwitchProxy
307 Status307TemporaryRedirect
308 Status308PermanentRedirect
400 Status400BadRequest
401 Status401Unauthorized
402 Status402PaymentRequired
403 Status403Forbidden
404 Status404NotFound
405 Status405MethodNotAllowed
406 Status406NotAcceptable
407 Status407ProxyAuthenticationRequired
408 Status408RequestTimeout
409 Status409Conflict
410 Status410Gone
411 Status411LengthRequired
412 Status412PreconditionFailed
413 Status413RequestEntityTooLarge
413 Status413PayloadTooLarge
414 Status414RequestUriTooLong
414 Status414UriTooLong
415 Status415UnsupportedMediaType
416 Status416RequestedRangeNotSatisfiable
416 Status416RangeNotSatisfiable
417 Status417ExpectationFailed
418 Status418ImATeapot
419 Status419AuthenticationTimeout
421 Status421MisdirectedRequest
422 Status422UnprocessableEntity
423 Status423Locked
424 Status424FailedDependency
426 Status426UpgradeRequired
428 Status428PreconditionRequired
429 Status429TooManyRequests
431 Status431RequestHeaderFieldsTooLarge
451 Status451UnavailableForLegalReasons
499 Status499ClientClosedRequest
500 Status500InternalServerError
501 Status501NotImplemented
502 Status502BadGateway
503 Status503ServiceUnavailable
504 Status504GatewayTimeout
505 Status505HttpVersionNotsupported
506 Status506VariantAlsoNegotiates
507 Status507InsufficientStorage
508 Status508LoopDetected
510 Status510NotExtended
511 Status511NetworkAuthenticationRequired
EOF
report "$tmp/aspnetcore.out"

echo "names: $npass passed, $nfail failed"
[ "$nfail" -eq 0 ]

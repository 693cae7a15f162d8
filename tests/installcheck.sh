#!/bin/sh
# installcheck.sh: in a built tree, `make install DESTDIR=... PREFIX=/usr`
# puts every output where httperror(7) and the README say, and `make
# uninstall` with the same variables removes every file it put there.
# Run by tests/distcheck.sh (make distcheck) on the unpacked tarball and by
# tests/fresh-debian.sh in the fresh Debian 12 root.  Prints PASS/FAIL lines
# and exits 1 on any failure.
set -u
cd "$(dirname "$0")/.." || exit 1
npass=0
nfail=0
ok() { npass=$((npass + 1)); printf 'PASS: installcheck: %s\n' "$*"; }
not_ok() { nfail=$((nfail + 1)); printf 'FAIL: installcheck: %s\n' "$*"; }

# A space in DESTDIR: every path in the Makefile's recipes must be quoted.
dest=$(mktemp -d "${TMPDIR:-/tmp}/httperror installcheck.XXXXXX")
trap 'rm -rf "$dest"' EXIT
if make -s install DESTDIR="$dest" PREFIX=/usr > "$dest.log" 2>&1; then
	ok "make install DESTDIR PREFIX=/usr"
else
	not_ok "make install DESTDIR PREFIX=/usr"; tail -n 20 "$dest.log"
fi
rm -f "$dest.log"

# Every output, at its place.
for f in usr/bin/httperror usr/share/man/man1/httperror.1.gz \
    usr/share/man/man7/httperror.7.gz usr/share/man/man7/404-not-found.7.gz \
    usr/share/man/man7/5xx.7.gz usr/share/info/httperror.info.gz \
    usr/share/doc/httperror/httperror.html \
    usr/share/httperror/HTTPError.docset/Contents/Info.plist \
    usr/share/httperror/HTTPError.docset/Contents/Resources/docSet.dsidx \
    usr/share/httperror/httperror.db \
    usr/share/bash-completion/completions/httperror \
    usr/share/zsh/vendor-completions/_httperror \
    usr/share/fish/vendor_completions.d/httperror.fish; do
	if [ -f "$dest/$f" ]; then ok "installed $f"; else not_ok "missing $f"; fi
done
if [ -L "$dest/usr/share/man/man7/404.7.gz" ] &&
    [ "$(readlink "$dest/usr/share/man/man7/404.7.gz")" = 404-not-found.7.gz ]; then
	ok "404.7.gz is a link to 404-not-found.7.gz"
else
	not_ok "404.7.gz is not a link to 404-not-found.7.gz"
fi
built=$(ls build/man/man7 | wc -l)
inst=$(ls "$dest/usr/share/man/man7" | wc -l)
if [ "$built" -eq "$inst" ]; then ok "all $built section 7 pages and links installed"; else
	not_ok "$inst section 7 pages installed, $built built"; fi
if [ -x "$dest/usr/bin/httperror" ] &&
    (cd / && "$dest/usr/bin/httperror" 502) | head -n 1 | grep -q '^502 Bad Gateway'; then
	ok "the installed httperror 502 reads its installed data"
else
	not_ok "the installed httperror 502"
fi

# Uninstalled, nothing is left but empty directories.
if make -s uninstall DESTDIR="$dest" PREFIX=/usr > /dev/null 2>&1; then
	ok "make uninstall DESTDIR PREFIX=/usr"
else
	not_ok "make uninstall DESTDIR PREFIX=/usr"
fi
left=$(cd "$dest" && find . ! -type d | LC_ALL=C sort)
if [ -z "$left" ]; then ok "make uninstall left no file behind"; else
	not_ok "make uninstall left behind:"; printf '%s\n' "$left" | head -n 20; fi
echo "installcheck: $npass passed, $nfail failed"
[ "$nfail" -eq 0 ]

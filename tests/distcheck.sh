#!/bin/sh
# distcheck.sh TARBALL (make distcheck): GNU's distcheck for the release
# tarball.  It must hold exactly the files git tracks under
# httperror-VERSION/, and nothing built; unpacked in a scratch directory it
# must build with `make`, pass `make check`, and install and uninstall
# cleanly (tests/installcheck.sh).  CI runs the same steps on the same
# tarball in a fresh Debian 12 root (tests/fresh-debian.sh), and
# tests/package.sh checks that the tarball is reproducible.
set -u
tarball=$1
TOP=$(cd "$(dirname "$0")/.." && pwd)
case $tarball in /*) ;; *) tarball=$PWD/$tarball ;; esac
name=$(basename "$tarball" .tar.gz)
work=$(mktemp -d "${TMPDIR:-/tmp}/httperror-distcheck.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: distcheck: $*"; exit 1; }

tar -tzf "$tarball" | LC_ALL=C sort > "$work/listed" || fail "cannot read $tarball"
(cd "$TOP" && git ls-files) | sed "s,^,$name/," | LC_ALL=C sort > "$work/tracked"
cmp -s "$work/listed" "$work/tracked" ||
	{ diff "$work/tracked" "$work/listed" | head -n 20; fail "the tarball is not exactly git ls-files"; }
echo "PASS: distcheck: $tarball holds exactly the $(wc -l < "$work/listed") files git tracks"
tar -xzf "$tarball" -C "$work" || fail "cannot unpack $tarball"
cd "$work/$name" || fail "no $name/ in the tarball"
make > "$work/make.log" 2>&1 || { tail -n 20 "$work/make.log"; fail "make"; }
echo "PASS: distcheck: make"
make check > "$work/check.log" 2>&1 || { grep '^FAIL' "$work/check.log" | head -n 20; tail -n 3 "$work/check.log"; fail "make check"; }
echo "PASS: distcheck: make check ($(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$work/check.log" | tail -n 1))"
sh tests/installcheck.sh || fail "install and uninstall"
echo "distcheck: $name.tar.gz is ready"

#!/bin/sh
# package.sh: the release as a distribution gets it (.ci/run runs this after
# make check-fresh; it is not part of make check).
#
#   - make dist twice, under another umask, time zone and checkout path,
#     gives the same bytes, and make distcheck's list check passes;
#   - dpkg-buildpackage -us -uc -b builds the Debian package from a clean
#     tree, twice (other umask, time zone and build path) with byte-identical
#     .deb files;
#   - lintian passes at its default level: no error, no warning;
#   - in a clean Debian 12 root made here (debootstrap --variant=minbase),
#     `apt-get install ./httperror_*.deb` with man-db and info, then man 404,
#     apropos gateway, info httperror 404, httperror 502 and the HTML page;
#     `apt-get purge httperror` removes every file, the Info directory entry
#     and the manual index entries;
#   - then, in that root, `apt-get build-dep ./` satisfies Build-Depends from
#     Debian 12 and the package builds there.
#
# Needs root for the Debian root; where it cannot make one it says so and
# skips that part (counted as skipped, not passed), as with
# HTTPERROR_SKIP_FRESH=1.  Uses the fresh root's download cache
# (HTTPERROR_FRESH_CACHE, default /var/cache/httperror-fresh).
set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
MIRROR=${HTTPERROR_FRESH_MIRROR:-http://deb.debian.org/debian}
CACHE=${HTTPERROR_FRESH_CACHE:-/var/cache/httperror-fresh}
npass=0
nfail=0
nskip=0
ok() { npass=$((npass + 1)); printf 'PASS: package: %s\n' "$*"; }
not_ok() { nfail=$((nfail + 1)); printf 'FAIL: package: %s\n' "$*"; }
skip() { nskip=$((nskip + 1)); printf 'SKIP: package: %s\n' "$*"; }
check() { name=$1; shift; if "$@"; then ok "$name"; else not_ok "$name"; fi; }
finish() {
	echo "package: $npass passed, $nfail failed, $nskip skipped"
	[ "$nfail" -eq 0 ]
	exit
}
work=$(mktemp -d "${TMPDIR:-/var/tmp}/httperror-package.XXXXXX") || exit 1
trap '[ "${HTTPERROR_PACKAGE_KEEP:-0}" = 1 ] && echo "package: kept $work" || rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
cd "$TOP" || exit 1
version=$(sed -n 's/^VERSION = //p' Makefile)

# ===== The tarball, twice

git clone -q "$TOP" "$work/other checkout" || { not_ok "git clone"; finish; }
git -C "$TOP" diff --quiet HEAD || echo "package: note: the tree has uncommitted changes; the clone has not"
(umask 022 && TZ=UTC make -s -C "$work/other checkout" dist > /dev/null) &&
(umask 077 && TZ=Pacific/Auckland make -s -C "$work/other checkout" dist > /dev/null &&
	mv "$work/other checkout/httperror-$version.tar.gz" "$work/second.tar.gz") &&
(umask 022 && TZ=UTC make -s -C "$work/other checkout" dist > /dev/null)
tarball="$work/other checkout/httperror-$version.tar.gz"
[ -s "$tarball" ] && [ -s "$work/second.tar.gz" ] || { not_ok "make dist made no tarball"; finish; }
check "make dist is reproducible (umask, time zone)" cmp -s "$tarball" "$work/second.tar.gz"
check "the tarball's members are owned by 0:0, dated the last commit" sh -c "
	epoch=\$(git -C '$work/other checkout' log -1 --format=%ct)
	TZ=UTC tar -tvzf '$tarball' --numeric-owner --full-time | awk -v d=\"\$(date -u -d @\$epoch '+%Y-%m-%d %H:%M:%S')\" '
	    \$2 != \"0/0\" || (\$4 \" \" \$5) != d { bad = 1 } END { exit bad }'"
check "the tarball has no build/ and no node_modules/" sh -c "! tar -tzf '$tarball' | grep -qE '^httperror-[^/]*/(build|node_modules)/'"
tar -tzf "$tarball" | sed "s,^httperror-$version/,," | LC_ALL=C sort > "$work/listed"
git -C "$work/other checkout" ls-files | LC_ALL=C sort > "$work/tracked"
check "the tarball holds exactly git ls-files" cmp -s "$work/listed" "$work/tracked"

# ===== The Debian package, twice

for c in dpkg-buildpackage dh lintian; do
	command -v "$c" > /dev/null 2>&1 || { not_ok "no $c (make deps installs dpkg-dev, debhelper and lintian)"; finish; }
done
build_deb() {	# DIR UMASK TZ: unpack the tarball in DIR, build, keep the .deb
	mkdir -p "$1"
	tar -xzf "$tarball" -C "$1"
	(cd "$1/httperror-$version" && umask "$2" && TZ=$3 \
		dpkg-buildpackage -us -uc -b > "$1/build.log" 2>&1)
}
if build_deb "$work/a" 022 UTC; then ok "dpkg-buildpackage -us -uc -b"; else
	not_ok "dpkg-buildpackage -us -uc -b"; tail -n 30 "$work/a/build.log"; finish; fi
deb=$(ls "$work"/a/httperror_"$version"_*.deb)
# (No space in it: dpkg-buildflags' -ffile-prefix-map cannot hold one.)
if build_deb "$work/b/elsewhere-a-longer-build-path" 002 America/Los_Angeles; then
	ok "dpkg-buildpackage again, elsewhere"
else
	not_ok "dpkg-buildpackage again, elsewhere"; tail -n 30 "$work/b/elsewhere-a-longer-build-path/build.log"
fi
for d in "$work"/a/*.deb; do
	check "reproducible: $(basename "$d")" cmp -s "$d" "$work/b/elsewhere-a-longer-build-path/$(basename "$d")"
done
lintian --fail-on error,warning --suppress-tags-from-file /dev/null "$work"/a/*.changes > "$work/lintian.log" 2>&1
rc=$?
if [ "$rc" -eq 0 ]; then ok "lintian: no error, no warning ($(wc -l < "$work/lintian.log") notes)"; else
	not_ok "lintian"; cat "$work/lintian.log"; fi

dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's,^\./,/,' > "$work/contents"
for f in /usr/bin/httperror /usr/share/man/man1/httperror.1.gz /usr/share/man/man7/502-bad-gateway.7.gz \
    /usr/share/man/man7/502.7.gz /usr/share/man/man7/5xx.7.gz /usr/share/info/httperror.info.gz \
    /usr/share/doc/httperror/httperror.html /usr/share/httperror/httperror.db \
    /usr/share/httperror/HTTPError.docset/Contents/Info.plist \
    /usr/share/bash-completion/completions/httperror /usr/share/zsh/vendor-completions/_httperror \
    /usr/share/fish/vendor_completions.d/httperror.fish /usr/share/doc/httperror/copyright; do
	check "the package has $f" grep -qx "$f" "$work/contents"
done

# ===== Installed as a user installs it, then purged

if [ "$(id -u)" -ne 0 ] || ! command -v debootstrap > /dev/null 2>&1 ||
    ! unshare --mount --propagation private true 2> /dev/null; then
	skip "no clean Debian 12 root here (needs root, debootstrap and unshare): install and purge not tried"
	finish
fi
root=$work/root
mkdir -p "$CACHE/debootstrap" "$CACHE/apt/partial"
if debootstrap --variant=minbase --cache-dir="$CACHE/debootstrap" bookworm "$root" "$MIRROR" \
    > "$work/debootstrap.log" 2>&1; then
	ok "debootstrap --variant=minbase bookworm"
else
	tail -n 20 "$work/debootstrap.log"
	skip "debootstrap failed (log above): install and purge not tried"
	finish
fi
echo "deb $MIRROR bookworm main" > "$root/etc/apt/sources.list"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2> /dev/null || :
if command -v apt-config > /dev/null 2>&1; then
	apt-config dump | grep -E '^Acquire::(https?::Proxy|Check-Valid-Until|Check-Date) ' \
		> "$root/etc/apt/apt.conf.d/90httperror-host" || rm -f "$root/etc/apt/apt.conf.d/90httperror-host"
fi
cp "$deb" "$root/tmp/"
# in_root COMMAND: a shell command in the root, as root, with /proc and the
# download cache mounted in a mount namespace of its own.
in_root() {
	unshare --mount --propagation private sh -c '
		set -e
		mount -t proc proc "$1/proc"
		mount --bind "$2" "$1/var/cache/apt/archives"
		r=$1; shift 2
		exec chroot "$r" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
			DEBIAN_FRONTEND=noninteractive MANPAGER=cat PAGER=cat sh -c "$1"
	' sh "$root" "$CACHE/apt" "$1"
}
if in_root "apt-get update -q && apt-get install -y -q --no-install-recommends man-db info /tmp/$(basename "$deb")" \
    > "$work/install.log" 2>&1; then
	ok "apt-get install ./$(basename "$deb") (with man-db and info)"
else
	not_ok "apt-get install ./$(basename "$deb")"; tail -n 30 "$work/install.log"; finish
fi
in_root "dpkg -L httperror" > "$work/files"
t() {	# NAME COMMAND PATTERN: the command's output in the root matches
	if in_root "$2" 2>&1 | grep -qE "$3"; then ok "$1"; else
		not_ok "$1"; in_root "$2" 2>&1 | head -n 10; fi
}
t "installed: man 404" "man 404 | col -b" 'HTTP status 404 Not Found'
t "installed: apropos gateway lists 502" "apropos gateway" '^502 \(7\) +- HTTP status 502 Bad Gateway'
t "installed: info httperror 404" "info --output=- httperror 404 2>/dev/null | head -n 20" '404 Not Found'
t "installed: the Info directory names httperror" "cat /usr/share/info/dir" 'httperror'
t "installed: httperror 502" "cd / && httperror 502" '^502 Bad Gateway'
t "installed: httperror explain" "httperror explain 'upstream prematurely closed connection while reading response header from upstream'" '^  Cause: The upstream took the request'
t "installed: the HTML page" "test -s /usr/share/doc/httperror/httperror.html && echo present" '^present$'
if in_root "apt-get purge -y -q httperror" > "$work/purge.log" 2>&1; then ok "apt-get purge httperror"; else
	not_ok "apt-get purge httperror"; tail -n 20 "$work/purge.log"; fi
left=
while read -r f; do
	[ -d "$root$f" ] && continue
	{ [ -e "$root$f" ] || [ -L "$root$f" ]; } && left="$left $f"
done < "$work/files"
if [ -z "$left" ]; then ok "purged: no file of the package is left"; else not_ok "purged: left$left"; fi
t "purged: the Info directory no longer names httperror" "grep -c httperror /usr/share/info/dir || true" '^0$'
t "purged: apropos gateway no longer lists 502" "apropos gateway 2>/dev/null | grep -c '^502 ' || true" '^0$'
t "purged: whatis 404 finds nothing" "whatis 404 2>&1 || true" 'nothing appropriate'

# Build-Depends are enough: in the same root, apt-get build-dep installs them
# from Debian 12 and the package builds from the tarball.
cp "$tarball" "$root/tmp/"
if in_root "cd /tmp && tar -xzf httperror-$version.tar.gz && cd httperror-$version &&
    apt-get build-dep -y -q ./ && dpkg-buildpackage -us -uc -b" > "$work/builddep.log" 2>&1; then
	ok "in the clean root: apt-get build-dep ./ and dpkg-buildpackage"
	if cmp -s "$deb" "$root/tmp/$(basename "$deb")"; then
		echo "package: note: the root's .deb is byte-identical to this machine's"
	else
		echo "package: note: the root's .deb differs from this machine's (other library versions)"
	fi
else
	not_ok "in the clean root: apt-get build-dep ./ and dpkg-buildpackage"; tail -n 30 "$work/builddep.log"
fi
finish

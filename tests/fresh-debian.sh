#!/bin/sh
# fresh-debian.sh: the README's two set-up commands on a really fresh Debian 12.
#
# Makes a minimal Debian 12 root with debootstrap (--variant=minbase, plus make
# and sudo, which the README asks for before its first command), unpacks in it
# the release tarball of HEAD (`make dist`), and runs exactly the README's
# commands in it, as an ordinary user with sudo rights:
#
#     sudo make deps && make
#     make check
#
# then `make install DESTDIR` and `make uninstall` (tests/installcheck.sh), so
# that this is also `make distcheck` on a fresh machine.
# It fails if either fails, or if `make check` inside passes fewer checks than
# outside (HTTPERROR_EXPECT_PASSED, which .ci/run sets from its own `make
# check`; without it this script runs `make check` here first to learn it).
#
# Nothing is copied into the root but what reaching the package registries
# needs: the host's extra CA certificates (/usr/local/share/ca-certificates,
# and the files SSL_CERT_FILE and NODE_EXTRA_CA_CERTS name), its proxy
# variables, its npm registry settings, and resolv.conf.  Between runs only
# downloaded .deb files are kept (HTTPERROR_FRESH_CACHE, default
# /var/cache/httperror-fresh): apt still has to be told to install each one,
# so the cache cannot hide a missing step in `make deps`.
#
# Needs root, debootstrap, chroot and unshare (make deps installs debootstrap).
# Where no root can be made it says why and fails, unless HTTPERROR_SKIP_FRESH=1
# (documented in the README) asks to skip it.
#
# Environment: HTTPERROR_FRESH_MIRROR (default http://deb.debian.org/debian),
# HTTPERROR_FRESH_KEEP=1 keeps the root afterwards for a look inside.
#
# In two phases (.ci/run): HTTPERROR_FRESH_PHASE=prepare makes the root and
# runs the first command in it, writing where the root is and what passed to
# the file HTTPERROR_FRESH_STATE; HTTPERROR_FRESH_PHASE=check then runs the
# second command in that root, counts everything, and removes the root.  So
# the downloads and installs of the first can run while the machine's own
# `make check` does; the two test suites never run at once (their example
# servers would share the loopback ports).
set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
MIRROR=${HTTPERROR_FRESH_MIRROR:-http://deb.debian.org/debian}
SECURITY=${HTTPERROR_FRESH_SECURITY:-$(echo "$MIRROR" | sed 's,/debian/*$,/debian-security,')}
CACHE=${HTTPERROR_FRESH_CACHE:-/var/cache/httperror-fresh}
USERNAME=reader
npass=0
nfail=0

PHASE=${HTTPERROR_FRESH_PHASE:-all}
STATE=${HTTPERROR_FRESH_STATE:-}
case $PHASE in
all) ;;
prepare | check) [ -n "$STATE" ] || { echo "fresh: phase $PHASE needs HTTPERROR_FRESH_STATE"; exit 2; } ;;
*) echo "fresh: unknown HTTPERROR_FRESH_PHASE '$PHASE'"; exit 2 ;;
esac
ok() { npass=$((npass + 1)); printf 'PASS: fresh: %s\n' "$*"; }
not_ok() { nfail=$((nfail + 1)); printf 'FAIL: fresh: %s\n' "$*"; }
finish() {
	if [ "$PHASE" = prepare ]; then
		# The check phase counts these with its own.
		printf 'work=%s\nnpass=%s\nnfail=%s\n' "${work:-}" "$npass" "$nfail" > "$STATE"
		echo "fresh: prepared: $npass passed, $nfail failed"
		[ "$nfail" -eq 0 ]
		exit
	fi
	echo "fresh: $npass passed, $nfail failed"
	[ "$nfail" -eq 0 ] && [ "$npass" -gt 0 ]
	exit
}
cannot() {
	if [ "${HTTPERROR_SKIP_FRESH:-0}" = 1 ]; then
		echo "fresh: skipped (HTTPERROR_SKIP_FRESH=1): $*"
		[ "$PHASE" = prepare ] && echo skipped > "$STATE"
		exit 0
	fi
	not_ok "cannot make a fresh Debian 12 root here: $*"
	echo "fresh: set HTTPERROR_SKIP_FRESH=1 to skip this test on such a machine"
	finish
}

# ===== The check phase: the root the prepare phase made

if [ "$PHASE" = check ]; then
	if [ "$(cat "$STATE" 2> /dev/null)" = skipped ]; then
		echo "fresh: skipped (HTTPERROR_SKIP_FRESH=1), as the prepare phase was"
		exit 0
	fi
	work=$(sed -n 's/^work=//p' "$STATE" 2> /dev/null)
	npass=$(sed -n 's/^npass=//p' "$STATE" 2> /dev/null)
	nfail=$(sed -n 's/^nfail=//p' "$STATE" 2> /dev/null)
	npass=${npass:-0} nfail=${nfail:-0}
	if [ -z "$work" ] || [ ! -d "$work/root" ] || [ "$nfail" -ne 0 ]; then
		not_ok "the prepare phase left no root to check in (see its log)"
		finish
	fi
fi

# ===== Can this machine make a root at all?

[ "$(id -u)" -eq 0 ] || cannot "it needs root (debootstrap and chroot)"
for c in debootstrap chroot unshare mount git tar; do
	command -v "$c" > /dev/null 2>&1 || cannot "no $c (make deps installs debootstrap)"
done
unshare --mount --propagation private true 2> /dev/null ||
	cannot "unshare --mount does not work here"
git -C "$TOP" rev-parse --verify -q HEAD > /dev/null 2>&1 ||
	cannot "$TOP is not a git checkout with a HEAD to archive"

# ===== How many checks pass outside

expect=${HTTPERROR_EXPECT_PASSED:-}
if [ -z "$expect" ] && [ "$PHASE" != prepare ]; then
	echo "fresh: running make check here first, to compare the counts"
	make -C "$TOP" check > "${TMPDIR:-/tmp}/httperror-outside.log" 2>&1
	expect=$(sed -n 's/^\([0-9][0-9]*\) passed, [0-9][0-9]* failed$/\1/p' \
		"${TMPDIR:-/tmp}/httperror-outside.log" | tail -n 1)
	[ -n "$expect" ] || { not_ok "make check outside printed no count"; finish; }
fi

# ===== The root

if [ "$PHASE" != check ]; then
	work=$(mktemp -d "${TMPDIR:-/var/tmp}/httperror-fresh.XXXXXX") || cannot "no scratch directory"
fi
root=$work/root
# A prepared root stays for the check phase, which removes it.
cleanup() {
	if [ "${HTTPERROR_FRESH_KEEP:-0}" = 1 ]; then echo "fresh: kept $root"
	elif [ "$PHASE" = prepare ] && [ "$nfail" -eq 0 ]; then :
	else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$CACHE/debootstrap" "$CACHE/apt" || cannot "cannot create $CACHE"

# (The check phase skips this, down to the definition of inside(), but for
# the environment the commands inside are given, $passenv.)
fresh_root=1
[ "$PHASE" = check ] && fresh_root=0
start=$(date +%s)
if [ "$fresh_root" = 0 ]; then :
elif debootstrap --variant=minbase --include=make,sudo --cache-dir="$CACHE/debootstrap" \
    bookworm "$root" "$MIRROR" > "$work/debootstrap.log" 2>&1; then
	ok "debootstrap --variant=minbase bookworm ($(( $(date +%s) - start )) s)"
else
	tail -n 20 "$work/debootstrap.log"
	cannot "debootstrap failed (log above)"
fi

if [ "$fresh_root" = 1 ]; then
# The suites an installed Debian 12 has: the release, its updates, security.
cat > "$root/etc/apt/sources.list" <<EOF
deb $MIRROR bookworm main
deb $MIRROR bookworm-updates main
deb $SECURITY bookworm-security main
EOF
cp /etc/resolv.conf "$root/etc/resolv.conf" 2> /dev/null || :
# The host name resolves, as on an installed system (sudo looks it up).
printf '127.0.0.1\tlocalhost\n127.0.1.1\t%s\n' "$(hostname 2> /dev/null || echo debian)" \
	> "$root/etc/hosts"

# What reaching the registries needs, and nothing else.
if [ -d /usr/local/share/ca-certificates ]; then
	mkdir -p "$root/usr/local/share/ca-certificates"
	cp -R /usr/local/share/ca-certificates/. "$root/usr/local/share/ca-certificates/"
fi
fi
passenv=
for v in SSL_CERT_FILE NODE_EXTRA_CA_CERTS; do
	eval "f=\${$v:-}"
	if [ -n "$f" ] && [ -f "$f" ]; then
		if [ "$fresh_root" = 1 ]; then
			mkdir -p "$root$(dirname "$f")"
			cp "$f" "$root$f"
		fi
		passenv="$passenv $v=$f"
	fi
done
for v in http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY; do
	eval "p=\${$v:-}"
	[ -n "$p" ] && passenv="$passenv $v=$p"
done
# apt and sudo drop the environment: give apt the host's proxy and the
# freshness rule of the host's mirror (a dated snapshot fails Valid-Until).
if [ "$fresh_root" = 1 ] && command -v apt-config > /dev/null 2>&1; then
	apt-config dump | grep -E '^Acquire::(https?::Proxy|Check-Valid-Until|Check-Date) ' \
		> "$root/etc/apt/apt.conf.d/90httperror-fresh-host" || :
	[ -s "$root/etc/apt/apt.conf.d/90httperror-fresh-host" ] ||
		rm -f "$root/etc/apt/apt.conf.d/90httperror-fresh-host"
fi
# npm: the host's registry, CA file and proxy, if it has any of them.
if command -v npm > /dev/null 2>&1; then
	for k in registry cafile proxy https-proxy strict-ssl; do
		val=$(cd / && npm config get "$k" 2> /dev/null) || continue
		case "$val" in "" | null | undefined) continue ;; esac
		[ "$k" = registry ] && [ "$val" = https://registry.npmjs.org/ ] && continue
		[ "$k" = strict-ssl ] && [ "$val" = true ] && continue
		if [ "$fresh_root" = 1 ] && [ "$k" = cafile ] && [ -f "$val" ] && [ ! -e "$root$val" ]; then
			mkdir -p "$root$(dirname "$val")"; cp "$val" "$root$val"
		fi
		passenv="$passenv npm_config_$(echo "$k" | tr - _)=$val"
	done
fi

src=/home/$USERNAME/httperror
if [ "$fresh_root" = 1 ]; then
# An ordinary user who may use sudo, as on a desktop Debian install.
chroot "$root" useradd -m -s /bin/sh "$USERNAME" &&
	echo "$USERNAME ALL=(ALL:ALL) NOPASSWD: ALL" > "$root/etc/sudoers.d/$USERNAME" &&
	chmod 440 "$root/etc/sudoers.d/$USERNAME" || cannot "cannot add a user to the root"
mkdir -p "$root$src"
# The release tarball of HEAD (make dist in a clone), as a distribution or a
# user gets it: the fresh root is also make distcheck on a fresh machine.
git clone -q "$TOP" "$work/clone" || cannot "git clone failed"
make -s -C "$work/clone" dist > /dev/null 2>&1 || cannot "make dist failed"
tar -xzf "$work"/clone/httperror-*.tar.gz --strip-components=1 -C "$root$src" ||
	cannot "cannot unpack the tarball"
chroot "$root" chown -R "$USERNAME:$USERNAME" "$src"
echo "fresh: $(basename "$work"/clone/httperror-*.tar.gz) of $(git -C "$TOP" rev-parse --short HEAD) in $root$src"
fi

# inside COMMAND: run a shell command in the root as the user, in the source
# tree, in a mount namespace of its own (so every mount goes when it ends).
inside() {
	# shellcheck disable=SC2086 # $passenv: NAME=value words, no spaces
	unshare --mount --propagation private sh -c '
		set -e
		r=$1; shift
		mount -t proc proc "$r/proc"
		mount -t sysfs sys "$r/sys"
		mount --rbind /dev "$r/dev"
		mount -t tmpfs -o mode=1777 tmpfs "$r/dev/shm"
		mount -t tmpfs -o mode=1777 tmpfs "$r/tmp"
		mount -t tmpfs tmpfs "$r/run"
		mount --bind "$CACHE_APT" "$r/var/cache/apt/archives"
		exec chroot "$r" "$@"
	' sh "$root" /usr/sbin/runuser -u "$USERNAME" -- env -i \
		HOME="/home/$USERNAME" USER="$USERNAME" LOGNAME="$USERNAME" SHELL=/bin/sh \
		PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 CI="${CI:-}" $passenv \
		sh -c "cd $src && $1"
}
export CACHE_APT="$CACHE/apt"
mkdir -p "$CACHE_APT/partial"

# ===== The README's two commands

if [ "$fresh_root" = 1 ]; then
	start=$(date +%s)
	if inside 'sudo make deps && make' > "$work/setup.log" 2>&1; then
		ok "sudo make deps && make ($(( $(date +%s) - start )) s)"
	else
		not_ok "sudo make deps && make"; tail -n 40 "$work/setup.log"
		finish
	fi
fi
[ "$PHASE" = prepare ] && finish
start=$(date +%s)
inside 'make check' > "$work/check.log" 2>&1
rc=$?
took=$(( $(date +%s) - start ))
grep '^FAIL' "$work/check.log"
grep '^--- .* took ' "$work/check.log" | sed 's/^--- /fresh: inside: /'
inside_passed=$(sed -n 's/^\([0-9][0-9]*\) passed, [0-9][0-9]* failed$/\1/p' "$work/check.log" | tail -n 1)
tail -n 1 "$work/check.log" | sed 's/^/fresh: inside: /'
if [ "$rc" -eq 0 ]; then ok "make check ($took s)"; else
	not_ok "make check exited $rc"; tail -n 20 "$work/check.log"; fi
if [ -z "$inside_passed" ]; then
	not_ok "make check inside printed no count"
elif [ "$inside_passed" -ge "$expect" ]; then
	ok "make check passes $inside_passed checks inside, $expect outside"
else
	not_ok "make check passes only $inside_passed checks inside, $expect outside"
fi
echo "fresh: node inside: $(inside 'node --version' 2>&1)"
# Then make distcheck's last step: install and uninstall (tests/installcheck.sh).
if inside 'sh tests/installcheck.sh' > "$work/installcheck.log" 2>&1; then
	ok "make install and uninstall ($(tail -n 1 "$work/installcheck.log"))"
else
	not_ok "make install and uninstall"; grep '^FAIL' "$work/installcheck.log"
fi
finish

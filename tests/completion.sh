#!/bin/sh
# completion.sh: the shell completions in completions/, each in its own shell,
# with the built tool on PATH as httperror and the data the build compiles:
#   - bash: the script sourced in `bash --norc`, its function called with
#     COMP_WORDS and COMP_CWORD as bash sets them, COMPREPLY checked;
#   - zsh: the file parses, compinit loads it, and an interactive zsh in a
#     pseudo-terminal (zsh/zpty) lists codes and classes on <Tab>;
#   - fish: `complete -C` lists codes, classes and the card's options;
#   - `make install DESTDIR=...` puts the three files in their directories
#     and `make uninstall` removes them.
# A missing shell is a failure: make deps installs all three.
. "$(dirname "$0")/lib.sh"
make_scratch
cd "$TOP" || exit 1

if ! "$TOOL" build -o "$tmp/o" -f data > "$tmp/build.log" 2>&1; then
	not_ok "completion: build -f data failed"
	cat "$tmp/build.log"
	exit 1
fi
export HTTPERROR_DATA="$tmp/o/data/httperror.db"
mkdir -p "$tmp/bin"
ln -s "$TOOL" "$tmp/bin/httperror"
PATH=$tmp/bin:$PATH
export PATH

# The codes that start with 50, as `httperror list` gives them.
httperror list | awk '$1 ~ /^50[0-9.]*$/ && !seen[$1]++ { print $1 }' | sort > "$tmp/want50"
check "completion: there are codes in 50 to expect" grep -qx 502.3 "$tmp/want50"
printf '%s\n' 1xx 2xx 3xx 4xx 5xx > "$tmp/classes"

# bash_words WORD...: the words the bash completion offers for that command
# line (the last word the one being completed), one a line, sorted.
bash_words() {
	bash --norc -c '. completions/httperror.bash || exit 1
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _httperror
		(( ${#COMPREPLY[@]} )) && printf "%s\n" "${COMPREPLY[@]}"' bash "$@" | sort
}

# expect_words NAME FILE COMMAND...: the command prints exactly FILE's lines.
expect_words() {
	name=$1
	want=$2
	shift 2
	"$@" > "$tmp/got" 2>&1
	if cmp -s "$want" "$tmp/got"; then ok "$name"; else
		not_ok "$name"
		diff "$want" "$tmp/got" | head -10
	fi
}
words() {
	printf '%s\n' "$@" | sort > "$tmp/want"
}

expect_words "completion: bash: httperror 50 offers the 50x codes" "$tmp/want50" \
    bash_words httperror 50
expect_words "completion: bash: show 50 offers the same" "$tmp/want50" \
    bash_words httperror show 50
expect_words "completion: bash: list offers the classes" "$tmp/classes" \
    bash_words httperror list ''
words build
expect_words "completion: bash: bu offers build" "$tmp/want" bash_words httperror bu
words man info docset html data
expect_words "completion: bash: build -f offers the formats" "$tmp/want" \
    bash_words httperror build -f ''
words man,info
expect_words "completion: bash: build -f man,i completes the last format" "$tmp/want" \
    bash_words httperror build -f man,i
words --color --color=always --color=never --color=auto
expect_words "completion: bash: 502 --col offers the colour options" "$tmp/want" \
    bash_words httperror 502 --col
words never
expect_words "completion: bash: --color=n (split at = as bash does) offers never" \
    "$tmp/want" bash_words httperror 502 --color = n
words --help --version
expect_words "completion: bash: - in first position offers --help --version" \
    "$tmp/want" bash_words httperror -
: > "$tmp/want"
expect_words "completion: bash: search offers nothing" "$tmp/want" \
    bash_words httperror search 50
words completions
expect_words "completion: bash: build -o offers directories" "$tmp/want" \
    bash_words httperror build -o comp

# zsh_tab LINE: what an interactive zsh shows after LINE and <Tab>, the
# escapes removed: compinit with completions/ first in fpath, a list of
# every match and no menu.  The line is then killed and a marker printed
# that only the shell's output (not the echo of the input) holds.
cat > "$tmp/tab.zsh" <<'EOF'
zmodload zsh/zpty || exit 1
zpty z zsh -f -i
zpty -w z "PS1=; fpath=($PWD/completions \$fpath); autoload -U compinit; compinit -u -D"
zpty -w z 'zstyle ":completion:*" menu no; LISTMAX=10000; LINES=200'
zpty -n -w z "$1"$'\t'
# zle drops the list when more input is already waiting: wait until it is
# drawn (its pattern, $2, is in no echo of the input) before typing on.
zpty -r z list "$2"
zpty -n -w z $'\025'
zpty -w z 'print -r -- COMPL""END'
zpty -r z out '*COMPLEND*'
print -r -- "$list$out"
zpty -d z
EOF
# zsh_tab LINE PATTERN: PATTERN (zsh glob) matches the drawn list.
zsh_tab() {
	timeout 30 zsh -f "$tmp/tab.zsh" "$1" "$2" | sed 's/\x1b\[[0-9;?]*[A-Za-z]//g' | tr -d '\r'
}

if ! command -v zsh > /dev/null 2>&1; then
	not_ok "completion: zsh is not installed (make deps installs it)"
else
	check "completion: zsh: _httperror parses" zsh -n completions/_httperror
	check "completion: zsh: compinit finds _httperror" zsh -f -c \
	    'fpath=(completions $fpath); autoload -U compinit; compinit -u -D
	     [[ $_comps[httperror] == _httperror ]] && autoload +X _httperror &&
	     (( $+functions[_httperror] ))'
	zsh_tab 'httperror 50' '*509 *-- *' > "$tmp/z50"
	awk '$1 ~ /^50/ && $2 == "--" { print $1 }' "$tmp/z50" | sort > "$tmp/got50"
	if cmp -s "$tmp/want50" "$tmp/got50"; then
		ok "completion: zsh: httperror 50<Tab> lists the 50x codes"
	else
		not_ok "completion: zsh: httperror 50<Tab> lists the 50x codes"
		tail -20 "$tmp/z50"
	fi
	check "completion: zsh: the codes have their names" \
	    grep -q '^502 *-- Bad Gateway' "$tmp/z50"
	zsh_tab 'httperror list ' '*5xx*' > "$tmp/zlist"
	check "completion: zsh: list <Tab> lists the classes" \
	    grep -q '1xx  *2xx  *3xx  *4xx  *5xx' "$tmp/zlist"
fi

# fish_words LINE: the first field of what fish completes for LINE, sorted.
fish_words() {
	fish --no-config -c 'source completions/httperror.fish; complete -C $argv[1]' "$1" |
	    cut -f1 | sort
}
if ! command -v fish > /dev/null 2>&1; then
	not_ok "completion: fish is not installed (make deps installs it)"
else
	expect_words "completion: fish: httperror 50 offers the 50x codes" "$tmp/want50" \
	    fish_words 'httperror 50'
	expect_words "completion: fish: list offers the classes" "$tmp/classes" \
	    fish_words 'httperror list '
	words --color=always --color=auto --color=never
	expect_words "completion: fish: 502 --color= offers the three" "$tmp/want" \
	    fish_words 'httperror 502 --color='
	words man,data man,docset man,html man,info man,man
	expect_words "completion: fish: build -f man, completes the next format" \
	    "$tmp/want" fish_words 'httperror build -f man,'
fi

# Installed where the shells look, and removed again.
i=$tmp/i
files="$i/usr/share/bash-completion/completions/httperror
$i/usr/share/zsh/vendor-completions/_httperror
$i/usr/share/fish/vendor_completions.d/httperror.fish"
if make -s install DESTDIR="$i" PREFIX=/usr > "$tmp/install.log" 2>&1; then
	missing=
	for f in $files; do [ -f "$f" ] || missing="$missing $f"; done
	if [ -z "$missing" ]; then ok "completion: make install puts the three files"
	else not_ok "completion: make install did not install:$missing"; fi
	check "completion: the installed bash file is the source's" \
	    cmp -s completions/httperror.bash "$i/usr/share/bash-completion/completions/httperror"
	make -s uninstall DESTDIR="$i" PREFIX=/usr > "$tmp/uninstall.log" 2>&1
	left=
	for f in $files; do [ -e "$f" ] && left="$left $f"; done
	if [ -z "$left" ]; then ok "completion: make uninstall removes them"
	else not_ok "completion: make uninstall left:$left"; fi
else
	not_ok "completion: make install DESTDIR=... failed"
	tail "$tmp/install.log"
fi

[ "$nfail" -eq 0 ]

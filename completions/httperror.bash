# bash completion for httperror(1).  Installed as
# $(datarootdir)/bash-completion/completions/httperror, where bash-completion
# loads it on the first <Tab> after "httperror"; it needs nothing from
# bash-completion itself, so `source`-ing it by hand works too.
#
# The codes come from `httperror list` at completion time, so they are always
# those of the data the installed tool reads (HTTPERROR_DATA included); nothing
# is cached.

# The codes the tool knows, one a line: the lines of `httperror list` whose
# first field is a code (the others are class headings and blank lines).
_httperror_codes()
{
	command httperror list 2>/dev/null |
	    awk '$1 ~ /^[0-9][0-9.]*$/ && !seen[$1]++ { print $1 }'
}

# COMPREPLY from a newline-separated list of words, those that start with $1.
_httperror_reply()
{
	local IFS=$'\n'
	COMPREPLY=($(compgen -W "$2" -- "$1"))
}

# COMPREPLY: the files (-f) or directories (-d) whose names start with $2,
# quoted and slashed as file names (compopt: bash 4 and later).
_httperror_paths()
{
	local IFS=$'\n'
	compopt -o filenames 2>/dev/null
	COMPREPLY=($(compgen "$1" -- "$2"))
}

_httperror()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local cmd=${COMP_WORDS[1]} opt words
	COMPREPLY=()

	# bash splits "--color=al" into "--color" "=" "al" (= is in
	# COMP_WORDBREAKS): put the option back together in opt, and complete
	# only the value after the "=".
	opt=
	if [[ $cur == = ]]; then
		opt=$prev
		cur=
	elif [[ $prev == = ]] && ((COMP_CWORD >= 3)); then
		opt=${COMP_WORDS[COMP_CWORD-2]}
	fi
	case $opt in
	--color | --colour)
		_httperror_reply "$cur" $'always\nnever\nauto'
		return
		;;
	--data)
		_httperror_paths -f "$cur"
		return
		;;
	esac

	if ((COMP_CWORD == 1)); then
		if [[ $cur == -* ]]; then
			_httperror_reply "$cur" $'--help\n--version'
		else
			_httperror_reply "$cur" "$(printf '%s\n' show list search \
			    explain build check)
$(_httperror_codes)"
		fi
		return
	fi

	case $cmd in
	build)
		case $prev in
		-o | -s)
			_httperror_paths -d "$cur"
			return
			;;
		-f)
			# A comma list: complete the last item, keep the rest.
			local done=
			[[ $cur == *,* ]] && done=${cur%,*},
			_httperror_reply "${cur##*,}" $'man\ninfo\ndocset\nhtml\ndata'
			COMPREPLY=("${COMPREPLY[@]/#/$done}")
			return
			;;
		-u | -j | -D)
			return
			;;
		esac
		if [[ $cur == -* ]]; then
			_httperror_reply "$cur" $'-o\n-f\n-s\n-u\n-j\n-D'
		else
			_httperror_paths -f "$cur"
		fi
		;;
	check)
		if [[ $prev == -s ]]; then
			_httperror_paths -d "$cur"
		elif [[ $cur == -* ]]; then
			_httperror_reply "$cur" -s
		else
			_httperror_paths -f "$cur"
		fi
		;;
	list)
		((COMP_CWORD == 2)) &&
		    _httperror_reply "$cur" $'1xx\n2xx\n3xx\n4xx\n5xx'
		;;
	search | explain)
		# Free text: nothing to offer.
		;;
	show | [0-9]*)
		if [[ $prev == --data ]]; then
			_httperror_paths -f "$cur"
		elif [[ $cur == -* ]]; then
			_httperror_reply "$cur" $'--long\n--color\n--color=always\n--color=never\n--color=auto\n--data'
		elif [[ $cmd == show ]] && ((COMP_CWORD == 2)); then
			_httperror_reply "$cur" "$(_httperror_codes)"
		fi
		;;
	esac
} &&
complete -F _httperror httperror

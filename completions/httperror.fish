# fish completion for httperror(1).  Installed as httperror.fish in
# $(datarootdir)/fish/vendor_completions.d, which fish loads on the first
# <Tab> after "httperror".
#
# The codes come from `httperror list` at completion time, with the name of
# each as its description, so they are always those of the data the tool
# reads (HTTPERROR_DATA included); nothing is cached.

# The codes, as code<Tab>name; a code with two meanings (499) once, with its first.
function __httperror_codes
	command httperror list 2>/dev/null |
	    awk '$1 ~ /^[0-9][0-9.]*$/ && !seen[$1]++ { c = $1; sub(/^[^ ]+ +/, ""); print c "\t" $0 }'
end

# True when the command line's first argument is $argv (a command or, with
# "code", any code).
function __httperror_is
	set -l w (commandline -opc)
	set -q w[2]; or return 1
	contains -- $w[2] $argv; and return 0
	contains -- code $argv; and string match -qr '^[0-9][0-9.]*$' -- $w[2]
end

complete -c httperror -f
complete -c httperror -n __fish_is_first_arg -l help -d usage
complete -c httperror -n __fish_is_first_arg -l version -d 'the version'
complete -c httperror -n __fish_is_first_arg -a show -d 'the card of a code'
complete -c httperror -n __fish_is_first_arg -a list -d 'the statuses of a class, or all'
complete -c httperror -n __fish_is_first_arg -a search -d 'the statuses that match words'
complete -c httperror -n __fish_is_first_arg -a explain -d 'what a log line or error means'
complete -c httperror -n __fish_is_first_arg -a build -d 'compile the registry into every output'
complete -c httperror -n __fish_is_first_arg -a check -d 'validate the registry only'
complete -c httperror -n __fish_is_first_arg -a '(__httperror_codes)'

# show CODE and CODE: the card's options; after show, the code.
complete -c httperror -n '__fish_seen_subcommand_from show; and test (count (commandline -opc)) -eq 2' \
    -a '(__httperror_codes)'
set -l card '__httperror_is show code'
complete -c httperror -n $card -l long -d 'the whole manual page'
complete -c httperror -n $card -l color -a 'always never auto' -d 'colour the card'
complete -c httperror -n $card -l data -r -F -d 'the data file to read'

complete -c httperror -n '__httperror_is list; and test (count (commandline -opc)) -eq 2' \
    -a '1xx 2xx 3xx 4xx 5xx'

set -l build '__httperror_is build'
complete -c httperror -n $build -s o -x -a '(__fish_complete_directories)' -d 'output directory'
complete -c httperror -n $build -s f -x -a '(__fish_append , man info docset html data)' -d 'formats, comma-separated'
complete -c httperror -n $build -s s -x -a '(__fish_complete_directories)' -d 'stylesheet directory'
complete -c httperror -n $build -s u -x -d 'docset feed URL'
complete -c httperror -n $build -s j -x -d 'backends run at once'
complete -c httperror -n $build -s D -x -d 'an install directory, NAME=DIR'
complete -c httperror -n '__httperror_is build check' -F
complete -c httperror -n '__httperror_is check' -s s -x -a '(__fish_complete_directories)' -d 'stylesheet directory'

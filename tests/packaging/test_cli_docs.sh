#!/usr/bin/env bash
# The manual page and the bash completion of mapping-dsl against what the built mapping-dsl
# says of itself (read here independently of packaging/cli-docs.py, with grep and sed):
# every command of `mapping-dsl --help` completes and has its section in the manual page,
# every option named in `mapping-dsl COMMAND --help` completes after that command, and the
# values a usage line lists (--engine v1|v2) complete after their option.
#
#   test_cli_docs.sh MAPPING_DSL BUILD_PACKAGING_DIR
set -euo pipefail
program=$(realpath "$1") dir=$(realpath "$2")
completion=$dir/mapping-dsl.bash
page=$dir/mapping-dsl.1
failures=0
fail() { printf 'FAIL: %s\n' "$*"; failures=$((failures + 1)); }
[ -f /usr/share/bash-completion/bash_completion ] || { echo "SKIP: bash-completion is not installed"; exit 77; }
export ASAN_OPTIONS=detect_leaks=0

# Completes the words given (the last one is the word under the cursor); prints the candidates
# one per line, sorted.
complete_words() {
    bash -c '
        source /usr/share/bash-completion/bash_completion
        source "$1"; shift
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
        _mapping_dsl mapping-dsl "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf "%s\n" "${COMPREPLY[@]}"' sh "$completion" mapping-dsl "$@" | sort -u
}
same() { # what, expected, got
    [ "$2" = "$3" ] || fail "$1: expected [$(echo $2)], completion gives [$(echo $3)]"
}

commands=$("$program" --help | sed -n '/^Commands:/,/^$/s/^  \([^ ]*\) .*/\1/p')
[ -n "$commands" ] || fail "no commands in mapping-dsl --help"
same "mapping-dsl <TAB>" "$(printf '%s\n' $commands --help --version | sort -u)" "$(complete_words '')"

for command in $commands; do
    help=$("$program" "$command" --help)
    want=$(grep -o -- '--[a-z0-9][a-z0-9-]*' <<<"$help" | sort -u)
    same "mapping-dsl $command --<TAB>" "$want" "$(complete_words "$command" --)"
    # Values listed in the usage lines: --opt a|b|c.
    while read -r option values; do
        [ -n "$option" ] || continue
        got=$(complete_words "$command" "$option" '')
        for value in ${values//|/ }; do
            grep -qx -- "$value" <<<"$got" || fail "mapping-dsl $command $option <TAB>: no '$value' in [$(echo $got)]"
        done
    done < <(sed -n '1,/^$/p' <<<"$help" | grep -o -- '--[a-z0-9-]* [a-z0-9]*|[a-z0-9|]*' | sort -u)
    grep -qxF ".SS \"${command//-/\\-}\"" "$page" || fail "the manual page has no section for '$command'"
done

# A file name completes where a command takes a mapping.
scratch=$(mktemp -d); trap 'rm -rf "$scratch"' EXIT
touch "$scratch/order.mdsl"
same "mapping-dsl validate ord<TAB>" order.mdsl "$(cd "$scratch" && complete_words validate ord)"

# The page renders without a groff warning.
if command -v groff >/dev/null; then
    warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
    [ -z "$warnings" ] || fail "groff warnings in mapping-dsl.1: $warnings"
fi

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "PASS: $(wc -w <<<"$commands") commands, their options and values complete; the manual page has them all"

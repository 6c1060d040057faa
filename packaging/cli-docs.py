#!/usr/bin/env python3
"""Reads what the built mapping-dsl says of itself and writes what is made from it.

    cli-docs.py MAPPING_DSL [--man-include FILE] [--bash FILE] [--zsh FILE] [--dump]

The commands are the table of `mapping-dsl --help` ("Commands:"), each command's options
and their values come from `mapping-dsl COMMAND --help`: a command added to the CLI appears
in the manual page and the completion without any edit here. Outputs:

  --man-include  a help2man include file: the COMMANDS section (every command's help as
                 roff), merged by help2man into mapping-dsl.1;
  --bash         bash completion (bash-completion's _init_completion and _filedir);
  --zsh          zsh completion (_arguments);
  --dump         the parsed model as JSON on standard output (for checking the parser).

The help texts follow one layout (app/cli/cmd_*.cpp): "Usage:" lines, paragraphs, and
sections ("Options:") whose entries are indented by two spaces, the term separated from its
description by two or more spaces, continuation lines indented deeper.
"""

import json
import re
import subprocess
import sys

OPTION = re.compile(r"--[a-z0-9][a-z0-9-]*")
# Metavariables whose values are not file names: nothing to complete.
FREE_VALUES = {"N", "PERCENT", "X", "ISO8601", "QUERY"}


def run_help(program, args):
    result = subprocess.run([program, *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"cli-docs: '{program} {' '.join(args)}' exited with {result.returncode}:\n{result.stderr}")
    return result.stdout


def parse_top(text):
    """The commands of `mapping-dsl --help`: [(name, summary)]."""
    commands, inside = [], False
    for line in text.splitlines():
        if line.strip() == "Commands:":
            inside = True
        elif inside and not line.strip():
            break
        elif inside:
            match = re.match(r"^  (\S+)\s+(.*)$", line)
            if match:
                commands.append((match.group(1), match.group(2).strip()))
    if not commands:
        sys.exit("cli-docs: no 'Commands:' table in 'mapping-dsl --help'")
    return commands


def split_blocks(text):
    """Splits one command's help into usage lines and blocks.

    Returns (usage, blocks): usage is the list of usage lines without "Usage: ", blocks a
    list of ("para", text), ("heading", text) or ("entries", [(term, description)]); an
    entry without a term is an indented note."""
    lines = text.rstrip("\n").splitlines()
    usage = []
    i = 0
    while i < len(lines) and (lines[i].startswith("Usage:") or (usage and lines[i].startswith("  "))):
        line = lines[i]
        if line.startswith("Usage:"):
            usage.append(line[len("Usage:"):].strip())
        elif re.match(r"^\s+mapping-dsl ", line):
            usage.append(line.strip())
        else:
            usage[-1] += " " + line.strip()
        i += 1
    blocks = []
    para = []

    def flush_para():
        if para:
            blocks.append(("para", " ".join(para)))
            para.clear()

    for line in lines[i:]:
        if not line.strip():
            flush_para()
            continue
        if not line.startswith(" "):
            if line.endswith(":") and len(line.split()) <= 3:
                flush_para()
                blocks.append(("heading", line[:-1]))
                blocks.append(("entries", []))
            else:
                para.append(line.strip())
            continue
        flush_para()
        if not blocks or blocks[-1][0] != "entries":
            blocks.append(("entries", []))
        entries = blocks[-1][1]
        indent = len(line) - len(line.lstrip())
        body = line.strip()
        match = re.match(r"^(\S.*?)\s{2,}(\S.*)$", body)
        if indent == 2 and match:
            entries.append([match.group(1), match.group(2)])
        elif indent == 2 and not (entries and entries[-1][0] is None):
            entries.append([None, body])
        elif entries:
            entries[-1][1] += " " + body
        else:
            entries.append([None, body])
    flush_para()
    blocks = [b for b in blocks if not (b[0] == "entries" and not b[1])]
    return usage, blocks


def parse_command(name, summary, text):
    usage, blocks = split_blocks(text)
    options = {}

    def note(option, value):
        entry = options.setdefault(option, {"value": None, "choices": [], "help": ""})
        if value is None:
            return
        entry["value"] = entry["value"] or value
        if re.fullmatch(r"[a-z0-9]+(\|[a-z0-9]+)+", value):
            entry["choices"] += [c for c in value.split("|") if c not in entry["choices"]]

    for kind, content in blocks:
        if kind != "entries":
            continue
        for term, description in content:
            if term is None:
                continue
            for part in term.split(", "):
                match = re.fullmatch(r"(--[a-z0-9][a-z0-9-]*)(?:[ =](\S+))?", part)
                if match:
                    note(match.group(1), match.group(2))
                    options[match.group(1)]["help"] = options[match.group(1)]["help"] or description.split("; ")[0]
    for line in usage:
        for match in re.finditer(r"(--[a-z0-9][a-z0-9-]*)(?:[ =]([^\s\]|]+(?:\|[^\s\]|]+)*))?", line):
            value = match.group(2)
            if value is not None and value.startswith("-"):
                value = None
            note(match.group(1), value)
    # Words right after "mapping-dsl NAME" that are neither options nor metavariables:
    # second-level commands ("compare merge").
    subcommands = []
    for line in usage:
        match = re.match(r"^mapping-dsl \S+ ([a-z][a-z-]*)\b(?!\S)", line)
        if match and match.group(1) not in subcommands:
            subcommands.append(match.group(1))
    for option in options.values():
        if option["value"] is None:
            continue
        if option["choices"]:
            option["complete"] = "choices"
        elif option["value"] in FREE_VALUES:
            option["complete"] = "none"
        else:
            option["complete"] = "files"
    return {"name": name, "summary": summary, "usage": usage, "blocks": blocks,
            "options": options, "subcommands": subcommands}


# --- roff -----------------------------------------------------------------------------

def roff_escape(text):
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return text


def roff_line(text):
    text = roff_escape(text)
    if text.startswith((".", "'")):
        text = "\\&" + text
    return text


def roff_term(term):
    """An entry's term: options bold, metavariables italic."""
    out = []
    for token in re.split(r"(\s+|,\s*)", term):
        if not token or token.isspace() or token.startswith(","):
            out.append(token)
        elif token.startswith("-"):
            name, _, value = token.partition("=")
            out.append("\\fB" + roff_escape(name) + "\\fR" + ("=\\fI" + roff_escape(value) + "\\fR" if value else ""))
        else:
            out.append("\\fI" + roff_escape(token) + "\\fR")
    text = "".join(out)
    return text


def roff_usage(line):
    """One usage form: the command bold, filled with a hanging indent, never broken inside
    a bracketed group ("[--flags FILE]")."""
    words = line.split(" ", 2)
    head = "\\fB" + roff_escape(" ".join(words[:2])) + "\\fR"
    rest = words[2] if len(words) > 2 else ""
    groups = re.split(r"(\[[^\]]*\])", rest)
    rest = "".join(roff_escape(g).replace(" ", "\\ ") if g.startswith("[") else roff_escape(g)
                   for g in groups)
    # Left-adjusted: the unbreakable groups would stretch the spaces of a justified line.
    return [".PP", ".ad l", ".in +4n", ".ti -4n", head + " " + rest, ".in"]


def man_include(commands):
    out = ["[COMMANDS]",
           ".\\\" Generated by packaging/cli-docs.py from 'mapping-dsl COMMAND \\-\\-help'.",
           "Each command prints this text with \\fBmapping\\-dsl\\fR \\fICOMMAND\\fR \\fB\\-\\-help\\fR."]
    for command in commands:
        out.append('.SS "' + roff_escape(command["name"]) + '"')
        out.append(roff_line(command["summary"][0].upper() + command["summary"][1:] + "."))
        for line in command["usage"]:
            out += roff_usage(line)
        for kind, content in command["blocks"]:
            if kind == "para":
                out.append(".PP")
                out.append(roff_line(content))
            elif kind == "heading":
                out.append(".PP")
                out.append("\\fI" + roff_escape(content) + "\\fR:")
            else:
                for term, description in content:
                    if term is None:
                        out.append(".IP")
                        out.append(roff_line(description))
                    else:
                        out.append(".TP")
                        out.append(roff_term(term))
                        out.append(roff_line(description))
        out.append(".PP")
    return "\n".join(out) + "\n"


# --- bash -----------------------------------------------------------------------------

def shell_words(words):
    return " ".join(words)


def bash_completion(commands):
    names = [c["name"] for c in commands]
    out = [
        "# bash completion for mapping-dsl. Generated at build time by packaging/cli-docs.py",
        "# from 'mapping-dsl --help' and 'mapping-dsl COMMAND --help': do not edit.",
        "",
        "_mapping_dsl()",
        "{",
        "    local cur prev words cword split",
        "    _init_completion -s || return",
        "",
        "    if ((cword == 1)); then",
        f"        COMPREPLY=($(compgen -W '{shell_words(names)} --help --version' -- \"$cur\"))",
        "        return",
        "    fi",
        "    local options='' subcommands=''",
        "    case ${words[1]} in",
    ]
    for command in commands:
        options = sorted(command["options"])
        out.append(f"        {command['name']})")
        out.append(f"            options='{shell_words(options)}'")
        if command["subcommands"]:
            out.append(f"            subcommands='{shell_words(command['subcommands'])}'")
        out.append("            case $prev in")
        for option, spec in sorted(command["options"].items()):
            if spec.get("complete") == "choices":
                out.append(f"                {option}) COMPREPLY=($(compgen -W '{shell_words(spec['choices'])}' -- \"$cur\")); return ;;")
            elif spec.get("complete") == "files":
                out.append(f"                {option}) _filedir; return ;;")
            elif spec.get("complete") == "none":
                out.append(f"                {option}) return ;;")
        out.append("            esac")
        out.append("            ;;")
    out += [
        "        *) return ;;",
        "    esac",
        "    $split && return",
        "    if [[ $cur == -* ]]; then",
        "        COMPREPLY=($(compgen -W \"$options\" -- \"$cur\"))",
        "        [[ ${COMPREPLY-} == *= ]] && compopt -o nospace",
        "        return",
        "    fi",
        "    if ((cword == 2)) && [[ -n $subcommands ]]; then",
        "        COMPREPLY=($(compgen -W \"$subcommands\" -- \"$cur\"))",
        "    fi",
        "    _filedir",
        "} &&",
        "    complete -F _mapping_dsl mapping-dsl",
        "",
        "# ex: filetype=sh",
    ]
    return "\n".join(out) + "\n"


# --- zsh ------------------------------------------------------------------------------

def zsh_quote(text):
    return "'" + text.replace("'", "'\\''") + "'"


def zsh_help(text, limit=72):
    """A description for _describe and _arguments: one line, no brackets, cut at a word."""
    text = re.sub(r"\s+", " ", text).strip().replace("[", "(").replace("]", ")")
    text = text.replace(": ", " - ").replace(":", "\\:")
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0].rstrip(",;") + "..."
    return text


def zsh_completion(commands):
    out = [
        "#compdef mapping-dsl",
        "# zsh completion for mapping-dsl. Generated at build time by packaging/cli-docs.py",
        "# from 'mapping-dsl --help' and 'mapping-dsl COMMAND --help': do not edit.",
        "",
        "_mapping-dsl() {",
        "    local -a commands",
        "    commands=(",
    ]
    for command in commands:
        out.append("        " + zsh_quote(command["name"] + ":" + zsh_help(command["summary"], 200)))
    out += [
        "    )",
        "    if (( CURRENT == 2 )); then",
        "        _describe -t commands 'mapping-dsl command' commands",
        "        compadd -- --help --version",
        "        return",
        "    fi",
        "    local -a specs",
        "    case $words[2] in",
    ]
    for command in commands:
        out.append(f"        {command['name']})")
        out.append("            specs=(")
        for option, spec in sorted(command["options"].items()):
            description = zsh_help(spec["help"] or option)
            if spec["value"] is None:
                out.append("                " + zsh_quote(f"*{option}[{description}]"))
            else:
                action = {"choices": "(" + " ".join(spec["choices"]) + ")", "files": "_files",
                          "none": " "}[spec["complete"]]
                metavar = "value" if spec["choices"] else spec["value"].lower()
                out.append("                " + zsh_quote(f"*{option}=[{description}]:{metavar}:{action}"))
        if command["subcommands"]:
            out.append("                " + zsh_quote("1:: :(" + " ".join(command["subcommands"]) + ")"))
        out.append("                " + zsh_quote("*:file:_files"))
        out.append("            )")
        out.append("            ;;")
    out += [
        "        *) return 1 ;;",
        "    esac",
        "    shift words",
        "    (( CURRENT-- ))",
        "    _arguments -S $specs",
        "}",
        "",
        '_mapping-dsl "$@"',
    ]
    return "\n".join(out) + "\n"


def main(argv):
    if len(argv) < 2 or argv[1].startswith("-"):
        sys.exit(__doc__)
    program = argv[1]
    outputs = {}
    dump = False
    rest = argv[2:]
    while rest:
        flag = rest.pop(0)
        if flag == "--dump":
            dump = True
        elif flag in ("--man-include", "--bash", "--zsh") and rest:
            outputs[flag] = rest.pop(0)
        else:
            sys.exit(f"cli-docs: unknown argument '{flag}'\n{__doc__}")
    commands = [parse_command(name, summary, run_help(program, [name, "--help"]))
                for name, summary in parse_top(run_help(program, ["--help"]))]
    writers = {"--man-include": man_include, "--bash": bash_completion, "--zsh": zsh_completion}
    for flag, path in outputs.items():
        with open(path, "w", encoding="utf-8") as out:
            out.write(writers[flag](commands))
    if dump:
        json.dump(commands, sys.stdout, indent=1)
        print()


if __name__ == "__main__":
    main(sys.argv)

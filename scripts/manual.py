#!/usr/bin/env python3
"""Completes ksp's man page: the page swift-argument-parser's generate-manual wrote from the
command's help, plus the language reference taken from the binary's own `.help` topics, the
exit statuses, the environment and the files. Nothing here is a second copy of the help text.

    scripts/manual.py GENERATED.1 KSP_BINARY > ksp.1
"""
import re
import subprocess
import sys


def help_text(binary, topic):
    statement = ".help" if topic is None else f".help {topic}"
    done = subprocess.run([binary, "-c", statement], capture_output=True, text=True, check=True)
    return done.stdout.rstrip("\n")


def literal(text):
    """A block shown as typed: roff's escape character and leading dots neutralised."""
    lines = []
    for line in text.split("\n"):
        line = line.replace("\\", "\\e")
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line)
    return ".Bd -literal -offset indent\n" + "\n".join(lines) + "\n.Ed\n"


def language_section(binary):
    listing = help_text(binary, "no-such-topic")
    match = re.search(r"topics: (.*)$", listing, re.MULTILINE)
    if not match:
        sys.exit("manual.py: `.help no-such-topic` did not list the topics")
    topics = [t.strip() for t in match.group(1).split(",") if t.strip()]
    parts = [".Sh LANGUAGE\n", "The statements the shell, -c and -f take, as the shell's own .help shows them.\n"]
    parts.append(literal(help_text(binary, None)))
    for topic in topics:
        parts.append(f".Ss {topic}\n")
        parts.append(literal(help_text(binary, topic)))
    return "".join(parts)


EXIT_STATUS = """.Sh EXIT STATUS
.Bl -tag -width 4n
.It 0
Every statement ran (output into a closed pipe also ends with 0).
.It 1
A statement, a script or a meta-command failed.
.It 2
A season could not be loaded (the errors are listed with file, line and column).
.It 64
The command line was wrong.
.El
"""

ENVIRONMENT = """.Sh ENVIRONMENT
.Bl -tag -width XDG_STATE_HOME
.It Ev KSP_SAMPLE
The season opened when no directory is given (else the bundled sample).
.It Ev KSP_HISTORY
The history file; empty keeps no history.
.It Ev XDG_STATE_HOME
The history is kept in its ksp/history (else ~/.ksp_history).
.It Ev PAGER
The pager for results taller than the screen (else less -SRX).
.It Ev NO_COLOR
No colour when set.
.It Ev COLUMNS
The width of output that does not go to a terminal.
.El
"""

FILES = """.Sh FILES
.Bl -tag -width Ds
.It Pa /usr/share/ksp/samples/ksp2024
The invented sample season opened by
.Nm
with no argument;
.Pa ksp2023
is its previous season and
.Pa queries
holds example scripts.
.El
"""


def main():
    generated, binary = sys.argv[1], sys.argv[2]
    page = open(generated, encoding="utf-8").read()
    start = page.index('.Sh "EXIT STATUS"')
    end = page.index(".Sh AUTHORS")
    page = page[:start] + language_section(binary) + EXIT_STATUS + ENVIRONMENT + FILES + page[end:]
    sys.stdout.write(page)


main()

"""The ``groundup`` command: opens the course and carries the instructor tools.

Each subcommand's handler lives in its own module and is imported only when that
subcommand runs, so ``groundup --help`` and ``--version`` stay fast.
"""

from __future__ import annotations

import argparse
import sys
from importlib import import_module

from groundup import __version__
from groundup.errors import GroundUpError


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line on stderr, exit code 2
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _lab(sub):
    p = sub.add_parser(
        "lab",
        help="set up your course workspace and open it in JupyterLab",
        description=(
            "Create or update a course workspace (default ~/groundup-course, or GROUNDUP_WORKSPACE) "
            "with the lessons, then start JupyterLab on it. Lessons you edited are never "
            "overwritten: the new version is written beside them. Arguments after -- go to JupyterLab."
        ),
    )
    p.add_argument("directory", nargs="?", help="workspace folder (default: ~/groundup-course)")
    p.add_argument("--no-browser", action="store_true", help="do not open a web browser")
    p.add_argument("--port", type=int, help="port for JupyterLab (default: JupyterLab's choice)")
    p.add_argument("--sync-only", action="store_true", help="update the workspace, do not start JupyterLab")
    p.set_defaults(handler="groundup.launch:lab_command")


def _site(sub):
    p = sub.add_parser(
        "site",
        help="build the whole course as a static website",
        description=(
            "Run every lesson and write it as a static website (index.html and one page per lesson) that needs "
            "no kernel and loads nothing from the internet. Quizzes show their answers in collapsible blocks; "
            "models show their figure at the default settings."
        ),
    )
    p.add_argument("--out", required=True, help="folder to write the site into")
    p.set_defaults(handler="groundup.site.build:site_command")


# Subcommands, in the order --help lists them. Add one function per subcommand.
def _validate(sub):
    p = sub.add_parser(
        "validate",
        help="check question banks and report every problem",
        description=(
            "Check question banks (YAML) and print every problem as file:line: question-id: message. "
            "With no paths, checks every bank shipped with the course. Exit code 1 if there is any problem."
        ),
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="bank files, or folders of them (default: the course's banks)")
    p.add_argument("--figures", action="store_true",
                   help="also draw the figure of every label-the-diagram question (needs the figure provider)")
    p.set_defaults(handler="groundup.quiz.commands:validate_command")


def _import_jupyterquiz(sub):
    p = sub.add_parser(
        "import-jupyterquiz",
        help="convert a jupyterquiz question file (JSON) into a question bank (YAML)",
        description=(
            "Convert jupyterquiz questions (multiple_choice, many_choice, numeric) into a Ground Up question bank. "
            "Questions that cannot be converted are listed with the reason; the output is validated."
        ),
    )
    p.add_argument("file", metavar="FILE.json", help="the jupyterquiz question file")
    p.add_argument("--lesson", required=True, help="the lesson the questions belong to, e.g. 01-the-ankle")
    p.add_argument("--section", help="the section slug for the review links (default: the lesson's first section)")
    p.add_argument("--out", help="the bank to write (default: FILE.yaml beside the input)")
    p.add_argument("--prefix", help="start of every question id (default: from the file name)")
    p.add_argument("--source", help="the citation to give every question (default: the file name)")
    p.add_argument("--force", action="store_true", help="replace the output file if it exists")
    p.set_defaults(handler="groundup.quiz.commands:import_jupyterquiz_command")



def _checker(sub):
    p = sub.add_parser(
        "checker",
        help="open the symptom checker on its own (a Voila app on this computer)",
        description=(
            "Serve the symptom checker alone as a Voila app on 127.0.0.1 (for a clinic laptop or a "
            "classroom projector) and print its address. Saved summaries go to your course workspace when "
            "you are in one, otherwise to the current folder. Arguments after -- go to Voila."
        ),
    )
    p.add_argument("--port", type=int, help="port to serve on (default: a free port)")
    p.add_argument("--no-browser", action="store_true", help="do not open a web browser")
    p.set_defaults(handler="groundup.checker.app:checker_command")



def _assign(sub):
    p = sub.add_parser(
        "assign",
        help="make the student release of an assignment (a notebook and its questions file)",
        description=(
            "Read an assignment spec (YAML; examples in the package's assets/assignments/), pick its questions "
            "and write the student release into --out: <id>.ipynb and <id>.assignment.json, to hand out together. "
            "Under 'feedback: after-grading' the release holds no answers, explanations or feedback. "
            "Problems are printed as file:line: id: message (exit code 1, nothing written)."
        ),
    )
    p.add_argument("spec", metavar="SPEC", help="the assignment spec (YAML)")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the release (created if missing)")
    p.add_argument("--bank", action="append", default=[], metavar="DIR",
                   help="a private question bank (YAML file or folder of them) to pick from; repeatable")
    p.add_argument("--force", action="store_true", help="replace release files that differ")
    p.set_defaults(handler="groundup.instructor.release:assign_command")


def _grade(sub):
    p = sub.add_parser(
        "grade",
        help="grade the students' submission files: gradebook, item analysis, report, feedback",
        description=(
            "Grade <id>.<student-id>.submission.json files against the spec they were released from. Writes "
            "gradebook.csv (Moodle; match 'Student ID' to ID number), gradebook-canvas.csv (Canvas), items.csv, "
            "report.html, feedback/<student-id>.md and problems.txt into --out. A file that cannot be graded is "
            "listed with the reason (exit code 1) and never stops the run; inputs are never modified."
        ),
    )
    p.add_argument("spec", metavar="SPEC", help="the assignment spec used for groundup assign")
    p.add_argument("submissions", nargs="+", metavar="SUBMISSION",
                   help="submission files, or folders (their .json files are read)")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the grades (created if missing)")
    p.add_argument("--bank", action="append", default=[], metavar="DIR",
                   help="a private question bank used by the spec; repeatable")
    p.set_defaults(handler="groundup.instructor.grade:grade_command")


def _export(sub):
    p = sub.add_parser(
        "export",
        help="export question banks to Moodle (GIFT, Moodle XML) or Canvas (QTI 1.2 zip)",
        description=(
            "Write question banks in a format an LMS imports. A question the format cannot express is skipped "
            "and named with the reason. With no BANK, exports the course's own banks."
        ),
    )
    p.add_argument("banks", nargs="*", metavar="BANK", help="bank files or folders (default: the course's banks)")
    p.add_argument("--format", required=True, choices=["gift", "moodle-xml", "qti"], help="the file format")
    p.add_argument("--out", required=True, metavar="FILE", help="the file to write (.txt, .xml or .zip)")
    p.add_argument("--title", help="quiz title (QTI) or comment (GIFT, Moodle XML)")
    p.set_defaults(handler="groundup.instructor.export.common:export_command")


# Subcommands, in the order --help lists them. Add one function per subcommand.
SUBCOMMANDS = [_lab, _checker, _validate, _import_jupyterquiz, _site, _assign, _grade, _export]


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="groundup",
        description="Ground Up: an interactive course on how the foot and ankle move.",
        epilog="Start with: groundup lab",
    )
    parser.add_argument("--version", action="version", version=f"groundup {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for add in SUBCOMMANDS:
        add(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    extra: list[str] = []
    if "--" in argv:  # everything after -- is passed on (to JupyterLab)
        cut = argv.index("--")
        argv, extra = argv[:cut], argv[cut + 1 :]
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 0
    args.extra = extra
    module_name, _, function = args.handler.partition(":")
    try:
        return int(getattr(import_module(module_name), function)(args) or 0)
    except GroundUpError as exc:
        print(f"groundup: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("groundup: stopped", file=sys.stderr)
        return 130

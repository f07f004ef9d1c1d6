"""Handlers of ``groundup validate`` and ``groundup import-jupyterquiz`` (imported only when they run)."""

from __future__ import annotations

import sys
from pathlib import Path

from groundup.errors import GroundUpError, Problem


def bank_files(paths: list[str]) -> list[Path]:
    """The bank files named on the command line (folders stand for the YAML files inside them)."""
    from groundup.quiz.bank import packaged_bank_paths

    if not paths:
        return packaged_bank_paths()
    found: list[Path] = []
    for name in paths:
        path = Path(name).expanduser()
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()))
        elif path.is_file():
            found.append(path)
        else:
            raise GroundUpError(f"{name}: no such file or folder")
    unique = {}
    for path in found:  # a file named twice (or inside a folder also named) is checked once
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def figure_problems(banks) -> list[Problem]:
    """Draw every label question's figure; a provider that cannot be imported or fails is a problem."""
    from groundup.quiz.providers import FigureUnavailable, draw

    problems = []
    for bank in banks:
        for question in bank.questions:
            if question.type == "label":
                try:
                    draw(question.figure)
                except FigureUnavailable as exc:
                    problems.append(Problem(question.file, question.line, question.id, f"figure cannot be drawn: {exc}"))
    return problems


def validate_command(args) -> int:
    from groundup.quiz.bank import check_banks

    files = bank_files(args.paths)
    if not files:
        print("No question banks found.")
        return 0
    banks, problems = check_banks(files)
    if args.figures:
        problems += figure_problems(banks)
    order = {str(p): i for i, p in enumerate(files)}
    problems.sort(key=lambda p: (order.get(p.file, len(order)), p.file, p.line, p.item, p.message))
    for problem in problems:
        print(problem)
    questions = sum(len(b.questions) for b in banks)
    if problems:
        bad = len({p.file for p in problems})
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {bad} of {len(files)} "
              f"bank file{'s' if len(files) != 1 else ''}.", file=sys.stderr)
        return 1
    print(f"{len(files)} bank file{'s' if len(files) != 1 else ''}, {questions} questions: no problems.")
    return 0


def import_jupyterquiz_command(args) -> int:
    from groundup.quiz.bank import check_banks
    from groundup.quiz.jupyterquiz import convert_file
    from groundup.workspace import atomic_write_text

    source = Path(args.file).expanduser()
    out = Path(args.out).expanduser() if args.out else source.with_suffix(".yaml")
    if out.exists() and not args.force:
        raise GroundUpError(f"{out} already exists; choose another --out or add --force to replace it")
    result = convert_file(source, lesson=args.lesson, section=args.section, prefix=args.prefix, citation=args.source)
    if not result.questions:
        for line in result.report():
            print(line)
        raise GroundUpError(f"{source}: no question could be converted, so nothing was written")
    atomic_write_text(out, result.yaml)
    for line in result.report():
        print(line)
    _, problems = check_banks([out])
    for problem in problems:
        print(problem)
    print(f"Wrote {len(result.questions)} question{'s' if len(result.questions) != 1 else ''} to {out}"
          + (" (it validates)." if not problems else f"; it has {len(problems)} problem(s) to fix (above)."))
    return 1 if problems else 0

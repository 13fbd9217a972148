#!/usr/bin/env python3
"""Trafilatura's real-world test pages as a snippet corpus for eval_extraction.

Trafilatura (a Python extractor) ships real pages in its source
distribution up to version 1.1.0 (`pip download --no-deps --no-binary
:all: trafilatura==1.1.0`, then unpack it), with assertions on the text
each should give in `tests/realworld_tests.py`:
`assert 'Some words' in result and 'Menu' not in result`. This reads those
assertions (the string literals compared with `in result` and `not in
result`, comments left out) and writes the pages in the layout the
extraction evaluation reads as snippets: `OUT/evaldata.json` and
`OUT/pages/`. Pages already in another snippet corpus (`--exclude DIR`,
its `pages/` folder) are left out, so the rest are pages the rules were
not written for.

    python3 bench/realworld.py TRAFILATURA_DIR OUT [--exclude SNIPPET_CORPUS]
    cargo run --release --example eval_extraction -- [--half even|odd] OUT

Trafilatura keeps readers' comments by default, and its assertions expect
some of them (and a comment policy, a list of recommended stories) in the
text; paperboy drops those on purpose, so recall is bounded below 1.
"""

import argparse
import ast
import json
import shutil
import sys
from pathlib import Path


def assertions(tests: Path) -> tuple[dict, dict]:
    """The MOCK_PAGES map (URL to file name) and, per URL, the snippets
    its assertions want in and out of the text."""
    tree = ast.parse(tests.read_text(encoding="utf-8"))
    pages = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "MOCK_PAGES":
            pages = ast.literal_eval(node.value)
    wanted: dict = {}
    current = None

    def compared(expr):
        if isinstance(expr, ast.BoolOp):
            for value in expr.values:
                yield from compared(value)
        elif (
            isinstance(expr, ast.Compare)
            and isinstance(expr.left, ast.Constant)
            and isinstance(expr.left.value, str)
            and getattr(expr.comparators[0], "id", "") == "result"
        ):
            yield expr.left.value, isinstance(expr.ops[0], ast.In)

    def walk(statements):
        nonlocal current
        for s in statements:
            call = getattr(s, "value", None)
            if (
                isinstance(s, ast.Assign)
                and isinstance(call, ast.Call)
                and getattr(call.func, "id", "") == "load_mock_page"
                and isinstance(call.args[0], ast.Constant)
            ):
                current = call.args[0].value
                wanted.setdefault(current, {"with": [], "without": []})
            elif isinstance(s, ast.If):
                walk(s.body)
            elif isinstance(s, ast.Assert) and current:
                for text, inside in compared(s.test):
                    if text.strip():
                        wanted[current]["with" if inside else "without"].append(text)

    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
            current = None
            walk(node.body)
    return pages, wanted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trafilatura", type=Path, help="unpacked trafilatura 1.1.0 source")
    parser.add_argument("out", type=Path, help="folder to write the corpus to")
    parser.add_argument("--exclude", type=Path, help="a snippet corpus whose pages to leave out")
    args = parser.parse_args()
    tests = args.trafilatura / "tests" / "realworld_tests.py"
    cache = args.trafilatura / "tests" / "cache"
    if not tests.is_file() or not cache.is_dir():
        print(f"{args.trafilatura}: no tests/realworld_tests.py and tests/cache", file=sys.stderr)
        return 2
    excluded = set()
    if args.exclude:
        excluded = {p.name for p in (args.exclude / "pages").iterdir()}
    pages, wanted = assertions(tests)
    (args.out / "pages").mkdir(parents=True, exist_ok=True)
    corpus = {}
    left_out = 0
    for url, snippets in wanted.items():
        name = pages.get(url)
        if name is None or not (snippets["with"] or snippets["without"]):
            continue
        if name in excluded:
            left_out += 1
            continue
        shutil.copy(cache / name, args.out / "pages" / name)
        corpus[url] = {"file": name, **snippets}
    (args.out / "evaldata.json").write_text(
        json.dumps(corpus, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    print(
        f"{len(corpus)} pages ({left_out} left out as already in {args.exclude}), "
        f"{sum(len(c['with']) for c in corpus.values())} snippets wanted, "
        f"{sum(len(c['without']) for c in corpus.values())} unwanted"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

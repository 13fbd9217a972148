#!/usr/bin/env python3
"""Publishing dates found by `paperboy extract` beside htmldate's test set.

htmldate (a Python library that finds a web page's date) ships real pages
and the date each should give in its source distribution up to version
1.4 (`pip download --no-deps --no-binary :all: htmldate==1.2.0`, then
unpack it). This reads the expected dates from its `tests/unit_tests.py`
(the plain `find_date(load_mock_page(URL))` assertions, and the
`original_date=True` ones as a second right answer), extracts each page
with its URL and counts the pages whose `published` day agrees, those left
undated and those dated otherwise.

    cargo build --release
    python3 bench/dates.py HTMLDATE_DIR [--paperboy target/release/paperboy] [-v]

Many of the pages are home pages, terms of service or product pages, which
htmldate dates from copyright lines and page metadata and paperboy leaves
undated on purpose: read the undated count with that in mind.
"""

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path


def expected_dates(tests: Path) -> dict:
    src = tests.read_text(encoding="utf-8")
    start = src.index("MOCK_PAGES = {")
    end = src.index("}", start)
    pages = dict(re.findall(r"'([^']+)'\s*:\s*'([^']+)'", src[start:end]))
    found = {}
    pattern = re.compile(
        r"assert find_date\(load_mock_page\('([^']+)'\)(,[^)]*)?\)\s*==\s*('[^']*'|None)"
    )
    for url, extra, value in pattern.findall(src):
        if url not in pages:
            continue
        value = None if value == "None" else value.strip("'")
        extra = (extra or "").replace(" ", "").strip(",")
        entry = found.setdefault(url, {"file": pages[url]})
        if extra == "" and "date" not in entry:
            entry["date"] = value
        elif extra == "original_date=True" and "original" not in entry:
            entry["original"] = value
    return {u: e for u, e in found.items() if e.get("date")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("htmldate", type=Path, help="unpacked htmldate source folder")
    ap.add_argument("--paperboy", default="target/release/paperboy")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every page")
    args = ap.parse_args()
    tests = args.htmldate / "tests"
    pages = expected_dates(tests / "unit_tests.py")
    counts = {"agree": 0, "undated": 0, "differ": 0}
    for url, entry in sorted(pages.items(), key=lambda kv: kv[1]["file"]):
        run = subprocess.run(
            [args.paperboy, "extract", "--format", "json", "--url", url,
             str(tests / "cache" / entry["file"])],
            capture_output=True, text=True,
        )
        if run.returncode != 0:
            got, source = "", f"error: {run.stderr.strip()}"
        else:
            out = json.loads(run.stdout)
            got = (out.get("published") or "")[:10]
            source = out.get("found_in", {}).get("published")
        want = {entry["date"], entry.get("original")}
        kind = "agree" if got in want else "undated" if not got else "differ"
        counts[kind] += 1
        if args.verbose or kind == "differ":
            print(f"{kind:8} {entry['file']:45} got {got or '-':10} want {entry['date']} ({source})")
    print(f"{len(pages)} pages: {counts['agree']} agree, {counts['undated']} undated, "
          f"{counts['differ']} dated otherwise")
    return 0


if __name__ == "__main__":
    sys.exit(main())

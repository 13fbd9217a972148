#!/usr/bin/env python3
"""What `paperboy extract` finds on every saved page under a folder.

For a folder of saved article pages with no expected output (a test set
of another project, or pages you mirror), this extracts each `.html` file
and prints one line per page: title, date and where it came from, byline,
and the length of the body text; then how many pages got a date and a
byline, and the date sources. Read the lines, not only the counts: a
byline that is a label or a title that keeps the site's name shows here.

    cargo build --release
    python3 bench/survey.py DIR [--paperboy target/release/paperboy]

GNE's Chinese news pages (`pip download --no-deps --no-binary :all:
gne==0.4.3`, then unpack it; DIR is its `tests` folder) are one such set.
"""

import argparse
import collections
import json
import subprocess
import sys
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--paperboy", default="target/release/paperboy")
    args = parser.parse_args()
    pages = sorted(args.dir.rglob("*.html"))
    if not pages:
        print(f"no .html files under {args.dir}", file=sys.stderr)
        return 2
    dated = bylined = failed = 0
    sources = collections.Counter()
    for page in pages:
        name = str(page.relative_to(args.dir))
        run = subprocess.run(
            [args.paperboy, "extract", "--format", "json", str(page)],
            capture_output=True,
            text=True,
        )
        if run.returncode != 0:
            failed += 1
            print(f"{name:28} | error: {run.stderr.strip()[:100]}")
            continue
        found = json.loads(run.stdout)
        source = found.get("found_in", {}).get("published")
        if found.get("published"):
            dated += 1
            sources[source] += 1
        if found.get("byline"):
            bylined += 1
        print(
            f"{name:28} | {found.get('title') or '-'} | "
            f"{(found.get('published') or '-')[:16]} ({source or '-'}) | "
            f"{found.get('byline') or '-'} | {len(found.get('text') or '')} chars"
        )
    print(
        f"{len(pages)} pages: {dated} dated, {bylined} with a byline, {failed} not extracted"
    )
    print("date sources: " + ", ".join(f"{s} {n}" for s, n in sources.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

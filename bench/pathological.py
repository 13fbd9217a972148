#!/usr/bin/env python3
"""Time and peak memory of `paperboy` on hostile or oversized input.

Generates each input in a temporary folder, runs the binary on it (feeds
are served from a loopback server on 127.0.0.1) and prints, per case, the
wall time, the peak memory (max RSS) of the paperboy process, its exit
status and the last line it printed. A limit that is hit should show as a
quick, clear one-line error or warning, never as a crash (exit 134 or a
signal) or as minutes of work. Standard library only.

Usage: bench/pathological.py [--binary target/release/paperboy] [--only NAME,...]
                             [--timeout 300] [--list]
Build first: cargo build --release
"""
import argparse
import html
import http.server
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time

WORDS = ("harbour council ferry night plan vote town island service trial budget cost "
         "workers mainland summer season review figures transport fund passengers route").split()


def paragraph(rng, n=60):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


class Server:
    """Serves `self.feed` at /feed.xml on 127.0.0.1; every other path is a 404."""

    def __init__(self):
        self.feed = b""
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def do_GET(self):
                if self.path == "/feed.xml":
                    self.send_response(200)
                    self.send_header("Content-Type", "application/rss+xml")
                    self.send_header("Content-Length", str(len(outer.feed)))
                    self.end_headers()
                    self.wfile.write(outer.feed)
                else:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()

            def log_message(self, *args):
                pass

        self.http = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.http.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.http.server_address[1]}"
        threading.Thread(target=self.http.serve_forever, daemon=True).start()

    def close(self):
        self.http.shutdown()
        self.http.server_close()


def site(work, feeds=(), fetch_extra=""):
    """A site folder with one section, `world`, reading `feeds`."""
    root = os.path.join(work, "site")
    os.makedirs(os.path.join(root, "content", "world"))
    feed_list = ", ".join(f'"{f}"' for f in feeds)
    with open(os.path.join(root, "config.yaml"), "w") as f:
        f.write(f"title: Bench\nsections:\n  - id: world\n    feeds: [{feed_list}]\n")
        if fetch_extra:
            f.write(f"fetch:\n{fetch_extra}")
    return root


def article(root, body, front="title: Deep\n"):
    with open(os.path.join(root, "content", "world", "2026-01-01-deep.md"), "w") as f:
        f.write(f"---\n{front}---\n{body}\n")


def nested(open_tag, close_tag, depth, inner="deep text"):
    return open_tag * depth + inner + close_tag * depth


def rss(items):
    out = ['<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title>']
    for link, title, description in items:
        out.append(f"<item><title>{html.escape(title)}</title><link>{link}</link>"
                   f"<description>{html.escape(description)}</description></item>")
    out.append("</channel></rss>")
    return "".join(out).encode()


# Each case gets the work folder, a random source and a server, and returns
# (arguments, folder to run in).

def feed_deep_item(work, rng, server):
    items = [(f"{server.base}/a{i}.html", f"Story {i}", f"<p>{paragraph(rng)}</p>") for i in range(3)]
    items.insert(1, (f"{server.base}/deep.html", "Deep story", nested("<div>", "</div>", 5000)))
    server.feed = rss(items)
    return ["fetch"], site(work, [f"{server.base}/feed.xml"])


def feed_many_items(work, rng, server):
    items = [(f"{server.base}/s{i}.html", f"Story {i}", f"<p>{paragraph(rng, 20)}</p>") for i in range(5000)]
    server.feed = rss(items)
    return ["fetch"], site(work, [f"{server.base}/feed.xml"])


def build_body(body, front="title: Deep\n"):
    def case(work, rng, server):
        root = site(work)
        article(root, body(), front)
        return ["build"], root
    return case


def yaml_alias_bomb():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "title: Bomb\nsummary:\n" + "\n".join("  " + l for l in lines) + "\n"


def yaml_indented(depth):
    return "title: Deep\nsummary:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(depth)) + " " * (depth + 1) + "x\n"


def extract_page(name, page, fetch_extra=""):
    def case(work, rng, server):
        root = site(work, fetch_extra=fetch_extra)
        path = os.path.join(work, name)
        with open(path, "wb") as f:
            f.write(page(rng))
        return ["extract", path], root
    return case


def ingest_file(name, data, fetch_extra):
    def case(work, rng, server):
        root = site(work, fetch_extra=fetch_extra)
        path = os.path.join(work, name)
        with open(path, "wb") as f:
            data(f, rng)
        return ["ingest", path], root
    return case


def story_page(rng, title, inside="", after=""):
    """A page with a story of five paragraphs in its <article>, then `inside` in the
    article after the story and `after` past it."""
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>".encode()
            + ("<p>" + paragraph(rng) + "</p>").encode() * 5
            + inside.encode() + b"</article>" + after.encode() + b"</body></html>")


def deep_page(rng):
    return story_page(rng, "Deep page",
                      inside=nested("<div>", "</div>", 20000, "<p>" + paragraph(rng) + "</p>"))


def choice_form_page(rng):
    """A story, then a shop's filter form of 3,000 check boxes (the poll check)."""
    return story_page(rng, "Form page", after="<form><div>" + "".join(
        f"<label><input type=checkbox> Option {i}</label>" for i in range(3000)) + "</div></form>")


def teaser_list_page(rng):
    """A story, then 5,000 teaser boxes of the site's other stories (the teaser-list check)."""
    return story_page(rng, "Teaser page", after="<div>" + "".join(
        f"<div><h3><a href='/n/{i}'>Story {i}</a></h3><p>{paragraph(rng, 20)}</p></div>"
        for i in range(5000)) + "</div>")


def noscript_gallery_page(rng):
    """A story, then a gallery of 5,000 images given only in <noscript> (the noscript check)."""
    return story_page(rng, "Gallery page", inside="<div>" + "".join(
        f"<noscript><img src='/g/{i}.jpg'></noscript>" for i in range(5000)) + "</div>")


def comment_sections_page(rng):
    """A story, then 5,000 readers' comments, each in a box named `comments` (the comment-section check)."""
    return story_page(rng, "Comments page", after="<div>" + "".join(
        f"<div class='comments'><p>{paragraph(rng, 20)}</p></div>" for i in range(5000)) + "</div>")


def binary_85mb(f, rng):
    chunk = os.urandom(1 << 20)
    for _ in range(85):
        f.write(chunk)


def html_200mb(f, rng):
    f.write(b"<html><head><title>Huge page</title></head><body><article><h1>Huge page</h1>")
    block = "".join(f"<p>{paragraph(rng)}</p>\n" for _ in range(100)).encode()
    for _ in range((200 << 20) // len(block)):
        f.write(block)
    f.write(b"</article></body></html>")


BIG = "  max_page_bytes: 300000000\n"

CASES = {
    "feed-5k-nested-divs": feed_deep_item,
    "feed-5000-items": feed_many_items,
    "build-100k-nested-divs": build_body(lambda: nested("<div>", "</div>", 100_000)),
    "build-100k-quotes": build_body(lambda: "> " * 100_000 + "deep text"),
    "build-100k-nested-lists": build_body(lambda: "- " * 100_000 + "deep text"),
    "build-100k-brackets": build_body(lambda: "[" * 100_000 + "deep text" + "](x)" * 100_000),
    "yaml-flow-100k": build_body(lambda: "Body.", "title: Deep\nsummary: " + nested("[", "]", 100_000, "x") + "\n"),
    "yaml-block-100k": build_body(lambda: "Body.", "title: Deep\nsummary:\n  " + "- " * 100_000 + "x\n"),
    "yaml-indent-1k": build_body(lambda: "Body.", yaml_indented(1000)),
    "yaml-aliases": build_body(lambda: "Body.", yaml_alias_bomb()),
    "extract-20k-nested-divs": extract_page("deep.html", deep_page),
    "extract-3000-choice-form": extract_page("form.html", choice_form_page),
    "extract-5000-teasers": extract_page("teasers.html", teaser_list_page),
    "extract-5000-noscript-images": extract_page("gallery.html", noscript_gallery_page),
    "extract-5000-comment-sections": extract_page("comments.html", comment_sections_page),
    "ingest-85mb-binary": ingest_file("binary.html", binary_85mb, BIG),
    "ingest-200mb-html": ingest_file("huge.html", html_200mb, BIG),
    "ingest-85mb-binary-default": ingest_file("binary.html", binary_85mb, ""),
}


def run(binary, args, cwd, timeout):
    """Runs paperboy; returns (seconds, peak RSS in MB, status, last line)."""
    start = time.monotonic()
    p = subprocess.Popen([binary, *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    timer = threading.Timer(timeout, p.kill)
    timer.start()
    out = p.stdout.read()
    _, status, usage = os.wait4(p.pid, 0)
    seconds = time.monotonic() - start
    timer.cancel()
    p.returncode = 0  # reaped by wait4 already
    if os.WIFSIGNALED(status):
        code = f"signal {os.WTERMSIG(status)}" + (" (timeout)" if seconds >= timeout else "")
    else:
        code = f"exit {os.WEXITSTATUS(status)}"
    lines = [l for l in out.decode(errors="replace").splitlines() if l.strip()]
    last = lines[-1] if lines else ""
    return seconds, usage.ru_maxrss / 1024, code, last


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default="target/release/paperboy")
    ap.add_argument("--only", help="comma-separated case names")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--list", action="store_true", help="list the cases and exit")
    args = ap.parse_args()
    if args.list:
        print("\n".join(CASES))
        return
    binary = os.path.abspath(args.binary)
    if not os.path.exists(binary):
        sys.exit(f"{binary} not found: run cargo build --release first")
    names = args.only.split(",") if args.only else list(CASES)
    unknown = [n for n in names if n not in CASES]
    if unknown:
        sys.exit(f"unknown case(s): {', '.join(unknown)}; see --list")
    print(f"{'case':28} {'seconds':>8} {'peak MB':>8}  status   last line")
    for name in names:
        work = tempfile.mkdtemp(prefix="paperboy-pathological-")
        server = Server()
        try:
            cmd, cwd = CASES[name](work, random.Random(1), server)
            seconds, mb, code, last = run(binary, ["-q", *cmd] if cmd[0] == "build" else cmd, cwd, args.timeout)
            print(f"{name:28} {seconds:8.2f} {mb:8.1f}  {code:8} {last[:150]}", flush=True)
        finally:
            server.close()
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

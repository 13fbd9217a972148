#!/usr/bin/env python3
"""Benchmark `paperboy fetch`: N articles from loopback servers.

Starts HTTP/1.1 servers on 127.0.0.1 .. 127.0.0.K (loopback only), each
serving its share of a feed's items as realistic article pages (navigation,
sidebar, comments, about 9 KB of HTML), runs a release `paperboy fetch` on a
fresh site, and prints articles per second and the fetch process's peak
memory (max RSS). Standard library only.

Usage: bench/fetch.py [--articles 1000] [--hosts 4] [--binary target/release/paperboy]
Build first: cargo build --release
"""
import argparse
import http.server
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time

WORDS = ("harbour council ferry night plan vote town island service trial budget cost "
         "workers mainland summer season review figures transport fund passengers route "
         "pier lights fishing boats dawn weather residents officials market school").split()


def paragraph(rng, n=60):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def page(i, rng):
    nav = "".join(f'<li><a href="/section/{k}.html">Section {k}</a></li>' for k in range(30))
    side = "".join(f'<li><a href="/related/{i}-{k}.html">Related story {k}: {paragraph(rng, 8)}</a></li>' for k in range(12))
    body = "".join(f"<p>{paragraph(rng)}</p>" for _ in range(10))
    comments = "".join(f'<div class="comment"><b>Reader {k}</b> {paragraph(rng, 20)}</div>' for k in range(8))
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Story {i} | Bench News</title>"
            f"<meta property=\"og:site_name\" content=\"Bench News\"></head><body>"
            f"<header><nav><ul>{nav}</ul></nav></header><main><article><h1>Story {i}</h1>"
            f"<p class=\"byline\">By Reporter {i % 17}</p>{body}</article>"
            f"<aside class=\"related\"><h3>Related</h3><ul>{side}</ul></aside>"
            f"<section class=\"comments\"><h3>Comments</h3>{comments}</section></main>"
            f"<footer>Copyright Bench News</footer></body></html>").encode()


def serve(host, pages, feed):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in two writes; without this, Nagle's
        # algorithm and delayed ACKs add 40 ms to every keep-alive response.
        disable_nagle_algorithm = True

        def do_GET(self):
            if self.path == "/feed.xml" and feed is not None:
                body, ctype = feed, "application/rss+xml"
            elif self.path == "/robots.txt":
                body, ctype = b"User-agent: *\nAllow: /\n", "text/plain"
            elif self.path in pages:
                body, ctype = pages[self.path], "text/html; charset=utf-8"
            else:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer((host, 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--hosts", type=int, default=4)
    ap.add_argument("--binary", default="target/release/paperboy")
    args = ap.parse_args()
    binary = os.path.abspath(args.binary)
    if not os.path.exists(binary):
        sys.exit(f"{binary} not found: run cargo build --release first")

    rng = random.Random(7)
    hosts = [f"127.0.0.{k + 1}" for k in range(args.hosts)]
    per_host = [{} for _ in hosts]
    servers = [serve(h, per_host[k], None) for k, h in enumerate(hosts)]
    items = []
    for i in range(args.articles):
        k = i % len(hosts)
        path = f"/2026/11/story-{i}.html"
        per_host[k][path] = page(i, rng)
        port = servers[k].server_address[1]
        day = 1 + i % 28
        items.append(f"<item><title>Story {i}</title><link>http://{hosts[k]}:{port}{path}</link>"
                     f"<pubDate>{['Mon','Tue','Wed','Thu','Fri','Sat','Sun'][i % 7]}, {day:02d} Nov 2026 09:00:00 GMT</pubDate>"
                     f"<description>Summary of story {i}.</description></item>")
    feed = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Bench Wire</title>"
            + "".join(items) + "</channel></rss>").encode()
    feed_server = serve("127.0.0.1", {}, feed)
    feed_url = f"http://127.0.0.1:{feed_server.server_address[1]}/feed.xml"
    page_bytes = sum(len(p) for d in per_host for p in d.values())

    site = tempfile.mkdtemp(prefix="paperboy-bench-")
    try:
        with open(os.path.join(site, "config.yaml"), "w") as f:
            f.write(f"title: Bench\nsections:\n  - id: world\n    feeds: [\"{feed_url}\"]\n"
                    f"fetch:\n  max_page_bytes: 50000000\n")
        start = time.monotonic()
        run = subprocess.run([binary, "-q", "fetch", "--root", site], capture_output=True, text=True)
        elapsed = time.monotonic() - start
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        if run.returncode != 0:
            sys.exit(f"fetch failed ({run.returncode}):\n{run.stdout}\n{run.stderr}")
        written = sum(len(files) for _, _, files in os.walk(os.path.join(site, "content")))
        print(run.stdout.strip())
        print(f"articles: {args.articles} from {len(hosts)} hosts ({page_bytes / args.articles / 1024:.1f} KB of HTML each), "
              f"{written} content files written")
        print(f"time: {elapsed:.2f} s, {args.articles / elapsed:.0f} articles/s")
        print(f"peak memory (max RSS of paperboy fetch): {peak_kb / 1024:.1f} MB")
    finally:
        shutil.rmtree(site, ignore_errors=True)
        for s in servers + [feed_server]:
            s.shutdown()


if __name__ == "__main__":
    main()

"""`make bench`: serve the site with gunicorn (DEBUG off) and measure it with wrk, in one run.

It measures requests per second and p50/p99 latency of a cached article page, an uncached article
page, a flow result and, as the physical reference, a static file of similar size served by
WhiteNoise from the same server; then the transfer size of the article page (HTML + CSS + JS,
compressed), and finally a bounded load test: 100 concurrent connections on the main pages,
reporting errors and 5xx responses. Loopback only. Last, issue #41's ratios, with the page cache
off and the static file measured again on the same server: every article page of the law in force
in turn, and flow results for 60 sets of answers in turn; then the same with law.memo off too, as
each page is the first time after a change.

Usage: python scripts/bench.py [--seconds 10] [--load-seconds 30] [--workers N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script or loaded by its path (tests/test_load.py, scripts/screenshots.py): either way the
# project folder goes on the path, for the serving helpers this shares with the tests.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.serving import gunicorn, manage, production_env  # noqa: E402

PYTHON = sys.executable
ARTICLE = "/en/ai-law/draft-2025/article-18/"
LOAD_PATHS = [
    "/kk/",
    "/ru/ai-law/draft-2025/",
    "/en/ai-law/draft-2025/article-15/",
    "/kk/ai-law/draft-2025/article-18/",
    "/ru/check/",
    "/en/check/uses_ai/",
    "/kk/check/result/?uses_ai=yes&provides_ai=no&data_library=no",
    "/ru/glossary/",
    "/en/committee/",
]
COUNT_5XX_LUA = """
local paths = {%s}
local counter = 0
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) fivexx = 0 end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1], {["Accept-Encoding"] = "gzip"})
end
function response(status, headers, body) if status >= 500 then fivexx = fivexx + 1 end end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("fivexx") end
  io.write(string.format("FIVEXX %%d\\n", total))
end
"""


def prepare(work: Path) -> dict:
    env = production_env(work, DJANGO_ALLOWED_HOSTS="127.0.0.1")
    manage(env, ["migrate", "--no-input", "-v0"], ["compile_translations"], ["load_content"])
    # The reference: a static file of about the article page's size, served by WhiteNoise.
    reference = ROOT / "static" / "bench"
    reference.mkdir(exist_ok=True)
    try:
        (reference / "reference.html").write_bytes(fetch_uncompressed(ARTICLE, env))
        manage(env, ["collectstatic", "--no-input", "-v0"])
    finally:
        shutil.rmtree(reference)
    return env


# The pages issue #41 measures with the page cache off, in one run with the static file: every article
# of the law in force in each language in turn, and flow results for many sets of answers (each set
# is its own page, which no cache keeps for long). Written by the site itself, from its database.
PAGE_LISTS = """
import json, random, django; django.setup()
from urllib.parse import urlencode
from checker.models import FlowDeclaration
from law.models import Article, Edition
main = Edition.objects.main()
articles = [f"/{lang}/ai-law/{main.slug}/article-{a.number}/" for a in Article.objects.published().filter(edition=main)
            for lang in ("kk", "ru", "en")]
flow, rng, results = FlowDeclaration.objects.get(edition=main).flow(), random.Random(41), set()
while len(results) < RESULT_SETS:
    values = {}
    for _step in range(50):
        question = flow.next_question(values)
        if question is None:
            break
        values[question.name] = rng.choice(list(question.values))
    results.add(f"/{rng.choice(('kk', 'ru', 'en'))}/check/result/?" + urlencode(values))
print(json.dumps({"articles": articles, "results": sorted(results)}))
"""
RESULT_SETS = 60
CYCLE_LUA = """
local paths = {%s}
local counter = 0
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1], {["Accept-Encoding"] = "gzip"})
end
"""
# Goals of issue #41 on a 2-core machine, page cache off: requests/s as a share of the static file's.
GOALS = {"Article pages of the law, uncached": 0.10, "Flow results, many answers, uncached": 0.07}


def page_lists(env) -> dict:
    env = dict(env, DJANGO_SETTINGS_MODULE="lawsite.settings")
    code = PAGE_LISTS.replace("RESULT_SETS", str(RESULT_SETS))
    output = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True).stdout
    return json.loads(output)


def wrk_cycle(base, paths, seconds):
    """wrk over `paths` in turn (each request the next one)."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(CYCLE_LUA % ", ".join(f'"{p}"' for p in paths))
    try:
        return wrk(base + "/", seconds, script=script.name)
    finally:
        os.unlink(script.name)


def serve(env, cache: bool, workers: int):
    """The copy of the site under gunicorn, with or without the page cache; yields its base URL."""
    return gunicorn(dict(env, PUBLIC_PAGE_CACHE="1" if cache else "0"), workers=workers)


def fetch_uncompressed(path, env):
    """The article page's HTML, rendered once in-process (before any server runs)."""
    code = (
        "import django, sys; django.setup();"
        "from django.test import Client;"
        f"sys.stdout.buffer.write(Client().get({path!r}, HTTP_X_FORWARDED_PROTO='https').content)"
    )
    env = dict(
        env, DJANGO_SETTINGS_MODULE="lawsite.settings", DJANGO_ALLOWED_HOSTS="testserver", DJANGO_STATIC_MANIFEST="0"
    )
    return subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True).stdout


def wrk(url, seconds, connections=16, threads=2, script=None):
    command = ["wrk", "--latency", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s",
               "-H", "Accept-Encoding: gzip"]  # fmt: skip
    if script:
        command += ["-s", script]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    return parse_wrk(output)


def to_ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def parse_wrk(output: str) -> dict:
    result = {"raw": output}
    result["rps"] = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    result["p50"] = to_ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    result["p99"] = to_ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    result["requests"] = int(re.search(r"(\d+) requests in", output).group(1))
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    result["socket_errors"] = sum(int(g) for g in errors.groups()) if errors else 0
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    result["non_2xx_3xx"] = int(non2xx.group(1)) if non2xx else 0
    fivexx = re.search(r"FIVEXX (\d+)", output)
    result["5xx"] = int(fivexx.group(1)) if fivexx else None
    return result


def transfer_size(base: str, path: str) -> tuple[int, dict]:
    """Bytes on the wire for a page and the CSS and JS it links to, with gzip as browsers ask."""
    sizes = {}

    def get(url):
        request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
            return body, response.headers

    body, headers = get(base + path)
    sizes["html"] = len(body)
    html = gzip.decompress(body).decode() if headers.get("Content-Encoding") == "gzip" else body.decode()
    for kind, pattern in (("css", r'<link rel="stylesheet" href="([^"]+)"'), ("js", r'<script src="([^"]+)"')):
        for asset in re.findall(pattern, html):
            asset_body, asset_headers = get(base + asset)
            sizes[kind] = sizes.get(kind, 0) + len(asset_body)
            if kind == "css":
                css = asset_body
                if asset_headers.get("Content-Encoding") == "gzip":
                    css = gzip.decompress(asset_body)
                # The site's own font: every face, as a first visit to Kazakh pages fetches them all.
                folder = asset.rsplit("/", 1)[0] + "/"
                for font in set(re.findall(r'url\("?([^")]+\.woff2)"?\)', css.decode())):
                    font_body, _h = get(base + urllib.parse.urljoin(folder, font))
                    sizes["fonts"] = sizes.get("fonts", 0) + len(font_body)
    third_party = [u for u in re.findall(r'(?:src|href)="(https?://[^"]+)"', html) if "127.0.0.1" not in u]
    assets = [u for u in third_party if re.search(r"\.(css|js|woff2?|ttf|png|jpg|svg)(\?|$)", u)]
    page = sum(size for kind, size in sizes.items() if kind != "fonts")
    return page, {**sizes, "third_party_assets": assets}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--load-seconds", type=int, default=30)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)  # one per core: pages are CPU work
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk")
    with tempfile.TemporaryDirectory() as tmp:
        env = prepare(Path(tmp))
        lists = page_lists(env)
        result = lists["results"][0]  # a result of the law in force's flow (not a redirect)
        rows = []
        with serve(env, cache=True, workers=args.workers) as base:
            static_url = base + find_reference(base)
            wrk(base + ARTICLE, 2)  # warm the cache and the workers
            wrk(base + result, 2)
            rows.append(("Article page, cached", wrk(base + ARTICLE, args.seconds)))
            rows.append(("Flow result, cached", wrk(base + result, args.seconds)))
            rows.append(("Static file, WhiteNoise (reference)", wrk(static_url, args.seconds)))
            total, sizes = transfer_size(base, ARTICLE)
            load = run_load(base, args.load_seconds)
        with serve(env, cache=False, workers=args.workers) as base:
            wrk(base + ARTICLE, 2)
            wrk_cycle(base, lists["results"], 2)  # each worker reads the flow's inputs once
            rows.append(("Article page, uncached", wrk(base + ARTICLE, args.seconds)))
            rows.append(("Flow result, uncached", wrk(base + result, args.seconds)))
            same_run = ratio_rows(base, lists, args.seconds)
        # The first view of each page after a change: nothing kept (law.memo off), no page cache.
        with serve(dict(env, CONTENT_MEMO="0"), cache=False, workers=args.workers) as base:
            wrk(base + ARTICLE, 2)
            first_views = ratio_rows(base, lists, args.seconds)
    report_ratios(same_run, lists, "Page cache off, in one run with the static file", GOALS)
    report_ratios(first_views, lists, "Page cache and memo off (each page as its first view after a change)", {})
    report(rows, total, sizes, load, args)


def ratio_rows(base, lists, seconds) -> list:
    """Issue #41's ratios: the static file, then the pages in turn, all on this one server."""
    reference = base + find_reference(base)
    rows = [("Static file, WhiteNoise (same run)", wrk(reference, seconds))]
    rows.append(("Article pages of the law, uncached", wrk_cycle(base, lists["articles"], seconds)))
    rows.append(("Flow results, many answers, uncached", wrk_cycle(base, lists["results"], seconds)))
    return rows


def report_ratios(rows, lists, heading, goals):
    static_rps = rows[0][1]["rps"]
    print(
        f"\n{heading}: {len(lists['articles'])} article pages in turn, "
        f"{len(lists['results'])} sets of answers in turn.\n"
    )
    print("| page | requests/s | p50 ms | p99 ms | ÷ static file | goal (#41) |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, r in rows:
        goal = goals.get(name)
        goal_text = f"≥ {goal:.2f} {'met' if r['rps'] / static_rps >= goal else 'not yet'}" if goal else ""
        print(
            f"| {name} | {r['rps']:.0f} | {r['p50']:.2f} | {r['p99']:.2f} | {r['rps'] / static_rps:.3f} | {goal_text} |"
        )


def find_reference(base):
    with urllib.request.urlopen(base + "/static/staticfiles.json", timeout=5) as response:
        manifest = response.read().decode()
    return "/static/" + re.search(r'"bench/reference\.html": "([^"]+)"', manifest).group(1)


def run_load(base, seconds):
    quoted = ", ".join(f'"{p}"' for p in LOAD_PATHS)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(COUNT_5XX_LUA % quoted)
    try:
        return wrk(base + "/", seconds, connections=100, threads=2, script=script.name)
    finally:
        os.unlink(script.name)


def report(rows, total, sizes, load, args):
    static_rps = next(r["rps"] for name, r in rows if name.startswith("Static"))
    cpu = platform_line()
    print(f"\nMeasured on {cpu}; gunicorn with {args.workers} sync workers, DEBUG off; wrk -t2 -c16, "
          f"{args.seconds} s per row, gzip accepted.\n")  # fmt: skip
    print("| page | requests/s | p50 ms | p99 ms | vs static file |")
    print("|---|---:|---:|---:|---:|")
    for name, r in rows:
        print(f"| {name} | {r['rps']:.0f} | {r['p50']:.2f} | {r['p99']:.2f} | {r['rps'] / static_rps:.2f} |")
    print(
        f"\nArticle page transferred in all (compressed): {total / 1024:.1f} KB "
        f"(HTML {sizes.get('html', 0) / 1024:.1f} KB, CSS {sizes.get('css', 0) / 1024:.1f} KB, "
        f"JS {sizes.get('js', 0) / 1024:.1f} KB), plus the site's font once, cached for a year: "
        f"{sizes.get('fonts', 0) / 1024:.1f} KB; third-party requests: {len(sizes['third_party_assets'])}."
    )
    print(
        f"\nLoad test: 100 connections for {args.load_seconds} s over {len(LOAD_PATHS)} pages: "
        f"{load['requests']} requests, {load['rps']:.0f}/s, p99 {load['p99']:.1f} ms, "
        f"socket errors {load['socket_errors']}, non-2xx/3xx {load['non_2xx_3xx']}, 5xx {load['5xx']}."
    )
    cached = next(r for name, r in rows if name == "Article page, cached")
    budgets = [
        ("cached article ≥ 0.5 × static file requests/s", cached["rps"] >= 0.5 * static_rps),
        ("article page < 40 KB transferred", total < 40 * 1024),
        ("the site's font ≤ 100 KB in all", 0 < sizes.get("fonts", 0) <= 100 * 1024),
        ("no third-party requests", not sizes["third_party_assets"]),
        ("load test: no errors, no 5xx", load["socket_errors"] == 0 and load["5xx"] == 0 and load["non_2xx_3xx"] == 0),
    ]
    print()
    for name, ok in budgets:
        print(f"{'PASS' if ok else 'FAIL'}  {name}")
    if not all(ok for _n, ok in budgets):
        sys.exit(1)


def platform_line():
    try:
        model = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text()).group(1)
    except (OSError, AttributeError):
        model = "unknown CPU"
    return f"{os.cpu_count()} × {model}, Python {sys.version.split()[0]}"


if __name__ == "__main__":
    main()

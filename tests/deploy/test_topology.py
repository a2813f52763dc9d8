"""The site as the lab runs it, on loopback: nginx with deploy/nginx/ailaw.conf (a self-signed
certificate made here), two gunicorn instances, PostgreSQL and Redis, each started by this test from
Debian's packages and stopped after. Everything is checked through nginx, as a visitor sees it.
Over 400 lines on purpose: the topology is started once for the module (about half a minute), so
every check of it belongs here rather than in a second module that would start it again.

`make test-deploy` runs it (as root: PostgreSQL runs as its own user, nginx reads the test's files).
"""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import secrets
import shutil
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from tests.admin_forms import form_fields

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a-long-deploy-test-passphrase-7"
MARK = "A sentence the deploy test added."


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, what: str, timeout: float = 30.0, process=None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{what} did not listen on {port} within {timeout} s")


def as_postgres(command: str) -> None:
    subprocess.run(["su", "postgres", "-s", "/bin/sh", "-c", command], check=True, capture_output=True, timeout=120)


class Postgres:
    def __init__(self, base: Path):
        versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
        assert versions, "PostgreSQL is not installed: apt-get install postgresql"
        self.bin = versions[-1].parent
        self.data, self.port = base / "pgdata", free_port()
        self.data.mkdir()
        shutil.chown(self.data, "postgres", "postgres")
        as_postgres(f"{self.bin}/initdb -D {self.data} -A trust -U postgres --no-sync >/dev/null")
        self.start()
        as_postgres(f"{self.bin}/createdb -h 127.0.0.1 -p {self.port} -U postgres ailaw")

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/ailaw"

    def start(self) -> None:
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=off"
        as_postgres(f"{self.bin}/pg_ctl -D {self.data} -o '{options}' -l {self.data}/log -w start >/dev/null")

    def stop(self) -> None:
        as_postgres(f"{self.bin}/pg_ctl -D {self.data} -m fast -w stop >/dev/null")


class Redis:
    def __init__(self):
        self.port = free_port()
        self.process = None
        self.start()

    def start(self) -> None:
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_port(self.port, "Redis", process=self.process)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


NGINX_TEMP_PATHS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")


def nginx_config(base: Path, ports: dict, static_root: Path) -> Path:
    """deploy/nginx/ailaw.conf as shipped, with this test's ports, certificate and folders."""
    cert, key = base / "cert.pem", base / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost"]
        + ["-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    site = (ROOT / "deploy" / "nginx" / "ailaw.conf").read_text()
    replacements = {
        "server 127.0.0.1:8001": f"server 127.0.0.1:{ports['app1']}",
        "server 127.0.0.1:8002": f"server 127.0.0.1:{ports['app2']}",
        "    listen 80;\n": f"    listen 127.0.0.1:{ports['http']};\n",
        "    listen [::]:80;\n": "",
        "    listen 443 ssl http2;\n": f"    listen 127.0.0.1:{ports['https']} ssl http2;\n",
        "    listen [::]:443 ssl http2;\n": "",
        "/etc/letsencrypt/live/ailaw.example.kz/fullchain.pem": str(cert),
        "/etc/letsencrypt/live/ailaw.example.kz/privkey.pem": str(key),
        "/srv/ailaw/app/staticfiles/": f"{static_root}/",
    }
    for old, new in replacements.items():
        assert old in site, f"deploy/nginx/ailaw.conf no longer has {old!r}: update this test"
        site = site.replace(old, new)
    (base / "site.conf").write_text(site)
    temp = base / "nginx-temp"
    temp.mkdir()
    main = base / "nginx.conf"
    main.write_text(
        f"user root;\npid {base}/nginx.pid;\nerror_log {base}/nginx-error.log;\nevents {{}}\nhttp {{\n"
        f"  include /etc/nginx/mime.types;\n  access_log off;\n"
        + "".join(f"  {kind}_temp_path {temp}/{kind};\n" for kind in NGINX_TEMP_PATHS)
        + f"  include {base}/site.conf;\n}}\n"
    )
    return main


class Site:
    """Requests as a visitor's browser sends them: through nginx over HTTPS, or to one instance."""

    def __init__(self, ports: dict):
        self.ports = ports
        self.context = ssl._create_unverified_context()  # the test's own self-signed certificate

    def get(self, path: str, port: str = "https", headers=None, method="GET", body=None):
        number = self.ports[port]
        if port == "https":
            connection = http.client.HTTPSConnection("127.0.0.1", number, context=self.context, timeout=30)
        else:
            connection = http.client.HTTPConnection("127.0.0.1", number, timeout=30)
        sent = {"Host": "localhost", **(headers or {})}
        if port.startswith("app"):  # straight to an instance, as nginx would pass it on
            sent.setdefault("X-Forwarded-Proto", "https")
            sent.setdefault("X-Forwarded-For", "127.0.0.1")
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        data = response.read()
        connection.close()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, data


@pytest.fixture(scope="module")
def topology(tmp_path_factory):
    if os.geteuid() != 0:
        pytest.skip("the production-topology test runs as root (PostgreSQL as its own user, nginx as root)")
    for tool in ("nginx", "redis-server", "openssl", "wrk"):
        assert shutil.which(tool) or Path(f"/usr/sbin/{tool}").exists(), f"{tool} is missing: run .ci/run"
    base = Path(f"/tmp/ailaw-deploy-{secrets.token_hex(4)}")
    base.mkdir(mode=0o755)
    started = []
    try:
        postgres = Postgres(base)
        started.append(postgres.stop)
        redis = Redis()
        started.append(redis.stop)
        ports = {"app1": free_port(), "app2": free_port(), "http": free_port(), "https": free_port()}
        static_root = base / "static"
        env = {
            **os.environ,
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "localhost,127.0.0.1",
            "DATABASE_URL": postgres.url,
            "CACHE_URL": f"redis://127.0.0.1:{redis.port}/0",
            "PAGE_CACHE_URL": f"redis://127.0.0.1:{redis.port}/1",
            "DJANGO_TRUSTED_PROXY_COUNT": "1",
            "SITE_URL": f"https://localhost:{ports['https']}",
            "DJANGO_STATIC_ROOT": str(static_root),
            "RELEASE": "deploy-test",
            "EDITOR_PASSWORD": PASSWORD,
            # One editor publishes their own save here: this checks caches across instances, not review.
            "REVIEW_NEEDS_SECOND_EDITOR": "0",
        }
        env.pop("DJANGO_SETTINGS_MODULE", None)
        manage = [sys.executable, "manage.py"]
        for command in (["migrate", "--no-input", "-v0"], ["collectstatic", "--no-input", "-v0"], ["load_content"]):
            subprocess.run(manage + command, cwd=ROOT, env=env, check=True, capture_output=True, timeout=600)
        subprocess.run(
            manage + ["createeditor", "deploy-editor", "--no-input", "--email", "editor@example.kz"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        gunicorn = str(Path(sys.executable).parent / "gunicorn")
        for name in ("app1", "app2"):
            process = subprocess.Popen(
                [gunicorn, "lawsite.wsgi", "--bind", f"127.0.0.1:{ports[name]}", "--workers", "2"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=open(base / f"{name}.log", "w"),  # noqa: SIM115
            )
            started.append(lambda p=process: (p.terminate(), p.wait(timeout=20)))
            wait_for_port(ports[name], f"gunicorn {name}", process=process)
        config = nginx_config(base, ports, static_root)
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        process = subprocess.Popen([nginx, "-c", str(config), "-g", "daemon off;"], stderr=subprocess.PIPE)
        started.append(lambda p=process: (p.terminate(), p.wait(timeout=20)))
        wait_for_port(ports["https"], "nginx", process=process)
        yield {"site": Site(ports), "postgres": postgres, "redis": redis, "env": env, "ports": ports, "base": base}
    finally:
        for stop in reversed(started):
            with contextlib.suppress(Exception):  # stop everything, whatever one of them does
                stop()
        shutil.rmtree(base, ignore_errors=True)


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_pages_in_each_language_through_nginx_over_https(topology, lang):
    site = topology["site"]
    for path in (f"/{lang}/", f"/{lang}/ai-law/law-230-viii/article-16/", f"/{lang}/check/"):
        status, headers, body = site.get(path)
        assert status == 200, (path, status)
        assert f'<html lang="{lang}"'.encode() in body
        assert "max-age" in headers.get("strict-transport-security", "")


def test_static_files_come_from_nginx_with_a_years_caching_and_gzip(topology):
    site = topology["site"]
    _status, _headers, body = site.get("/kk/")
    stylesheet = BeautifulSoup(body, "html.parser").find("link", rel="stylesheet")["href"]
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", stylesheet), stylesheet
    status, headers, css = site.get(stylesheet, headers={"Accept-Encoding": "gzip"})
    assert status == 200
    assert "max-age=31536000" in headers["cache-control"] and "immutable" in headers["cache-control"]
    assert headers.get("content-encoding") == "gzip"
    assert "nginx" in headers.get("server", "")  # served by nginx itself, not passed to the site


def test_plain_http_is_sent_to_https(topology):
    status, headers, _body = topology["site"].get("/kk/glossary/", port="http")
    assert status == 301
    assert headers["location"].startswith("https://") and headers["location"].endswith("/kk/glossary/")


def sign_in(site, port):
    cookies = {}

    def remember(headers):
        for part in headers.get("set-cookie", "").split(", "):
            name, _sep, rest = part.partition("=")
            if name in ("csrftoken", "sessionid"):
                cookies[name] = rest.split(";", 1)[0]

    def cookie_header():
        return "; ".join(f"{k}={v}" for k, v in cookies.items())

    _status, headers, body = site.get("/admin/login/", port=port)
    remember(headers)
    token = BeautifulSoup(body, "html.parser").find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    form = f"csrfmiddlewaretoken={token}&username=deploy-editor&password={PASSWORD}&next=/admin/"
    status, headers, _body = site.get(
        "/admin/login/",
        port=port,
        method="POST",
        body=form,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie_header(),
            "Referer": "https://localhost/admin/login/",
        },
    )
    assert status == 302, status
    remember(headers)
    return cookies, cookie_header


def test_an_editors_save_through_one_instance_shows_at_once_on_the_other(topology):
    from urllib.parse import urlencode

    site = topology["site"]
    page = "/en/ai-law/law-230-viii/article-16/"
    for _ in range(2):  # the second answer comes from the shared page cache
        status, _headers, body = site.get(page, port="app2")
        assert status == 200 and MARK.encode() not in body
    pk = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PK_OF_ARTICLE_16],
        cwd=ROOT,
        env=topology["env"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()[-1]  # the shell may first say how many objects it imported
    _cookies, cookie_header = sign_in(site, "app1")
    change = f"/admin/law/article/{pk}/change/"
    status, _headers, body = site.get(change, port="app1", headers={"Cookie": cookie_header()})
    assert status == 200
    data = form_fields(SimpleNamespace(content=body), "article_form")  # as a browser would send it
    data["summary_en"] = data["summary_en"] + " " + MARK
    data["_save"] = "Save"
    status, _headers, _body = site.get(
        change,
        port="app1",
        method="POST",
        body=urlencode(data, doseq=True),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie_header(),
            "Referer": f"https://localhost{change}",
        },
    )
    assert status == 302, status  # saved: the article is published, so as its next version
    review = f"/admin/law/article/{pk}/review/"
    status, _headers, _body = site.get(
        review,
        port="app1",
        method="POST",
        body=urlencode({"csrfmiddlewaretoken": data["csrfmiddlewaretoken"], "step": "publish"}),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie_header(),
            "Referer": f"https://localhost{review}",
        },
    )
    assert status == 302, status  # published
    deadline = time.monotonic() + 3  # each process re-reads the content version at most once a second
    while True:
        _status, _headers, body = site.get(page, port="app2")
        if MARK.encode() in body or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert MARK.encode() in body, "the other instance still serves the old page"
    _status, _headers, body = site.get(page)  # and through nginx, whichever instance answers
    assert MARK.encode() in body


def test_a_new_release_on_top_keeps_the_editors_change(topology):
    """`make setup` of a new release against the live database (migrate, static files, content load
    without --force) keeps what an editor saved in the admin, and the site goes on serving."""
    site, env = topology["site"], topology["env"]
    page = "/en/ai-law/law-230-viii/article-16/"
    assert MARK.encode() in site.get(page)[2], "run after the editor's save"
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--no-input", "-v0"], ["collectstatic", "--no-input", "-v0"], ["load_content"]):
        subprocess.run(manage + command, cwd=ROOT, env=env, check=True, capture_output=True, timeout=600)
    status, _headers, body = site.get(page)
    assert status == 200 and MARK.encode() in body
    stylesheet = BeautifulSoup(body, "html.parser").find("link", rel="stylesheet")["href"]
    assert site.get(stylesheet)[0] == 200


PK_OF_ARTICLE_16 = (
    "from law.models import Article; print(Article.objects.get(edition__slug='law-230-viii', number='16').pk)"
)


def test_pages_are_served_while_redis_is_down(topology):
    site, redis = topology["site"], topology["redis"]
    redis.stop()
    try:
        for path in ("/ru/", "/ru/ai-law/law-230-viii/article-17/", "/kk/glossary/"):
            status, _headers, _body = site.get(path)
            assert status == 200, (path, status)
    finally:
        redis.start()


def test_a_database_that_is_down_gives_the_503_page_and_the_site_recovers(topology):
    site, postgres = topology["site"], topology["postgres"]
    postgres.stop()
    try:
        status, headers, body = site.get("/en/ai-law/law-230-viii/article-19/")
        assert status == 503, status
        assert "retry-after" in headers
        assert b'<html lang="en"' in body
    finally:
        postgres.start()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        status, _headers, _body = site.get("/en/ai-law/law-230-viii/article-19/")
        if status == 200:
            break
        time.sleep(0.5)
    assert status == 200, "the site did not recover after PostgreSQL came back"


def test_a_short_load_run_through_nginx_has_no_errors(topology):
    port = topology["ports"]["https"]
    result = subprocess.run(
        ["wrk", "-t2", "-c16", "-d5s", "-H", "Accept-Encoding: gzip", f"https://127.0.0.1:{port}/kk/"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    assert requests > 200, out
    assert "Non-2xx or 3xx responses" not in out, out
    assert "Socket errors" not in out, out


def test_a_postgresql_dump_restores_into_an_empty_database_with_the_same_pages(topology):
    from tests.test_backup_restore import PAGES, RENDER

    postgres, env = topology["postgres"], topology["env"]
    dump = postgres.data / "ailaw.dump"  # a folder the postgres user may write to
    bin_ = postgres.bin
    as_postgres(f"{bin_}/pg_dump -h 127.0.0.1 -p {postgres.port} -U postgres --format=custom --file={dump} ailaw")
    as_postgres(f"{bin_}/createdb -h 127.0.0.1 -p {postgres.port} -U postgres ailaw_restored")
    as_postgres(f"{bin_}/pg_restore -h 127.0.0.1 -p {postgres.port} -U postgres --no-owner -d ailaw_restored {dump}")
    rendered = []
    for database in ("ailaw", "ailaw_restored"):
        url = f"postgres://postgres@127.0.0.1:{postgres.port}/{database}"
        result = subprocess.run(
            [sys.executable, "-c", RENDER, *PAGES],
            cwd=ROOT,
            env={
                **env,
                "DATABASE_URL": url,
                "DJANGO_SETTINGS_MODULE": "lawsite.settings",
                "PUBLIC_PAGE_CACHE": "0",
                "DJANGO_ALLOWED_HOSTS": "testserver",  # Django's test client, in this process
                "DJANGO_SECURE_SSL_REDIRECT": "0",
            },
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr[-2000:]
        rendered.append(result.stdout.splitlines())
    assert len(rendered[0]) == len(PAGES) and all(" 200 " in line for line in rendered[0]), rendered[0]
    assert rendered[1] == rendered[0]

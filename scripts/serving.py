"""A copy of the site served by gunicorn on loopback, as in production (DEBUG off), working in a
folder of its own: its environment, its set-up and its server. One module for the tests
(tests/conftest.py: browser, load and fault tests) and for `make bench` and `make screenshots`.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# What a copy of the site needs of its own, once `make setup` has compiled the translations (locale/,
# shared by every copy) and its static files are collected (COLLECT_STATIC, into a `static_root`
# that copies may share): its database, migrated and loaded with the shipped content.
SETUP_DATABASE = (
    ["migrate", "--no-input", "-v0"],
    ["load_content"],
    ["load_official"],
)
COLLECT_STATIC = ["collectstatic", "--no-input", "-v0"]


def production_env(work: Path, static_root: Path | None = None, **extra) -> dict:
    """The environment of a production-like copy of the site (DEBUG off) working in `work`. Copies
    may share one folder of collected static files (`static_root`): collecting takes seconds, and
    is the same for every copy of one checkout."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="loopback-copy-" + "Kq3z" * 12,
        DATABASE_URL=f"sqlite:///{work / 'site.sqlite3'}",
        DJANGO_STATIC_ROOT=str(static_root or work / "static"),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",  # plain HTTP on loopback, as behind a TLS-terminating proxy
    )
    env.update(extra)
    return env


def manage(env, *commands):
    """Run `manage.py` commands in that environment, one after the other; stop at the first failure."""
    for command in commands:
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(env, workers=1, probe="/robots.txt", wait_seconds=15):
    """Serve the site with gunicorn on a free loopback port; yields its base URL once it answers."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "lawsite.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                request = urllib.request.Request(base + probe, headers={"X-Forwarded-Proto": "https"})
                urllib.request.urlopen(request, timeout=5).close()
                break
            except urllib.error.HTTPError:
                break  # it answers, even if with an error page
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the site did not start under gunicorn on {base}") from None
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(10)

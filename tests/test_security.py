"""Security headers, deploy checks, no inline scripts, and an admin that search engines leave alone."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db


def production_env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    secret = secrets.token_urlsafe(50)
    env.update(DJANGO_DEBUG="0", DJANGO_SECRET_KEY=secret, DJANGO_ALLOWED_HOSTS="ailaw.example.kz", **extra)
    return env


def test_check_deploy_reports_nothing_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_public_pages_send_the_security_headers(client):
    response = client.get("/en/ai-law/draft-2025/article-18/")
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_hsts_and_secure_cookies_in_production():
    code = (
        "import django, os; django.setup();"
        "from django.conf import settings as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SESSION_COOKIE_HTTPONLY, s.SECURE_SSL_REDIRECT)"
    )
    env = production_env(DJANGO_SETTINGS_MODULE="lawsite.settings")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    hsts, session_secure, csrf_secure, httponly, redirect = out.stdout.split()
    assert int(hsts) >= 31536000
    assert session_secure == csrf_secure == httponly == redirect == "True"


def test_hsts_header_is_sent_over_https(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get("/en/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_the_admin_is_not_indexed():
    response = Client().get("/admin/login/")
    assert "noindex" in response["X-Robots-Tag"]
    robots = Client().get("/robots.txt")
    assert robots.status_code == 200 and "Disallow: /admin/" in robots.content.decode()


def test_no_template_has_an_inline_script_or_event_handler():
    offenders = []
    for path in [*ROOT.glob("templates/**/*.html"), *ROOT.glob("*/templates/**/*.html")]:
        if ".venv" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"<script\b[^>]*>", text):
            if "src=" not in match.group(0):
                offenders.append(f"{path}: inline script")
        if re.search(r"\son[a-z]+\s*=", text):
            offenders.append(f"{path}: event handler attribute")
        if "admin" not in path.parts and re.search(r"\sstyle\s*=", text):
            offenders.append(f"{path}: style attribute")
    assert offenders == []


def test_the_site_refuses_to_start_in_production_with_the_development_secret():
    env = production_env()
    del env["DJANGO_SECRET_KEY"]
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode != 0 and "DJANGO_SECRET_KEY" in result.stderr

"""Security headers, deploy checks, no inline scripts, and an admin that search engines leave alone."""

import re
import subprocess
import sys

import pytest
from django.test import Client

from .conftest import ROOT, production_env

# Headers and error pages rendered in the test process: runs once, in the SQLite phase.
pytestmark = [pytest.mark.django_db, pytest.mark.backend_agnostic]


def production(tmp_path, **extra):
    """Production settings as a real deployment has them: its own host name, HTTPS enforced."""
    return production_env(tmp_path, DJANGO_ALLOWED_HOSTS="ailaw.example.kz", DJANGO_SECURE_SSL_REDIRECT="1", **extra)


@pytest.mark.system
def test_check_deploy_reports_nothing_with_production_settings(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=ROOT,
        env=production(tmp_path),
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


@pytest.mark.system
def test_hsts_and_secure_cookies_in_production(tmp_path):
    code = (
        "import django, os; django.setup();"
        "from django.conf import settings as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SESSION_COOKIE_HTTPONLY, s.SECURE_SSL_REDIRECT, s.PASSWORD_HASHERS[0])"
    )
    env = production(tmp_path, DJANGO_SETTINGS_MODULE="lawsite.settings")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    hsts, session_secure, csrf_secure, httponly, redirect, hasher = out.stdout.split()
    assert int(hsts) >= 31536000
    assert session_secure == csrf_secure == httponly == redirect == "True"
    # Passwords are stored with a slow hash (tests/settings.py uses a fast one for test accounts only).
    assert hasher in {
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.Argon2PasswordHasher",
    }


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


@pytest.mark.system
def test_the_site_refuses_to_start_in_production_with_the_development_secret(tmp_path):
    env = production(tmp_path)
    del env["DJANGO_SECRET_KEY"]
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode != 0 and "DJANGO_SECRET_KEY" in result.stderr


@pytest.mark.system
def test_the_site_refuses_to_start_in_production_with_a_short_secret(tmp_path):
    env = production(tmp_path)
    env["DJANGO_SECRET_KEY"] = "short-but-not-the-default"
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode != 0 and "at least 50 characters" in result.stderr


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["post", "put", "delete", "patch", "trace"])
def test_public_pages_refuse_other_methods_with_the_sites_own_405_page(method):
    from django.test import Client

    response = getattr(Client(), method)("/ru/ai-law/law-230-viii/article-1/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert "Эту страницу можно только читать" in response.content.decode()  # in the visitor's language


@pytest.mark.django_db
def test_options_on_a_public_page_says_what_is_allowed_and_sends_no_page():
    from django.test import Client

    response = Client().options("/kk/")
    assert response.status_code == 204 and response["Allow"] == "GET, HEAD, OPTIONS"
    assert response.content == b""


@pytest.mark.django_db
def test_a_refused_form_gets_the_sites_own_403_page_in_the_visitors_language():
    from django.test import Client

    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="ru")
    response = client.post("/admin/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    text = response.content.decode()
    assert "Форму не удалось принять" in text and "CSRF verification failed" not in text

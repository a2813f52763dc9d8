"""The deployment files in deploy/: the environment template lists every setting the site reads,
and nginx accepts the site's configuration (`nginx -t`, with a certificate made for the test)."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

# Starts processes of its own: runs once, in the SQLite phase (make test-postgres leaves it out).
pytestmark = pytest.mark.system

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
READ = re.compile(r"""(?:os\.environ\.get|env_flag)\(\s*["']([A-Z][A-Z0-9_]+)["']""")


def settings_read() -> set[str]:
    text = (ROOT / "lawsite" / "settings.py").read_text()
    names = set(READ.findall(text))
    if "dj_database_url.config(" in text:  # it reads DATABASE_URL itself
        names.add("DATABASE_URL")
    return names


def template_lists() -> set[str]:
    names = set()
    for line in (DEPLOY / "ailaw.env.example").read_text().splitlines():
        match = re.match(r"#?\s*([A-Z][A-Z0-9_]+)=", line)
        if match:
            names.add(match.group(1))
    return names


def test_the_environment_template_lists_every_setting_the_site_reads():
    read, listed = settings_read(), template_lists()
    assert len(read) >= 20
    assert read - listed == set(), f"settings read but not in deploy/ailaw.env.example: {sorted(read - listed)}"
    assert listed - read == set(), f"in the template but never read: {sorted(listed - read)}"


def test_the_units_run_the_site_from_its_folder_with_its_environment():
    for name in ("ailaw@.service", "ailaw-watch.service"):
        unit = (DEPLOY / "systemd" / name).read_text()
        assert "EnvironmentFile=/etc/ailaw/ailaw.env" in unit
        assert "WorkingDirectory=/srv/ailaw/app" in unit  # gunicorn.conf.py is read from there
        assert "User=ailaw" in unit
    assert "manage.py watch_official" in (DEPLOY / "systemd" / "ailaw-watch.service").read_text()
    timer = (DEPLOY / "systemd" / "ailaw-watch.timer").read_text()
    assert "OnCalendar=" in timer and "Persistent=true" in timer


def test_nginx_accepts_the_configuration(tmp_path):
    nginx, openssl = shutil.which("nginx") or "/usr/sbin/nginx", shutil.which("openssl")
    if not Path(nginx).exists() or openssl is None:
        pytest.skip("nginx or openssl is not installed here: `.ci/run` installs nginx (Debian) for this test")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost"]
        + ["-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    site = (DEPLOY / "nginx" / "ailaw.conf").read_text()
    site = site.replace("/etc/letsencrypt/live/ailaw.example.kz/fullchain.pem", str(cert))
    site = site.replace("/etc/letsencrypt/live/ailaw.example.kz/privkey.pem", str(key))
    assert str(cert) in site and str(key) in site
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n  access_log off;\n  include /etc/nginx/mime.types;\n  include {tmp_path}/site.conf;\n}}\n"
    )
    result = subprocess.run([nginx, "-t", "-c", str(tmp_path / "nginx.conf")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr

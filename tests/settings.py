"""The site's settings for the test run (pytest reads this module, see pyproject.toml).

Only what makes tests fast without changing what they prove:
- A fast password hasher. Production keeps Django's PBKDF2 (one hash takes about 1.5 s on a small
  machine, by design); no test depends on a hash being slow, and about 160 test accounts would pay
  it in each database phase. tests/test_security.py checks that production still uses PBKDF2.

Copies of the site that tests start in processes of their own (scripts/serving.py) drop the
DJANGO_* variables, so they run with lawsite.settings, exactly as in production.
"""

from lawsite.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

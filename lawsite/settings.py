"""Settings of the AI-law site, read from the environment with safe development defaults.

Environment variables:
  DJANGO_SECRET_KEY     required when DJANGO_DEBUG=0
  DJANGO_DEBUG          "1" (default) for development, "0" for production
  DJANGO_ALLOWED_HOSTS  comma-separated host names (default: localhost names)
  DATABASE_URL          e.g. postgres://user:pass@host/db (default: SQLite file in the project)
  CACHE_URL             locmem:// (default), redis://host:6379/0 or memcached://host:11211
  PAGE_CACHE_URL        where whole public pages are kept (default: CACHE_URL, under their own prefix)
  OFFICIAL_TEXT_MAX_BYTES  largest official-text file imported or fetched (default 4 MiB)
  OFFICIAL_FETCH_TIMEOUT   seconds to wait for the official publication's server (default 30)
  OFFICIAL_FETCH_DEADLINE  seconds for a whole download of an official text (default 120)
  SITE_URL              the site's address, e.g. https://ailaw.example.kz (absolute links in pages)
  DJANGO_TRUSTED_PROXY_COUNT  reverse proxies in front that append X-Forwarded-For (default 0)
  RELEASE               the release's name, e.g. its git commit: cached pages of another release
                        are never served (default: a hash of the code, see lawsite/caching.py)
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
CONTENT_DIR = Path(os.environ.get("LAWSITE_CONTENT_DIR", BASE_DIR / "content"))


def env_flag(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_flag("DJANGO_DEBUG", True)

DEVELOPMENT_SECRET_KEY = "development-only-secret-key-never-use-in-production"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or DEVELOPMENT_SECRET_KEY
# A production site signed with a key published in the repository, or one short enough to guess,
# has no secrets at all (Django's own deploy check asks for 50 characters, 5 of them different).
WEAK_SECRET = SECRET_KEY == DEVELOPMENT_SECRET_KEY or len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5
if not DEBUG and WEAK_SECRET and not env_flag("LAWSITE_ALLOW_DEV_SECRET", False):
    raise ImproperlyConfigured(
        "DJANGO_DEBUG=0 needs DJANGO_SECRET_KEY set to a long random value, at least 50 characters "
        "(python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )

ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver").split(",")
    if host.strip()
]

INSTALLED_APPS = [
    "modeltranslation",  # must come before django.contrib.admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "reversion",
    "axes",
    "csp",
    "editorial",
    "law",
    "review",
    "checker",
    "concordance",
    "official",
    "search",
    "changelog",
    "content_io",
    "editors",
    "feedback",
    "opendata",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "lawsite.middleware.ContentSecurityPolicyMiddleware",
    "lawsite.middleware.NoIndexAdminMiddleware",
    # Whole public pages for visitors who are not signed in, stored compressed (see caching.py).
    "lawsite.caching.PublicPageCacheMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "lawsite.locale.SiteLocaleMiddleware",  # Django's, with English for foreign browsers
    "lawsite.middleware.PublicMethodsMiddleware",
    "lawsite.limits.RequestLimitsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # The admin refuses a NUL, a list action on ids that are not ids, a date too long (admin_input.py).
    "lawsite.admin_input.AdminInputMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Failed sign-ins: five wrong passwords are allowed; the sixth locks that account name from that
# address for 30 minutes (`manage.py axes_reset` unlocks at once). The pair, not either alone: a
# stranger guessing from elsewhere (or naming accounts at random) locks no editor out.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "6"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "lawsite.client_address.client_address"
# How many reverse proxies of the operator's own stand in front (nginx: 1). Only then is the
# client's address read from X-Forwarded-For (see lawsite/client_address.py); 0 trusts no header.
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_VERBOSE = False

ROOT_URLCONF = "lawsite.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lawsite.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "lawsite.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        # A kept connection is checked before use: after the database restarts, the next request
        # opens a new one instead of failing on the old.
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def cache_from_url(url: str, key_prefix: str = "ailaw") -> dict:
    """CACHE_URL → a CACHES entry: locmem://, dummy://, redis://host:6379/0, memcached://host:11211."""
    scheme = url.split("://", 1)[0]
    backends = {
        "locmem": "django.core.cache.backends.locmem.LocMemCache",
        "dummy": "django.core.cache.backends.dummy.DummyCache",
        "redis": "django.core.cache.backends.redis.RedisCache",
        "rediss": "django.core.cache.backends.redis.RedisCache",
        "memcached": "django.core.cache.backends.memcached.PyMemcacheCache",
    }
    if scheme not in backends:
        raise ImproperlyConfigured(f"CACHE_URL scheme '{scheme}' is not one of {', '.join(backends)}")
    entry = {"BACKEND": backends[scheme], "KEY_PREFIX": key_prefix}
    if scheme in ("redis", "rediss"):
        entry["LOCATION"] = url
        # A cache server that is down must not hold pages up for long (see caching.py).
        entry["OPTIONS"] = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
    elif scheme == "memcached":
        entry["LOCATION"] = url.split("://", 1)[1]
        entry["OPTIONS"] = {"connect_timeout": 0.5, "timeout": 0.5}
    elif scheme == "locmem":
        entry["LOCATION"] = f"{key_prefix}:{url.split('://', 1)[1]}"  # one store per prefix
        entry["OPTIONS"] = {"MAX_ENTRIES": 5000}
    return entry


CACHE_URL = os.environ.get("CACHE_URL", "locmem://")
CACHES = {
    "default": cache_from_url(CACHE_URL),
    # Whole public pages (lawsite/caching.py), kept apart so that clearing the default cache leaves
    # them be. A Redis or memcached `clear()` empties its whole database or server, whatever the
    # prefix: to keep them apart there too, give PAGE_CACHE_URL its own (redis://host:6379/1).
    "pages": cache_from_url(os.environ.get("PAGE_CACHE_URL", CACHE_URL), key_prefix="ailaw-pages"),
}
# What the "Editors" group may do (law.roles keeps the group in step; a new app's models are added
# here): change the site's content, read what visitors and the official-text watch left, nothing
# about users, groups or rights. Words of the flow and the act's title can be changed, not added.
# Editors change what the public reads through review (editors.admin.review: a second editor publishes
# it). The law's structure (editions, chapters, glossary terms, the flow's words) is changed through
# review too, but added or deleted only by administrators; the act is changed by administrators only.
EDITOR_PERMISSIONS = [
    ("law", "edition", ("change", "view")),
    ("law", "chapter", ("change", "view")),
    ("law", "article", ("add", "change", "delete", "view")),
    ("law", "paragraph", ("add", "change", "delete", "view")),
    ("law", "rightorduty", ("add", "change", "delete", "view")),
    ("law", "glossaryterm", ("change", "view")),
    ("law", "everydayword", ("add", "change", "delete", "view")),  # search's words: editors extend the list
    ("law", "page", ("add", "change", "delete", "view")),
    ("law", "act", ("view",)),
    ("checker", "flowtext", ("change", "view")),  # its keys come from the flow's declaration
    ("concordance", "correspondence", ("change", "view")),
    ("official", "officialtextversion", ("change", "view")),  # only to hide a mistaken import
    ("official", "officialtextchange", ("view",)),
    ("feedback", "pagefeedback", ("view",)),  # nobody edits answers; only a superuser deletes them
    ("changelog", "loggedchange", ("view", "change")),  # hide a trivial change from the public log
]
# Publishing needs a second editor: whoever changed a record last may not publish it. Off only for a
# one-person team (review/actions.py).
REVIEW_NEEDS_SECOND_EDITOR = env_flag("REVIEW_NEEDS_SECOND_EDITOR", True)
# On by default in production; off in development, where templates change under your hands.
PUBLIC_PAGE_CACHE = env_flag("PUBLIC_PAGE_CACHE", not DEBUG)
# What public pages are made from (the edition in force, article pages' parts, the question flow's
# inputs) is kept per content version in each process: law/memo.py.
CONTENT_MEMO = env_flag("CONTENT_MEMO", True)
# How long browsers and CDNs may keep a public page before asking again (ETag/Last-Modified make
# that question cheap); the server-side cache itself is emptied at once when content changes.
PUBLIC_PAGE_MAX_AGE = int(os.environ.get("PUBLIC_PAGE_MAX_AGE", "300"))
RELEASE = os.environ.get("RELEASE", "").strip()
# Requests too large to read get the site's 414 or 431 page (lawsite/limits.py; gunicorn.conf.py).
MAX_URL_LENGTH = 2048
MAX_REQUEST_HEADER_BYTES = 16 * 1024

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Kazakh is the state language, first and default. Each is named in its own language.
LANGUAGE_CODE = "kk"
LANGUAGES = [
    ("kk", "Қазақша"),
    ("ru", "Русский"),
    ("en", "English"),
]
# Who publishes the site, for the About page and the footer (the lab's name and contact address).
SITE_PUBLISHER = os.environ.get("SITE_PUBLISHER", "")
SITE_CONTACT_EMAIL = os.environ.get("SITE_CONTACT_EMAIL", "")

# The switcher's labels on a phone's narrow header (the full name stays for screen readers).
SHORT_LANGUAGE_NAMES = {"kk": "Қаз", "ru": "Рус", "en": "Eng"}
# The project's own catalogue first (`make messages` writes it); then Kazakh and Russian for Django's
# admin and django-reversion where their own catalogues lack or garble them (never rewritten).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_vendor"]
# Kazakh dates and numbers (Django has no kk formats); ru and en keep Django's own.
FORMAT_MODULE_PATH = ["lawsite.formats"]
# The admin's language switcher (/i18n/setlang/) keeps the choice in a cookie sent to /admin/ only: public
# pages take their language from the address, and `/` from the browser's list (lawsite/locale.py).
LANGUAGE_COOKIE_PATH = "/admin/"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = not DEBUG
USE_I18N = True
TIME_ZONE = "Asia/Almaty"
USE_TZ = True

# Law texts must never be filled in silently from another language.
MODELTRANSLATION_DEFAULT_LANGUAGE = "kk"
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
MODELTRANSLATION_ENABLE_FALLBACKS = False
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ()}
MODELTRANSLATION_AUTO_POPULATE = False
# The admin's language tabs need jQuery UI: served from this site, never from a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
JQUERY_URL = "admin/js/vendor/jquery/jquery.min.js"

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# In production, file names carry a hash of their content (cached for a year) and are compressed.
# `make setup` always collects with the manifest, so switching DJANGO_DEBUG off needs no new step.
STATIC_MANIFEST = env_flag("DJANGO_STATIC_MANIFEST", not DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if STATIC_MANIFEST
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# --------------------------------------------------------------------------- security

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_flag("DJANGO_SECURE_SSL_REDIRECT", True)
    # Behind a reverse proxy that terminates TLS and sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# No inline scripts anywhere; the admin alone may use inline style attributes (its templates do).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# The official text's importer (official/importer/readers.py): files larger than these are refused
# before any work. The law's official text is about 0.1 MB and 600 lines in each language.
OFFICIAL_TEXT_MAX_BYTES = int(os.environ.get("OFFICIAL_TEXT_MAX_BYTES", 4 * 2**20))
# What a Word file may unpack to, all its parts together (a "zip bomb" unpacks to far more).
OFFICIAL_TEXT_MAX_UNPACKED_BYTES = 4 * OFFICIAL_TEXT_MAX_BYTES
OFFICIAL_TEXT_MAX_LINES = 50_000  # blank lines count too
OFFICIAL_TEXT_MAX_PARAGRAPHS = 5_000
# Fetching it from the official links (official/fetch.py): seconds to wait for an answer, and
# seconds for the whole download (a server that sends a byte now and then is cut off).
OFFICIAL_FETCH_TIMEOUT = float(os.environ.get("OFFICIAL_FETCH_TIMEOUT", "30"))
OFFICIAL_FETCH_DEADLINE = float(os.environ.get("OFFICIAL_FETCH_DEADLINE", "120"))

# A refused form (a stale page, cookies blocked) gets the site's own 403 page, in the visitor's language.
CSRF_FAILURE_VIEW = "lawsite.views.csrf_failure"

# The site's own address, e.g. https://ailaw.example.kz: absolute links in pages (print, language
# alternates, shared result links) are made from it, never from the request's Host header.
SITE_URL = os.environ.get("SITE_URL", "").strip()

# Open data (/data/v1/, opendata/): the licence of the site's own work (explanations, glossary,
# concordance notes, the question flow), and what every edition's document says of official texts.
OPEN_DATA_LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
OPEN_DATA_OFFICIAL_TEXT_NOTE = (
    "Official texts (official titles and paragraphs) are the state's publications, reproduced for "
    "reference; they are not under this site's licence. The authoritative text is the official "
    "publication linked in each edition's official_url."
)

# "Is this page useful?" (feedback/): answers from one client address per window, counted in the cache.
FEEDBACK_RATE_LIMIT = 10
FEEDBACK_RATE_WINDOW = 3600  # seconds

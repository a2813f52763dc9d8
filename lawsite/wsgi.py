"""WSGI entry point for gunicorn: `gunicorn lawsite.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lawsite.settings")
application = get_wsgi_application()

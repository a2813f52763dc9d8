"""gunicorn's settings for this site, read from the project folder (`make serve`, tests, deployment).

Requests too large to read get the site's own page, not gunicorn's bare one: see lawsite/limits.py.
"""

worker_class = "lawsite.gunicorn_worker.SiteSyncWorker"
limit_request_line = 8190  # the most gunicorn allows; Django answers 414 above MAX_URL_LENGTH itself
limit_request_field_size = 8190  # one header
limit_request_fields = 100  # headers in one request

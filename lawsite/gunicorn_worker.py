"""gunicorn's sync worker, answering requests too large to read with the site's page (lawsite/limits.py).

Its name ends in "SyncWorker" on purpose: with `--threads` above 1, gunicorn then switches to its
threaded worker as it does for its own sync worker (that worker answers with gunicorn's bare page).
"""

from gunicorn import util
from gunicorn.http.errors import LimitRequestHeaders, LimitRequestLine
from gunicorn.workers.sync import SyncWorker


class SiteSyncWorker(SyncWorker):
    def handle_error(self, req, client, addr, exc):
        status = 414 if isinstance(exc, LimitRequestLine) else 431 if isinstance(exc, LimitRequestHeaders) else None
        if status is None:
            return super().handle_error(req, client, addr, exc)
        from .limits import raw_response  # Django is set up once the application is loaded

        self.log.warning("Request too large from ip=%s: %s", (addr or ("",))[0], exc)
        try:
            util.write_nonblock(client, raw_response(status))
        except Exception:  # noqa: BLE001 - as gunicorn does: a client that left cannot be told
            self.log.debug("Failed to send the too-large page.")

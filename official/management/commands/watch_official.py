"""`manage.py watch_official [EDITION ...]`: the daily amendment watch (cron or a systemd timer).

For every edition with official links (or those named), fetch the official text in each language,
and import it only where it changed: the explanations of changed paragraphs are then marked for
review. Silent when nothing changed (cron mails only what a command prints), one line per change
otherwise. An error (no answer, a download cut short or too slow, an HTTP error, a page it cannot
read, a text that looks like part of the law or another edition) changes nothing for that edition:
it is said at once on stderr, the watch goes on to the next edition, and exits non-zero at the end.
"""

import logging

from django.core.management.base import BaseCommand, CommandError, no_translations

from law.models import Edition
from official.fetch import FetchError, fetch, import_fetched, links

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Fetch the official text of every edition with official links; import it where it changed."

    def add_arguments(self, parser):
        parser.add_argument("editions", nargs="*", help="edition slugs (default: every edition with official links)")

    @no_translations  # operators' output in English, whatever the site's default language
    def handle(self, *args, editions, **options):
        chosen = Edition.objects.filter(slug__in=editions) if editions else Edition.objects.all()
        if editions and len(chosen) != len(set(editions)):
            raise CommandError(f"Unknown edition among {', '.join(editions)}")
        failures = []
        for edition in chosen:
            if not links(edition):
                continue
            try:
                found = self.watch(edition, options["verbosity"])
            except FetchError as exc:
                found = [f"{edition.slug}: {exc}"]
            except Exception:  # one edition's unforeseen failure must not stop the watch of the others
                logger.exception("watch_official: %s failed", edition.slug)
                found = [f"{edition.slug}: an unexpected error (the traceback is in the log)"]
            for failure in found:
                self.stderr.write(failure)  # at once; the summary follows at the end
            failures.extend(found)
        if failures:
            raise CommandError("Nothing was changed for these editions:\n" + "\n".join(failures))

    def watch(self, edition, verbosity) -> list[str]:
        """Fetch one edition and import what changed; return why it was not imported (a fetch that
        fails raises FetchError)."""
        results = fetch(edition)
        # A text that looks like part of the law or another edition (a page cut short, a link
        # pointing elsewhere) would remove articles unseen: an editor imports it in the admin.
        suspicious = [result for result in results if result.plan.mismatches()]
        if suspicious:
            return [
                f"{edition.slug} ({result.lang}): {result.url} looks like part of the law or another "
                "edition; import it in the admin to see what it would remove and confirm it"
                for result in suspicious
            ]
        # Unchanged languages only get their "last found unchanged" time (official.versions).
        import_fetched(results, imported_by="watch_official")
        changed = [result for result in results if result.changed]
        if not changed and verbosity > 1:
            self.stdout.write(f"{edition.slug}: unchanged")
        for result in changed:
            self.stdout.write(f"{edition.slug} ({result.lang}): the official text changed")
            for line in result.plan.describe():
                self.stdout.write(f"  {line}")
        return []

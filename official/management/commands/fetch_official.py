"""`manage.py fetch_official EDITION [--lang kk,ru,en] [--dry-run]`: download the official text from
the edition's official links and import it; on any failure nothing is changed."""

from django.core.management.base import BaseCommand, CommandError, no_translations

from editorial.languages import LANGUAGE_CODES
from official.fetch import FetchError, fetch, import_fetched

from .import_official import edition_or_error


def language_list(value: str) -> list[str]:
    langs = [code.strip() for code in value.split(",") if code.strip()]
    unknown = [code for code in langs if code not in LANGUAGE_CODES]
    if unknown or not langs:
        raise CommandError(f"--lang takes {', '.join(LANGUAGE_CODES)}, comma-separated; not {value!r}")
    return langs


class Command(BaseCommand):
    help = "Download an edition's official text from its official links (per language) and import it."

    def add_arguments(self, parser):
        parser.add_argument("edition")
        parser.add_argument("--lang", default=",".join(LANGUAGE_CODES), help="e.g. ru or kk,ru (default: all)")
        parser.add_argument("--dry-run", action="store_true", help="show what would change, change nothing")

    @no_translations  # operators' output in English, whatever the site's default language
    def handle(self, *args, edition, lang, dry_run, **options):
        target = edition_or_error(edition)
        try:
            results = fetch(target, language_list(lang))
        except FetchError as exc:
            raise CommandError(f"{exc} Nothing was changed.") from None
        for result in results:
            self.stdout.write(f"{result.lang}: {result.url} ({result.format})")
            for line in result.plan.describe():
                self.stdout.write(f"  {line}")
        if dry_run:
            self.stdout.write("Dry run: nothing was changed.")
            return
        for version in import_fetched(results, imported_by="fetch_official"):
            self.stdout.write(f"{version.lang}: text as of {version.as_of:%Y-%m-%d}")

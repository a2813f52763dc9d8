"""`manage.py import_official FILE --edition SLUG --lang kk|ru|en [--dry-run]`: a Word file (.docx),
a saved web page of Adilet (.html) or plain text, the format told by the file's bytes."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, no_translations

from editorial.languages import LANGUAGE_CODES
from law.models import Edition
from official.importer import OfficialTextError, Source, apply, parse, plan, read


def edition_or_error(slug: str) -> Edition:
    edition = Edition.objects.filter(slug=slug).first()
    if edition is None:
        known = ", ".join(Edition.objects.values_list("slug", flat=True))
        raise CommandError(f"No edition '{slug}'. Known: {known}")
    return edition


class Command(BaseCommand):
    help = "Import the official text of an edition in one language from a Word file, a web page or plain text."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--edition", required=True)
        parser.add_argument("--lang", required=True, choices=LANGUAGE_CODES)
        parser.add_argument("--dry-run", action="store_true", help="show what would change, change nothing")

    @no_translations  # operators' output in English, whatever the site's default language
    def handle(self, *args, file, edition, lang, dry_run, **options):
        target = edition_or_error(edition)
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise CommandError(f"{file}: cannot read it ({exc.strerror}). Nothing was changed.") from None
        try:
            document = read(data)
            import_plan = plan(target, parse(document.lines, lang))
        except OfficialTextError as exc:
            where = f"{file}" if exc.line is None else f"{file}:{exc.line}"
            raise CommandError(f"{where}: {exc.reason}. Nothing was changed.") from None
        self.stdout.write(f"{file.name}: {document.format}")
        if document.paragraphs_unmarked:
            self.stdout.write(
                "Warning: no blank lines between paragraphs, so every unnumbered line is read as part of the "
                "line above (closing parts after subparagraphs and unnumbered items are not kept apart). "
                "Adilet's Word file keeps them apart."
            )
        for line in import_plan.describe():
            self.stdout.write(line)
        if dry_run:
            self.stdout.write("Dry run: nothing was changed.")
            return
        version = apply(import_plan, Source(format=document.format, name=file.name, imported_by="import_official"))
        self.stdout.write(
            f"Imported {len(import_plan.law.articles)} article(s) into {edition} ({lang}); "
            f"text as of {version.as_of:%Y-%m-%d}."
        )
        if import_plan.count("added", "article"):
            self.stdout.write("New articles are drafts: publish them in the admin once they are explained.")

"""`manage.py import_official FILE --edition SLUG --lang kk|ru|en [--dry-run]`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from editorial.languages import LANGUAGE_CODES
from law.importer import OfficialTextError, apply, parse, plan
from law.models import Edition


def describe(import_plan) -> list[str]:
    """Human-readable lines: a summary, then each change."""
    lines = []
    for (kind, what), count in import_plan.summary.items():
        if count:
            lines.append(f"{count} {what}(s) {kind}")
    for change in import_plan.changes:
        where = f"article {change.article}" if change.article else "chapter"
        label = f" paragraph {change.label}" if change.what == "paragraph" else ""
        if change.what == "chapter":
            where, label = f"chapter {change.label}", ""
        lines.append(f"  {change.kind:8} {where}{label}")
    return lines or ["No changes: the stored text is the same."]


class Command(BaseCommand):
    help = "Import the official text of an edition in one language from Adilet's plain-text layout."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--edition", required=True)
        parser.add_argument("--lang", required=True, choices=LANGUAGE_CODES)
        parser.add_argument("--dry-run", action="store_true", help="show what would change, change nothing")

    def handle(self, *args, file, edition, lang, dry_run, **options):
        target = Edition.objects.filter(slug=edition).first()
        if target is None:
            raise CommandError(
                f"No edition '{edition}'. Known: {', '.join(Edition.objects.values_list('slug', flat=True))}"
            )
        try:
            text = file.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"{file}: cannot read it as UTF-8 text ({exc}). Nothing was changed.") from None
        try:
            import_plan = plan(target, parse(text, lang))
        except OfficialTextError as exc:
            raise CommandError(f"{file}:{exc.line}: {exc.reason}. Nothing was changed.") from None
        for line in describe(import_plan):
            self.stdout.write(line)
        if dry_run:
            self.stdout.write("Dry run: nothing was changed.")
            return
        apply(import_plan)
        self.stdout.write(f"Imported {len(import_plan.law.articles)} article(s) into {edition} ({lang}).")

"""`manage.py load_content`: load content/ into the database, all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from content_io import ContentErrors, LoadConflict, load


class Command(BaseCommand):
    help = "Load content/ into the database in one transaction; --check only validates."

    def add_arguments(self, parser):
        parser.add_argument("--dir", type=Path, help="content folder (default: settings.CONTENT_DIR)")
        parser.add_argument("--check", action="store_true", help="validate the files, write nothing")
        parser.add_argument("--force", action="store_true", help="replace edits made in the admin since the last load")

    def handle(self, *args, dir=None, check=False, force=False, **options):
        try:
            result = load(dir, check_only=check, force=force)
        except ContentErrors as exc:
            count = len(exc.errors)
            raise CommandError(
                f"{count} problem{'s' if count != 1 else ''} in content; nothing was changed.\n{exc}"
            ) from None
        except LoadConflict as exc:
            raise CommandError(f"{exc}\nNothing was changed.") from None
        self.stdout.write(result.message)

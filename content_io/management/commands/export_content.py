"""`manage.py export_content`: write the database back to content files for review in git."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from content_io import export_files, record_sync, write_files


class Command(BaseCommand):
    help = "Write the database's content to content/ (or --dir), in the format load_content reads."

    def add_arguments(self, parser):
        parser.add_argument("--dir", type=Path, help="target folder (default: settings.CONTENT_DIR)")

    def handle(self, *args, dir=None, **options):
        root = Path(dir or settings.CONTENT_DIR)
        changed = write_files(export_files(), root)
        if root.resolve() == Path(settings.CONTENT_DIR).resolve():
            # The files now match the database: the next load has nothing to overwrite.
            record_sync(root)
        for name in changed:
            self.stdout.write(f"  {name}")
        self.stdout.write(f"{len(changed)} file(s) written to {root}.")

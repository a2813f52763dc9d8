"""`manage.py compile_translations`: every catalogue of every LOCALE_PATHS folder (locale/, the project's, and
locale_vendor/, Django's admin and django-reversion in kk and ru), both domains (django, djangojs), .po → .mo with
Babel, so no GNU gettext is needed."""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile every .po file under LOCALE_PATHS into a .mo file (fuzzy entries left out)."

    def handle(self, *args, **options):
        count = 0
        for root in settings.LOCALE_PATHS:
            for po_path in sorted(Path(root).glob("*/LC_MESSAGES/*.po")):
                with po_path.open("rb") as po_file:
                    catalog = read_po(po_file, locale=po_path.parent.parent.name)
                mo_path = po_path.with_suffix(".mo")
                with mo_path.open("wb") as mo_file:
                    write_mo(mo_file, catalog, use_fuzzy=False)
                count += 1
        self.stdout.write(f"Compiled {count} message catalogue(s).")

"""`manage.py relink_glossary`: redo the glossary links stored in every explanation's HTML."""

from django.core.management.base import BaseCommand
from django.db import transaction

from law.glossary import relink_all


class Command(BaseCommand):
    help = "Link glossary terms in stored explanations again (done on save and after loads; this is for upgrades)."

    def handle(self, *args, **options):
        with transaction.atomic():
            count = relink_all()
        self.stdout.write(f"Updated {count} records.")

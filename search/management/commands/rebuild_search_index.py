"""`manage.py rebuild_search_index`: index every article, paragraph, right or duty and term again."""

from django.core.management.base import BaseCommand
from django.db import transaction

from search.index import rebuild


class Command(BaseCommand):
    help = "Rebuild the search index from the database (it is kept in step on save and after loads)."

    def handle(self, *args, **options):
        with transaction.atomic():
            count = rebuild()
        self.stdout.write(f"Indexed {count} entries.")

"""`manage.py load_official [--check]`: import the official texts shipped in content/official/
(see official.shipped). Run by `make setup`; a second run changes nothing."""

from django.core.management.base import BaseCommand, CommandError, no_translations

from official.shipped import ShippedTextError, load, manifests


class Command(BaseCommand):
    help = "Import the official texts shipped with the site (content/official/), unless already loaded."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="check the manifests and files, change nothing")

    @no_translations  # operators' output in English, whatever the site's default language
    def handle(self, *args, check, **options):
        try:
            shipped = manifests()
            if check:
                self.stdout.write(f"{len(shipped)} official text(s) in content/official/ match their manifests.")
                return
            for text in shipped:
                self.stdout.write(load(text))
        except ShippedTextError as exc:
            raise CommandError(f"{exc}. Nothing was changed for this file.") from None

"""`manage.py createeditor NAME`: an account in the Editors group, which may change content only."""

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from law.roles import sync_editors_group


class Command(BaseCommand):
    help = "Create (or update) an editor account. The password comes from a prompt or $EDITOR_PASSWORD."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--no-input", action="store_true", help="take the password from the EDITOR_PASSWORD variable"
        )

    def handle(self, *args, username, email, no_input, **options):
        user_model = get_user_model()
        password = os.environ.get("EDITOR_PASSWORD") if no_input else None
        if no_input and not password:
            raise CommandError("Set EDITOR_PASSWORD, or leave out --no-input to be asked for the password.")
        if password is None:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("The two passwords differ.")
        user = user_model(username=username, email=email)
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        existing = user_model.objects.filter(username=username).first()
        editors = sync_editors_group()
        if existing is not None and (existing.is_superuser or not existing.groups.filter(pk=editors.pk).exists()):
            # Never demote an administrator or take over another account by resetting its password.
            kind = "an administrator" if existing.is_superuser else "an account outside the Editors group"
            raise CommandError(f"'{username}' is {kind}: it was not changed. Choose another name.")
        user, created = user_model.objects.get_or_create(username=username, defaults={"email": email})
        user.email = email or user.email
        user.is_staff = True
        user.is_superuser = False
        user.set_password(password)
        user.save()
        user.groups.add(editors)
        self.stdout.write(f"Editor '{username}' {'created' if created else 'updated'}.")

"""`manage.py createeditor NAME`: an account in the Editors group, which may change content only."""

import getpass
import os
import unicodedata

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, no_translations

from law.roles import sync_editors_group


def look_alike(name: str) -> str:
    """A name as a person reads it: capitals and spaces (leading, trailing or inside) aside."""
    return "".join(unicodedata.normalize("NFKC", name).casefold().split())


def check_name(user_model, username: str) -> None:
    """Refuse a name that is not a valid one, or one that differs from an account's only in capitals or
    spaces: signing in as the one or the other would be a matter of a key pressed by mistake."""
    if not username.strip():
        raise CommandError("Give the account a name.")
    twin = next(
        (
            other
            for other in user_model.objects.values_list(user_model.USERNAME_FIELD, flat=True)
            if other != username and look_alike(other) == look_alike(username)
        ),
        None,
    )
    if twin is not None:
        raise CommandError(
            f"'{username}' differs from the existing account '{twin}' only in capitals or spaces: nothing was "
            f"changed. To change that account, give its name exactly as it is; otherwise choose another name."
        )
    if not user_model.objects.filter(**{user_model.USERNAME_FIELD: username}).exists():
        try:
            user_model._meta.get_field(user_model.USERNAME_FIELD).run_validators(username)
        except ValidationError as exc:
            raise CommandError(f"'{username}': {' '.join(exc.messages)}") from None


class Command(BaseCommand):
    help = "Create (or update) an editor account. The password comes from a prompt or $EDITOR_PASSWORD."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--no-input", action="store_true", help="take the password from the EDITOR_PASSWORD variable"
        )

    @no_translations  # the command speaks English, Django's messages too (the site's default is Kazakh)
    def handle(self, *args, username, email, no_input, **options):
        user_model = get_user_model()
        check_name(user_model, username)
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

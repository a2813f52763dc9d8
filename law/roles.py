"""The "Editors" group: may change the site's content and nothing else (no users, groups, rights).

What it may do is one list, `settings.EDITOR_PERMISSIONS` (app label, model, actions), for every
app's models: no app has to tell law at start-up.
"""

from django.conf import settings

from editorial.compat.django_internals import permissions_created_during_migration

EDITORS = "Editors"


def sync_editors_group(apps=None, **kwargs):
    """Create the group if needed and give it exactly the permissions above."""
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    apps = apps or global_apps
    for config in apps.get_app_configs():
        # Permissions are normally created after all migrations; a fresh database needs them now.
        with permissions_created_during_migration(config):
            create_permissions(config, apps=apps, verbosity=0)
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    group, _created = group_model.objects.get_or_create(name=EDITORS)
    wanted = []
    for app_label, model, actions in settings.EDITOR_PERMISSIONS:
        for action in actions:
            permission = permission_model.objects.filter(
                content_type__app_label=app_label, codename=f"{action}_{model}"
            ).first()
            if permission is not None:
                wanted.append(permission)
    group.permissions.set(wanted)
    return group

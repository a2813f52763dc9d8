"""The index now stores each text's folded words between spaces, to match words by their start.

Entries stored the old way (the folded text itself) would match nothing a search looks for, so they
are deleted here; search's post_migrate handler (index.build_if_empty) then builds the index again
from the law's records with the present code, at the end of this same `migrate`. Going back deletes
them too, for the same reason.
"""

from django.db import migrations


def delete_entries(apps, schema_editor):
    apps.get_model("search", "SearchEntry").objects.using(schema_editor.connection.alias).all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(delete_entries, delete_entries),
    ]

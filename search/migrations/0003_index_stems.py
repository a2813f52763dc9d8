"""The index now also stores each text's word stems in its language, so a word finds its other forms.

Entries stored without stems would be found only as before, so they are deleted here; search's
post_migrate handler (index.build_if_empty) then builds the index again from the law's records, with
stems, at the end of this same `migrate`. Going back deletes them too, for the same reason.
"""

from django.db import migrations, models


def delete_entries(apps, schema_editor):
    apps.get_model("search", "SearchEntry").objects.using(schema_editor.connection.alias).all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_index_words"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="stemmed_text",
            field=models.TextField(default="", help_text="the text's word stems in its language (stemming.py)"),
        ),
        migrations.RunPython(delete_entries, delete_entries),
    ]

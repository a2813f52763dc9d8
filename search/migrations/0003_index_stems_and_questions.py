"""The index now stores each text's word stems in its language (a word finds its other forms), and
the questions of each edition's flow.

Entries stored without stems would be found only as before, so they are deleted here; search's
post_migrate handler (index.build_if_empty) then builds the index again from the law's records, with
stems and questions, at the end of this same `migrate`. Going back deletes them too.
"""

import django.db.models.deletion
from django.db import migrations, models


def delete_entries(apps, schema_editor):
    apps.get_model("search", "SearchEntry").objects.using(schema_editor.connection.alias).all().delete()


class Migration(migrations.Migration):

    dependencies = [
        ('law', '0009_validate_numbers_and_labels'),
        ('search', '0002_index_words'),
    ]

    operations = [
        migrations.AddField(
            model_name='searchentry',
            name='flow_edition',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='law.edition'),
        ),
        migrations.AddField(
            model_name='searchentry',
            name='heading',
            field=models.CharField(blank=True, help_text="a question's title, shown as the result's", max_length=300),
        ),
        migrations.AddField(
            model_name='searchentry',
            name='stemmed_text',
            field=models.TextField(default='', help_text="the text's word stems in its language (stemming.py)"),
        ),
        migrations.AlterField(
            model_name='searchentry',
            name='kind',
            field=models.CharField(choices=[('title', 'Title'), ('glossary', 'Glossary'), ('definition', 'Definition'), ('summary', 'In short'), ('for_you', 'What this means for you'), ('note', 'Note on a paragraph'), ('right', 'Rights and duties'), ('official', 'Official text'), ('question', 'Does this apply to me?')], max_length=10),
        ),
        migrations.AlterField(
            model_name='searchentry',
            name='label',
            field=models.CharField(blank=True, help_text='paragraph label (#p-<label>), or question name', max_length=60),
        ),
        migrations.RunPython(delete_entries, delete_entries),
    ]

"""The index now holds the site's pages (the fines page, About), and no stored rank: a result's score
is worked out from the kinds of its matches at search time (search.query).

The entries are deleted here, as in 0003; search's post_migrate handler builds the index again at the
end of this same `migrate`. Going back deletes them too, and the rank comes back with a default, so
that the way back works on a table that had rows.
"""

import django.db.models.deletion
from django.db import migrations, models


def delete_entries(apps, schema_editor):
    apps.get_model("search", "SearchEntry").objects.using(schema_editor.connection.alias).all().delete()


class Migration(migrations.Migration):

    dependencies = [
        ('law', '0018_everyday_words'),
        ('search', '0004_also_called'),
    ]

    operations = [
        migrations.RunPython(delete_entries, delete_entries),
        migrations.AlterField(model_name='searchentry', name='rank', field=models.PositiveSmallIntegerField(default=0)),
        migrations.AlterModelOptions(
            name='searchentry',
            options={'ordering': ['position'], 'verbose_name': 'search entry', 'verbose_name_plural': 'search entries'},
        ),
        migrations.RemoveField(
            model_name='searchentry',
            name='rank',
        ),
        migrations.AddField(
            model_name='searchentry',
            name='page',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='law.page'),
        ),
        migrations.AlterField(
            model_name='searchentry',
            name='heading',
            field=models.CharField(blank=True, help_text="a question's or a page section's title, shown as the snippet's label", max_length=300),
        ),
        migrations.AlterField(
            model_name='searchentry',
            name='kind',
            field=models.CharField(choices=[('title', 'Title'), ('glossary', 'Glossary'), ('also_called', 'Words people also use'), ('definition', 'Definition'), ('summary', 'In short'), ('for_you', 'What this means for you'), ('note', 'Note on a paragraph'), ('right', 'Rights and duties'), ('official', 'Official text'), ('question', 'Does this apply to me?'), ('page', 'On this page')], max_length=12),
        ),
    ]

"""A glossary term's other words are indexed as their own kind of entry."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0003_index_stems_and_questions'),
    ]

    operations = [
        migrations.AlterField(
            model_name='searchentry',
            name='kind',
            field=models.CharField(choices=[('title', 'Title'), ('glossary', 'Glossary'), ('also_called', 'Words people also use'), ('definition', 'Definition'), ('summary', 'In short'), ('for_you', 'What this means for you'), ('note', 'Note on a paragraph'), ('right', 'Rights and duties'), ('official', 'Official text'), ('question', 'Does this apply to me?')], max_length=12),
        ),
    ]

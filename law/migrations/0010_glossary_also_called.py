"""A glossary term may list the words people also use for it (translated; search finds it by them)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('law', '0009_validate_numbers_and_labels'),
    ]

    operations = [
        migrations.AddField(
            model_name='glossaryterm',
            name='also_called',
            field=models.TextField(blank=True, help_text='One per line, e.g. “deepfake”. Search finds the term by them; the glossary lists them.', verbose_name='words people also use'),
        ),
        migrations.AddField(
            model_name='glossaryterm',
            name='also_called_en',
            field=models.TextField(blank=True, help_text='One per line, e.g. “deepfake”. Search finds the term by them; the glossary lists them.', null=True, verbose_name='words people also use'),
        ),
        migrations.AddField(
            model_name='glossaryterm',
            name='also_called_kk',
            field=models.TextField(blank=True, help_text='One per line, e.g. “deepfake”. Search finds the term by them; the glossary lists them.', null=True, verbose_name='words people also use'),
        ),
        migrations.AddField(
            model_name='glossaryterm',
            name='also_called_ru',
            field=models.TextField(blank=True, help_text='One per line, e.g. “deepfake”. Search finds the term by them; the glossary lists them.', null=True, verbose_name='words people also use'),
        ),
    ]

"""The change log as rows written when a change is saved (changelog.writer), instead of a replay of
up to 3,000 stored versions per kind on every cache miss. The rows for the history kept so far are
written once here, revision by revision, as the writer writes them from now on; a change an editor
had hidden (HiddenChange) is a hidden row."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def write_the_history(apps, schema_editor):
    from changelog.writer import Models, backfill

    models_ = Models(apps.get_model("reversion", "Version"), apps.get_model("contenttypes", "ContentType"),
                     apps.get_model("changelog", "ChangeLogEntry"))
    backfill(models_, apps.get_model("reversion", "Revision"))
    hidden = apps.get_model("changelog", "HiddenChange").objects.values_list("revision_id", "hidden_by_id")
    for revision_id, user_id in hidden:
        models_.entry.objects.filter(revision_id=revision_id).update(hidden=True, hidden_by_id=user_id)


class Migration(migrations.Migration):

    dependencies = [
        ('changelog', '0002_field_names_for_editors'),
        ('law', '0015_content_hash_without_official_text'),
        ('reversion', '0002_add_index_on_version_for_content_type_and_db'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ChangeLogEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('changed', models.JSONField(default=dict, verbose_name='what changed')),
                ('hidden', models.BooleanField(default=False, verbose_name='hidden from the public change log')),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='change_log_entries', to='law.article', verbose_name='article')),
                ('hidden_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='hidden by')),
                ('revision', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='change_log_entries', to='reversion.revision', verbose_name='saved change')),
            ],
            options={
                'verbose_name': 'change log entry',
                'verbose_name_plural': 'change log entries',
            },
        ),
        migrations.AddConstraint(
            model_name='changelogentry',
            constraint=models.UniqueConstraint(fields=('revision', 'article'), name='one_entry_per_change_and_article'),
        ),
        migrations.RunPython(write_the_history, migrations.RunPython.noop),
        migrations.DeleteModel(
            name='HiddenChange',
        ),
    ]

"""A question flow per edition: its declaration, and words keyed within the edition."""

import django.db.models.deletion
from django.db import migrations, models


def fill_edition(apps, schema_editor):
    """Before this migration the one flow was the draft's: its words go to the draft edition
    (load_content then adds the declaration from content/)."""
    FlowText = apps.get_model("checker", "FlowText")
    Edition = apps.get_model("law", "Edition")
    if not FlowText.objects.exists():
        return
    edition = Edition.objects.filter(kind="draft").order_by("position").first() or Edition.objects.first()
    if edition is None:
        FlowText.objects.all().delete()
        return
    FlowText.objects.update(edition=edition)


class Migration(migrations.Migration):
    dependencies = [
        ("checker", "0002_flowtext_language_changes_flowtext_version"),
        ("law", "0007_glossary_per_edition"),
    ]

    operations = [
        migrations.CreateModel(
            name="FlowDeclaration",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("declaration", models.JSONField(default=dict)),
                (
                    "edition",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="flow_declaration",
                        to="law.edition",
                    ),
                ),
            ],
            options={"verbose_name": "question flow", "verbose_name_plural": "question flows"},
        ),
        migrations.AddField(
            model_name="flowtext",
            name="edition",
            field=models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.CASCADE, related_name="flow_texts", to="law.edition"
            ),
        ),
        migrations.RunPython(fill_edition, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="flowtext",
            name="edition",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="flow_texts", to="law.edition"
            ),
        ),
        migrations.AlterField(
            model_name="flowtext",
            name="key",
            field=models.CharField(max_length=120, verbose_name="key"),
        ),
        migrations.AlterModelOptions(
            name="flowtext",
            options={
                "ordering": ["edition", "key"],
                "verbose_name": "question flow text",
                "verbose_name_plural": "question flow texts",
            },
        ),
        migrations.AddConstraint(
            model_name="flowtext",
            constraint=models.UniqueConstraint(fields=("edition", "key"), name="unique_flow_text_key"),
        ),
    ]

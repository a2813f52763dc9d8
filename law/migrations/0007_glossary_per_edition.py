"""Glossary terms belong to an edition: the draft and the law define some terms differently."""

import django.db.models.deletion
from django.db import migrations, models


def fill_edition(apps, schema_editor):
    """Before this migration every term explained the one edition its articles came from."""
    GlossaryTerm = apps.get_model("law", "GlossaryTerm")
    Edition = apps.get_model("law", "Edition")
    terms = list(GlossaryTerm.objects.select_related("article"))
    known = next((t.article.edition_id for t in terms if t.article_id), None)
    fallback = known or Edition.objects.order_by("position").values_list("pk", flat=True).first()
    for term in terms:
        term.edition_id = term.article.edition_id if term.article_id else fallback
        term.save(update_fields=["edition"])
    GlossaryTerm.objects.filter(edition__isnull=True).delete()  # only possible with no edition at all


class Migration(migrations.Migration):
    dependencies = [("law", "0006_rights_and_duties_per_edition")]

    operations = [
        migrations.AddField(
            model_name="glossaryterm",
            name="edition",
            field=models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.CASCADE, related_name="terms", to="law.edition"
            ),
        ),
        migrations.RunPython(fill_edition, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="glossaryterm",
            name="edition",
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="terms", to="law.edition"),
        ),
        migrations.AlterField(
            model_name="glossaryterm",
            name="slug",
            field=models.SlugField(help_text="Stable identifier within the edition, the anchor on the glossary page."),
        ),
        migrations.AlterModelOptions(
            name="glossaryterm",
            options={
                "ordering": ["edition", "position", "slug"],
                "verbose_name": "glossary term",
                "verbose_name_plural": "glossary terms",
            },
        ),
        migrations.AddConstraint(
            model_name="glossaryterm",
            constraint=models.UniqueConstraint(fields=("edition", "slug"), name="unique_term_slug"),
        ),
    ]

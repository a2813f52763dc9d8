"""Rights and duties: keys unique within an edition (not across the site); the roles of the law in force."""

import django.db.models.deletion
from django.db import migrations, models


def fill_edition(apps, schema_editor):
    RightOrDuty = apps.get_model("law", "RightOrDuty")
    for item in RightOrDuty.objects.select_related("article"):
        item.edition_id = item.article.edition_id
        item.save(update_fields=["edition"])


class Migration(migrations.Migration):
    dependencies = [("law", "0005_site_state")]

    operations = [
        migrations.AddField(
            model_name="rightorduty",
            name="edition",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="rights_and_duties",
                to="law.edition",
            ),
        ),
        migrations.RunPython(fill_edition, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="rightorduty",
            name="edition",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="rights_and_duties",
                to="law.edition",
            ),
        ),
        migrations.AlterField(
            model_name="rightorduty",
            name="key",
            field=models.SlugField(help_text="Stable identifier within the edition, used by the question flow."),
        ),
        migrations.AlterField(
            model_name="rightorduty",
            name="role",
            field=models.CharField(
                choices=[
                    ("user", "AI system user"),
                    ("decided_about", "A person an AI system decides about"),
                    ("owner", "AI system owner"),
                    ("owner_possessor", "Owner or possessor of an AI system"),
                    ("data_library_owner", "Data library owner"),
                    ("data_library_holder", "Owner or possessor of a data library"),
                    ("data_library_producer", "Data library producer"),
                ],
                max_length=30,
                verbose_name="role",
            ),
        ),
        migrations.AddConstraint(
            model_name="rightorduty",
            constraint=models.UniqueConstraint(fields=("edition", "key"), name="unique_right_or_duty_key"),
        ),
    ]

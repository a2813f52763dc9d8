from django.db import migrations, models


def basis_from_flag(apps, schema_editor):
    """Versions recorded with the date from the database's notes keep saying so; the rest were
    dated by the day of their import."""
    Version = apps.get_model("official", "OfficialTextVersion")
    Version.objects.filter(as_of_from_notes=True).update(as_of_basis="notes")


def flag_from_basis(apps, schema_editor):
    Version = apps.get_model("official", "OfficialTextVersion")
    Version.objects.filter(as_of_basis="notes").update(as_of_from_notes=True)


class Migration(migrations.Migration):
    dependencies = [
        ("official", "0002_field_names_for_editors"),
    ]

    operations = [
        migrations.AddField(
            model_name="officialtextversion",
            name="as_of_basis",
            field=models.CharField(
                choices=[
                    ("notes", "the latest change the legal database notes in the text"),
                    ("signed", "the day the act was signed, from its title"),
                    ("import", "the day of the import: the text gives no date"),
                ],
                default="import",
                max_length=6,
                verbose_name="date taken from",
            ),
        ),
        migrations.RunPython(basis_from_flag, flag_from_basis),
        migrations.RemoveField(
            model_name="officialtextversion",
            name="as_of_from_notes",
        ),
        migrations.AddField(
            model_name="officialtextversion",
            name="source_sha256",
            field=models.CharField(
                blank=True,
                help_text="Of the file as read: a file shipped with the site is not imported twice.",
                max_length=64,
                verbose_name="SHA-256 of the file",
            ),
        ),
    ]

from django.db import migrations


def create_editors(apps, schema_editor):
    from law.roles import sync_editors_group

    sync_editors_group(apps)


def remove_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("law", "0002_article_language_changes_article_version_and_more"),
        ("checker", "0002_flowtext_language_changes_flowtext_version"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors, remove_editors)]

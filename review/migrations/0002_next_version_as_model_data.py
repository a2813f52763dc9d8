"""A next version waiting for review was the admin form as posted (field names such as
`paragraphs-3-note_en`); it is now model data (review.snapshot). This converts the ones waiting, once.

Each posted value is read as its form would read it (dates in any of the site's three languages'
formats), onto a copy of the live record and its rows; a box left unticked (absent from a form) is
"no". A next version whose values cannot be read is left as it was, and named in the migration's
output: nothing an editor wrote is dropped.
"""

import json
import re

from django.core import serializers
from django.core.exceptions import ValidationError
from django.db import migrations, models
from django.utils import translation

INLINE_KEY = re.compile(r"^(?P<prefix>.+)-(?P<index>\d+)-(?P<name>[^-]+)$")
NOT_FIELDS = {"id", "DELETE", "loaded_version", "version", "status"}
FORMAT = 2


def serialized(obj):
    row = json.loads(serializers.serialize("json", [obj]))[0]
    return {"pk": row["pk"], "fields": row["fields"]}


def read(field, text):
    """The posted text as the field's form reads it, in the serializer's JSON form."""
    if isinstance(field, models.BooleanField):
        return text not in ("", "off", "false", "False", "0")
    if isinstance(field, (models.CharField, models.TextField)) and not field.choices:
        return text.replace("\r\n", "\n")
    form_field = field.formfield()
    last = None
    for lang in ("kk", "ru", "en"):
        with translation.override(lang):
            try:
                value = form_field.clean(text)
            except ValidationError as error:
                last = error
                continue
        if isinstance(field, models.ForeignKey):
            return value.pk if value is not None else None
        if hasattr(value, "isoformat"):
            return value.isoformat()
        return value
    raise last


def with_posted(row, model, values, fields_posted):
    """The row with the posted values; editable boxes not posted are unticked."""
    for field in model._meta.concrete_fields:
        if not field.editable or field.primary_key or field.name in NOT_FIELDS:
            continue
        if field.name in values:
            row["fields"][field.name] = read(field, values[field.name])
        elif isinstance(field, models.BooleanField) and fields_posted:
            row["fields"][field.name] = False
    return row


def converted(apps, draft):
    model = apps.get_model(draft.content_type.app_label, draft.content_type.model)
    live = model._default_manager.filter(pk=draft.object_id).first()
    if live is None:
        return None
    data = draft.data
    own = {k: v[-1] if v else "" for k, v in data.items() if not INLINE_KEY.match(k)}
    record = with_posted(serialized(live), model, own, True)
    rows_by_prefix = {}
    for key, values in data.items():
        match = INLINE_KEY.match(key)
        if match:
            rows_by_prefix.setdefault(match["prefix"], {}).setdefault(int(match["index"]), {})[match["name"]] = (
                values[-1] if values else ""
            )
    parts = []
    for relation in model._meta.related_objects:
        if not relation.one_to_many or relation.get_accessor_name() not in rows_by_prefix:
            continue
        part_model, key = relation.related_model, relation.field.name
        present = {str(p.pk): p for p in part_model._default_manager.filter(**{key: live.pk})}
        rows = []
        for _index, values in sorted(rows_by_prefix[relation.get_accessor_name()].items()):
            if values.get("DELETE"):
                continue
            pk = values.get("id") or ""
            if pk in present:
                rows.append(with_posted(serialized(present[pk]), part_model, values, True))
                continue
            filled = {k: v for k, v in values.items() if v and k not in NOT_FIELDS and k != key}
            if filled:
                new = part_model(**{relation.field.attname: live.pk})
                rows.append(with_posted({**serialized(new), "pk": None}, part_model, values, True))
        parts.append({"model": part_model._meta.label_lower, "key": key, "known": [p.pk for p in present.values()], "rows": rows})
    return {"format": FORMAT, "record": record, "parts": parts}


def forwards(apps, schema_editor):
    Draft = apps.get_model("review", "Draft")
    for draft in Draft.objects.exclude(data__isnull=True).select_related("content_type"):
        if not draft.data or (isinstance(draft.data, dict) and draft.data.get("format") == FORMAT):
            continue
        try:
            data = converted(apps, draft)
        except (ValidationError, ValueError, LookupError) as error:
            print(f"\n  review: the next version of {draft.content_type.model} {draft.object_id} was kept as it was: {error}")
            continue
        draft.data = data
        draft.save(update_fields=["data"])


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0001_draft"),
        ("law", "0015_content_hash_without_official_text"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterField(
            model_name="draft",
            name="data",
            field=models.JSONField(
                blank=True,
                help_text="A published record's next version as model data (the record and its parts), as it was last saved; empty when none waits.",
                null=True,
                verbose_name="next version",
            ),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]

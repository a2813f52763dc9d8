"""What keeps editors from losing each other's work.

`ConcurrentEditForm` refuses a save made from a stale copy (optimistic locking on `version`) and
shows, field by field, the text saved in the meantime next to the editor's own. (What needs
translating is law/translation_status.py.)
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class ConcurrentEditForm(forms.ModelForm):
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False, label=gettext_lazy("version opened"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:
            return cleaned
        # Every form that edits an existing record carries the version it was read at, and the
        # check below runs for every such form: an article's own fields, each inline row and a
        # restore from history alike. A form without it is refused, never saved unchecked.
        loaded = cleaned.get("loaded_version")
        if loaded is None:
            raise ValidationError(self.no_version_message(), code="no_version")
        model = type(self.instance)
        current = (
            model._default_manager.select_for_update()
            .filter(pk=self.instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        if current is not None and current != loaded:
            raise ValidationError(self.conflict_message(), code="stale")
        # The save itself checks again, in its UPDATE (EditableContent): nothing slips between.
        self.instance._loaded_version = loaded
        return cleaned

    def no_version_message(self):
        return _(
            "Your changes were NOT saved: the form did not say which version of this record it was "
            "opened at, so a newer save could have been overwritten. Your text is still in this form: "
            "copy it, reload the page, and save again."
        )

    def conflict_message(self):
        """Which fields differ between what is saved now and what this editor sent."""
        rows = []
        for name in self.changed_data:
            if name == "loaded_version" or name not in self.fields:
                continue
            saved = self.initial.get(name, "")
            mine = self.cleaned_data.get(name, self.data.get(self.add_prefix(name), ""))
            rows.append((self.fields[name].label or name, saved if saved not in (None, "") else "—", mine or "—"))
        intro = _(
            "Someone else saved this record after you opened it, so your changes were NOT saved. "
            "Nothing is lost: their version is saved, and yours is still in this form. "
            "Compare the two below, copy what you need, then reload the page and save again."
        )
        table = format_html_join(
            "",
            "<tr><th scope='row'>{}</th><td class='theirs'>{}</td><td class='yours'>{}</td></tr>",
            rows,
        )
        return format_html(
            "<p>{}</p><table class='conflict'><thead><tr><th scope='col'>{}</th><th scope='col'>{}</th>"
            "<th scope='col'>{}</th></tr></thead><tbody>{}</tbody></table>",
            intro,
            _("Field"),
            _("Saved now"),
            _("Yours, not saved"),
            table,
        )

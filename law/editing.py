"""What keeps editors from losing each other's work, and tells them what needs attention.

- `ConcurrentEditForm` refuses a save made from a stale copy (optimistic locking on `version`) and
  shows, field by field, the text saved in the meantime next to the editor's own.
- `translation_matrix` reports, per article and language, what is missing, what is out of date
  (changed in another language later) and how long the explanation's sentences are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from editorial.languages import LANGUAGE_CODES, text_in

from .plain_language import PLAIN_LANGUAGE_BAR, average_sentence_length

# Two languages changed within this many seconds of each other count as changed together (a load
# of content/ or one editor saving all tabs at once).
SAME_EDIT_SECONDS = 60


class ConcurrentEditForm(forms.ModelForm):
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

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


# --------------------------------------------------------------------------- translation status


@dataclass
class Cell:
    state: str  # "missing", "stale", "ok", "not-applicable"
    label: str
    average: float | None = None
    within_bar: bool | None = None
    changed_at: object = None


@dataclass
class Row:
    article: object
    official: dict[str, Cell] = field(default_factory=dict)
    explanation: dict[str, Cell] = field(default_factory=dict)

    @property
    def cells(self):
        return [(lang, self.official[lang], self.explanation[lang]) for lang in LANGUAGE_CODES]


STATE_LABELS = {
    "missing": gettext_lazy("missing"),
    "stale": gettext_lazy("out of date"),
    "ok": gettext_lazy("up to date"),
    "review": gettext_lazy("needs review"),
    "not-applicable": gettext_lazy("not loaded in any language"),
}


def latest(*values):
    present = [v for v in values if v is not None]
    return max(present) if present else None


def cell_states(changed: dict, present: dict) -> dict[str, str]:
    """missing / stale / ok per language, from when each language last changed."""
    states = {}
    if not any(present.values()):
        return {lang: "not-applicable" for lang in LANGUAGE_CODES}
    for lang in LANGUAGE_CODES:
        if not present[lang]:
            states[lang] = "missing"
            continue
        others = [changed[o] for o in LANGUAGE_CODES if o != lang and present[o] and changed[o]]
        mine = changed[lang]
        newest_other = max(others) if others else None
        if mine and newest_other and (newest_other - mine).total_seconds() > SAME_EDIT_SECONDS:
            states[lang] = "stale"
        else:
            states[lang] = "ok"
    return states


def explanation_texts(article, paragraphs, items, lang):
    texts = [text_in(article, "summary", lang), text_in(article, "for_you", lang)]
    texts += [text_in(p, "note", lang) for p in paragraphs]
    texts += [text_in(i, "text", lang) for i in items]
    return texts


def translation_matrix(articles) -> list[Row]:
    """Rows for articles fetched with paragraphs and rights_and_duties prefetched."""
    rows = []
    for article in articles:
        paragraphs = list(article.paragraphs.all())
        items = list(article.rights_and_duties.all())
        row = Row(article)

        official_present = {lang: any(text_in(p, "official_text", lang) for p in paragraphs) for lang in LANGUAGE_CODES}
        official_changed = {
            lang: latest(*(p.changed_at("official", lang) for p in paragraphs)) for lang in LANGUAGE_CODES
        }
        for lang, state in cell_states(official_changed, official_present).items():
            row.official[lang] = Cell(state, str(STATE_LABELS[state]), changed_at=official_changed[lang])

        explained = {lang: bool(text_in(article, "summary", lang)) for lang in LANGUAGE_CODES}
        explanation_changed = {
            lang: latest(
                article.changed_at("explanation", lang),
                *(p.changed_at("explanation", lang) for p in paragraphs),
                *(i.changed_at("explanation", lang) for i in items),
            )
            for lang in LANGUAGE_CODES
        }
        for lang, state in cell_states(explanation_changed, explained).items():
            if state == "not-applicable":
                state = "missing"
            if state != "missing" and getattr(article, "needs_review", False):
                state = "review"
            average = average_sentence_length(*explanation_texts(article, paragraphs, items, lang))
            row.explanation[lang] = Cell(
                state,
                str(STATE_LABELS[state]),
                average=round(average, 1) if explained[lang] else None,
                within_bar=average <= PLAIN_LANGUAGE_BAR if explained[lang] else None,
                changed_at=explanation_changed[lang],
            )
        rows.append(row)
    return rows

"""The form behind "Is this page useful?": the page, yes or no, and an optional comment."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import COMMENT_MAX_LENGTH
from .pages import find_page

ANSWERS = {"yes": True, "no": False}
UNKNOWN_PAGE = _(
    "We can take answers only about an article or a result of “Does this apply to me?” on this site. Go back to "
    "the page and use its “Is this page useful?” buttons."
)


class FeedbackForm(forms.Form):
    page = forms.CharField(required=False, strip=False)
    useful = forms.ChoiceField(
        choices=[(value, value) for value in ANSWERS],
        error_messages={"required": _("Choose Yes or No."), "invalid_choice": _("Choose Yes or No.")},
    )
    comment = forms.CharField(required=False)

    def clean_page(self):
        page = find_page(self.cleaned_data["page"])
        if page is None:
            raise forms.ValidationError(UNKNOWN_PAGE)
        return page

    def clean_useful(self):
        return ANSWERS[self.cleaned_data["useful"]]

    def clean_comment(self):
        # Browsers send a line break as two characters and count it as one (a textarea's maxlength).
        comment = self.cleaned_data["comment"].replace("\r\n", "\n").replace("\r", "\n")
        if len(comment) > COMMENT_MAX_LENGTH:
            raise forms.ValidationError(_("The comment is too long: write at most 500 characters."))
        return comment

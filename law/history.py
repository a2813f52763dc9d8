"""Which records keep a history of versions (django-reversion), so any earlier text can be restored.

`version` and `language_changes` are bookkeeping, not content: they are left out of the stored
versions, so that restoring an old text still counts as a new edit.
"""

import reversion

BOOKKEEPING = ("version", "language_changes")


def register_models():
    from checker.models import FlowText

    from .models import Act, Article, Chapter, Edition, GlossaryTerm, Page, Paragraph, RightOrDuty

    follows = {Article: ("paragraphs", "rights_and_duties"), Edition: ("chapters",)}
    for model in (Paragraph, RightOrDuty, Chapter, Article, Edition, GlossaryTerm, Page, FlowText):
        if not reversion.is_registered(model):
            reversion.register(model, exclude=BOOKKEEPING, follow=follows.get(model, ()))
    if not reversion.is_registered(Act):
        reversion.register(Act)

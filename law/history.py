"""Which of law's records keep a history of versions (django-reversion), so any earlier text can be
restored (editorial.history: what a stored version leaves out)."""

from editorial.history import keep_history


def register_models():
    from .models import Act, Article, Chapter, Edition, EverydayWord, GlossaryTerm, Page, Paragraph, RightOrDuty

    follows = {Article: ("paragraphs", "rights_and_duties"), Edition: ("chapters",)}
    for model in (Paragraph, RightOrDuty, Chapter, Article, Edition, GlossaryTerm, EverydayWord, Page):
        keep_history(model, follow=follows.get(model, ()))
    keep_history(Act, bookkeeping=False)

"""The termbase page (ArticleAdmin's "termbase/" URL): every concept's approved form in kk, ru and
en, where it comes from, and the forms not to use, read from content/terms.toml."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from editorial import termbase


def termbase_view(model_admin, request):
    rows = [
        {
            "concept": term.concept,
            "source": term.source,
            "approved": [(lang, term.approved[lang]) for lang in termbase.LANGS],
            "avoid": [(lang, ", ".join(term.avoid.get(lang, ()))) for lang in termbase.LANGS],
            "note": term.note,
        }
        for term in termbase.terms()
    ]
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Termbase"),
        "opts": model_admin.model._meta,
        "rows": rows,
    }
    return TemplateResponse(request, "admin/law/termbase.html", context)

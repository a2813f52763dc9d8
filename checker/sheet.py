"""/<lang>/liability/bans-and-fines/: one page, for the screen and for print, with what the law in
force bans and the fines that owners and possessors of AI systems face.

Everything on it is the law's data: the bans are the edition's published records of the kind
"prohibition" (Article 17(3) for Law No. 230-VIII), the offences and the fines table are its flow's
declaration and words, as on a result of "Does this apply to me?". No edition is named in code.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render

from law.models import Edition, RightOrDuty

from . import results
from .views import Words, declared_flow


def bans_and_fines(request):
    edition = Edition.objects.main()
    flow = declared_flow(edition)
    if flow is None or not flow.fines:
        raise Http404("The law in force has no fines declared.")
    words = Words(edition)
    bans = (
        RightOrDuty.objects.published()
        .filter(edition=edition, kind=RightOrDuty.Kind.PROHIBITION)
        .select_related("article__edition", "paragraph")
        .order_by("article__position", "position")
    )
    offences = [
        {"title": words[f"offences.{o.key}.title"], "body_html": words.html.get(f"offences.{o.key}.body", "")}
        for o in flow.offences
    ]
    return render(
        request,
        "checker/bans_and_fines.html",
        {
            "edition": edition,
            "bans": list(bans),
            "no_fine_for_a_ban_html": words.html.get("fines.summary.ban_has_none", ""),
            "fines": {
                "title": words["fines.title"],
                "body_html": words.html.get("fines.body", ""),
                "offences": offences,
                "rows": results.fine_rows(flow.fines.for_answers({}), words, flow),
                "year": flow.fines.unit_year,
                "unit_value": results.money(flow.fines.unit_value),
            },
        },
    )

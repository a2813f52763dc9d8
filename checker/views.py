"""Pages of the question flow: start, one page per question, the result. Nothing is stored."""

from urllib.parse import urlencode

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from law.models import Edition, RightOrDuty, Status

from . import flow
from .models import FlowText

FLOW_EDITION = "draft-2025"

# Short names of the questions, for the one-page printed sheet where the full questions do not fit.
SHORT_LABELS = {
    "uses_ai": gettext_lazy("You use AI"),
    "provides_ai": gettext_lazy("You own, run or offer AI"),
    "data_library": gettext_lazy("You own a data library"),
    "autonomy": gettext_lazy("Autonomy of the system"),
    "capabilities": gettext_lazy("What the system can do"),
    "risk": gettext_lazy("Risk level"),
    "generates_content": gettext_lazy("Makes texts, images, audio or video"),
}


class Words:
    """The flow's words in the page's language; a missing text is '' (never another language)."""

    def __init__(self):
        lang = get_language()
        self.text, self.html = {}, {}
        for item in FlowText.objects.all():
            self.text[item.key] = getattr(item, f"text_{lang}", "") or ""
            self.html[item.key] = getattr(item, f"text_html_{lang}", "") or ""

    def __getitem__(self, key):
        return self.text.get(key, "")


def step_url(name, items):
    url = reverse("checker:result") if name is None else reverse("checker:question", args=[name])
    query = urlencode(items)
    return f"{url}?{query}" if query else url


def problem_message(problem: flow.Problem) -> str:
    messages = {
        "unknown_value": _("The answer in the link is not one of the options. Please choose again."),
        "repeated": _("The link gave this question more than one answer. Please choose again."),
        "exclusive": _("You chose “none of these” together with other options. Choose one or the other."),
        "not_asked": _("Some answers in the link were for questions that do not apply to you. We left them out."),
    }
    return messages[problem.code]


def question_context(question, answers: flow.Answers, words: Words):
    options = []
    current = answers.values.get(question.name)
    chosen = current if isinstance(current, tuple) else (current,)
    for value in question.values:
        options.append(
            {
                "value": value,
                "label": words[f"questions.{question.name}.options.{value}"],
                "hint": words.html.get(f"questions.{question.name}.option_hints.{value}", ""),
                "checked": value in chosen,
                "exclusive": value == question.exclusive,
            }
        )
    previous = flow.previous_question(question.name, answers.values)
    applicable = flow.applicable(answers.values)
    return {
        "question": question,
        "title": words[f"questions.{question.name}.title"],
        "hint_html": words.html.get(f"questions.{question.name}.hint", ""),
        "options": options,
        "hidden": answers.query_items(without=question.name),
        "back_url": step_url(previous.name, answers.query_items()) if previous else reverse("checker:start"),
        "number": [q.name for q in applicable].index(question.name) + 1,
        "total": len(applicable),
    }


def render_question(request, question, answers, words, errors=(), status=200):
    context = question_context(question, answers, words)
    context["errors"] = list(errors)
    return render(request, "checker/question.html", context, status=status)


def start(request):
    words = Words()
    return render(
        request,
        "checker/start.html",
        {"words": words, "first_url": step_url(flow.QUESTIONS[0].name, [])},
    )


def handle_problems(request, answers: flow.Answers, words: Words):
    """Malformed answers lead back to the right question, with a message, as a 400 response."""
    first = answers.problems[0]
    target = flow.BY_NAME[first.question]
    if first.code == "not_asked" or not target.asked_if(answers.values):
        target = flow.next_question(answers.values) or flow.QUESTIONS[0]
    messages = list(dict.fromkeys(problem_message(p) for p in answers.problems))
    return render_question(request, target, answers, words, messages, status=400)


def question(request, name):
    target = flow.BY_NAME.get(name)
    if target is None:
        return redirect("checker:start")
    answers = flow.parse(request.GET)
    words = Words()
    submitted = request.GET.get("step") == name
    if submitted:
        # A changed answer may make later answers moot (provides_ai yes → no): drop them quietly.
        answers.problems = [p for p in answers.problems if p.code != "not_asked"]
    if answers.problems:
        return handle_problems(request, answers, words)
    if not target.asked_if(answers.values):
        # e.g. an owner question without provides_ai=yes: go to the question that is due.
        due = flow.next_question(answers.values)
        return redirect(step_url(due.name if due else None, answers.query_items()))
    due = flow.next_question({k: v for k, v in answers.values.items() if k != name})
    earlier = [q.name for q in flow.applicable(answers.values)]
    if due is not None and earlier.index(due.name) < earlier.index(name):
        return redirect(step_url(due.name, answers.query_items()))
    if submitted:
        if name not in answers.values:
            if target.multiple:
                message = _("Select at least one option, or “none of these”.")
            else:
                message = _("Select an answer.")
            return render_question(request, target, answers, words, [message])
        kept = flow.keep_applicable(answers.values)
        following = flow.next_question(kept)
        items = flow.Answers(kept, []).query_items()
        return redirect(step_url(following.name if following else None, items))
    return render_question(request, target, answers, words)


def result(request):
    return render_result(request, "checker/result.html")


def result_print(request):
    return render_result(request, "checker/result_print.html")


def render_result(request, template):
    answers = flow.parse(request.GET)
    words = Words()
    if answers.problems:
        return handle_problems(request, answers, words)
    due = flow.next_question(answers.values)
    if due is not None:
        return redirect(step_url(due.name, answers.query_items()))
    records = list(
        RightOrDuty.objects.filter(article__edition__slug=FLOW_EDITION, article__status=Status.PUBLISHED)
        .select_related("article__edition", "paragraph")
        .order_by("article__position", "position")
    )
    outcome = flow.outcome(answers.values, records)
    edition = Edition.objects.select_related("superseded_by").filter(slug=FLOW_EDITION).first()
    query = urlencode(answers.query_items())
    return render(
        request,
        template,
        {
            "words": words,
            "outcome": outcome,
            "roles": [role_section(role, outcome, words) for role in outcome.roles],
            "summary": answer_summary(answers, words),
            "edition": edition,
            "law_in_force": edition.superseded_by if edition else None,
            "unsure": [{"question": q, "html": words.html.get(f"not_sure.{q}", "")} for q in outcome.unsure],
            "risk_html": words.html.get(f"risk.{outcome.risk}", "") if outcome.risk else "",
            "restart_url": reverse("checker:start"),
            "result_url": f"{reverse('checker:result')}?{query}",
            "print_url": f"{reverse('checker:result_print')}?{query}",
            "permanent_url": request.build_absolute_uri(f"{reverse('checker:result')}?{query}"),
        },
    )


def role_section(role, outcome: flow.Outcome, words: Words):
    items = outcome.items[role]
    return {
        "role": role,
        "title": words[f"roles.{role}.title"],
        "body_html": words.html.get(f"roles.{role}.body", ""),
        "rights": [i for i in items if i.kind == "right"],
        "duties": [i for i in items if i.kind == "duty"],
    }


def answer_summary(answers: flow.Answers, words: Words):
    rows = []
    for question in flow.applicable(answers.values):
        value = answers.values.get(question.name)
        values = value if isinstance(value, tuple) else (value,)
        rows.append(
            {
                "name": question.name,
                "question": words[f"questions.{question.name}.title"],
                "short": SHORT_LABELS[question.name],
                "answers": [words[f"questions.{question.name}.options.{v}"] or v for v in values],
                "change_url": step_url(question.name, answers.query_items()),
            }
        )
    return rows

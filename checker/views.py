"""Pages of the question flow: start, one page per question, the result. Nothing is stored.

Every edition with a flow has it at /<lang>/ai-law/<edition>/check/; /<lang>/check/ is the flow of
the law in force. Until the law in force has a flow of its own, /<lang>/check/ sends visitors (and
old result links, with their answers) to the flow of the edition it replaced.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from editorial.addresses import absolute_url
from editorial.languages import text_in
from editorial.page_cache import made_from_answers
from law.memo import main_edition, remembered
from law.models import Edition

from . import codes, inputs, results
from .engine import Answers, Flow, Problem, Question
from .models import FlowDeclaration, FlowText


class Words:
    """An edition's flow words in the page's language; a missing text is '' (never another language)."""

    def __init__(self, edition: Edition):
        lang = get_language()
        self.text, self.html = {}, {}
        for item in FlowText.objects.filter(edition=edition):
            self.text[item.key] = text_in(item, "text", lang)
            self.html[item.key] = text_in(item, "text_html", lang)

    def __getitem__(self, key):
        return self.text.get(key, "")


@dataclass
class Place:
    """Which flow a request is in, and how its pages are addressed."""

    edition: Edition
    flow: Flow
    main: bool  # served at /<lang>/check/ (the law in force) rather than under its edition

    def url(self, page: str, name: str = "", query=()) -> str:
        """page: 'start', 'question' (with name), 'result', 'result_print', 'code' (with the code as
        name) or 'code_form'; query: pairs, or a query string already encoded."""
        url_name = f"checker:{page}" if self.main else f"checker:edition_{page}"
        kwargs = {} if self.main else {"edition": self.edition.slug}
        if name:
            kwargs["code" if page == "code" else "name"] = name
        # A result names every question several times: its address is worked out once (not a
        # code's, which is made of the answers).
        if page == "code":
            url = reverse(url_name, kwargs=kwargs)
        else:
            url = address(url_name, tuple(kwargs.items()), get_language(), get_script_prefix(), get_urlconf())
        encoded = query if isinstance(query, str) else urlencode(list(query))
        return f"{url}?{encoded}" if encoded else url

    def step_url(self, name, items) -> str:
        return self.url("result", query=items) if name is None else self.url("question", name, items)


@lru_cache(maxsize=1024)
def address(url_name: str, kwargs: tuple, language: str, prefix: str, urlconf) -> str:
    """reverse(), for the flow's pages: the same for every request in a language (and URL conf)."""
    return reverse(url_name, kwargs=dict(kwargs))


def read_declared_flow(edition: Edition) -> Flow | None:
    declared = FlowDeclaration.objects.filter(edition=edition).first()
    return declared.flow() if declared else None


def declared_flow(edition: Edition | None) -> Flow | None:
    return inputs.flow_of(edition, read_declared_flow) if edition else None


def find_place(request, edition_slug, page, name=""):
    """The Place to serve, or a redirect to where this flow lives; 404 when there is none."""
    main = main_edition()
    if edition_slug is None:
        flow = declared_flow(main)
        earlier = remembered(("edition-replaced-with-flow", main and main.pk), lambda: replaced_with_flow(main))
        earlier_flow = declared_flow(earlier)
        if flow is not None and not made_for(earlier_flow, flow, [*request.GET, name] if name else request.GET):
            return Place(main, flow, main=True)
        if earlier is None:
            raise Http404("No question flow")
        # No flow of its own yet, or a link made for the earlier edition's flow when it lived here.
        if name and name not in earlier_flow.by_name:
            name = ""
            page = "start"
        return redirect(Place(earlier, earlier_flow, main=False).url(page, name, query_pairs(request.GET)))
    edition = get_object_or_404(Edition, slug=edition_slug)
    flow = declared_flow(edition)
    if flow is None:
        raise Http404("This edition has no question flow")
    if main is not None and edition.pk == main.pk:
        return redirect(Place(edition, flow, main=True).url(page, name, query_pairs(request.GET)))
    return Place(edition, flow, main=False)


def replaced_with_flow(main: Edition | None) -> Edition | None:
    """The edition the law in force replaced, if it has a question flow of its own."""
    if main is None:
        return None
    return Edition.objects.filter(superseded_by=main, flow_declaration__isnull=False).order_by("-position").first()


def made_for(earlier: Flow | None, current: Flow, query) -> bool:
    """Whether a link's answers belong to the earlier flow: they name a question the current one lacks."""
    if earlier is None:
        return False
    return any(name in earlier.by_name and name not in current.by_name for name in query)


def query_pairs(querydict):
    return [(key, value) for key, values in querydict.lists() for value in values]


def problem_message(problem: Problem) -> str:
    messages = {
        "unknown_value": _("The answer in the link is not one of the options. Please choose again."),
        "repeated": _("The link gave this question more than one answer. Please choose again."),
        "exclusive": _("You chose “none of these” together with other options. Choose one or the other."),
        "exclusive_not_sure": _("You chose “not sure” together with other options. Choose one or the other."),
        "not_asked": _("Some answers in the link were for questions that do not apply to you. We left them out."),
    }
    return messages[problem.code]


def question_context(place: Place, question: Question, answers: Answers, words: Words):
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
                "exclusive": question.stands_alone(value),
            }
        )
    flow = place.flow
    previous = flow.previous_question(question.name, answers.values)
    return {
        "edition": place.edition,
        "question": question,
        "title": words[f"questions.{question.name}.title"],
        "hint_html": words.html.get(f"questions.{question.name}.hint", ""),
        "options": options,
        "hidden": answers.query_items(without=question.name),
        "form_action": place.url("question", question.name),
        "back_url": place.step_url(previous.name, answers.query_items()) if previous else place.url("start"),
        "part": part_context(flow, question, answers),
    }


def part_context(flow, question: Question, answers: Answers) -> dict:
    """ "Question n of N" over the whole flow, as far as the answers so far tell."""
    number, total = flow.progress(question.name, answers.values)
    return {"number": number, "total": total}


def render_question(request, place, question, answers, words, errors=(), status=200):
    context = question_context(place, question, answers, words)
    context["errors"] = list(errors)
    return render(request, "checker/question.html", context, status=status)


def start(request, edition=None):
    place = find_place(request, edition, "start")
    if not isinstance(place, Place):
        return place
    words = inputs.words_of(place.edition, Words)
    first = place.flow.questions[0].name
    return render(
        request,
        "checker/start.html",
        {
            "edition": place.edition,
            "words": words,
            "first_url": place.url("question", first),
            "form_action": place.url("code_form"),
        },
    )


def handle_problems(request, place: Place, answers: Answers, words: Words):
    """Malformed answers lead back to the right question, with a message, as a 400 response."""
    flow = place.flow
    first = answers.problems[0]
    target = flow.by_name[first.question]
    if first.code == "not_asked" or not target.is_asked(answers.values):
        target = flow.next_question(answers.values) or flow.questions[0]
    messages = list(dict.fromkeys(problem_message(p) for p in answers.problems))
    return render_question(request, place, target, answers, words, messages, status=400)


def question(request, name, edition=None):
    place = find_place(request, edition, "question", name)
    if not isinstance(place, Place):
        return place
    flow = place.flow
    target = flow.by_name.get(name)
    if target is None:
        return redirect(place.url("start"))
    answers = flow.parse(request.GET)
    words = inputs.words_of(place.edition, Words)
    submitted = request.GET.get("step") == name
    if submitted:
        # A changed answer may make later answers moot (provides_ai yes → no): drop them quietly.
        answers.problems = [p for p in answers.problems if p.code != "not_asked"]
    if answers.problems:
        return handle_problems(request, place, answers, words)
    if not target.is_asked(answers.values):
        # e.g. an owner question without provides_ai=yes: go to the question that is due.
        due = flow.next_question(answers.values)
        return redirect(place.step_url(due.name if due else None, answers.query_items()))
    due = flow.next_question({k: v for k, v in answers.values.items() if k != name})
    earlier = [q.name for q in flow.applicable(answers.values)]
    if due is not None and earlier.index(due.name) < earlier.index(name):
        return redirect(place.step_url(due.name, answers.query_items()))
    if submitted:
        if name not in answers.values:
            if target.multiple:
                message = _("Select at least one option, or “none of these”.")
            else:
                message = _("Select an answer.")
            return render_question(request, place, target, answers, words, [message])
        kept = flow.keep_applicable(answers.values)
        following = flow.next_question(kept)
        items = Answers(flow, kept, []).query_items()
        return redirect(place.step_url(following.name if following else None, items))
    made_from_answers(request, answers.query_items())
    return render_question(request, place, target, answers, words)


def result(request, edition=None):
    return render_result(request, edition, "result", "checker/result.html")


def result_print(request, edition=None):
    return render_result(request, edition, "result_print", "checker/result_print.html")


def render_result(request, edition_slug, page, template):
    place = find_place(request, edition_slug, page)
    if not isinstance(place, Place):
        return place
    flow = place.flow
    answers = flow.parse(request.GET)
    words = inputs.words_of(place.edition, Words)
    if answers.problems:
        return handle_problems(request, place, answers, words)
    due = flow.next_question(answers.values)
    if due is not None:
        return redirect(place.step_url(due.name, answers.query_items()))
    kept = inputs.records_of(place.edition)
    outcome = flow.outcome(answers.values, kept.records)
    every_record = kept.by_key
    items = answers.query_items()
    made_from_answers(request, items)
    query = urlencode(items)  # the answers, encoded once for every link that carries them
    result_url = place.url("result", query=query)
    sections = results.role_sections(outcome, words, flow)
    code = codes.encode(flow, answers.values)
    code_url = place.url("code", code)
    return render(
        request,
        template,
        {
            "edition": place.edition,
            "words": words,
            "outcome": outcome,
            "headline": results.headline(outcome, sections),
            "roles": sections,
            "certain_roles": [s for s in sections if not s["possible"]],
            "possible_roles": [s for s in sections if s["possible"]],
            "prohibited": [results.entry(r, outcome, words, flow) for r in outcome.prohibited],
            "consequences": [results.entry(r, outcome, words, flow) for r in outcome.consequences],
            "fines": results.fines_context(outcome, words, flow, answers.values),
            "stop_banned": flow.banned_stop and any(r.key not in outcome.depends for r in outcome.prohibited),
            "summary_box": results.summary_box(outcome, words, flow, answers.values, every_record),
            "summary": answer_summary(place, answers, words, query),
            "change": _("Change"),
            "law_in_force": place.edition.superseded_by,
            "unsure": [{"question": q, "html": words.html.get(f"not_sure.{q}", "")} for q in outcome.unsure],
            "explained": [
                {"title": words[f"questions.{q}.short"], "html": words.html.get(f"{q}.{value}", "")}
                for q, value in outcome.explained
                if words.html.get(f"{q}.{value}")
            ],
            "another_system_url": another_system_url(place, answers),
            "restart_url": place.url("start"),
            "result_url": result_url,
            "print_url": place.url("result_print", query=query),
            "canonical_url": absolute_url(request, result_url),
            # What a printed result gives as its address: the short code link, not the long query.
            "permanent_url": absolute_url(request, code_url),
            "code": code,
            "code_url": absolute_url(request, code_url),
        },
    )


def another_system_url(place: Place, answers: Answers) -> str:
    """The system questions again, with the role answers kept; '' when no system question applies."""
    flow = place.flow
    roles = {q.name: answers.values[q.name] for q in flow.questions if q.role and q.name in answers.values}
    following = flow.next_question(roles)
    if following is None or following.role:
        return ""
    return place.url("question", following.name, Answers(flow, roles, []).query_items())


def result_code(request, code, edition=None):
    """/check/r/<code>/ (or ?code= from the form): the result the code stands for."""
    place = find_place(request, edition, "start")
    if not isinstance(place, Place):
        return place
    code = code or request.GET.get("code", "")
    pairs = codes.decode(place.flow, code)
    if pairs is None:
        context = {
            "edition": place.edition,
            "code": code[: codes.MAX_CODE_LENGTH],
            "form_action": place.url("code_form"),
        }
        return render(request, "checker/code_error.html", context, status=404)
    return redirect(place.url("result", query=pairs))


def answer_summary(place: Place, answers: Answers, words: Words, query: str):
    """The questions asked and the answers given; `query`: all the answers, which every "Change"
    link carries."""
    rows = []
    for question in place.flow.applicable(answers.values):
        value = answers.values.get(question.name)
        values = value if isinstance(value, tuple) else (value,)
        title = words[f"questions.{question.name}.title"]
        rows.append(
            {
                "name": question.name,
                "question": title,
                # For screen readers after "Change" (said here once, not worked out by the template per row).
                "change_what": _("your answer to “%(question)s”") % {"question": title or question.name},
                "short": words[f"questions.{question.name}.short"] or words[f"questions.{question.name}.title"],
                "answers": [words[f"questions.{question.name}.options.{v}"] or v for v in values],
                "change_url": place.url("question", question.name, query),
            }
        )
    return rows

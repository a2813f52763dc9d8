"""'Is this page useful?' in a real browser with JavaScript off, on the production-like copy of the
site: the form opens with the answer chosen, sends (CSRF cookie and token included) and thanks."""

import subprocess
import sys
from urllib.parse import urlencode

from tests.conftest import ROOT

ARTICLE = "/en/ai-law/law-230-viii/article-16/"


def stored_answers(site_env) -> str:
    """The answers in the database the served copy uses, one line each."""
    code = (
        "from feedback.models import PageFeedback\n"
        "for a in PageFeedback.objects.order_by('pk'): print(a.page, a.useful, a.language, a.comment, sep='|')"
    )
    command = [sys.executable, "manage.py", "shell", "-c", code]
    return subprocess.run(command, cwd=ROOT, env=site_env, check=True, capture_output=True, text=True).stdout


def test_a_visitor_without_javascript_says_an_article_is_not_useful_and_is_thanked(site, site_env, page_without_js):
    page = page_without_js
    page.goto(f"{site}/en/feedback/?{urlencode({'page': ARTICLE, 'useful': 'no'})}")
    assert page.locator("h1").inner_text().strip() == "Is this page useful?"
    assert page.get_by_label("No", exact=True).is_checked()
    page.get_by_label("Comment (optional)").fill("An example for a small shop would help.")
    page.get_by_role("button", name="Send").click()
    page.wait_for_url(f"{site}/en/feedback/thanks/?{urlencode({'page': ARTICLE})}")
    assert page.locator("h1").inner_text().strip() == "Thank you for your answer"
    back = page.get_by_role("link", name="Back to the article")
    assert back.get_attribute("href") == ARTICLE
    cookies = {cookie["name"] for cookie in page.context.cookies()}
    assert cookies == {"csrftoken"}  # no session, nothing else
    comment = "An example for a small shop would help."
    assert f"{ARTICLE}|False|en|{comment}" in stored_answers(site_env).splitlines()
    back.click()
    page.wait_for_url(f"{site}{ARTICLE}")


def test_the_feedback_pages_pass_axe_in_every_language(site, axe_page):
    from .test_accessibility import violations

    for lang in ("kk", "ru", "en"):
        article = f"/{lang}/ai-law/law-230-viii/article-16/"
        axe_page.goto(f"{site}/{lang}/feedback/?{urlencode({'page': article})}")
        assert violations(axe_page) == [], "form"
        axe_page.locator("#feedback-form button[type=submit]").click()  # no answer chosen
        axe_page.locator(".error-summary").wait_for()
        assert violations(axe_page) == [], "form with an error"
        axe_page.goto(f"{site}/{lang}/feedback/thanks/?{urlencode({'page': article})}")
        assert violations(axe_page) == [], "thank-you page"

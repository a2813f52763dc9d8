"""Editions are data: a new edition, with its articles, glossary and question flow, needs content only.

tests/fixtures/tiny-edition/ is a third edition that no code names: two articles, one glossary term
and a one-question flow. Loaded in place of the shipped content, it shows its pages and its flow.
"""

import pytest

from content_io import load
from law.models import Edition

from .conftest import ROOT, soup, visible_text

# Dates, "today" and the order of saves in time: tests/test_clock.py runs these a year ahead too.
pytestmark = [pytest.mark.django_db, pytest.mark.time_sensitive]
TINY = ROOT / "tests" / "fixtures" / "tiny-edition"


@pytest.fixture
def tiny(django_db_blocker):
    load(TINY, force=True)  # inside the test's transaction: rolled back afterwards
    return Edition.objects.get(slug="tiny-2030")


def test_which_edition_is_in_force_is_asked_of_the_data(tiny):
    assert Edition.objects.main() == tiny
    Edition.objects.filter(pk=tiny.pk).update(legal_status=Edition.LegalStatus.SUPERSEDED)
    assert Edition.objects.main() is None


def test_the_shipped_law_in_force_is_the_main_edition():
    main = Edition.objects.main()
    assert main is not None and main.number == "230-VIII" and main.is_in_force


def test_a_new_edition_shows_its_contents_articles_and_glossary(client, tiny):
    contents = soup(client.get("/en/ai-law/tiny-2030/"))
    links = [a["href"] for a in contents.select("main a") if "/article-" in a.get("href", "")]
    assert "/en/ai-law/tiny-2030/article-1/" in links and "/en/ai-law/tiny-2030/article-2/" in links
    for lang in ("kk", "ru", "en"):
        page = soup(client.get(f"/{lang}/ai-law/tiny-2030/article-1/"))
        assert f"Logs of robots ({lang})" in visible_text(page.find("h1"))
        assert page.find(id="p-1") is not None or f"Paragraph one asks for logs ({lang})" in visible_text(page)
        assert f"Keep the logs of your robot ({lang})" in visible_text(page)
    article = soup(client.get("/en/ai-law/tiny-2030/article-1/"))
    term = article.find(id="plain-language").find("a", class_="term")
    assert term["href"] == "/en/ai-law/tiny-2030/glossary/#robot-keeper"
    glossary = soup(client.get("/en/glossary/"))  # the glossary of the law in force: this one
    assert visible_text(glossary.find(id="robot-keeper")) == "Robot keeper"  # every term starts with a capital


def test_a_new_edition_has_its_flow_at_the_main_address_when_in_force(client, tiny):
    start = soup(client.get("/en/check/"))
    assert "Tiny check (en)" in visible_text(start)
    question = client.get("/en/check/keeps_robot/")
    assert "Do you keep a robot? (en)" in visible_text(soup(question))
    yes = soup(client.get("/en/check/result/?keeps_robot=yes"))
    assert "Keep the logs of your robot (en)" in visible_text(yes)
    no = soup(client.get("/ru/check/result/?keeps_robot=no"))
    assert "No role applies (ru)" in visible_text(no)
    # Its own address leads to the main one, as it is the law in force.
    response = client.get("/en/ai-law/tiny-2030/check/result/?keeps_robot=yes")
    assert response.status_code == 302 and response["Location"] == "/en/check/result/?keeps_robot=yes"


def test_a_flow_declaration_is_checked_when_loaded(tmp_path):
    import shutil

    from content_io import ContentErrors, parse_tree

    shutil.copytree(TINY, tmp_path / "content")
    flow = tmp_path / "content/ai-law/tiny-2030/check/flow.toml"
    flow.write_text(flow.read_text() + '\n[[questions]]\nname = "size"\nvalues = ["big"]\nasked_if = ["nope=yes"]\n')
    with pytest.raises(ContentErrors, match=r"check/flow.toml.*asked_if 'nope=yes' must name an earlier question"):
        parse_tree(tmp_path / "content")

"""The "Bans and fines" sheet and the way to the fines: the main navigation, the home page, Article 30."""

import pytest

from law.models import Edition, RightOrDuty

from .conftest import LANGS, soup, visible_text

pytestmark = pytest.mark.django_db

SHEET = "/{lang}/liability/bans-and-fines/"


@pytest.mark.parametrize("lang", LANGS)
def test_the_sheet_lists_every_ban_the_two_offences_and_the_fines_table(client, lang):
    response = client.get(SHEET.format(lang=lang))
    assert response.status_code == 200
    page = soup(response)
    main = page.find("main")
    bans = RightOrDuty.objects.filter(edition=Edition.objects.main(), kind=RightOrDuty.Kind.PROHIBITION)
    listed = main.find("section", attrs={"aria-labelledby": "bans-heading"}).select("ol.duties > li")
    assert len(listed) == bans.count() == 7  # Article 17(3) of Law No. 230-VIII
    for ban, item in zip(bans.order_by("position"), listed, strict=True):
        assert getattr(ban, f"text_{lang}") in visible_text(item)
    assert len(main.select("ol.offences > li")) == 2
    rows = main.select("table.fines-table tbody tr")
    assert len(rows) == 4
    money = {"kk": "теңге", "ru": "тенге", "en": "tenge"}[lang]
    assert all(money in visible_text(row) for row in rows)
    assert "4" in visible_text(main.find("caption")) and "2026" in visible_text(main.find("caption"))
    # The permanent address and the date of printing, as on every printed summary.
    header = main.find(class_="print-header")
    assert header.find("a")["href"].endswith(SHEET.format(lang=lang))
    assert header.find(attrs={"data-print-date": True}) is not None


@pytest.mark.parametrize("lang", LANGS)
def test_fines_are_in_the_main_navigation_and_the_committee_in_the_footer(client, lang):
    for url in (f"/{lang}/", f"/{lang}/ai-law/law-230-viii/article-5/", f"/{lang}/glossary/"):
        page = soup(client.get(url))
        nav = page.find("nav", class_="primary-nav")
        assert nav.find("a", href=f"/{lang}/liability/") is not None, url
        assert nav.find("a", href=f"/{lang}/committee/") is None, url
        assert page.find("footer", class_="site-footer").find("a", href=f"/{lang}/committee/") is not None, url
    liability = soup(client.get(f"/{lang}/liability/"))
    assert liability.find("nav", class_="primary-nav").find("a", attrs={"aria-current": "true"})["href"] == (
        f"/{lang}/liability/"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_the_home_page_article_30_and_the_fines_page_lead_to_the_fines(client, lang):
    home = soup(client.get(f"/{lang}/"))
    assert home.find("main").find("a", href=f"/{lang}/liability/") is not None
    assert home.find("main").find("a", href=SHEET.format(lang=lang)) is not None
    article = soup(client.get(f"/{lang}/ai-law/law-230-viii/article-30/"))
    assert article.find("main").find("a", href=f"/{lang}/liability/") is not None
    fines = soup(client.get(f"/{lang}/liability/"))
    assert fines.find("main").find("a", href=SHEET.format(lang=lang)) is not None


def test_the_feed_is_announced_in_the_head_of_every_page(client):
    for url in ("/en/", "/ru/changes/", "/kk/ai-law/law-230-viii/"):
        link = soup(client.get(url)).find("head").find("link", attrs={"type": "application/atom+xml"})
        assert link is not None and link["rel"] == ["alternate"] and link["href"].endswith("/changes/feed.atom"), url
        assert client.get(link["href"]).status_code == 200


@pytest.mark.parametrize("lang", LANGS)
def test_the_open_data_is_linked_from_each_edition_and_from_about(client, lang):
    for edition in Edition.objects.all():
        page = soup(client.get(f"/{lang}/ai-law/{edition.slug}/"))
        link = page.find("main").find("a", href=f"/data/v1/editions/{edition.slug}.json")
        assert link is not None, edition.slug
        assert client.get(link["href"]).status_code == 200
    about = soup(client.get(f"/{lang}/about/")).find("main")
    for href in ("/data/v1/editions/", "/data/v1/schema/edition.json"):
        assert about.find("a", href=href) is not None, href
        assert client.get(href).status_code == 200

"""The official text's versions in a real browser: the article's "as of" box with an earlier version
and the public list of changes meet WCAG 2.2 AA (axe-core), read without JavaScript, and fit a
360-pixel phone. A made-up test law is imported into the served copy for these tests only; its
database is restored after them, so that the other browser tests see the shipped content alone."""

import pytest

from scripts.serving import manage
from tests.conftest import restore_site_database
from tests.official_documents import fixture_lines

from .test_accessibility import violations

LANGS = ["kk", "ru", "en"]
ARTICLE_2 = {"kk": "2-бап.", "ru": "Статья 2.", "en": "Article 2."}
CREATE = (
    "from law.models import Act, Edition; "
    "Edition.objects.create(act=Act.objects.get(slug='ai-law'), slug='test-law', kind='law', "
    "legal_status='in_force', title_kk='Сынақ заңы', title_ru='Тестовый закон', title_en='Test law', position=99)"
)
# One process does it all, as an operator's commands would one after the other: the edition, then two
# imports per language (the second is the amended text), then publishing (an import leaves new
# articles as drafts; these pages are read as a visitor reads them).
IMPORT_TWICE_AND_PUBLISH = """
from django.core.management import call_command
from tests.official_documents import publish_imported
{create}
for path, lang in {imports!r}:
    call_command("import_official", path, edition="test-law", lang=lang)
publish_imported()
"""


@pytest.fixture(scope="module")
def test_law(site_env, site, tmp_path_factory):
    work = tmp_path_factory.mktemp("official")
    imports = []  # (file, language), in the order they are imported
    for lang in LANGS:
        lines = fixture_lines(lang)
        (work / f"{lang}-1.txt").write_text("\n".join(lines), encoding="utf-8")
        # The second version: article 2's first paragraph reworded (its heading's last occurrence
        # is the body's, after the table of contents).
        start = max(i for i, line in enumerate(lines) if line.startswith(ARTICLE_2[lang]))
        index = next(i for i in range(start, len(lines)) if lines[i].startswith("1."))
        lines[index] = lines[index].rstrip(".") + " (amended)."
        (work / f"{lang}-2.txt").write_text("\n".join(lines), encoding="utf-8")
        imports += [(str(work / f"{lang}-1.txt"), lang), (str(work / f"{lang}-2.txt"), lang)]
    try:
        script = IMPORT_TWICE_AND_PUBLISH.format(create=CREATE, imports=imports)
        manage(site_env, ["shell", "-c", script])
        yield site
    finally:  # the other browser tests see the shipped content alone, even after a failure here
        restore_site_database(site_env)


PAGES = {"article": "ai-law/test-law/article-2/", "changes": "ai-law/test-law/official-changes/"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAGES)
def test_no_axe_violations_on_the_versions_and_changes(axe_page, test_law, lang, name):
    axe_page.goto(f"{test_law}/{lang}/{PAGES[name]}")
    if name == "article":
        axe_page.locator(".official-earlier summary").click()  # the earlier versions, open
        assert axe_page.locator(".official-earlier li").count() == 1
    else:
        assert axe_page.locator("del").count() >= 1 and axe_page.locator("ins").count() >= 1
    assert violations(axe_page) == []


def test_the_changes_read_without_javascript_and_fit_a_phone(chromium, test_law):
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    for lang in LANGS:
        for url in PAGES.values():
            page.goto(f"{test_law}/{lang}/{url}")
            assert page.evaluate("document.documentElement.scrollWidth") <= 360, f"{lang} {url}"
        page.goto(f"{test_law}/{lang}/{PAGES['changes']}")
        assert "(amended)" in page.locator("ins").first.inner_text()
    context.close()

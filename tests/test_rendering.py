"""Markdown is rendered once, when content is saved, and nothing in it can run in a browser."""

import pytest
from bs4 import BeautifulSoup

from editorial import rendering
from editorial.rendering import render_markdown
from law.models import Article

from .conftest import soup


@pytest.mark.parametrize(
    "markdown",
    [
        "Hello <script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        '<a href="javascript:alert(1)">x</a>',
        "<iframe src=https://example.com></iframe>",
        "[x](vbscript:msgbox(1))",
    ],
)
def test_nothing_executable_survives(markdown):
    tree = BeautifulSoup(render_markdown(markdown), "html.parser")
    assert not tree.find_all(["script", "img", "iframe", "object", "embed", "style"])
    for element in tree.find_all(True):
        assert not [name for name in element.attrs if name.lower().startswith("on")]
        href = element.get("href", "")
        assert href.split(":", 1)[0].lower() in {"http", "https", "mailto"} or ":" not in href


def test_raw_html_is_shown_as_text_not_markup():
    assert render_markdown("<b>bold</b>") == "<p>&lt;b&gt;bold&lt;/b&gt;</p>"


@pytest.mark.parametrize(
    "href",
    [
        "https://adilet.zan.kz/rus/docs/Z2500000230",
        "http://example.kz/",
        "mailto:lab@example.kz",
        "/en/glossary/#user",
        "#p-3",
    ],
)
def test_allowed_links_are_kept(href):
    assert f'href="{href}"' in render_markdown(f"[link]({href})")


@pytest.mark.django_db
def test_markdown_is_rendered_when_saved_not_per_request(client, monkeypatch):
    article = Article.objects.get(edition__slug="draft-2025", number="9")
    article.summary_en = "You keep **control** when you deal with AI. <script>alert(1)</script>"
    article.save()
    assert "<strong>control</strong>" in article.summary_html_en

    def fail(*args, **kwargs):
        raise AssertionError("Markdown rendered during a request")

    monkeypatch.setattr(rendering, "render_markdown", fail)
    monkeypatch.setattr("editorial.models.render_markdown", fail)
    response = client.get("/en/ai-law/draft-2025/article-9/")
    assert response.status_code == 200
    plain = soup(response).find(id="plain-language")
    assert plain.find("strong").get_text() == "control"
    assert plain.find("script") is None
    assert "<script>alert(1)</script>" in plain.get_text()


@pytest.mark.django_db
def test_a_reload_that_changes_markdown_renders_it_again(tmp_path, settings):
    import shutil
    import tomllib

    from content_io import load, toml_text

    root = tmp_path / "content"
    shutil.copytree(settings.CONTENT_DIR, root)
    load(root, force=True)
    path = root / "ai-law/draft-2025/article-25/en.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    data["summary"] = "Now *changed*."
    path.write_text(toml_text(data), encoding="utf-8")
    load(root)
    article = Article.objects.get(edition__slug="draft-2025", number="25")
    assert article.summary_en == "Now *changed*."
    assert article.summary_html_en == "<p>Now <em>changed</em>.</p>"

"""`make screenshots`: pictures of the site for the README, taken from a real run in Chromium.

Screens: the home page, an article on a wide and on a narrow (360 px) screen, a flow result.
Paper: one printed page of an article summary, of the booklet and of the flow's duty sheet,
rendered to PDF by Chromium and to PNG by pypdfium2. The editors' workspace: a Kazakh translator's
field with the Russian source beside it, marked as changed, and a second editor's review page of a
next version. Everything is written to docs/. (The admin pictures use a made-up edit in a
throw-away database.)
"""

from __future__ import annotations

import importlib.util
import io
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
CHROMIUM = "/usr/bin/chromium"
# A small company's chatbot under the law in force (the flow at /<lang>/check/).
RESULT = (
    "check/result/?uses_system=no&decided_about=no&runs_system=yes&holds_data=no&made_data=no&manipulates=no"
    "&exploits_vulnerability=no&rates_people=not_sure&personal_data=no&biometric_traits=no&reads_emotions=no"
    "&unlawful_results=no&risk=medium&autonomy=low&synthetic=yes&mode=closed&size=small"
)
SCREENS = [
    ("home.png", "kk/", 1280, 1000),
    ("article-wide.png", "en/ai-law/law-230-viii/article-18/", 1280, 1100),
    ("article-narrow.png", "kk/ai-law/law-230-viii/article-18/", 360, 640),  # a phone's first screen
    ("flow-result.png", "en/" + RESULT, 1280, 1300),
]
PAPER = [  # (file, page, text that starts the printed page to show: "" for the first page)
    ("print-article.png", "en/ai-law/law-230-viii/article-16/print/", ""),
    ("print-booklet.png", "kk/ai-law/law-230-viii/print/", ""),
    ("print-duty-sheet.png", "ru/" + RESULT.replace("result/", "result/print/"), ""),
]


EDITORS = (("aigerim", "kk-KZ"), ("dana", "ru-RU"))
EDITOR_PASSWORD = "a-long-screenshot-passphrase-42"
# A Russian edit of a published duty of the law's Article 16, as if it had been reviewed and
# published: the Kazakh and English texts are now out of date. Prints the article's id.
STALE_DUTY = """
from law.models import Article
article = Article.objects.get(edition__slug="law-230-viii", number="16")
duty = article.rights_and_duties.order_by("position", "pk").first()
duty.text_ru = duty.text_ru.rstrip() + " Пример правки для снимка экрана."
duty.save()
print(article.pk)
"""


def admin_screens(browser, base, env):
    import subprocess

    from scripts.serving import manage

    env = dict(env, EDITOR_PASSWORD=EDITOR_PASSWORD)
    manage(env, *[["createeditor", name, "--no-input"] for name, _locale in EDITORS])
    shell = [sys.executable, "manage.py", "shell", "-c", STALE_DUTY]
    pk = subprocess.run(shell, cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout.split()[-1]
    pages = {}
    for name, locale in EDITORS:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale)
        page = context.new_page()
        page.goto(f"{base}/admin/login/")
        page.fill("#id_username", name)
        page.fill("#id_password", EDITOR_PASSWORD)
        page.click("input[type=submit]")
        page.wait_for_selector("#content")
        pages[name] = page
    translator = pages["aigerim"]
    translator.goto(f"{base}/admin/law/article/{pk}/change/#id_rights_and_duties-0-text_kk")
    field = translator.locator("#id_rights_and_duties-0-text_kk").locator(
        "xpath=ancestor::div[contains(@class, 'form-row')][1]"
    )
    field.screenshot(path=str(DOCS / "admin-sources.png"))
    print("docs/admin-sources.png")
    # The translator brings the Kazakh duty up to date and saves: the article is published, so the
    # save becomes its next version; the colleague reviews it.
    translator.fill(
        "#id_rights_and_duties-0-text_kk", translator.input_value("#id_rights_and_duties-0-text_kk") + " Түзету."
    )
    translator.click("input[name=_save]")
    translator.wait_for_selector(".messagelist .success")
    reviewer = pages["dana"]
    reviewer.goto(f"{base}/admin/law/article/{pk}/review/")
    reviewer.screenshot(path=str(DOCS / "admin-review.png"), full_page=True)
    print("docs/admin-review.png")


def load_bench():
    spec = importlib.util.spec_from_file_location("bench", ROOT / "scripts" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    import pypdfium2
    from playwright.sync_api import sync_playwright

    bench = load_bench()
    DOCS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        env = bench.prepare(Path(tmp))
        with bench.serve(env, cache=True, workers=2) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            for name, path, width, height in SCREENS:
                context = browser.new_context(viewport={"width": width, "height": height})
                page = context.new_page()
                page.goto(f"{base}/{path}")
                page.screenshot(path=str(DOCS / name))
                context.close()
                print(f"docs/{name}")
            page = browser.new_page()
            for name, path, starts_with in PAPER:
                page.goto(f"{base}/{path}")
                pdf = pypdfium2.PdfDocument(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
                index = next(i for i in range(len(pdf)) if starts_with in pdf[i].get_textpage().get_text_range()[:200])
                pdf[index].render(scale=1.4).to_pil().save(DOCS / name)
                print(f"docs/{name}")
            admin_screens(browser, base, env)
            browser.close()


if __name__ == "__main__":
    sys.exit(main())

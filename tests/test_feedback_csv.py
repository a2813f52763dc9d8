"""The CSV export of the answers never hands a spreadsheet a formula, whatever it splits cells on: the
file's commas, or `;` as Excel does in Russian and Kazakh (then also inside a quoted cell), a tab or a
line break."""

import csv
import io
import re

import pytest

from feedback.admin import csv_response
from feedback.models import PageFeedback

pytestmark = pytest.mark.django_db

COMMENTS = [
    '=HYPERLINK("http://evil.example","Click")',
    'Useful; =HYPERLINK("http://evil.example","Click")',
    "Useful;=1+2",
    "Useful;+7 777 000 00 00",
    "Useful; -cmd|' /C calc'!A0",
    "Useful;@SUM(A1:A9)",
    'Useful;"=1+2"',
    "Useful, =1+2",
    "Useful\t=1+2",
    "Useful\r\n=1+2",
    "Useful\n@SUM(A1)",
    "  =1+2",
    "\t=1+2",
]
SPLITS = [",", ";", "\t"]


def cells(text, delimiter):
    """Every cell a spreadsheet may see: the text cut at the delimiter and at line breaks, whatever
    quotes there are; spaces and quotes around a cell's text left out."""
    return [cell.strip(' "') for cell in re.split(rf"[{delimiter}\r\n]", text)]


@pytest.mark.parametrize("comment", COMMENTS)
@pytest.mark.parametrize("delimiter", SPLITS)
def test_no_cell_of_the_export_starts_a_formula(comment, delimiter):
    PageFeedback.objects.create(
        page="/en/ai-law/law-230-viii/article-16/", useful=False, comment=comment, language="en"
    )
    text = csv_response(PageFeedback.objects.all()).content.decode("utf-8-sig")
    found = [cell for cell in cells(text, delimiter) if cell.startswith(("=", "+", "-", "@"))]
    assert found == [], (comment, delimiter)
    comment_cell = next(csv.reader(io.StringIO(text.split("\r\n", 1)[1])))[5]
    assert comment_cell.replace("'", "") == comment.replace("'", "")  # only apostrophes were added


def test_a_plain_comment_with_semicolons_is_left_as_it_is():
    PageFeedback.objects.create(page="/en/", useful=True, comment="Clear; short; useful, thanks", language="en")
    assert "Clear; short; useful, thanks" in csv_response(PageFeedback.objects.all()).content.decode("utf-8-sig")

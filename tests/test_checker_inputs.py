"""The question flow keeps its inputs per content version (checker/inputs.py, issue #41): a result then
reads no rights and duties, no flow words and no flow from the database; a change the public can see
is on the next result at once."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from law import memo as content_memo
from law.models import Edition, RightOrDuty

from .counting import built_instances

pytestmark = pytest.mark.django_db

RESULT = (
    "/en/check/result/?uses_system=yes&decided_about=yes&runs_system=yes&holds_data=no&made_data=no"
    "&banned=none&features=none&risk=high&autonomy=medium&mode=open&size=small"
)
# The queries a result makes once the inputs are kept: none (not the editions, the rights and duties,
# the flow or its words; the content version is read once a second, and not again in a test).
MAX_QUERIES = 0


def test_a_result_reads_no_records_once_its_inputs_are_kept(memo, monkeypatch):
    client = Client()
    first = client.get(RESULT)
    assert first.status_code == 200
    built = built_instances(monkeypatch)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(RESULT.replace("risk=high", "risk=medium"))
    assert again.status_code == 200
    assert len(queries) <= MAX_QUERIES, [q["sql"][:120] for q in queries]
    assert not any("law_rightorduty" in q["sql"] or "checker_flowtext" in q["sql"] for q in queries)
    assert built["n"] == 0  # no edition, right, duty, word or flow


def test_without_the_memo_every_result_reads_them(settings, monkeypatch):
    settings.CONTENT_MEMO = False
    Client().get(RESULT)
    built = built_instances(monkeypatch)
    assert Client().get(RESULT).status_code == 200
    assert built["n"] > 50  # the measure above can fail: without the memo this many are built


def test_a_change_the_public_sees_is_on_the_next_result_at_once(memo, django_capture_on_commit_callbacks):
    client = Client()
    page = client.get(RESULT).content.decode()
    item = RightOrDuty.objects.get(edition=Edition.objects.main(), key="user-right-to-read-user-agreement")
    assert item.text_en in page
    with django_capture_on_commit_callbacks(execute=True):  # the save's commit bumps the content version
        item.text_en = "A right reworded just now."
        item.save()
    assert "A right reworded just now." in client.get(RESULT).content.decode()


def test_each_language_has_its_own_words(memo):
    client = Client()
    english = client.get(RESULT).content.decode()
    kazakh = client.get(RESULT.replace("/en/", "/kk/")).content.decode()
    assert 'lang="kk"' in kazakh and english != kazakh
    assert {k[2] for k in content_memo.kept_keys() if k[0] == "words"} == {"en", "kk"}

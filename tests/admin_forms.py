"""Helpers for tests of the editors' admin: an editor account, a form as a browser would send it, and
an article's next version saved through its form."""

from bs4 import BeautifulSoup
from django.test import Client

PASSWORD = "a-long-editor-passphrase-42"


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def form_fields(response, form_id):
    """What a browser would send for the form as it stands: every named control with its value
    (textareas with CRLF line ends, as browsers send them)."""
    page = BeautifulSoup(response.content.decode(), "html.parser")
    form = page.find("form", id=form_id)
    assert form is not None, f"no form #{form_id}"
    data = {}
    for control in form.find_all(["input", "textarea", "select"]):
        name = control.get("name")
        if not name or control.get("type") in ("submit", "button", "file"):
            continue
        if control.name == "textarea":
            data[name] = control.get_text()
            if data[name].startswith("\n"):
                data[name] = data[name][1:]
            # A browser sends a textarea's line ends as CRLF (HTML's form submission rules).
            data[name] = data[name].replace("\r\n", "\n").replace("\n", "\r\n")
        elif control.name == "select" and control.has_attr("multiple"):
            data[name] = [option["value"] for option in control.find_all("option", selected=True)]
        elif control.name == "select":
            chosen = control.find("option", selected=True)
            data[name] = chosen["value"] if chosen else ""
        elif control.get("type") in ("checkbox", "radio"):
            if control.has_attr("checked"):
                data[name] = control.get("value", "on")
        else:
            data[name] = control.get("value", "")
    return data


def change_url(obj):
    return f"/admin/law/article/{obj.pk}/change/"


def review_url(obj):
    return f"/admin/law/article/{obj.pk}/review/"


def save_next_version(client, target, **changes):
    """The article's form as it stands, with `changes`, saved by `client`: the response."""
    data = form_fields(client.get(change_url(target)), "article_form")
    data.update(changes)
    return client.post(change_url(target), data)

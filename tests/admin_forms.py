"""Helpers for tests of the editors' admin: an editor account, and a form as a browser would send it."""

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

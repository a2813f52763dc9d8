"""/print/running-title.css?t=<title>: the title printed at the top of every page of a printout.

Chromium prints margin boxes (`@page { @top-left { content: "…" } }`) but not `string-set`, so the
text of the box must be written in a stylesheet. The site's Content Security Policy allows no inline
style, so each print view links this small stylesheet with its own title (print_base.html); the
title is written as a CSS string, escaped, so no query can add a rule of its own.
"""

from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

MAX_LENGTH = 200


def css_string(text: str) -> str:
    """`text` as a quoted CSS string: backslashes and quotes escaped, control characters dropped."""
    clean = "".join(c if c.isprintable() else " " for c in text)[:MAX_LENGTH]
    return '"' + clean.replace("\\", "\\\\").replace('"', '\\"') + '"'


@require_safe
@cache_control(public=True, max_age=86400)
def running_title(request):
    title = css_string(" ".join(request.GET.get("t", "").split()))
    box = f"@top-left {{ content: {title}; }}"
    css = f"@page {{ {box} }}\n@page sheet {{ {box} }}\n"
    return HttpResponse(css, content_type="text/css; charset=utf-8")

"""{% capture as name %}…{% endcapture %}: render once, use many times. {% kept "part.html" key … %}: a
part of every page rendered once per content version.

The page's title and description are blocks that each template fills in; the <title>, the
description and the Open Graph and Twitter tags all need the same words, and a block can be
rendered only once. Capturing it into a variable keeps one source for all of them.
"""

import html

from django import template
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from law.memo import remembered

register = template.Library()


@register.simple_tag(takes_context=True)
def kept(context, template_name, *keys):
    """The template rendered with the page's context, once per content version, language and keys
    (law.memo): for the parts of every page that depend on nothing else, such as the site's menu
    and footer. A part that shows anything of the request or the visitor must not be kept."""

    def render():
        part = context.template.engine.get_template(template_name)
        return mark_safe(part.render(context))  # noqa: S308 - a rendered template

    return remembered(("kept", template_name, get_language(), *keys), render)


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist, self.name = nodelist, name

    def render(self, context):
        # Plain text, on one line: whatever the block held (escaped text, or HTML marked safe) is
        # turned back into words here, and escaped exactly once wherever the variable is used.
        text = html.unescape(strip_tags(self.nodelist.render(context)))
        context[self.name] = " ".join(text.split())
        return ""


@register.tag
def capture(parser, token):
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])

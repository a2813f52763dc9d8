"""{% capture as name %}…{% endcapture %}: render once, use many times.

The page's title and description are blocks that each template fills in; the <title>, the
description and the Open Graph and Twitter tags all need the same words, and a block can be
rendered only once. Capturing it into a variable keeps one source for all of them.
"""

import html

from django import template
from django.utils.html import strip_tags

register = template.Library()


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

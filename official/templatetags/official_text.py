"""{% official_versions article as versions %}: what the article's page says about the version of its
official text (see official.versions.article_versions)."""

from django import template
from django.utils import timezone
from django.utils.translation import get_language

from ..versions import article_versions

register = template.Library()


@register.simple_tag
def official_versions(article):
    return article_versions(article, get_language())


@register.filter
def local_day(moment):
    """The day of a stored time in the site's time zone (Almaty), not in UTC."""
    return timezone.localdate(moment) if moment else None

"""The law's content model: Act → Edition → Chapter → Article → Paragraph, with rights and duties,
glossary terms and free-standing pages.

Every text field is translated into kk, ru and en by django-modeltranslation (see translation.py).
Markdown fields are rendered to sanitized HTML when saved (see rendering.py), never per request.
"""

from editorial.publishing import Status

from .articles import LABEL, NUMBER, Article, Chapter, Paragraph
from .bookkeeping import ContentLoad, SiteState
from .editions import Act, Edition, EditionQuerySet
from .pages import EverydayWord, GlossaryTerm, Page
from .publishing import Publishable, PublishableQuerySet
from .rights import RightOrDuty, RightOrDutyQuerySet, Role

__all__ = [
    "LABEL",
    "NUMBER",
    "Act",
    "Article",
    "Chapter",
    "ContentLoad",
    "Edition",
    "EverydayWord",
    "EditionQuerySet",
    "GlossaryTerm",
    "Page",
    "Paragraph",
    "Publishable",
    "PublishableQuerySet",
    "RightOrDuty",
    "RightOrDutyQuerySet",
    "Role",
    "SiteState",
    "Status",
]

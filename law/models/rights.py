"""Rights and duties: one role's right, duty or prohibition, tied to its article and paragraph."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from editorial.models import EditableContent

from ..record_names import right_or_duty_name
from ..record_rules import broken_rules
from .articles import Article, Paragraph
from .editions import Edition


class Role(models.TextChoices):
    """Who a right or duty concerns, in each edition's own terms: the draft speaks of owners, the law
    in force of owners and possessors. An edition uses the roles its records name."""

    USER = "user", _("AI system user")
    DECIDED_ABOUT = "decided_about", _("A person an AI system decides about")
    OWNER = "owner", _("AI system owner")
    OWNER_POSSESSOR = "owner_possessor", _("Owner or possessor of an AI system")
    # Builds AI systems (for others) without owning or running them: bound as a creator (17(3), 8(2)).
    DEVELOPER = "developer", _("Creator (developer) of AI systems")
    DATA_LIBRARY_OWNER = "data_library_owner", _("Data library owner")
    DATA_LIBRARY_HOLDER = "data_library_holder", _("Owner or possessor of a data library")
    DATA_LIBRARY_PRODUCER = "data_library_producer", _("Data library producer")


class RightOrDutyQuerySet(models.QuerySet):
    def published(self):
        """Rights and duties the public sees: those of published articles."""
        return self.filter(article__in=Article.objects.published())


class RightOrDuty(EditableContent):
    """One right or one duty of a role, tied to the article (and paragraph, where known) it comes from.

    `applies_if` narrows a duty to some answers of the question flow, e.g. 'capabilities=biometric'
    or 'generates_content=yes|not_sure'; empty means it applies to everyone in the role.
    """

    class Kind(models.TextChoices):
        RIGHT = "right", _("Right")
        DUTY = "duty", _("Duty")
        PROHIBITION = "prohibition", _("Prohibition")
        # What the text says someone does, where our sources do not say whether it is a right or a duty.
        RULE = "rule", _("Rule")

    key = models.SlugField(_("key"), help_text=_("Stable identifier within the edition, used by the question flow."))
    edition = models.ForeignKey(
        Edition,
        on_delete=models.CASCADE,
        related_name="rights_and_duties",
        editable=False,
        verbose_name=_("edition"),
    )
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="rights_and_duties", verbose_name=_("article")
    )
    paragraph = models.ForeignKey(
        Paragraph,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rights_and_duties",
        verbose_name=_("paragraph"),
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    applies_if = models.CharField(_("applies if"), max_length=200, blank=True)
    text = models.TextField(_("text"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    required_texts = ("text",)
    tracked_groups = {"explanation": ("text",)}

    objects = RightOrDutyQuerySet.as_manager()

    class Meta:
        ordering = ["article__position", "position"]
        constraints = [models.UniqueConstraint(fields=["edition", "key"], name="unique_right_or_duty_key")]
        verbose_name = _("right or duty")
        verbose_name_plural = _("rights and duties")

    def __str__(self):
        return right_or_duty_name(self)

    def clean(self):
        super().clean()
        errors = broken_rules(self)  # e.g. the question flow's (checker/record_rules.py)
        if errors:
            raise ValidationError(errors)

    def validate_constraints(self, exclude=None):
        # A key taken in the article's edition is a form error, not left to the database: the edition
        # is no field of any form (save() sets it), so Django would leave the constraint unchecked.
        try:
            article = self.article  # in a new article's form, the article is not saved yet
        except Article.DoesNotExist:
            article = None
        if article is not None and article.edition_id is not None:
            self.edition_id = article.edition_id
            exclude = set(exclude or ()) - {"edition"}
        super().validate_constraints(exclude)

    def save(self, *args, **kwargs):
        # The edition is the article's: kept here so that keys can be unique within an edition.
        self.edition_id = Article.objects.values_list("edition_id", flat=True).get(pk=self.article_id)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "edition"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        url = self.article.get_absolute_url()
        return f"{url}#{self.paragraph.anchor}" if self.paragraph_id else url

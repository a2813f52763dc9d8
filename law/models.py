"""The law's content model: Act → Edition → Chapter → Article → Paragraph, with rights and duties,
glossary terms and free-standing pages.

Every text field is translated into kk, ru and en by django-modeltranslation (see translation.py).
Markdown fields are rendered to sanitized HTML when saved (see rendering.py), never per request.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from editorial.models import EditableContent

from .record_rules import broken_rules

# Values used in public addresses and in ordering (article-7-1, #p-3-2): digits joined by hyphens.
NUMBER = RegexValidator(r"^\d{1,4}(-\d{1,4}){0,2}$", _("Use digits, joined by hyphens: 7 or 7-1."))
LABEL = RegexValidator(r"^\d{1,4}(-\d{1,4}){0,3}$", _("Use digits, joined by hyphens: 3, or 3-2."))


class Status(models.TextChoices):
    """Publishing status of an editable piece of content."""

    DRAFT = "draft", pgettext_lazy("publishing status", "Draft")
    REVIEW = "review", pgettext_lazy("publishing status", "In review")
    PUBLISHED = "published", pgettext_lazy("publishing status", "Published")


class Act(models.Model):
    slug = models.SlugField(unique=True)
    title = models.CharField(_("title"), max_length=300)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("act")
        verbose_name_plural = _("acts")

    def __str__(self):
        return self.title_kk or self.slug


class EditionQuerySet(models.QuerySet):
    def in_force(self, on: datetime.date | None = None):
        """Editions whose legal status is "in force" and whose date of entry into force has come,
        the latest first: the site's main edition is the first of these (regulations3k's idea)."""
        on = on or timezone.localdate()
        return (
            self.filter(legal_status=Edition.LegalStatus.IN_FORCE)
            .filter(models.Q(in_force_from__isnull=True) | models.Q(in_force_from__lte=on))
            .order_by(models.F("in_force_from").desc(nulls_last=True), "position")
        )

    def main(self):
        """The edition the site leads with: the law in force (None if no edition is in force)."""
        return self.in_force().first()


class Edition(EditableContent):
    class Kind(models.TextChoices):
        DRAFT = "draft", _("Draft law")
        LAW = "law", _("Adopted law")

    class LegalStatus(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("legal status", "Draft")
        IN_FORCE = "in_force", _("In force")
        SUPERSEDED = "superseded", _("Superseded")

    act = models.ForeignKey(Act, on_delete=models.CASCADE, related_name="editions")
    slug = models.SlugField(unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    legal_status = models.CharField(_("legal status"), max_length=12, choices=LegalStatus.choices)
    number = models.CharField(_("law number"), max_length=40, blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    published_on = models.DateField(_("first published on"), null=True, blank=True)
    in_force_from = models.DateField(_("in force from"), null=True, blank=True)
    superseded_by = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="supersedes"
    )
    title = models.CharField(_("title"), max_length=300)
    short_title = models.CharField(_("short title"), max_length=120)
    description = models.TextField(_("description (Markdown)"), blank=True)
    description_html = models.TextField(editable=False, blank=True)
    official_url = models.URLField(_("official publication"), blank=True)
    official_download_url = models.URLField(
        _("official text downloaded from"),
        max_length=500,
        blank=True,
        help_text=_(
            "Where the amendment watch downloads the official text in this language: Adilet's Word file or page. "
            "Empty: the official publication link."
        ),
    )
    official_notes = models.TextField(
        _("notes of the legal database"),
        blank=True,
        help_text=_("Notices printed above the official text by the legal database: not part of the law."),
    )
    position = models.PositiveIntegerField(default=0)

    objects = EditionQuerySet.as_manager()

    required_texts = ("title",)
    markdown_fields = {"description": "description_html"}

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("edition")
        verbose_name_plural = _("editions")

    def __str__(self):
        return self.short_title_kk or self.slug

    def get_absolute_url(self):
        return reverse("law:edition", kwargs={"edition": self.slug})

    @property
    def is_in_force(self):
        return self.legal_status == self.LegalStatus.IN_FORCE


class Chapter(EditableContent):
    """A chapter of an edition, or, where the law's own chapters are not known, the site's grouping."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="chapters")
    key = models.SlugField(help_text=_("Stable identifier within the edition, e.g. '1' or 'transparency'."))
    number = models.CharField(_("chapter number"), max_length=10, blank=True, validators=[NUMBER])
    is_official = models.BooleanField(
        _("official chapter"),
        default=True,
        help_text=_("Unticked when this is the site's own grouping, not a chapter of the law."),
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["edition", "position"]
        constraints = [models.UniqueConstraint(fields=["edition", "key"], name="unique_chapter_key")]
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")

    def __str__(self):
        return f"{self.edition.slug} · {self.number or self.key}"


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What the public sees: published articles only (the one definition of "published")."""
        return self.filter(status=Status.PUBLISHED)

    def visible_to(self, user):
        """Published articles for the public; every article for signed-in staff (to preview drafts)."""
        if user.is_authenticated and user.is_staff:
            return self.all()
        return self.published()


class Article(EditableContent):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="articles")
    chapter = models.ForeignKey(Chapter, on_delete=models.PROTECT, related_name="articles")
    number = models.CharField(
        _("article number"), max_length=10, validators=[NUMBER], help_text=_("For example 7 or 7-1.")
    )
    position = models.PositiveIntegerField(default=0)
    official_title = models.CharField(_("official title"), max_length=500, blank=True)
    plain_title = models.CharField(_("plain title"), max_length=300, blank=True)
    summary = models.TextField(_("in short (Markdown)"), blank=True)
    summary_html = models.TextField(editable=False, blank=True)
    for_you = models.TextField(_("what this means for you (Markdown)"), blank=True)
    for_you_html = models.TextField(editable=False, blank=True)
    official_notes = models.TextField(
        _("notes of the legal database"),
        blank=True,
        help_text=_("Editorial notes and footnotes from the official publication: not part of the law."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PUBLISHED)
    last_checked = models.DateField(_("explanation last checked"), null=True, blank=True)
    needs_review = models.BooleanField(
        _("explanation needs review"),
        default=False,
        help_text=_("Set when the official text changed; untick once the explanation has been checked."),
    )
    review_note = models.CharField(_("why it needs review"), max_length=300, blank=True)
    # Set by an import that changed the article's official text; readers see a notice until the
    # explanation has been reviewed (needs_review unticked), which clears it.
    official_changed_on = models.DateField(_("official text changed on"), null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    required_texts = ("title",)
    markdown_fields = {"summary": "summary_html", "for_you": "for_you_html"}
    glossary_linked = ("summary", "for_you")
    required_texts = ("plain_title", "summary")
    tracked_groups = {"explanation": ("plain_title", "summary", "for_you")}

    class Meta:
        ordering = ["edition", "position"]
        constraints = [models.UniqueConstraint(fields=["edition", "number"], name="unique_article_number")]
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def __str__(self):
        return f"{self.edition.slug} · {self.number}"

    def get_absolute_url(self):
        return reverse("law:article", kwargs={"edition": self.edition.slug, "number": self.number})

    def is_visible_to(self, user) -> bool:
        """Whether `user` may open the article's page (Article.objects.visible_to, for one article)."""
        return self.status == Status.PUBLISHED or (user.is_authenticated and user.is_staff)

    def save(self, *args, **kwargs):
        if not self.needs_review and self.official_changed_on:
            self.official_changed_on = None
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "official_changed_on"}
        super().save(*args, **kwargs)

    def glossary_edition_id(self):
        return self.edition_id


class Paragraph(EditableContent):
    """A paragraph or subparagraph, keyed by a label that is the same in every language ('3', '3-2')."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="paragraphs")
    label = models.CharField(
        _("label"), max_length=20, validators=[LABEL], help_text=_("For example 3, or 3-2 for a subparagraph.")
    )
    position = models.PositiveIntegerField(default=0)
    official_text = models.TextField(_("official text"), blank=True)
    note = models.TextField(_("plain-language note (Markdown)"), blank=True)
    note_html = models.TextField(editable=False, blank=True)
    note_needs_review = models.BooleanField(_("note needs review"), default=False)

    markdown_fields = {"note": "note_html"}
    glossary_linked = ("note",)
    tracked_groups = {"official": ("official_text",), "explanation": ("note",)}

    class Meta:
        ordering = ["article", "position"]
        constraints = [models.UniqueConstraint(fields=["article", "label"], name="unique_paragraph_label")]
        verbose_name = _("paragraph")
        verbose_name_plural = _("paragraphs")

    def __str__(self):
        return f"{self.article} ¶{self.label}"

    @property
    def anchor(self):
        return f"p-{self.label}"

    def glossary_edition_id(self):
        return Article.objects.values_list("edition_id", flat=True).filter(pk=self.article_id).first()

    @property
    def is_subparagraph(self):
        return "-" in self.label


class Role(models.TextChoices):
    """Who a right or duty concerns, in each edition's own terms: the draft speaks of owners, the law
    in force of owners and possessors. An edition uses the roles its records name."""

    USER = "user", _("AI system user")
    DECIDED_ABOUT = "decided_about", _("A person an AI system decides about")
    OWNER = "owner", _("AI system owner")
    OWNER_POSSESSOR = "owner_possessor", _("Owner or possessor of an AI system")
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

    key = models.SlugField(help_text=_("Stable identifier within the edition, used by the question flow."))
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="rights_and_duties", editable=False)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="rights_and_duties")
    paragraph = models.ForeignKey(
        Paragraph, on_delete=models.SET_NULL, null=True, blank=True, related_name="rights_and_duties"
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    applies_if = models.CharField(_("applies if"), max_length=200, blank=True)
    text = models.TextField(_("text"), blank=True)
    position = models.PositiveIntegerField(default=0)

    required_texts = ("text",)
    tracked_groups = {"explanation": ("text",)}

    objects = RightOrDutyQuerySet.as_manager()

    class Meta:
        ordering = ["article__position", "position"]
        constraints = [models.UniqueConstraint(fields=["edition", "key"], name="unique_right_or_duty_key")]
        verbose_name = _("right or duty")
        verbose_name_plural = _("rights and duties")

    def __str__(self):
        return self.key

    def clean(self):
        super().clean()
        errors = broken_rules(self)  # e.g. the question flow's (checker/record_rules.py)
        if errors:
            raise ValidationError(errors)

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


class GlossaryTerm(EditableContent):
    """A term as one edition uses it: editions may define the same term differently."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="terms")
    slug = models.SlugField(help_text=_("Stable identifier within the edition, the anchor on the glossary page."))
    name = models.CharField(_("term"), max_length=200, blank=True)
    definition = models.TextField(_("definition (Markdown)"), blank=True)
    definition_html = models.TextField(editable=False, blank=True)
    article = models.ForeignKey(Article, on_delete=models.SET_NULL, null=True, blank=True, related_name="terms")
    position = models.PositiveIntegerField(default=0)

    markdown_fields = {"definition": "definition_html"}
    required_texts = ("name", "definition")
    tracked_groups = {"explanation": ("name", "definition")}

    class Meta:
        ordering = ["edition", "position", "slug"]
        constraints = [models.UniqueConstraint(fields=["edition", "slug"], name="unique_term_slug")]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def __str__(self):
        return self.name_kk or self.slug

    def get_absolute_url(self):
        return reverse("law:edition_glossary", kwargs={"edition": self.edition.slug}) + f"#{self.slug}"


class Page(EditableContent):
    """A free-standing page written as content: the home page text, the Committee regulation."""

    slug = models.SlugField(unique=True)
    title = models.CharField(_("title"), max_length=300, blank=True)
    body = models.TextField(_("body (Markdown)"), blank=True)
    body_html = models.TextField(editable=False, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PUBLISHED)
    last_checked = models.DateField(_("last checked"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    markdown_fields = {"body": "body_html"}
    required_texts = ("title", "body")
    tracked_groups = {"explanation": ("title", "body")}

    class Meta:
        ordering = ["slug"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self):
        return self.slug


class ContentLoad(models.Model):
    """A record of each `load_content`: what the files and the database looked like right after it.

    Comparing these hashes with the present ones tells whether the files changed, the database was
    edited in the admin since, or both, so that a load never silently overwrites an editor's work.
    """

    files_hash = models.CharField(max_length=64)
    db_hash = models.CharField(max_length=64)
    loaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-loaded_at", "-id"]
        get_latest_by = "loaded_at"

    def __str__(self):
        return f"{self.loaded_at:%Y-%m-%d %H:%M} {self.files_hash[:12]}"


class SiteState(models.Model):
    """One row: a number that grows whenever content changes, and when it last did (for caching)."""

    version = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("site state")

    def __str__(self):
        return f"content version {self.version}"

    @classmethod
    def current(cls) -> SiteState:
        state = cls.objects.filter(pk=1).first()
        if state is None:
            state, _created = cls.objects.get_or_create(pk=1)
        return state

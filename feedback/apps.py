"""'Is this page useful?': a visitor's yes or no, and an optional comment, on an article or a result."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = _("Feedback")

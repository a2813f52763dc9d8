"""/<lang>/ai-law/draft-to-law/ (before law's /ai-law/<edition>/, which the slug would also match)."""

from django.urls import path

from . import views

urlpatterns = [path("ai-law/draft-to-law/", views.draft_to_law, name="draft_to_law")]

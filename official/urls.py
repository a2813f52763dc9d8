"""/<lang>/ai-law/<edition>/official-changes/: every change to an edition's official text. Included
before law's URLs, whose /ai-law/<edition>/ patterns come after it."""

from django.urls import path

from . import views

app_name = "official"
urlpatterns = [
    path("ai-law/<slug:edition>/official-changes/", views.changes, name="changes"),
]

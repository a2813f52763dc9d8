"""/<lang>/ai-law/draft-to-law/ and the cross-edition compare view; included before law's URLs, whose
/ai-law/<edition>/ patterns would also match them."""

from django.urls import path

from . import views

urlpatterns = [
    path("ai-law/draft-to-law/", views.draft_to_law, name="draft_to_law"),
    # The article's compare page: across editions with ?editions=, else law's languages side by side.
    path("ai-law/<slug:edition>/article-<str:number>/compare/", views.article_compare, name="article_compare"),
]

"""Open-data addresses, outside the language prefix: /data/v1/… (a contract, like the pages' URLs)."""

from django.urls import path, re_path

from . import views

app_name = "opendata"
urlpatterns = [
    path("v1/editions/", views.editions, name="editions"),
    path("v1/editions/<slug:slug>.json", views.edition, name="edition"),
    path("v1/editions/<slug:slug>/flow.json", views.flow, name="flow"),
    path("v1/schema/<slug:name>.json", views.schema, name="schema"),
    re_path(r"^(?P<rest>.*)$", views.not_found, name="not_found"),
]

"""URLs of "Is this page useful?" (under the language prefix: /<lang>/feedback/)."""

from django.urls import path

from . import views

app_name = "feedback"
urlpatterns = [
    path("", views.ask, name="ask"),
    path("thanks/", views.thanks, name="thanks"),
]

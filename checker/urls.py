"""URLs of the question flow: /<lang>/check/, /<lang>/check/<question>/, /<lang>/check/result/."""

from django.urls import path

from . import views

app_name = "checker"
urlpatterns = [
    path("", views.start, name="start"),
    path("result/", views.result, name="result"),
    path("result/print/", views.result_print, name="result_print"),
    path("<slug:name>/", views.question, name="question"),
]

"""URLs of the question flows: /<lang>/check/… (the law in force) and /<lang>/ai-law/<edition>/check/…,
and the "Bans and fines" sheet built from the law in force's flow (sheet.py)."""

from django.urls import path

from . import sheet, views

app_name = "checker"
urlpatterns = [
    path("liability/bans-and-fines/", sheet.bans_and_fines, name="bans_and_fines"),
    path("check/", views.start, name="start"),
    path("check/result/", views.result, name="result"),
    path("check/result/print/", views.result_print, name="result_print"),
    path("check/r/", views.result_code, {"code": ""}, name="code_form"),
    path("check/r/<str:code>/", views.result_code, name="code"),
    path("check/<slug:name>/", views.question, name="question"),
    path("ai-law/<slug:edition>/check/", views.start, name="edition_start"),
    path("ai-law/<slug:edition>/check/result/", views.result, name="edition_result"),
    path("ai-law/<slug:edition>/check/result/print/", views.result_print, name="edition_result_print"),
    path("ai-law/<slug:edition>/check/r/", views.result_code, {"code": ""}, name="edition_code_form"),
    path("ai-law/<slug:edition>/check/r/<str:code>/", views.result_code, name="edition_code"),
    path("ai-law/<slug:edition>/check/<slug:name>/", views.question, name="edition_question"),
]

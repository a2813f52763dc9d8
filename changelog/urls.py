from django.urls import path

from . import views

app_name = "changelog"
urlpatterns = [
    path("", views.change_log, name="log"),
    path("feed.atom", views.ChangeFeed(), name="feed"),
]

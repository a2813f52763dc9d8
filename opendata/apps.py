"""Open data: the editions as JSON documents (no models of its own)."""

from django.apps import AppConfig


class OpendataConfig(AppConfig):
    name = "opendata"
    verbose_name = "Open data"

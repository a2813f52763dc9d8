"""The few places the project depends on private internals of Django and django-reversion, each in
one module per library, named after the version it was written against (requirements.txt pins
them). `tests/test_compat.py` checks that the pinned versions are the ones named here and that
each internal still exists and has the shape this code expects: after an upgrade, that test says
what to re-check, instead of unrelated failures elsewhere."""

"""A count of the content records a request reads from the database (issue #41's measure)."""

from editorial.models import EditableContent


def built_instances(monkeypatch) -> dict:
    """From now on, counted["n"] is the number of content records built from database rows."""
    counted = {"n": 0}
    original = EditableContent.from_db.__func__

    def counting(cls, db, field_names, values):
        counted["n"] += 1
        return original(cls, db, field_names, values)

    monkeypatch.setattr(EditableContent, "from_db", classmethod(counting))
    return counted

"""Rules that other apps add to the validation of law's records, without law importing those apps.

The question flow (checker) chooses rights and duties by their `applies_if` and names some by key:
it adds a rule here so that an edit that would make the flow lose a record is refused in the model,
and so in the admin too. A rule takes the record and returns {field name: [messages]}.
"""

from __future__ import annotations

from collections.abc import Callable

Rule = Callable[[object], dict[str, list[str]]]
_rules: list[Rule] = []


def add_rule(rule: Rule) -> None:
    if rule not in _rules:
        _rules.append(rule)


def broken_rules(record) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for rule in _rules:
        for name, messages in rule(record).items():
            errors.setdefault(name, []).extend(messages)
    return errors

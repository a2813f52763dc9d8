"""An edition's question flow: content/ai-law/<edition>/check/ ⇄ its Flow and FlowText records.

    flow.toml              the declaration: questions, values, when each is asked, roles (engine.py)
    kk.toml ru.toml en.toml  the words, by dotted keys (Flow.text_keys() lists them)

One of an edition's sub-folders (content_io.folders), so a new edition gets a flow by content alone.
"""

from __future__ import annotations

import re
from pathlib import Path

from checker.engine import CONDITION_RE, Flow
from editorial.languages import LANGUAGE_CODES, text_in
from law.models import Role

from .export import toml_text
from .reader import Reader

NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
# In the order flow.toml writes them: a database may keep JSON keys in another order (PostgreSQL does).
QUESTION_FIELDS = ("name", "values", "multiple", "exclusive", "asked_if", "role", "explained")
DECLARATION_FIELDS = (
    "code_prefix",
    "banned_stop",
    "consequence",
    "deadlines",
    "role_order",
    "merged",
    "offences",
    "questions",
    "actions",
    "fines",
)
OFFENCE_FIELDS = ("key", "role", "applies_if")
ACTION_FIELDS = ("key", "role", "applies_if", "cites", "deadline")
KEY_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
PREFIX_RE = re.compile(r"^[a-z]+$")
FINES_FIELDS = ("question", "unit_value", "unit_year", "first", "repeated")


def in_written_order(declaration: dict) -> dict:
    """The declaration with its keys in flow.toml's order, however the database returned them."""
    ordered = {key: declaration[key] for key in DECLARATION_FIELDS if key in declaration}
    ordered["questions"] = [
        {key: question[key] for key in QUESTION_FIELDS if key in question}
        for question in declaration.get("questions", [])
    ]
    if "offences" in declaration:
        ordered["offences"] = [{k: o[k] for k in OFFENCE_FIELDS if k in o} for o in declaration["offences"]]
    if "actions" in declaration:
        ordered["actions"] = [{k: a[k] for k in ACTION_FIELDS if k in a} for a in declaration["actions"]]
    if "fines" in declaration:
        fines = declaration["fines"]
        values = next((q["values"] for q in ordered["questions"] if q["name"] == fines.get("question")), [])
        ordered["fines"] = {k: fines[k] for k in FINES_FIELDS if k in fines}
        for table in ("first", "repeated"):
            if table in fines:
                ordered["fines"][table] = {v: fines[table][v] for v in values if v in fines[table]}
    return ordered


def flatten(table: dict, prefix: str = "") -> dict[str, object]:
    flat = {}
    for key, value in table.items():
        full = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{full}."))
        else:
            flat[full] = value
    return flat


def nest(flat: dict[str, str]) -> dict:
    tree: dict = {}
    for key, value in flat.items():
        node = tree
        *parents, last = key.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    return tree


def check_declaration(reader: Reader, source, data: dict, record_keys: set[str]) -> dict | None:
    """The flow's structure, validated: every error names flow.toml and the line."""
    errors_before = len(reader.errors)
    for key in data:
        if key not in DECLARATION_FIELDS:
            reader.error(source, f"unknown field '{key}' (expected: {', '.join(DECLARATION_FIELDS)})", key)
    questions = data.get("questions", [])
    if not isinstance(questions, list) or not questions:
        reader.error(source, "a flow needs at least one [[questions]] entry", "questions")
        return None
    seen: dict[str, tuple] = {}
    roles = {r.value for r in Role}
    for raw in questions:
        if not isinstance(raw, dict):
            reader.error(source, "each [[questions]] entry must be a table", "questions")
            continue
        for key in raw:
            if key not in QUESTION_FIELDS:
                reader.error(source, f"unknown field '{key}' in a question", "questions", key)
        name = raw.get("name", "")
        values = raw.get("values", [])
        if not isinstance(name, str) or not NAME_RE.match(name):
            reader.error(source, f"question name {name!r} must be lower case letters, digits and _", "questions")
            continue
        if name in seen:
            reader.error(source, f"question '{name}' is declared twice", "questions", "name")
        if (
            not isinstance(values, list)
            or not values
            or not all(isinstance(v, str) and NAME_RE.match(v) for v in values)
        ):
            reader.error(source, f"question '{name}': values must be a list of names like 'not_sure'", "questions")
            values = []
        if raw.get("exclusive") and raw["exclusive"] not in values:
            reader.error(source, f"question '{name}': exclusive '{raw['exclusive']}' is not one of its values")
        if raw.get("role") and raw["role"] not in roles:
            reader.error(source, f"question '{name}': role '{raw['role']}' is not a role ({', '.join(sorted(roles))})")
        conditions = raw.get("asked_if", [])
        if not isinstance(conditions, list):
            reader.error(source, f"question '{name}': asked_if must be a list like [\"provides_ai=yes\"]")
            conditions = []
        for condition in conditions:
            match = CONDITION_RE.match(condition) if isinstance(condition, str) else None
            earlier = seen.get(match["name"]) if match else None
            if earlier is None or not set(match["values"].split("|")) <= set(earlier):
                reason = f"question '{name}': asked_if '{condition}' must name an earlier question and its values"
                reader.error(source, reason)
        seen[name] = tuple(values)
    consequence = data.get("consequence", "")
    if consequence and consequence not in record_keys:
        reader.error(source, f"consequence '{consequence}' is not a right or duty of this edition", "consequence")
    deadlines = data.get("deadlines", [])
    if not isinstance(deadlines, list) or not all(d in record_keys for d in deadlines if isinstance(d, str)):
        reader.error(source, "deadlines must list rights or duties of this edition by key", "deadlines")
    check_offences(reader, source, data.get("offences", []), seen, roles)
    check_summary(reader, source, data, seen, roles, record_keys)
    check_fines(reader, source, data.get("fines"), seen)
    return None if len(reader.errors) > errors_before else data


def check_summary(reader: Reader, source, data: dict, seen: dict, roles: set, record_keys: set[str]) -> None:
    """The result summary's declaration: role order, first actions, merged lines, code prefix."""
    prefix = data.get("code_prefix", "")
    if not isinstance(prefix, str) or (prefix and not PREFIX_RE.match(prefix)):
        reader.error(source, "code_prefix must be lower case letters, like 'k'", "code_prefix")
    if not isinstance(data.get("banned_stop", False), bool):
        reader.error(source, "banned_stop must be true or false", "banned_stop")
    order = data.get("role_order", [])
    if not isinstance(order, list) or not all(role in roles for role in order):
        reader.error(source, f"role_order must list roles ({', '.join(sorted(roles))})", "role_order")
    merged = data.get("merged", [])
    if not isinstance(merged, list) or not all(
        isinstance(group, list) and len(group) > 1 and all(k in record_keys for k in group) for group in merged
    ):
        reader.error(source, "merged must list groups of two or more rights or duties by key", "merged")
    actions = data.get("actions", [])
    if not isinstance(actions, list):
        reader.error(source, "actions must be [[actions]] entries", "actions")
        return
    keys = set()
    for action in actions:
        if not isinstance(action, dict) or set(action) - set(ACTION_FIELDS):
            reader.error(source, f"each action may have only {', '.join(ACTION_FIELDS)}", "actions")
            continue
        key = action.get("key", "")
        if not isinstance(key, str) or not KEY_RE.match(key) or key in keys:
            reader.error(source, f"action key {key!r} must be unique, lower case words joined by '-'", "actions")
        keys.add(key)
        if action.get("role") not in roles:
            reader.error(source, f"action '{key}': role '{action.get('role')}' is not a role", "actions")
        check_condition(reader, source, action.get("applies_if", ""), seen, f"action '{key}'")
        cites = action.get("cites", [])
        if not isinstance(cites, list) or not cites or not all(c in record_keys for c in cites):
            reader.error(source, f"action '{key}': cites must list the rights or duties it rests on", "actions")
        if not isinstance(action.get("deadline", False), bool):
            reader.error(source, f"action '{key}': deadline must be true or false", "actions")


def check_condition(reader: Reader, source, condition, seen: dict, where: str) -> None:
    match = CONDITION_RE.match(condition) if isinstance(condition, str) else None
    if condition and (
        match is None or match["name"] not in seen or not set(match["values"].split("|")) <= set(seen[match["name"]])
    ):
        reader.error(source, f"{where}: '{condition}' must name a question and its values, like 'risk=high'")


def check_offences(reader: Reader, source, offences, seen: dict, roles: set) -> None:
    if not isinstance(offences, list):
        reader.error(source, "offences must be [[offences]] entries", "offences")
        return
    for offence in offences:
        if (
            not isinstance(offence, dict)
            or set(offence) - set(OFFENCE_FIELDS)
            or not NAME_RE.match(str(offence.get("key", "")))
        ):
            reader.error(
                source,
                f"each offence needs a key (a name like 'labelling') and a role, and only {', '.join(OFFENCE_FIELDS)}",
                "offences",
            )
            continue
        if offence.get("role") not in roles:
            reader.error(source, f"offence '{offence['key']}': role '{offence.get('role')}' is not a role", "offences")
        check_condition(reader, source, offence.get("applies_if", ""), seen, f"offence '{offence['key']}'")


def check_fines(reader: Reader, source, fines, seen: dict) -> None:
    if fines is None:
        return
    if not isinstance(fines, dict) or set(fines) - set(FINES_FIELDS) or fines.get("question") not in seen:
        reader.error(
            source, f"[fines] needs question (an earlier question) and only {', '.join(FINES_FIELDS)}", "fines"
        )
        return
    values = set(seen[fines["question"]]) - {"not_sure"}
    for table in ("first", "repeated"):
        amounts = fines.get(table)
        if (
            not isinstance(amounts, dict)
            or set(amounts) != values
            or not all(isinstance(v, int) for v in amounts.values())
        ):
            reader.error(
                source,
                f"[fines.{table}] must give a whole number for each answer: {', '.join(sorted(values))}",
                "fines",
                table,
            )
    for name in ("unit_value", "unit_year"):
        if not isinstance(fines.get(name, 0), int):
            reader.error(source, f"fines.{name} must be a whole number", "fines", name)


class FlowFolder:
    def parse(self, reader: Reader, folder: Path, edition):
        allowed = {"flow.toml", *(f"{lang}.toml" for lang in LANGUAGE_CODES)}
        for item in sorted(folder.iterdir()):
            if item.name not in allowed:
                reader.error(item, f"unexpected file (allowed here: {', '.join(sorted(allowed))})")
        source = reader.read(folder / "flow.toml")
        if source is None:
            return None
        record_keys = {item["key"] for a in edition.articles for item in a.meta["rights_and_duties"]}
        declaration = check_declaration(reader, source, source.data, record_keys)
        if declaration is None:
            return None
        questions = {q["name"]: q["values"] for q in declaration["questions"]}
        for article in edition.articles:
            for item in article.meta["rights_and_duties"]:
                # A record whose condition names no question would be shown to no one, silently.
                where = f"article {article.number}, right or duty '{item['key']}'"
                check_condition(reader, source, item["applies_if"], questions, where)
        known = set(Flow.from_declaration(declaration).text_keys())
        texts = {}
        for lang in LANGUAGE_CODES:
            words = reader.read(folder / f"{lang}.toml")
            if words is None:
                continue
            values = {}
            for key, value in flatten(words.data).items():
                parts = key.split(".")
                if key not in known:
                    reader.error(words, f"unknown key '{key}'", *parts)
                elif not isinstance(value, str):
                    reader.error(words, f"'{key}' must be text", *parts)
                else:
                    values[key] = value.strip()
            texts[lang] = values
        return {"declaration": declaration, "texts": texts}

    def apply(self, edition, data) -> None:
        from checker.models import FlowDeclaration, FlowText

        if data is None:
            FlowDeclaration.objects.filter(edition=edition).delete()
            FlowText.objects.filter(edition=edition).delete()
            return
        FlowDeclaration.objects.update_or_create(edition=edition, defaults={"declaration": data["declaration"]})
        keys = Flow.from_declaration(data["declaration"]).text_keys()
        for key in keys:
            values = {f"text_{lang}": data["texts"].get(lang, {}).get(key, "") for lang in LANGUAGE_CODES}
            FlowText.objects.update_or_create(edition=edition, key=key, defaults=values)
        FlowText.objects.filter(edition=edition).exclude(key__in=keys).delete()

    def export(self, edition) -> dict[str, str]:
        from checker.models import FlowDeclaration, FlowText

        declared = FlowDeclaration.objects.filter(edition=edition).first()
        if declared is None:
            return {}
        files = {"flow.toml": toml_text(in_written_order(declared.declaration))}
        stored = {t.key: t for t in FlowText.objects.filter(edition=edition)}
        keys = declared.flow().text_keys()
        for lang in LANGUAGE_CODES:
            flat = {key: text_in(stored[key], "text", lang) if key in stored else "" for key in keys}
            files[f"{lang}.toml"] = toml_text(nest(flat))
        return files

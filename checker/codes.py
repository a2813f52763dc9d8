"""A result's short, typeable code: one character per question (a few for a multiple choice).

For a single choice the character is the answer's position among the question's values, counted from 1
in base 36 ("0" means not asked). A multiple choice is a bit mask over its values, in base 36, with a
fixed width. Trailing zeros are dropped, so a visitor with no system questions gets a 5-letter code.
Codes read the same in upper or lower case, and hyphens and spaces are ignored, so they can be typed
from paper. A code is tied to its flow's declaration: it is read by the same flow that wrote it. A
flow may declare a prefix (`code_prefix`, a letter): its codes start with it, and a code without it,
written before the flow's questions changed, is refused rather than read as other answers.
"""

from __future__ import annotations

import math
import re
import string

from .engine import Flow, Question

DIGITS = string.digits + string.ascii_lowercase
GROUP = 4  # characters between hyphens when a code is shown
MAX_CODE_LENGTH = 80


def width(question: Question) -> int:
    if not question.multiple:
        return 1
    return max(1, math.ceil(len(question.values) * math.log(2) / math.log(36)))


def to_base36(number: int, digits: int) -> str:
    text = ""
    for _ in range(digits):
        number, remainder = divmod(number, 36)
        text = DIGITS[remainder] + text
    return text


def encode(flow: Flow, answers: dict) -> str:
    """The code of a complete set of answers, e.g. '1312-2221-2' (as shown: grouped with hyphens)."""
    parts = []
    for question in flow.questions:
        given = answers.get(question.name)
        if given is None:
            parts.append("0" * width(question))
        elif question.multiple:
            mask = sum(1 << question.values.index(v) for v in given)
            parts.append(to_base36(mask, width(question)))
        else:
            parts.append(DIGITS[question.values.index(given) + 1])
    code = flow.code_prefix + ("".join(parts).rstrip("0") or "0")
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def decode(flow: Flow, code: str) -> list[tuple[str, str]] | None:
    """The (question, value) pairs of a code, or None when it is not a code of this flow."""
    text = re.sub(r"[\s\-]", "", code or "").lower()
    prefix = flow.code_prefix.lower()
    if not text.startswith(prefix):
        return None
    text = text[len(prefix) :]
    total = sum(width(q) for q in flow.questions)
    if not text or len(text) > min(total, MAX_CODE_LENGTH) or any(c not in DIGITS for c in text):
        return None
    text = text.ljust(total, "0")
    pairs, at = [], 0
    for question in flow.questions:
        chunk = text[at : at + width(question)]
        at += width(question)
        number = int(chunk, 36)
        if number == 0:
            continue
        if question.multiple:
            if number >= 1 << len(question.values):
                return None
            pairs += [(question.name, v) for i, v in enumerate(question.values) if number & (1 << i)]
        elif number > len(question.values):
            return None
        else:
            pairs.append((question.name, question.values[number - 1]))
    return pairs

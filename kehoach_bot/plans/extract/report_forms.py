"""The fields of a report's form as reporting regulations write them ("Đối tượng thực hiện báo
cáo: …", "Cơ quan nhận báo cáo: …"): who reports and who receives, for the duties beside them.

Every function is pure; names come back as written (NFC).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from kehoach_bot.plans.extract.phrases import fold_same_length
from kehoach_bot.plans.extract.unit_lists import AGENCY, find_via, split_units

# "3. Đối tượng thực hiện báo cáo: Ủy ban nhân dân cấp tỉnh.", "b) Đơn vị gửi báo cáo: …"
_FIELD_MARK = r"^\W*(?:[a-zđ]\)\s*|\d{1,2}[.)]\s*|[-+–•]\s*)?"
_REPORTER = re.compile(
    _FIELD_MARK + r"(?:doi tuong|don vi|co quan)\s+(?:thuc hien|lap|gui)\s+bao cao\s*:\s*"
)
# "4. Cơ quan nhận báo cáo: Ủy ban nhân dân tỉnh (qua Sở Nội vụ)."
_RECEIVER = re.compile(_FIELD_MARK + r"(?:co quan|don vi|noi)\s+(?:tiep\s+)?nhan\s+bao cao\s*:\s*")
# A statistics form's header copied from its boxes glues one field to the next and may put a
# value on the line below: "Đơn vị báo cáo:" / "UBND xã ….Đơn vị nhận báo cáo:" / "UBND huyện
# (Phòng Tư pháp)Đơn vị tính: Trường hợp".
_GLUED_RECEIVER = re.compile(r"(?<=[^\w\s])\s*don vi nhan bao cao\s*:\s*")
_NEXT_FIELD = re.compile(r"don vi (?:tinh|bao cao)\s*:")
_A_UNIT = re.compile(rf"(?:{AGENCY})\b")


@dataclass(frozen=True, slots=True)
class FormFields:
    """Who reports, who receives and through whom, as a report's form states them."""

    responsible: tuple[str, ...] = ()
    recipient: str | None = None
    via: str | None = None


def form_fields(sentences: Iterable[str]) -> FormFields:
    """The first reporter and receiver fields among these sentences; empty when none is written."""
    responsible: tuple[str, ...] = ()
    recipient: str | None = None
    via: str | None = None
    texts = [unicodedata.normalize("NFC", sentence) for sentence in sentences]
    for at, text in enumerate(texts):
        folded = fold_same_length(text)
        if (field := _REPORTER.match(folded)) and not responsible:
            responsible = tuple(split_units(text[field.end() :].strip(" .;")))
        elif (
            field := _RECEIVER.match(folded) or _GLUED_RECEIVER.search(folded)
        ) and recipient is None:
            value = _field_value(text[field.end() :])
            # "Đơn vị báo cáo: | Đơn vị nhận báo cáo:" over a row of their values: which value
            # is whose the cells alone do not say
            stacked = at > 0 and texts[at - 1].rstrip().endswith(":") and field.start() == 0
            if not value and not stacked and at + 1 < len(texts):
                below = _field_value(texts[at + 1])
                # only a unit's name: not another field ("Kỳ báo cáo: …") nor a sentence
                if ":" not in below and _A_UNIT.match(fold_same_length(below)):
                    value = below
            names = split_units(value.split("(")[0].strip(" .;"))
            recipient = names[0] if names else None
            via = find_via(value)
    return FormFields(responsible, recipient, via)


def _field_value(text: str) -> str:
    """A field's value up to the next field glued to it."""
    end = _NEXT_FIELD.search(fold_same_length(text))
    return (text[: end.start()] if end else text).strip(" .;…")

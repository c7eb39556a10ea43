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
from kehoach_bot.plans.extract.unit_lists import find_via, split_units

# "3. Đối tượng thực hiện báo cáo: Ủy ban nhân dân cấp tỉnh.", "b) Đơn vị gửi báo cáo: …"
_FIELD_MARK = r"^\W*(?:[a-zđ]\)\s*|\d{1,2}[.)]\s*|[-+–•]\s*)?"
_REPORTER = re.compile(
    _FIELD_MARK + r"(?:doi tuong|don vi|co quan)\s+(?:thuc hien|lap|gui)\s+bao cao\s*:\s*"
)
# "4. Cơ quan nhận báo cáo: Ủy ban nhân dân tỉnh (qua Sở Nội vụ)."
_RECEIVER = re.compile(_FIELD_MARK + r"(?:co quan|don vi|noi)\s+(?:tiep\s+)?nhan\s+bao cao\s*:\s*")


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
    for sentence in sentences:
        text = unicodedata.normalize("NFC", sentence)
        folded = fold_same_length(text)
        if (field := _REPORTER.match(folded)) and not responsible:
            responsible = tuple(split_units(text[field.end() :].strip(" .;")))
        elif (field := _RECEIVER.match(folded)) and recipient is None:
            value = text[field.end() :]
            names = split_units(value.split("(")[0].strip(" .;"))
            recipient = names[0] if names else None
            via = find_via(value)
    return FormFields(responsible, recipient, via)

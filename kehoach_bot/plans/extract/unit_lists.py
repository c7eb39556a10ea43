"""Units in a plan's sentences: lists with shared prefixes, who must report (responsible), to whom
(recipient) and through which office ("qua" / "thông qua": the via office).

Every function reads ONE sentence and is pure; names come back as written (NFC). A channel
("qua Hệ thống thông tin báo cáo", "qua hộp thư điện tử", "trên Hệ thống…") is not an office.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kehoach_bot.domain.deadlines import Wording
from kehoach_bot.plans.extract.phrases import (
    find_deadlines,
    fold_same_length,
    is_distribution_line,
)
from kehoach_bot.plans.extract.sentences import AT_ONCE
from kehoach_bot.texts import extract_vi as t

# Words a unit's name starts with (accent-free, lower-case).
# "Sở …", not "sơ kết", "sơ bộ" nor a "số liệu", "số lượng", "sổ sách" (all fold to "so")
_SO = r"so(?! ket| bo\b| lieu| luong| sach| tien| hieu| ke toan| thu tu| ra\b)"
AGENCY = (
    # "Phòng …", not "về phòng, chống mại dâm" (to prevent)
    _SO
    + r"|phong(?!,?\s+(?:chong|ngua|chay|tranh)\b)|ban|bo(?! sung\b)|cuc|chi cuc|uy ban|ubnd|hdnd"
    r"|hoi dong|van phong|thi uy|tinh uy"
    r"|huyen uy|thanh uy|quan uy|dang uy|dang bo|mat tran|uy ban mttq|mttq|bao hiem|bhxh"
    r"|cong an|bo chi huy|btv|bch|tieu ban|ldld|ngan hang|trung tam"
    r"|truong(?! hop)|benh vien|kho bac|cuc thue|chi nhanh|dai|tinh doan|huyen doan"
    r"|thi doan|doan thanh nien|lien doan|hoi|toa an|vien kiem sat|thanh tra|nganh|chinh quyen"
    # "Quỹ …", not the "quý I" of "Báo cáo quý I" (both fold to "quy")
    r"|quy(?!\s+(?:i|ii|iii|iv|[1-4]|nay|sau|truoc|toi|cuoi|dau|tiep theo|gui|va|nam|hoac)\b"
    r"|\s*(?:[:;,.)]|$))"
    r"|cap uy|ban thuong vu|thuong truc|chu tich|giam doc|thu truong|lanh dao|bi thu|cac"
    r"|cap co tham quyen|co quan|chinh phu|thu tuong|tong cuc|vu"
)
_AGENCY_START = re.compile(rf"^(?:{AGENCY})\b")
# A head noun whose enumerations share it: "Sở Y tế, Xây dựng" → Sở Xây dựng.
# Head nouns as they are written, by their folded form: "bản dấu đỏ" is no "Ban", "bổ sung" no
# "Bộ", "đại diện" no "Đài".
_HEADS = {
    "so": "Sở",
    "phong": "Phòng",
    "bo": "Bộ",
    "ban": "Ban",
    "cuc": "Cục",
    "hoi": "Hội",
    "dai": "Đài",
    "vu": "Vụ",
}
_SHARED_HEADS = {fold: _HEADS[fold] for fold in ("so", "phong", "bo", "ban", "cuc")}
# Words that continue a group after a comma: "Các sở, ban, ngành", "UBND các xã, thị trấn".
_CONTINUES_GROUP = re.compile(
    rf"^(?:{_SO}|ban|nganh|phong|co quan|don vi|dia phuong|doan the|to chuc|huyen|thi xa|thanh pho"
    r"|xa|phuong|thi tran|quan|giup viec|hoi|doanh nghiep)\b"
)
_PERSON_TITLE = re.compile(
    r"^(?:dong chi\s+)?(?:thu truong|giam doc|chu tich|pho chu tich|truong|bi thu|pho bi thu"
    r"|lanh dao|nguoi dung dau)\s+(?=\S)"
)
_VAGUE = re.compile(
    r"^(?:cac|nhung)\s+(?:(?:co quan|don vi|dia phuong|to chuc|doanh nghiep|nganh|cap|ca nhan)"
    r"(?:\s*,\s*|\s+|\s+va\s+)?)+(?:(?:co\s+)?lien quan|khac)?\s*$"
    r"|\blien quan\s*$|^cac (?:nganh|cap),?"
)


@dataclass(frozen=True, slots=True)
class UnitMention:
    """A unit or a group of units as the text names it."""

    name: str
    is_group: bool = False
    warning: str | None = None  # a group no directory can expand: an admin names its units


# The head noun before a colon, after a title ("Giám đốc các Sở: Y tế, Xây dựng")
_HEAD_BEFORE_COLON = re.compile(
    r"(?:(?:giam doc|thu truong|chu tich|lanh dao)\s+)?(?:cac\s+)?(\w+)"
)
# … and the group words that may follow it ("Các Sở, ngành, đơn vị: Y tế, …")
_GROUP_GOES_ON = re.compile(r"(?:\s*,\s*(?:nganh|don vi|ban|co quan|dia phuong|doan the))*\s*")


def units_in(text: str) -> list[UnitMention]:
    """The units of an enumeration, shared prefixes given back to each, groups kept whole."""
    text = _squash(text)
    folded = fold_same_length(text)
    head_prefix: str | None = None
    if ":" in text:
        head, _, rest = text.partition(":")
        head_folded = fold_same_length(head.strip())
        head_word = _HEAD_BEFORE_COLON.match(head_folded)
        if head_word and head_word.group(1) in _SHARED_HEADS:
            if _GROUP_GOES_ON.fullmatch(head_folded, head_word.end()):  # "Các Sở: Y tế, Xây dựng"
                head_prefix = _SHARED_HEADS[head_word.group(1)]
                text = rest
            elif _AGENCY_START.match(fold_same_length(rest.strip())):  # "Sở Y tế: các bệnh viện"
                text = rest
            else:  # "Bộ KHCN: Thời hạn gửi báo cáo …": the unit named, then what it says
                text = head
            folded = fold_same_length(text)
    out: list[UnitMention] = []
    previous_head: str | None = head_prefix
    for piece in _pieces(text, folded):
        piece_folded = fold_same_length(piece)
        # "Trưởng phòng …" is a person's title, "Trường Tiểu học …" a school (both fold alike)
        titled = not piece.lstrip().lower().startswith("trường")
        bare = _PERSON_TITLE.sub("", piece_folded) if titled else piece_folded
        name = piece[len(piece_folded) - len(bare) :].strip()
        bare_folded = fold_same_length(name)
        # "Các Bộ: Công an, Quốc phòng": under a written head a department's name takes it
        department = head_prefix is not None and bool(_DEPARTMENT.match(bare_folded))
        if previous_head and (department or not _AGENCY_START.match(bare_folded)):
            name = f"{previous_head} {name}"
            bare_folded = fold_same_length(name)
        elif head_prefix is None:
            first = bare_folded.split(" ", 1)[0]
            previous_head = _SHARED_HEADS.get(first)
        for one in _departments(name, bare_folded):
            one_folded = fold_same_length(one)
            group = one_folded.startswith("cac ") or " cac " in one_folded
            vague = bool(_VAGUE.search(one_folded))
            out.append(
                UnitMention(
                    one,
                    group or vague or _is_group_word(one_folded),
                    t.VAGUE_GROUP.format(name=one) if vague else None,
                )
            )
    return out


# The names of departments (sở, bộ, phòng, ban) a shared head goes with, and the names of one
# department that hold "và" ("Sở Kế hoạch và Đầu tư"): "Sở Xây dựng và Tài chính" is two.
_DEPARTMENT = re.compile(
    r"(?:y te|tai chinh|xay dung|noi vu|tu phap|cong thuong|ngoai vu|ngoai giao|giao thong"
    r"|ke hoach|tai nguyen|giao duc|khoa hoc|thong tin|lao dong|van hoa|nong nghiep|dan toc"
    r"|du lich|cong an|quoc phong|kinh te|tuyen giao|dan van|to chuc|noi chinh)\b"
)
_ONE_NAME_WITH_VA = re.compile(
    r"(?:ke hoach|tai nguyen|nong nghiep|thuong binh|giao duc|khoa hoc|thong tin|the thao"
    r"|van hoa|dan toc|ha tang|kinh te|tuyen giao)\s+va\s+(?:dau tu|moi truong|phat trien"
    r"|xa hoi|dao tao|cong nghe|truyen thong|du lich|the thao|thong tin|ton giao|do thi|ha tang"
    r"|dan van)\b"
)


def _departments(name: str, folded: str) -> list[str]:
    """A shared head's name that joins two departments with "và", as two names."""
    if folded.split(" ", 1)[0] not in _SHARED_HEADS:
        return [name]
    head = name.split(" ", 1)[0]  # as written
    joints = [m.span() for m in _ONE_NAME_WITH_VA.finditer(folded)]
    out: list[str] = []
    begin = 0
    for match in re.finditer(r"\s+va\s+", folded):
        joint = any(a < match.start() < b for a, b in joints)
        if not joint and _DEPARTMENT.match(folded, match.end()):
            out.append(name[begin : match.start()])
            begin = match.end()
    if not out:
        return [name]
    return [out[0], *(f"{head} {rest}" for rest in [*out[1:], name[begin:]])]


def split_units(text: str) -> list[str]:
    """The unit names of an enumeration: "Các Sở: Y tế, Xây dựng" → ["Sở Y tế", "Sở Xây dựng"]."""
    return [mention.name for mention in units_in(text)]


def _is_group_word(folded: str) -> bool:
    return bool(re.match(r"^(?:so, ban, nganh|chinh quyen|cap uy|cac cap)\b", folded))


def _squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).strip(" .;,…")


def _pieces(text: str, folded: str) -> list[str]:
    """Split at ";" always, at "," unless it continues a group, at " và " before a new unit."""
    pieces: list[str] = []
    for part_start, part_end in _spans(folded, ";"):
        current: list[tuple[int, int]] = []
        for start, end in _spans(folded, ",", part_start, part_end):
            chunk = folded[start:end].strip()
            previous = folded[current[-1][0] : current[-1][1]].strip() if current else ""
            continues = (
                bool(current)
                and bool(_CONTINUES_GROUP.match(chunk))
                and _open_group(folded, current)
            )
            joined = bool(previous) and (
                _comma_name(previous, chunk)
                or bool(_JOINED_BODY.match(chunk) and _JOINT_OFFICE.fullmatch(previous))
            )
            if current and (continues or joined or re.match(r"giup viec\b", chunk)):
                current[-1] = (current[-1][0], end)
            else:
                current.append((start, end))
        for start, end in current:
            pieces.extend(_split_and(text, folded, start, end))
    return [p for p in (p.strip(" .,;") for p in pieces) if p]


def _open_group(folded: str, current: list[tuple[int, int]]) -> bool:
    start, end = current[-1]
    chunk = folded[start:end].strip()
    return bool(re.search(r"\bcac\b|^(?:(?:so|ban|nganh|phong|co quan|don vi),?\s*)+$", chunk))


def _spans(
    folded: str, separator: str, start: int = 0, end: int | None = None
) -> list[tuple[int, int]]:
    end = len(folded) if end is None else end
    out: list[tuple[int, int]] = []
    depth, begin = 0, start
    for i in range(start, end):
        char = folded[i]
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == separator and depth == 0:
            out.append((begin, i))
            begin = i + 1
    out.append((begin, end))
    return out


# Names written with a comma: "Sở Văn hóa, Thể thao và Du lịch", "Phòng Kinh tế, Hạ tầng và Đô
# thị", "Phòng Văn hóa, Khoa học và Thông tin".
_COMMA_NAME = (
    (re.compile(r"\bvan hoa\s*$"), re.compile(r"(?:the thao|khoa hoc|thong tin)\b")),
    (re.compile(r"\bkinh te\s*$"), re.compile(r"ha tang\b")),
    # "Ban Chỉ đạo phòng, chống tham nhũng", "Phòng Công chức, viên chức", "các chi, đảng bộ"
    (re.compile(r"\bphong\s*$"), re.compile(r"chong\b")),
    (re.compile(r"\btham nhung\s*$"), re.compile(r"tieu cuc\b")),
    (re.compile(r"\bcong chuc\s*$"), re.compile(r"vien chuc\b")),
    (re.compile(r"\bcac chi\s*$"), re.compile(r"dang bo\b")),
    # "Vụ Quản lý thuế Doanh nghiệp nhỏ và vừa và Hộ kinh doanh, cá nhân"
    (re.compile(r"\bho kinh doanh\s*$"), re.compile(r"ca nhan\b")),
)


def _comma_name(before: str, chunk: str) -> bool:
    return any(end.search(before) and go_on.match(chunk) for end, go_on in _COMMA_NAME)


# One office serving several bodies: "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh".
_JOINT_OFFICE = re.compile(r"van phong\s+(?:doan dbqh|doan dai bieu|hdnd|hoi dong nhan dan)\b")
_JOINED_BODY = re.compile(r"(?:hdnd|hoi dong nhan dan|ubnd|uy ban nhan dan)\b")


def _split_and(text: str, folded: str, start: int, end: int) -> list[str]:
    # Names hold "và" ("Lao động - Thương binh và Xã hội"): split only before a new unit's name.
    out: list[str] = []
    begin = start
    joint = bool(_JOINT_OFFICE.match(folded[start:end].strip()))
    for match in re.finditer(r"\s+va\s+", folded[start:end]):
        after = folded[start + match.end() : end]
        if joint and _JOINED_BODY.match(after):
            continue
        if _AGENCY_START.match(after) and not after.startswith(("nganh", "hoi ")):
            out.append(text[begin : start + match.start()])
            begin = start + match.end()
    out.append(text[begin:end])
    return out


# --- recipient, via, responsible -------------------------------------------------------------

_NAME_STOP = re.compile(
    r"\s*(?:\(|\bde\b(?!\s+(?:xuat|nghi|an))|\btruoc\b|\bcham nhat\b|\btheo\b|\btrong\b"
    # "về Sở Nội vụ không muộn hơn ngày …", "… từ nay đến hết ngày …", "về Sở Y tế xong trước …"
    r"|\bkhong\s+(?:muon|cham)\s+hon\b|\btu nay\b|\bden\s+(?:het\s+)?ngay\b|\bxong\b"
    # "đúng quy định", not the "dựng" of "Sở Xây dựng" (both fold to "dung").
    r"|\bdung\s+(?:quy dinh|thoi gian|thoi han|han|tien do|yeu cau)\b"
    r"|\bdinh ky\b|\b(?:hang|moi) (?:nam|quy|thang|tuan|ngay)\b|\btong hop\b"
    r"|(?<!ban )\bchi dao\b|\bxem xet\b"
    r"|(?<!\bban )(?<!co quan )\bto chuc\b"
    r"|\bbao cao\b|\bde xuat\b|\bso ket\b|\bthong qua\b|\bqua\b|\bkip thoi\b|\bbiet\b"
    r"|\bthuc hien\b|\bgiai quyet\b|\bxu ly\b|\bphe duyet\b|\bxin\b|\btren\b"
    # the work the unit is advised to do: "tham mưu UBND huyện triển khai Kế hoạch"
    r"|\btrien khai\b|\bbo tri\b|\bban hanh\b|\bdon doc\b|\bphan bo\b"
    r"|\btiep tuc\b|\bra soat\b|\bkhan truong\b|\bchu dong\b|\bchu tri\b|\bphoi hop\b"
    r"|(?<!ban )\bhuong dan\b"
    # "gửi Sở Y tế TPHCM đề nghị làm rõ …", "Sở X là đơn vị thường trực": the name has ended
    r"|\bde nghi\b|\bla\s+(?:don vi|co quan|dau moi)\b"
    r"|\bvao\s+(?:ngay|truoc|cuoi|dau|thu)\b|\btien do\b"
    # "báo cáo về Sở khi kết thúc năm học", "Sở sẽ tổng hợp": a time or a mood, not a name
    r"|\bkhi\b|\bneu\b|\bse\b(?!\s+san\b)|\b(?:ngay\s+)?sau\s+khi\b"
    r"|\bngay\s+sau\b|\bdoi voi\b"
    # "báo cáo Tổng cục Thuế về kết quả …": the topic, not the name ("Trung tâm Dịch vụ việc làm")
    r"|\bve\s+viec\b|(?:\bve\s+)?(?:\bket qua\b|\btinh hinh\b)|\bve\s+noi dung\b"
    # "báo cáo UBND thành phố việc triển khai …": the work reported on
    r"|(?<!giup )\bviec\b(?!\s+lam\b)"
    # "gửi về Bộ VHTTDL số 51 đường Ngô Quyền": its street address
    r"|\bso\s+\d+\w*\s+(?:duong|pho|ngo|hem)\b"
    r"|\bso lieu\b|(?<!duyet )\bdanh sach\b|(?<!tham )\bnhung\b|\bbang\s+van ban\b"
    r"|\bthi\b(?!\s+(?:uy|xa|tran|doan|truong)\b)|[.;:)…+]|$)"
)
# "đồng thời gửi X" sends a copy: the report goes first to the office the sentence reports to.
# "giao cho Phòng …" gives the work to that office, "thông báo cho các cơ sở … báo cáo" tells
# them to report: neither sends it there.
_SEND = re.compile(r"(?<!dong thoi )\b(?:gui|ve|(?<!giao )(?<!thong bao )cho|den|nop|toi|len)\s+")
_ADVISE = re.compile(r"\btham muu\s+")
_REPORT = re.compile(
    # "báo cáo kết quả với Chủ tịch UBND tỉnh", "báo cáo ngay với UBND quận"
    r"\bbao cao(?:\s+ket qua|\s+ngay)?\s+voi\s+"
    # "kiến nghị với Tổng cục Thuế để tổng hợp, báo cáo …"; not "kiến nghị với các Bộ tháo gỡ
    # khó khăn và báo cáo UBND tỉnh", where the report goes on to its own office
    r"|\b(?:kien nghi|de xuat|phan anh)\s+voi\s+"
    r"(?![^.;]*(?:\bva|(?<!tong hop),)\s+(?:tong hop,?\s+)?bao cao\b)"
    r"|\b(?:bao cao(?:\s+ngay)?|de xuat|phan anh|(?<!to )trinh|xin y kien)"
    r"(?:,?\s+(?:va\s+)?(?:kien nghi|de nghi))?\s+"
)
# A letter's date after its number: "ngày 3/11/2025", ", ngày 03 tháng 11 năm 2025", "(ngày 3/11)"
LETTER_DATE = (
    r",?\s+\(?ngay\s+\d{1,2}(?:\s*[/.\-]\s*\d{1,2}(?:\s*[/.\-]\s*\d{2,4})?|\s+thang\s+\d{1,2})"
    r"(?:\s+nam\s+\d{4})?\)?"
)
# "Bộ đã có Công văn số 3129/BTNMT-TNN gửi UBND các tỉnh": the address of a letter, no request.
LETTER_SENT = re.compile(
    # "(theo yêu cầu) tại văn bản số 419/TTg, gửi Bộ …": the document cited, not the one sent
    r"(?<!\btai )(?<!\btheo )"
    r"\b(?:cong van|van ban|thong bao|cong dien|to trinh)\s+(?:so\s+)?\d+[\w/.\-]*"
    # "Công văn số 3615/VPUBND-VX về việc kiểm tra sự việc Báo nêu, gửi UBND thành phố …"
    # "… về việc kiểm tra trụ sở, đề nghị các Cục … gửi báo cáo": the subject ends at the request
    rf"(?:{LETTER_DATE})?"
    r"(?:\s+(?:ve viec|v/v)\b(?:(?!,\s*(?:de nghi|yeu cau)\b)[^.;]){0,150}?)?,?\s+$"
)
# A letter told as news without its number ("Cục … đã có công văn khẩn gửi đến Sở Y tế đề nghị
# …"); after a request ("đề nghị các đơn vị có văn bản gửi Sở") the same words send a report.
_LETTER = r"(?:cong van|van ban|thong bao|cong dien|thu)(?:\s+(?:khan|hoa toc))?"
LETTER_TOLD = rf"\b(?:co|ban hanh)\s+{_LETTER}"
# "Sở Công Thương vừa gửi công văn tới …": a letter sent, told
_LETTER_SENT_TOLD = rf"\b(?:da|vua)\s+gui\s+{_LETTER}"
_LETTER_TOLD_BEFORE = re.compile(rf"(?:{LETTER_TOLD}(?:\s+gui)?|{_LETTER_SENT_TOLD})\s+$")
# Words that ask someone to act: "đề nghị", "yêu cầu", "giao", "chỉ đạo".
REQUEST = re.compile(r"\b(?:de nghi|yeu cau|giao|chi dao)\b")
# … of them the two no unit's name holds ("Ban Chỉ đạo", "Sở Giao thông" hold the others)
ASKING = re.compile(r"\b(?:de nghi|yeu cau)\b")
# "gửi công văn tới …": the "gửi" sends a letter
SENDS_A_LETTER = re.compile(rf"gui\s+{_LETTER}\b")
# "(thông qua đầu mối Vụ …)": the office named after its role
_VIA = re.compile(r"\b(?:thong qua|qua)\s+(?:(?:don vi\s+)?dau moi\s+(?:la\s+)?)?")
_CHANNEL = re.compile(
    r"^(?:he thong|hop thu|thu dien tu|email|e-mail|phan mem|cong thong tin|cong dich vu|trang"
    r"|mang|van ban|buu dien|buu chinh|fax|zalo|duong|truc|ung dung|nen tang|dia chi)\b"
)
_CHANNEL_ON = re.compile(
    r"\b(?:qua|thong qua|tren)\s+(?:he thong|hop thu|thu dien tu|phan mem|cong|trang|truc"
    r"|ung dung|nen tang|email)\b[^,;.()]*"
)


# "Uỷ ban kiểm tra gửi Quyết định, Kế hoạch đến các đơn vị …; yêu cầu … gửi báo cáo về …": the
# first clause addresses the sender's papers, the report goes where the request says.
_SENT_THEN_ASKED = re.compile(r"[^;]*\bgui\b[^;]*;\s*(?=(?:de nghi|yeu cau)\b)")


def find_recipients(sentence: str) -> list[str]:
    """Every unit the sentence sends its report to, the likeliest first.

    "gửi/về/cho X" first, then "tham mưu X" (the unit advised receives the work), then a bare
    "báo cáo/đề xuất X"; "Nơi nhận" lines name no duty."""
    text = unicodedata.normalize("NFC", sentence)
    if is_distribution_line(text):
        return []
    folded = fold_same_length(text)
    sent = _SENT_THEN_ASKED.match(folded)
    gatherer = _gatherer(text, folded)
    end = gatherer[0] if gatherer else len(folded)
    contents = [m.span() for m in _CONTENTS.finditer(folded)]
    for marker in (_SEND, _ADVISE, _REPORT):
        for match in marker.finditer(folded, sent.end() if sent else 0, end):
            if marker is _SEND and _letter_addressed(folded[: match.start()], text[match.end() :]):
                continue  # "Công văn số 12/UBND gửi các huyện": the letter's addressees
            if any(start < match.start() < stop for start, stop in contents):
                continue
            names = _names_at(text, folded, match.end())
            if names:
                return names
    return gatherer[1] if gatherer else []


# What a report holds, in brackets ("(gồm … số tiền hỗ trợ đã cấp cho các hộ gia đình …)"):
# its figures, not where it goes
_CONTENTS = re.compile(r"\((?:bao\s+)?gom\b(?![^()]*\bgui\b)[^()]*\)")


# "… báo cáo kết quả để Bộ Tư pháp tổng hợp gửi Bộ Lao động …": the office that gathers the
# reports receives them; where it sends them on is its own report.
_FOR_GATHERING = re.compile(r"\bde\s+(?=[^.;]{3,120}?\s(?:theo doi,?\s+)?tong hop\b)")
_SENT_BEFORE = re.compile(r"\b(?:bao cao|gui|nop)\b")


def _gatherer(text: str, folded: str) -> tuple[int, list[str]] | None:
    """Where "để X tổng hợp" begins and X's names, when the report is sent before it ("Các Sở báo
    cáo kết quả để Sở Nội vụ tổng hợp"), not asked after it ("Để Văn phòng tổng hợp, đề nghị …
    gửi báo cáo về Sở …", "… phối hợp để Sở Tài chính tổng hợp, báo cáo UBND tỉnh")."""
    for match in _FOR_GATHERING.finditer(folded):
        if not _SENT_BEFORE.search(folded, 0, match.start()):
            continue
        stop = _NAME_STOP.search(folded, match.end() + 1)
        if stop and re.match(r"\s*(?:theo doi|tong hop)\b", folded[stop.start() :]):
            names = _names_at(text, folded, match.end())
            if names:
                return match.start(), names
    return None


def _letter_addressed(before: str, after: str) -> bool:
    """Whether a "gửi" after these words addresses a letter rather than sends a report; a letter
    due by a day ("có văn bản gửi Sở Xây dựng trước ngày 30/11") is the report asked for."""
    if LETTER_SENT.search(before):
        return True
    told = _LETTER_TOLD_BEFORE.search(before) and not REQUEST.search(before)
    clause = re.split(r";|\.(?!\d)", after, maxsplit=1)[0]
    due = next((m for m in find_deadlines(clause) if m.wording in _DUE_WORDING), None)
    # "… gửi Sở Y tế đề nghị … báo cáo về Bộ trước ngày 24/3": the day is the request's
    asked = due is not None and re.search(
        rf"{REQUEST.pattern}|\bbao cao\b", fold_same_length(clause[: due.start])
    )
    return bool(told) and (due is None or bool(asked))


_DUE_WORDING = (Wording.BEFORE, Wording.NO_LATER_THAN)


def find_recipient(sentence: str) -> str | None:
    """The unit the sentence sends its report to ("gửi Sở Y tế", "về UBND tỉnh"), or None."""
    names = find_recipients(sentence)
    return names[0] if names else None


def find_via(sentence: str) -> str | None:
    """The office a report passes through: "(qua Văn phòng Thị ủy)", "thông qua Sở LĐTBXH".

    Only inside brackets or right after the recipient's name; a channel is not an office."""
    text = unicodedata.normalize("NFC", sentence)
    if is_distribution_line(text):
        return None
    folded = fold_same_length(text)
    recipients = find_recipients(text)
    for match in _VIA.finditer(folded):
        after = folded[match.end() :]
        if _CHANNEL.match(after) or not _AGENCY_START.match(after):
            continue
        bracketed = re.search(r"\(\s*$", folded[: match.start()])
        right_after = any(
            re.search(rf"{re.escape(fold_same_length(name))}\s*,?\s*$", folded[: match.start()])
            for name in recipients
        )
        if bracketed or right_after:
            names = _names_at(text, folded, match.end())
            if names:
                return names[0]
    return None


def find_channel(sentence: str) -> str | None:
    """The channel a report is sent on ("qua Hệ thống thông tin báo cáo"): noted, not an office."""
    text = unicodedata.normalize("NFC", sentence)
    match = _CHANNEL_ON.search(fold_same_length(text))
    return text[match.start() : match.end()].strip() if match else None


_SUBJECT_MARKER = re.compile(r"\b(?:giao|de nghi|yeu cau|chi dao)(?:\s+cho)?\s+")
# read with its accents: "Ban Tôn giáo", "Ban Chỉ đạo" report themselves
_ASKING_END = re.compile(r"(?<!ban )\b(?:giao|đề nghị|yêu cầu|chỉ đạo)(?:\s+cho)?\s*$")
_VERB = re.compile(
    r"\b(?:can cu|to chuc|xay dung|bao cao|bao ngay|gui|dinh ky|chu dong|thuc hien|trien khai"
    r"|co trach nhiem|chiu trach nhiem|phoi hop|lap|kip thoi|chu tri|tham muu|lanh dao|khan truong"
    r"|theo doi|huong dan|tang cuong|day manh|nghien cuu|quan tam|tiep tuc|danh gia|tong hop"
    r"|de xuat|phan anh|hang nam|hang quy|hang thang|nop|thuong xuyen|duoc giao|nghiem tuc"
    r"|ra soat|tuyen truyen|day nhanh|cap nhat|xac minh|quan triet|chuan bi"
    r"|hoan (?:thanh|thien|tat)|ban hanh|bao dam|dam bao|kiem tra|cung cap|co van ban)\b"
)
# A time word opening the sentence ("Hằng tháng, các xã báo cáo …") comes before its subject.
_OPENING_TIME = re.compile(r"dinh ky|hang (?:nam|quy|thang)")
# The time a sentence opens with, without a comma before its subject
_LEADING_TIME = re.compile(
    r"\s*(?:(?:dinh ky|(?:hang|moi)\s+(?:nam|quy|thang|tuan)|\d+\s+thang|va|hoac)[\s,]+)+"
)
# Words of time or mood between a subject and its verb: "Sở sẽ tổng hợp", "các xã cũng cần …".
_MOOD_AFTER = re.compile(r"(?:\s+(?:se|da|dang|cung|deu|can|phai|con))+\s*$")
# "các đơn vị khi phát hiện biến động phải báo cáo": the condition is no part of the subject (read
# with its accents: "Đài Khí tượng", "nêu trên")
_CONDITION = re.compile(r"\s+(?:khi|nếu|trong trường hợp)\s")
# "UBND huyện Lắk có báo cáo": "có" is the subject's verb, read with its accent ("hữu cơ")
_HAS = re.compile(r"\s+có$")
# Verb-looking words inside a unit's name: "cơ quan tham mưu", "Ban Chỉ đạo", "các tổ chức".
_NAME_WORD_BEFORE = re.compile(r"(?:\bcac|\bco quan|\bban|\bva|\bso|\bbo|[,:])\s+$")
# "các phòng, ban báo cáo …", "các Sở gửi …": no "Ban Báo cáo" exists, only its "báo cáo viên";
# after a plural head any verb ("các Sở nghiêm túc thực hiện …"), but "Ban Thực hiện Quy chế dân
# chủ", "Ban Phối hợp liên ngành" are names
_REPORTS_AFTER_HEAD = re.compile(
    r"\b(?:ban|so|bo)\s+(?:bao cao|gui|nop)$"
    r"|\bcac\s+(?:chi\s+)?(?:ban|so|bo)\s+(?:thuc hien|trien khai|nghiem tuc|khan truong"
    r"|chu dong|tiep tuc|phoi hop|co trach nhiem|chiu trach nhiem|kip thoi|dinh ky"
    r"|hang (?:nam|quy|thang))$"
)


# "Bộ Y tế vừa có công văn gửi Sở Y tế các tỉnh yêu cầu báo cáo …": the letter's addressees are
# asked, when the request names no one else
ADDRESSEES_ASKED = re.compile(
    rf"(?:{LETTER_TOLD}|{_LETTER_SENT_TOLD})(?:\s+so\s+\S+(?:{LETTER_DATE})?)?,?\s+(?:gui\s+)?"
    # "số 1536/UBND-TH" folds like "Sở"; the letter's subject ("về việc …") is no addressee
    rf"(?:(?:den|toi|cho)\s+)?(?P<to>(?!so\s+\d)(?:{AGENCY})\b"
    r"(?:(?!\s(?:ve viec|v/v)\b)[^.;:]){0,100}?)"
    r"(?:,?\s+(?:ve viec|v/v)\b[^.;]{0,150}?)?,?\s+(?:de nghi|yeu cau)\s+"
    # … asked to report, not for support ("đề nghị hỗ trợ kinh phí, báo cáo thiệt hại") nor to
    # appraise a report ("đề nghị thẩm định báo cáo đánh giá tác động môi trường")
    r"(?=(?:(?:khan truong|kip thoi|chu dong|tiep tuc|nghiem tuc)\s+)?"
    r"(?:(?:ra soat|tong hop|thong ke|kiem tra|danh gia|cap nhat|theo doi)(?:,\s*|\s+va\s+))*"
    r"(?:gui\s+)?bao cao\b)"
)


def find_responsible(sentence: str) -> list[str]:
    """The units the sentence asks to act or report (its subject), as written, lists split."""
    text = unicodedata.normalize("NFC", sentence)
    if is_distribution_line(text):
        return []
    folded = fold_same_length(text)
    lowered = text.lower()
    addressed = ADDRESSEES_ASKED.search(folded)
    if addressed and not _AGENCY_START.match(folded[addressed.end() :]):
        return [m.name for m in units_in(text[addressed.start("to") : addressed.end("to")])]
    for verb in _VERB.finditer(folded, _asked_from(folded)):
        if verb.group() == "bao ngay" and not AT_ONCE.match(lowered, verb.start()):
            continue  # "đảm bảo ngay", "cảnh báo ngay", "báo cáo ngày 15/3"
        if _NAME_WORD_BEFORE.search(folded[max(0, verb.start() - 10) : verb.start()]) and not (
            _REPORTS_AFTER_HEAD.search(folded, max(0, verb.start() - 13), verb.end())
            and not folded.startswith(" vien", verb.end())
        ):
            continue
        bullet = _BULLET.match(folded)
        begin = bullet.end() if bullet else 0
        leading = _LEADING_TIME.match(folded, begin)
        if leading and _AGENCY_START.match(folded[leading.end() :]):
            begin = leading.end()  # "Định kỳ hằng năm Bộ Tài chính báo cáo …"
        for marker in _SUBJECT_MARKER.finditer(folded, 0, verb.start()):
            if _AGENCY_START.match(folded[marker.end() :]):
                begin = marker.end()
        colon = folded.rfind(":", begin, verb.start())
        start = _subject_start(folded, begin, verb.start(), colon)
        mood = _MOOD_AFTER.search(folded, start, verb.start())
        subject = _HAS.sub("", text[start : mood.start() if mood else verb.start()].strip(" ,;"))
        if condition := _CONDITION.search(subject.lower()):
            subject = subject[: condition.start()]
        if _ASKING_END.search(lowered, start, verb.start()):
            return []  # "Thủ tướng yêu cầu báo cáo …": who asks, the units asked unnamed
        if subject:
            return [m.name for m in units_in(subject)]
        if _OPENING_CASE.match(folded, begin, verb.start()):
            # "Trường hợp qua tự kiểm tra …, Thủ trưởng các đơn vị báo cáo …": a verb of the
            # case; its subject comes after it, or is the section's
            continue
        if not folded[begin : verb.start()].strip(" ,;:-–"):
            if _OPENING_TIME.fullmatch(verb.group()):
                continue
            return []  # the sentence opens with its verb: its subject is the section's unit
    return []


# A sentence that opens with its case names no unit before its verb
_OPENING_CASE = re.compile(r"\W*(?:(?:trong\s+)?truong hop|neu|khi)\b[^,;:]*$")
# "+ Ủy ban nhân dân quận, huyện tổng hợp, báo cáo …": an item's mark is not part of its subject
_BULLET = re.compile(r"\s*[+\-–•*·]\s+")
_REPORTING_WORD = re.compile(r"\b(?:bao cao|gui|nop)\b")
_DOCUMENT = re.compile(r"\b(?:cong van|van ban|cong dien|thong bao|chi thi|ke hoach|quyet dinh)\b")
# "Bộ có công văn (số 12/BYT) gửi UBND các tỉnh yêu cầu Sở Y tế báo cáo": that "gửi" sends the
# letter
LETTER_BEFORE = re.compile(
    rf"{_DOCUMENT.pattern}(?:\s+(?:khan|hoa toc))?(?:\s+so\s+\S+(?:{LETTER_DATE})?)?\s+$"
)


def _asked_from(folded: str) -> int:
    """Where the units asked begin when a document's request follows its sender's verb ("UBND
    tỉnh ban hành Công văn … yêu cầu các sở rà soát, báo cáo …": the sở report); else 0."""
    report = next(
        (
            m
            for m in _REPORTING_WORD.finditer(folded)
            if not (m.group() == "gui" and LETTER_BEFORE.search(folded, 0, m.start()))
        ),
        None,
    )
    asked = [
        m.end()
        for m in _SUBJECT_MARKER.finditer(folded, 0, report.start() if report else len(folded))
        if _AGENCY_START.match(folded[m.end() :])
    ]
    if not asked or not _DOCUMENT.search(folded, 0, asked[-1]):
        return 0
    first = _VERB.search(folded, 0, asked[-1])
    return asked[-1] if first is not None else 0


def _subject_start(folded: str, begin: int, end: int, colon: int) -> int:
    """Walk back from the verb over pieces that look like units; stop at the first that does not."""
    if colon > begin:
        head = folded[begin:colon]
        last_start = _spans(head, ";")[-1][0] + begin
        if _AGENCY_START.match(folded[last_start:colon].strip()):
            return last_start
    pieces: list[tuple[int, int]] = []  # "Ban Chỉ huy phòng, chống thiên tai" is one name
    for a, b in _separators(folded[begin:end]):
        a, b = begin + a, begin + b
        if pieces and _comma_name(folded[pieces[-1][0] : pieces[-1][1]], folded[a:b].strip()):
            pieces[-1] = (pieces[-1][0], b)
        else:
            pieces.append((a, b))
    start = end
    for a, b in reversed(pieces):
        chunk = folded[a:b].strip()
        if not chunk:
            continue
        if _AGENCY_START.match(chunk) or _CONTINUES_GROUP.match(chunk) or chunk in ("chinh quyen",):
            start = a
        else:
            break
    return start


def _separators(folded: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    begin = 0
    for match in re.finditer(r"[,;:]", folded):
        out.append((begin, match.start()))
        begin = match.end()
    out.append((begin, len(folded)))
    return out


def _written_otherwise(word: str, folded: str) -> bool:
    """Whether a head noun's word carries other accents than the head's ("bản" for "Ban"); a
    text typed without accents ("gui ve So Noi vu") keeps its heads."""
    head = _HEADS.get(folded)
    return head is not None and word.lower() != folded and word.lower() != head.lower()


def _names_at(text: str, folded: str, at: int) -> list[str]:
    """The unit names written from `at` to the first word that ends a name, or [] when none."""
    rest = folded[at:]
    head = re.match(r"\w+", rest)
    if head and _written_otherwise(text[at : at + head.end()], head.group()):
        return []
    if not _AGENCY_START.match(rest) or re.match(
        r"cac\s+(?:noi dung|van de|chi tieu|ket qua|thong tin|so lieu|hoat dong|truong hop"
        r"|kien nghi|y kien)\b|bo sung\b",
        rest,
    ):
        return []
    stop = _NAME_STOP.search(rest, 1)
    end = at + (stop.start() if stop else len(rest))
    written = text[at:end].strip(" ,")
    return split_units(written) if written else []

"""Vietnamese words said about a plan's file while it is read: refusals and notes for the admin."""

from __future__ import annotations

TOO_BIG = "Tệp quá lớn ({size} MB): chỉ nhận tệp đến {limit} MB. Hãy gửi bản Word (.docx) hoặc PDF nhỏ hơn, hoặc dán phần chữ của kế hoạch."
EMPTY = "Tệp trống, không có nội dung. Hãy gửi bản Word (.docx), PDF hoặc văn bản thuần (.txt) của kế hoạch."
NO_TEXT = "Tệp không có chữ nào đọc được. Hãy gửi bản Word (.docx), PDF có chữ hoặc văn bản thuần (.txt) của kế hoạch."
BINARY = "Tệp này không phải văn bản đọc được (có vẻ là dữ liệu nhị phân). Hãy gửi bản Word (.docx), PDF hoặc văn bản thuần (.txt)."
NOT_DOCX = "Tệp mang đuôi .docx nhưng không phải tệp Word .docx ({actual}). Hãy mở bằng Word, chọn «Lưu thành» kiểu .docx rồi gửi lại, hoặc gửi bản PDF."
NOT_PDF = "Tệp mang đuôi .pdf nhưng không phải tệp PDF ({actual}). Hãy xuất lại ra PDF rồi gửi, hoặc gửi bản Word (.docx)."
OLD_WORD = "Đây là tệp Word đời cũ (.doc), chưa đọc được. Hãy mở bằng Word, chọn «Lưu thành» kiểu .docx rồi gửi lại, hoặc gửi bản PDF."
RTF = "Đây là tệp RTF, chưa đọc được. Hãy mở bằng Word, chọn «Lưu thành» kiểu .docx rồi gửi lại, hoặc gửi bản PDF."
OTHER_ZIP = "Tệp nén này không phải văn bản Word .docx (có thể là Excel, ODT hoặc tệp nén thường). Hãy gửi bản Word (.docx) hoặc PDF của kế hoạch."
IMAGE = "Đây là tệp ảnh, chưa đọc được. Hãy gửi bản Word (.docx), hoặc PDF (bản quét cũng được)."
BROKEN_DOCX = "Tệp Word bị hỏng hoặc không mở được. Hãy mở bằng Word, lưu lại thành .docx rồi gửi lại, hoặc gửi bản PDF."
TOO_UNPACKED = "Tệp Word giải nén ra quá lớn (trên {limit} MB), không đọc. Hãy lưu lại bản gọn hơn (bỏ ảnh) hoặc gửi bản PDF."
BROKEN_PDF = (
    "Tệp PDF bị hỏng hoặc không mở được. Hãy xuất lại ra PDF rồi gửi, hoặc gửi bản Word (.docx)."
)
ENCRYPTED_PDF = (
    "Tệp PDF có mật khẩu, không mở được. Hãy gửi bản không đặt mật khẩu, hoặc bản Word (.docx)."
)
NO_OCR = "Tệp PDF này là bản quét (chỉ có ảnh, không có chữ) mà máy chủ chưa có công cụ nhận dạng chữ: {missing}. Quản trị máy chủ hãy cài gói tesseract-ocr và tesseract-ocr-vie (Debian) rồi gửi lại, hoặc gửi bản Word/PDF có chữ."
OCR_MISSING_TESSERACT = "chưa cài tesseract"
OCR_MISSING_VIE = "tesseract chưa có bộ chữ tiếng Việt (vie)"
OCR_MISSING_PDFTOPPM = "chưa cài pdftoppm (gói poppler-utils)"
OCR_TOO_MANY_PAGES = "Bản quét dài {pages} trang, quá {limit} trang có thể nhận dạng chữ một lần. Hãy gửi bản Word/PDF có chữ, hoặc tách phần «Tổ chức thực hiện» thành tệp riêng."
OCR_TIMEOUT = (
    "Nhận dạng chữ bản quét quá lâu (trên {seconds} giây), đã dừng. Hãy gửi bản Word/PDF có chữ."
)
OCR_FAILED = "Không nhận dạng được chữ trong bản quét. Hãy gửi bản Word/PDF có chữ."

NOTE_OCR = (
    "Văn bản được đọc bằng OCR (nhận dạng chữ từ bản quét), hãy soát lại từng con số và tên đơn vị."
)
NOTE_OCR_PAGES = "Các trang {pages} là ảnh quét, được đọc bằng OCR: hãy soát lại."
NOTE_IMAGE_PAGES = (
    "Các trang {pages} là ảnh quét, chưa đọc được chữ ({missing}): hãy soát phần đó bằng mắt."
)
NOTE_LEGACY_TXT = "Văn bản gõ bằng bảng mã cũ {encoding}, đã chuyển sang Unicode: hãy soát lại dấu."
NOTE_LEGACY_DOCX = (
    "Có đoạn gõ bằng phông chữ cũ ({fonts}), đã chuyển sang Unicode: hãy soát lại dấu."
)
OCR_OFF = "nhận dạng chữ đang tắt"

# What a file turned out to be, when its name says otherwise: "(thực ra là …)".
ACTUAL_KIND = {
    "pdf": "thực ra là tệp PDF",
    "zip": "thực ra là một tệp nén",
    "ole": "thực ra là tệp Word .doc đời cũ hoặc Excel .xls",
    "rtf": "thực ra là tệp RTF",
    "image": "thực ra là một tệp ảnh",
    "text": "thực ra là văn bản thuần hoặc dữ liệu không rõ kiểu",
}

# Install what the OCR of scanned plans needs (Tesseract with its Vietnamese model, and pdftoppm),
# so the OCR test runs instead of being skipped. Source this file: `. .ci/ocr.sh`.

if ! command -v tesseract >/dev/null || ! command -v pdftoppm >/dev/null \
  || ! tesseract --list-langs 2>/dev/null | grep -qx vie; then
  echo "OCR chưa đủ: cài gói Debian tesseract-ocr tesseract-ocr-vie poppler-utils…"
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-vie \
      poppler-utils >/dev/null
  else
    sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-vie \
      poppler-utils >/dev/null
  fi
fi

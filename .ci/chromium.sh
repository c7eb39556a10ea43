# Install Debian's chromium and chromium-driver for the board's browser tests when missing.
# Source this file: `. .ci/chromium.sh`. The tests drive them headless on 127.0.0.1 only.

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  echo "Chromium chưa có: cài gói Debian chromium và chromium-driver…"
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi

"""Logging set up once: our INFO lines, and httpx kept at WARNING since it logs request URLs,
which contain the bot token."""

from __future__ import annotations

import logging

QUIET = ("httpx", "httpcore", "apscheduler", "telegram.ext.Updater")


def configure_logging(level: int = logging.INFO) -> None:
    """Configure the root logger and silence libraries that would leak the token."""
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for name in QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)

"""Draft a new Alembic revision from model changes: `python -m kehoach_bot.db.revision MSG`."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from kehoach_bot.db import migrate
from kehoach_bot.db.engine import make_engine

FILE_TEMPLATE = "%%(year)d_%%(month).2d_%%(day).2d_%%(rev)s_%%(slug)s"


def main(argv: list[str]) -> int:
    """Compare the models with a scratch database at head and write the difference."""
    if len(argv) != 1 or not argv[0].strip():
        sys.stderr.write('Cách dùng: python -m kehoach_bot.db.revision "mô tả thay đổi"\n')
        return 2
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'scratch.db'}")
        migrate.upgrade(engine)
        config = migrate.alembic_config(engine)
        config.set_main_option("file_template", FILE_TEMPLATE)
        command.revision(config, message=argv[0], autogenerate=True)
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

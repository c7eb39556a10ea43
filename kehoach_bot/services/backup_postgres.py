"""PostgreSQL in a backup: pg_dump from the snapshot the rows are counted in, pg_restore in one go.

The tools are found on PATH or under /usr/lib/postgresql/*/bin; the password goes by environment.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from kehoach_bot.services.backup_database import BackupFailed, census
from kehoach_bot.services.backup_manifest import Manifest
from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.texts import vi

PG_BIN_GLOB = "/usr/lib/postgresql/*/bin"
PG_LOCK_TIMEOUT = "30s"  # pg_restore gives up (and rolls back) rather than wait behind a writer


def dump_postgres(engine: Engine, dump: Path) -> tuple[str, dict[str, int]]:
    """pg_dump the engine's database into `dump`; the revision and row counts of that snapshot."""
    pg_dump = find_pg_tool("pg_dump")
    if pg_dump is None:
        raise BackupFailed(vi.PG_DUMP_MISSING)
    with engine.connect() as conn:
        conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            # pg_dump reads the very snapshot in which the rows are counted.
            snapshot = conn.execute(text("SELECT pg_export_snapshot()")).scalar_one()
            revision, counts = census(conn)
            _run_pg_tool(
                [pg_dump, "--format=custom", f"--snapshot={snapshot}", f"--file={dump}"],
                engine,
            )
    return revision, counts


def restore_postgres(dump: Path, manifest: Manifest, engine: Engine) -> None:
    """pg_restore a dump over the engine's database, refused while others are connected."""
    pg_restore = find_pg_tool("pg_restore")
    if pg_restore is None:
        raise BackupFailed(vi.PG_RESTORE_MISSING)
    with engine.connect() as conn:
        others = conn.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                " AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
            )
        ).scalar_one()
        # pg_restore --clean drops only what the dump holds: a newer schema's tables would stay.
        extra = sorted(set(inspect(conn).get_table_names()) - set(manifest.row_counts))
    engine.dispose()
    url = engine.url.render_as_string(hide_password=True)
    if others:
        raise InvalidInput(vi.RESTORE_PG_IN_USE.format(path=url, count=others))
    if extra:
        raise InvalidInput(vi.RESTORE_PG_EXTRA_TABLES.format(path=url, tables=", ".join(extra)))
    _run_pg_tool(
        [
            pg_restore,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            str(dump),
        ],
        engine,
    )


def find_pg_tool(name: str) -> str | None:
    """pg_dump or pg_restore: on PATH, else the newest under /usr/lib/postgresql/*/bin."""
    found = shutil.which(name)
    if found:
        return found
    candidates = [c for c in glob.glob(f"{PG_BIN_GLOB}/{name}") if os.access(c, os.X_OK)]
    return max(candidates, key=_pg_version, default=None)


def _pg_version(tool: str) -> tuple[int, ...]:
    version = Path(tool).parent.parent.name
    return tuple(int(p) for p in version.split(".") if p.isdigit())


def _run_pg_tool(command: list[str], engine: Engine) -> None:
    """Run pg_dump/pg_restore on the engine's database; the password goes by environment."""
    url = engine.url
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    env["PGOPTIONS"] = f"{env.get('PGOPTIONS', '')} -c lock_timeout={PG_LOCK_TIMEOUT}".strip()
    dsn = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    done = subprocess.run(
        [*command, "--no-password", f"--dbname={dsn}"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        tool = Path(command[0]).name
        detail = done.stderr.strip() or done.stdout.strip()
        raise BackupFailed(vi.PG_TOOL_FAILED.format(tool=tool, code=done.returncode, detail=detail))

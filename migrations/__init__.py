"""Alembic migrations of kehoach-bot."""

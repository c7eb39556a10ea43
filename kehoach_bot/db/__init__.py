"""Persistence: SQLModel tables and the engine/session factory."""

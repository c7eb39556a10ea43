"""User-facing texts, one module per language."""

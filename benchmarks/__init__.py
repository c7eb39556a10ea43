"""Benchmarks of kehoach-bot: `bash benchmarks/run [--json] [--only NAME]`."""

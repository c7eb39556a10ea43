"""Scheduled jobs (the reminder tick and the digests): thin functions that call services."""

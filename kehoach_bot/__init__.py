"""kehoach-bot: reminders and status collection for the reporting duties of implementation plans."""

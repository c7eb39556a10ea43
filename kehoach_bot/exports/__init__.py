"""Files made from a plan's table: Excel and CSV; pure: they read only what they are given."""

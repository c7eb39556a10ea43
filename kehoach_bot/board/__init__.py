"""The coordinator's board: a read-only web server (aiohttp) inside the bot's process."""

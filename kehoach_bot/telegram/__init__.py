"""The Telegram side: application factory, thin handlers, keyboards and pure rendering."""

"""Handlers: each parses the update, calls one service, renders, replies."""

"""Checks run by hand on a developer's machine (not part of the test suite)."""

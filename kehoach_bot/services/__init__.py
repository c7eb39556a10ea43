"""Use cases on a database session. Services own transactions: callers pass an engine."""

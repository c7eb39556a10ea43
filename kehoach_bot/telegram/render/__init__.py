"""Pure rendering: service results → message texts and inline keyboards. No I/O here."""

"""Reading a plan's own text: its file, its structure, its duties, and a draft plan file."""

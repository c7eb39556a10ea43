"""The command line: argument parsing, commands (thin), and pure rendering."""

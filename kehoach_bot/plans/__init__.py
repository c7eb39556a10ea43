"""Plan files: one TOML file per plan, the units directories, and their parsing."""

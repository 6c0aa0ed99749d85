"""content/: read, write and validate the YAML and Markdown files of an archive (docs/content-format.md)."""

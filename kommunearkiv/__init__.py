"""Kommunearkiv: a static open-data archive of Danish municipal committee minutes (see README.md)."""

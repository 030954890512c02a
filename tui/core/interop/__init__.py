"""Debates to and from other tools: Kialo's discussion exports in (see docs/import-kialo.md)."""

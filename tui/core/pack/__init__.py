"""The debate pack: its format, reading and checking its files, the model it becomes,
and the cache that makes reopening it instant."""

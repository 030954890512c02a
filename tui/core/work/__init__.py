"""The student's own work: their case, drill progress and handout, and how it is kept
safe on disk."""

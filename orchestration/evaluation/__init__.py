"""Measuring how well newsimpact reads news, against labelled real items (see news.py)."""


class EvaluationError(Exception):
    """A labelled set or feed folder that cannot be used; one line says why."""

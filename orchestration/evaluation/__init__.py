"""Measuring how well newsimpact reads news, against labelled real items (news.py, corpus.py),
and fitting its learned reading on them (training.py, `make train`)."""


class EvaluationError(Exception):
    """A labelled set or feed folder that cannot be used; one line says why."""

"""Progress of a run in the terminal, read from the run's own events in the Dagster instance.

Assets say how far they are by logging `progress(context, done, total, what)`; the CLI's
RunProgress polls the run's event log from a second thread and moves one bar per ingestion
asset (its sources fetched, then its days materialized) or per layer of the transform (seeds,
staging, intermediate, marts, serving, reports: the assets built).
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from dataclasses import dataclass, field

# What steps tell the CLI, named once for the writer and the reader: two log lines ...
STEP = re.compile(r"^progress (\d+)/(\d+): (.*)$")
BUILT = re.compile(r"^built (\S+)$")
# ... and the metadata keys of materializations that its summary reads.
ROWS_ADDED = "rows_added"  # ingestion: new rows in the raw table
ROW_COUNT = "dagster/row_count"  # every table: its rows after the step
PUBLISHED_PATH, PUBLISHED_ROWS = "path", "rows"  # the published copy: its file, rows per table
REPORTS_INDEX, REPORTS_EVENTS = "index", "events"  # the event reports: the index, pages


def progress(context, done: int, total: int, what: str) -> None:
    """Log how far an asset's step is (the CLI's bars follow these lines)."""
    context.log.info(f"progress {done}/{total}: {what}")


def built(context, key: str) -> None:
    """Log that a step built the asset `key` (a dbt model, as dbt finishes it)."""
    context.log.info(f"built {key}")


@dataclass
class Bar:
    label: str
    total: int
    unit: str
    done: set = field(default_factory=set)
    step: tuple[int, int] | None = None  # an asset's own progress line, before it materializes
    note: str = ""
    metadata: dict = field(default_factory=dict)


class RunProgress:
    """Rich bars for one run; `bars` maps the label each event belongs to onto its bar.
    Use as a context manager around the run; the final counts stay in `bars`."""

    def __init__(self, instance, run_id: str, bars: dict[str, Bar], label_of, console):
        self.instance, self.run_id, self.bars, self.label_of = instance, run_id, bars, label_of
        self.console = console
        self.cursor = None
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._poll, daemon=True)

    def __enter__(self) -> RunProgress:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.progress = Progress(TextColumn("{task.description:<28}"), BarColumn(),
                                 MofNCompleteColumn(), TextColumn("{task.fields[unit]}"),
                                 TextColumn("{task.fields[note]}"), console=self.console,
                                 transient=False)
        self.tasks = {label: self.progress.add_task(label, total=bar.total, unit=bar.unit,
                                                    note="") for label, bar in self.bars.items()}
        self.progress.start()
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stopped.set()
        self.thread.join()
        self._read()  # the events that came after the last poll
        self.progress.stop()

    def _poll(self) -> None:
        while not self.stopped.wait(0.5):
            self._read()

    def _read(self) -> None:
        try:
            connection = self.instance.get_records_for_run(self.run_id, cursor=self.cursor)
        except Exception:  # the run is not stored yet: try again at the next poll
            return
        self.cursor = connection.cursor
        for record in connection.records:
            self._apply(record.event_log_entry)
        for label, bar in self.bars.items():
            done = len(bar.done) if bar.done or not bar.step else \
                min(bar.total, round(bar.total * bar.step[0] / max(bar.step[1], 1)))
            self.progress.update(self.tasks[label], completed=min(done, bar.total),
                                 note="" if bar.done else bar.note)

    def _apply(self, entry) -> None:
        event = entry.dagster_event
        if event is not None and event.is_step_materialization:
            materialization = event.step_materialization_data.materialization
            key = materialization.asset_key.to_user_string()
            bar = self.bars.get(self.label_of(key))
            if bar is not None:
                bar.done.add((key, materialization.partition))
                bar.metadata[key] = {k: v.value for k, v in materialization.metadata.items()}
            return
        message = entry.user_message or ""
        if (built := BUILT.match(message)) and (bar := self.bars.get(self.label_of(
                built.group(1)))):
            bar.done.add((built.group(1), None))
        elif (step := STEP.match(message)) and entry.step_key:
            bar = self.bars.get(self.label_of(_step_asset(entry.step_key)))
            if bar is not None and not bar.done:
                bar.step = (int(step.group(1)), int(step.group(2)))
                bar.note = step.group(3)[:40]


def _step_asset(step_key: str) -> str:
    """raw__news_items -> raw/news_items (Dagster's step key of a single asset)."""
    return step_key.replace("__", "/")


def grouped(keys: list[str]) -> dict[str, int]:
    """How many assets each layer (the first part of the key) of the transform has."""
    counts: dict[str, int] = defaultdict(int)
    for key in keys:
        counts[key.split("/")[0]] += 1
    return dict(counts)

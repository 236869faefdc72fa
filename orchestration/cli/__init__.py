"""The `newsimpact` command. One module per family of commands, and here the dispatch table:

- parser.py: the commands and their arguments (a usage error is one line, exit 2)
- pipeline.py: demo, run and replay (an ingest run, then a transform run, with progress bars)
- reading.py: impacts, query and report, read from the published copy
- maintenance.py: ui, home, backup, restore, export-raw and evaluate

The settings are read once here, with the command's choices over the environment (the demo
replays the recorded snapshots, replay reads landing/), and passed to every command.
"""

from __future__ import annotations

import sqlite3
import sys

import duckdb
import sqlalchemy.exc

from orchestration.cli import maintenance, pipeline, reading
from orchestration.cli.parser import CliError, parse_args
from orchestration.evaluation import EvaluationError
from orchestration.ingestion.reference import ReferenceError
from orchestration.runtime.backup import BackupError
from orchestration.runtime.failures import explain
from orchestration.settings import DEFAULT_DUCKDB_MEMORY, Settings, SettingsError
from orchestration.transform.spark_export import ExportError

# The transport each command imposes on the settings.
TRANSPORT_OF = {"demo": "replay", "replay": "landing"}
# command -> what it does with (settings, args): the lines it prints
COMMANDS = {
    "demo": pipeline.run_and_report,
    "run": pipeline.run_and_report,
    "replay": pipeline.run_only,
    "impacts": reading.impacts,
    "query": reading.query_command,
    "report": reading.report,
    "ui": maintenance.ui,
    "home": maintenance.home,
    "backup": maintenance.backup_command,
    "restore": maintenance.restore_command,
    "export-raw": maintenance.export_command,
    "evaluate": maintenance.evaluate_command,
}
ERRORS = (CliError, SettingsError, ReferenceError, BackupError, EvaluationError, ExportError)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    chosen = {"transport": TRANSPORT_OF[args.command]} if args.command in TRANSPORT_OF else {}
    settings = None
    try:
        settings = Settings.from_env(**chosen)
        reading.check_symbols(settings, getattr(args, "symbols", None))
        return COMMANDS[args.command](settings, args)
    except ERRORS as exc:
        print(f"newsimpact: {exc}", file=sys.stderr)
        return 2
    # a full disk, for one; Dagster's run storage reports through SQLAlchemy
    except (OSError, sqlite3.Error, duckdb.Error, sqlalchemy.exc.SQLAlchemyError) as exc:
        memory = settings.duckdb_memory if settings else DEFAULT_DUCKDB_MEMORY
        cause = explain(f"{type(exc).__name__}: {exc}", pipeline.run_folders(settings),
                        memory=memory)
        print(f"newsimpact: {cause}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

"""Dagster assets: ingestion (news, prices, sessions) and the dbt project."""

import warnings

from dagster import BetaWarning

# backfill_policy is marked beta; it is what makes a backfill one run instead of one per day.
warnings.filterwarnings("ignore", category=BetaWarning)

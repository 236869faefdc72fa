"""The published copy of the marts that readers (BI tools, notebooks, `newsimpact query`) open,
so that no reader ever holds the pipeline's own file."""

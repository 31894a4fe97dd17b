// Replaced by the ingest component's sources.

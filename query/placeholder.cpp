// Replaced by the query component's sources.

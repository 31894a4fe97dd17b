// Replaced by the export component's sources.

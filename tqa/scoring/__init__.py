"""Scores: the MQM quality score from findings (mqm), reference metrics with sacrebleu (reference)."""

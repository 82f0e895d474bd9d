"""The evaluation harness: a bilingual question set, metrics, ablations and reports."""

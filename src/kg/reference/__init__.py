"""Reference knowledge: curated, sourced YAML datasets (loaders/reference) loaded into the graph."""

from kg.reference.batch import build_reference_batch

__all__ = ["build_reference_batch"]

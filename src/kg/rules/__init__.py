"""The rule engine: regulation criteria (data) x chip specs -> CONTROLS edges with their basis."""

from kg.rules.criteria import Criterion, evaluate, parse
from kg.rules.engine import Control, derive_controls

__all__ = ["Criterion", "evaluate", "parse", "Control", "derive_controls"]

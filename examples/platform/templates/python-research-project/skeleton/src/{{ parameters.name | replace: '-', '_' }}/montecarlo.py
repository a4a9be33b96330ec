"""Monte Carlo estimate of pi: the model of the starting experiment."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Estimate:
    """The result of one run: the estimate, its absolute error and how many samples it used."""

    value: float
    error: float
    samples: int


def estimate_pi(samples: int, seed: int = 0) -> Estimate:
    """Estimates pi from `samples` random points; the same seed gives the same estimate."""
    if samples < 1:
        raise ValueError("samples must be at least 1")
    rng = random.Random(seed)
    inside = sum(1 for _ in range(samples) if rng.random() ** 2 + rng.random() ** 2 <= 1.0)
    value = 4.0 * inside / samples
    return Estimate(value=value, error=abs(value - math.pi), samples=samples)

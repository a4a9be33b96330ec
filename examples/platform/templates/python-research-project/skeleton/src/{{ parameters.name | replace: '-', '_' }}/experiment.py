"""One run of the experiment: `python -m {{ parameters.name | replace: '-', '_' }}.experiment --samples N --seed S`."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .montecarlo import estimate_pi


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--samples", type=int, default={{ parameters.samples }})
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", type=Path, default=Path("metrics.json"))
    args = parser.parse_args(argv)
    result = estimate_pi(args.samples, args.seed)
    metrics = {"estimate": result.value, "error": result.error, "samples": result.samples}
    args.out.write_text(json.dumps(metrics, indent=2) + "\n")
    print(json.dumps(metrics))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

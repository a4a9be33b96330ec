import json
import math
import sys
import tempfile
import unittest
from pathlib import Path

# Run from a fresh clone without installing: the package lives in src/.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from {{ parameters.name | replace: '-', '_' }}.experiment import main  # noqa: E402
from {{ parameters.name | replace: '-', '_' }}.montecarlo import estimate_pi  # noqa: E402


class EstimatePiTest(unittest.TestCase):
    def test_is_close_to_pi(self):
        result = estimate_pi(50_000, seed=1)
        self.assertLess(result.error, 0.05)
        self.assertAlmostEqual(result.error, abs(result.value - math.pi))

    def test_same_seed_same_estimate(self):
        self.assertEqual(estimate_pi(1_000, seed=7), estimate_pi(1_000, seed=7))

    def test_refuses_no_samples(self):
        with self.assertRaises(ValueError):
            estimate_pi(0)


class ExperimentTest(unittest.TestCase):
    def test_writes_metrics(self):
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "metrics.json"
            self.assertEqual(main(["--samples", "2000", "--seed", "3", "--out", str(out)]), 0)
            metrics = json.loads(out.read_text())
            self.assertEqual(metrics["samples"], 2000)
            self.assertLess(metrics["error"], 0.2)


if __name__ == "__main__":
    unittest.main()

import { ComingSoon } from '../components/ComingSoon.js';

/** The Compute section; planned, not built yet. */
export function ComputePage() {
  return (
    <ComingSoon
      title="Compute"
      summary="Run simulations and training jobs on the cluster from a form, without writing scheduler scripts."
      capabilities={[
        'Submit a job from a form with presets for common sizes, or from the CLI',
        'Follow each job with its state, timings, live log and the script it generated',
        'Run sweeps over a parameter space, stop hopeless trials early and show the best',
        'Run on the local machine, on Slurm or on Kubernetes with the same job spec',
      ]}
      meanwhile="Until then, submit jobs to the cluster the way your team does today."
    />
  );
}

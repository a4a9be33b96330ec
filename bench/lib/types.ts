/** One figure a scenario measured, as printed in the table and stored in the results file. */
export interface Metric {
  metric: string;
  value: number;
  unit: string;
}

/** A benchmark that `npm run bench -- <name>` can run on its own. */
export interface Scenario {
  name: string;
  description: string;
  run(): Promise<Metric[]>;
}

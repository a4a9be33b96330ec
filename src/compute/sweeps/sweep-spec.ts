import { Type } from 'typebox';
import { JobSpec } from '../job-spec.js';

const ParamName = Type.String({
  pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$',
  description: 'Becomes the environment variable PLINTH_PARAM_<NAME> (upper-cased)',
});

export const NumericParameter = Type.Object(
  {
    name: ParamName,
    type: Type.Union([Type.Literal('int'), Type.Literal('float')]),
    min: Type.Number(),
    max: Type.Number(),
    scale: Type.Optional(
      Type.Union([Type.Literal('linear'), Type.Literal('log')], {
        default: 'linear',
        description: 'log: values spread evenly over orders of magnitude (min must be above 0)',
      }),
    ),
    steps: Type.Optional(
      Type.Integer({
        minimum: 2,
        maximum: 1000,
        description: 'Grid search only: how many values between min and max (ints: all of them when absent)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const CategoricalParameter = Type.Object(
  {
    name: ParamName,
    type: Type.Literal('categorical'),
    values: Type.Array(Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Boolean()]), {
      minItems: 1,
      maxItems: 100,
    }),
  },
  { additionalProperties: false },
);

export const Parameter = Type.Union([NumericParameter, CategoricalParameter]);
export type Parameter = Type.Static<typeof Parameter>;
export type NumericParameter = Type.Static<typeof NumericParameter>;

/** The job each trial runs: a job spec whose name the sweep gives (`<sweep>-t<n>`). */
const { name: _name, ...jobFields } = JobSpec.properties;
export const TrialJob = Type.Object(
  { ...jobFields, name: Type.Optional(JobSpec.properties.name) },
  { additionalProperties: false },
);

export const SweepSpec = Type.Object(
  {
    name: JobSpec.properties.name,
    executor: Type.Optional(Type.String({ maxLength: 63 })),
    team: Type.Optional(Type.String({ maxLength: 63 })),
    job: TrialJob,
    parameters: Type.Array(Parameter, { minItems: 1, maxItems: 20 }),
    objective: Type.Object(
      {
        metric: Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_.-]{0,63}$' }),
        goal: Type.Union([Type.Literal('minimize'), Type.Literal('maximize')]),
        target: Type.Optional(Type.Number({ description: 'Stop the sweep once a trial reaches this value' })),
      },
      { additionalProperties: false },
    ),
    algorithm: Type.Union([Type.Literal('grid'), Type.Literal('random'), Type.Literal('tpe')], {
      default: 'random',
    }),
    maxTrials: Type.Integer({ minimum: 1, maximum: 10_000 }),
    parallelism: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1 })),
    earlyStopping: Type.Optional(
      Type.Object(
        {
          rule: Type.Literal('median'),
          minTrials: Type.Optional(
            Type.Integer({ minimum: 1, default: 5, description: 'Completed trials needed before any stop' }),
          ),
          minStep: Type.Optional(
            Type.Integer({ minimum: 0, default: 1, description: 'No trial is stopped before this step' }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type SweepSpec = Type.Static<typeof SweepSpec>;

/** One point of the parameter space: parameter name → value. */
export type ParamSet = Record<string, number | string | boolean>;

/**
 * What no schema says: ranges in order, log scales above 0, names unique, a grid that is finite.
 * Each problem is `field: message`, the field as in the spec (`parameters.1.min`).
 */
export function checkSweepSpec(spec: SweepSpec): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  spec.parameters.forEach((p, i) => {
    const at = `parameters.${i}`;
    const upper = p.name.toUpperCase();
    if (seen.has(upper))
      problems.push(`${at}.name: '${p.name}' is given twice (names are compared upper-cased)`);
    seen.add(upper);
    if (p.type === 'categorical') {
      if (new Set(p.values.map(String)).size !== p.values.length)
        problems.push(`${at}.values: a value is listed twice`);
      return;
    }
    if (!(p.min < p.max)) problems.push(`${at}.max: must be above min (${p.min})`);
    if (p.scale === 'log' && p.min <= 0) problems.push(`${at}.min: a log scale needs min above 0`);
    if (p.type === 'int' && (!Number.isInteger(p.min) || !Number.isInteger(p.max)))
      problems.push(`${at}.min: an int parameter needs whole min and max`);
    if (spec.algorithm === 'grid' && p.type === 'float' && p.steps === undefined)
      problems.push(`${at}.steps: a grid over a float needs steps (how many values between min and max)`);
  });
  if (spec.job.command === undefined && spec.job.script === undefined)
    problems.push('job.command: give the command (or script) each trial runs');
  return problems;
}

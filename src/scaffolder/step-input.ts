import type { Liquid } from 'liquidjs';
import { scaffolderErrors } from './errors.js';

// `{{ x }}` alone keeps x's type (a list stays a list); Backstage's `${{ x }}` is read the same.
const WHOLE_EXPRESSION = /^\s*\$?\{\{\s*([^{}]+?)\s*\}\}\s*$/;

/** Renders the Liquid in a step's input, recursively, against the template's values. */
export async function renderInput(
  liquid: Liquid,
  value: unknown,
  context: Record<string, unknown>,
  where: string,
): Promise<unknown> {
  try {
    if (typeof value === 'string') {
      const whole = WHOLE_EXPRESSION.exec(value);
      if (whole) return (await liquid.evalValue(whole[1] ?? '', context)) ?? null;
      return value.includes('{')
        ? await liquid.parseAndRender(value.replaceAll('${{', '{{'), context)
        : value;
    }
    if (Array.isArray(value))
      return Promise.all(value.map((v, i) => renderInput(liquid, v, context, `${where}.${i}`)));
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value))
        out[k] = await renderInput(liquid, v, context, `${where}.${k}`);
      return out;
    }
    return value;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('TEMPLATE_')) throw error;
    throw scaffolderErrors.TEMPLATE_RENDER_FAILED.create([where, (error as Error).message.split('\n')[0]], {
      cause: error,
    });
  }
}

/** Whether a step's `if:` holds: booleans as is, strings rendered; empty, "false" and "0" are false. */
export async function conditionHolds(
  liquid: Liquid,
  condition: boolean | string | undefined,
  context: Record<string, unknown>,
  where: string,
): Promise<boolean> {
  if (condition === undefined) return true;
  const value = await renderInput(liquid, condition, context, where);
  if (typeof value === 'string') return !['', 'false', '0', 'no'].includes(value.trim().toLowerCase());
  return Boolean(value);
}

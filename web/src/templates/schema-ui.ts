import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import type { ParameterPage } from './template-types.js';

/**
 * Splits a template's form page as written (Backstage style: `ui:` hints inside each property)
 * into the JSON Schema and the uiSchema that the form library takes apart. `enumNames` becomes
 * `ui:enumNames`, the spelling the library reads.
 */
export function splitPage(page: ParameterPage): { schema: RJSFSchema; uiSchema: UiSchema } {
  const uiSchema: UiSchema = {};
  const properties: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(
    (page.properties ?? {}) as Record<string, Record<string, unknown>>,
  )) {
    const field: Record<string, unknown> = {};
    const ui: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw)) {
      if (k.startsWith('ui:')) ui[k] = v;
      else if (k === 'enumNames') ui['ui:enumNames'] = v;
      else field[k] = v;
    }
    properties[key] = field;
    if (Object.keys(ui).length > 0) uiSchema[key] = ui;
  }
  const { title: _title, description: _description, properties: _p, ...rest } = page;
  return { schema: { type: 'object', ...rest, properties } as RJSFSchema, uiSchema };
}

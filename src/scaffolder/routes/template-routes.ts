import { Type } from 'typebox';
import type { Principal } from '../../auth/index.js';
import { errorResponses, type TypedApp } from '../../server/typed-app.js';
import type { ScaffolderEngine } from '../engine.js';
import { parameterPages } from '../parameters.js';
import {
  ActionList,
  DryRunResult,
  RunBody,
  TemplateDetail,
  TemplateList,
  TemplateListQuery,
} from '../schemas.js';
import { userOf } from '../task-service.js';
import type { TemplateCatalog } from '../template-catalog.js';

const TemplateParams = Type.Object({
  namespace: Type.String({ maxLength: 63 }),
  name: Type.String({ maxLength: 100 }),
});

/** Templates over HTTP: the gallery, one template's form, and dry runs. */
export function templateRoutes(
  app: TypedApp,
  templates: TemplateCatalog,
  engine: ScaffolderEngine,
  dryRunsPerMinute: number,
) {
  const tags = ['templates'];
  app.get(
    '/api/templates',
    {
      config: { permission: 'templates.read' },
      schema: {
        tags,
        summary: 'Templates in the catalog, with type and tag counts for filters',
        querystring: TemplateListQuery,
        response: { 200: TemplateList, ...errorResponses },
      },
    },
    async (request) => templates.list(request.query),
  );

  app.get(
    '/api/templates/:namespace/:name',
    {
      config: { permission: 'templates.read' },
      schema: {
        tags,
        summary: 'One template: its form (JSON Schema pages), steps and policy checks',
        params: TemplateParams,
        response: { 200: TemplateDetail, ...errorResponses },
      },
    },
    async (request) => {
      const t = await templates.load(`${request.params.namespace}/${request.params.name}`);
      const { spec, folder: _folder, ...summary } = t;
      return {
        ...summary,
        parameters: parameterPages(spec),
        steps: spec.steps.map((s) => ({ id: s.id, name: s.name ?? s.id, action: s.action })),
        checks: engine.chosenChecks(t).map((c) => ({
          name: c.check.name,
          title: c.check.title,
          blocking: c.blocking,
          required: c.required,
        })),
      };
    },
  );

  app.post(
    '/api/templates/:namespace/:name/dry-run',
    {
      config: { permission: 'templates.run', rateLimit: { max: dryRunsPerMinute, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Renders the template with these parameters and shows every file and check; creates nothing',
        params: TemplateParams,
        body: RunBody,
        response: { 200: DryRunResult, ...errorResponses },
      },
    },
    async (request) => {
      const t = await templates.load(`${request.params.namespace}/${request.params.name}`);
      return engine.dryRun(t, request.body.parameters ?? {}, userOf(request.principal as Principal));
    },
  );

  app.get(
    '/api/scaffolder/actions',
    {
      config: { permission: 'templates.read' },
      schema: {
        tags,
        summary: 'The actions templates may use, with their input schemas',
        response: { 200: ActionList, ...errorResponses },
      },
    },
    async () => ({
      items: engine.listActions().map((a) => ({
        id: a.id,
        description: a.description,
        sideEffects: a.sideEffects,
        inputSchema: a.inputSchema,
      })),
    }),
  );
}

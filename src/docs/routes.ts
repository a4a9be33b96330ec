import { Type } from 'typebox';
import { type AuditLog, actorOf, type Principal } from '../auth/index.js';
import { errorResponses, type TypedApp } from '../server/typed-app.js';
import { assetHeaders } from './asset-types.js';
import type { DocsService } from './docs-service.js';
import type { DocsSync } from './docs-sync.js';
import { docsErrors } from './errors.js';
import { splitPagePath } from './page-path.js';
import {
  DocsPage,
  DocsProblemPage,
  DocsProblemQuery,
  DocsSourceList,
  DocsSyncResult,
  DocsTreeQuery,
  GuideProgress,
  MyGuideList,
  StaleGuideList,
  StepTick,
} from './schemas.js';

const Wildcard = Type.Object({ '*': Type.String({ maxLength: 600 }) });

/** Docs over HTTP: sources and navigation, pages, guide progress, stale guides, problems, files. */
export function docsRoutes(app: TypedApp, docs: DocsService, sync: DocsSync, audit: AuditLog) {
  const tags = ['docs'];
  app.get(
    '/api/docs-pages',
    {
      config: { permission: 'docs.read' },
      schema: {
        tags,
        summary: 'Docs sources with their navigation (platform docs first, then entities)',
        querystring: DocsTreeQuery,
        response: { 200: DocsSourceList, ...errorResponses },
      },
    },
    async (request) => docs.sources(request.query.entity),
  );

  app.get(
    '/api/docs-pages/*',
    {
      config: { permission: 'docs.read' },
      schema: {
        tags,
        summary:
          'One page, rendered: HTML, table of contents, breadcrumbs, previous/next, last commit; a guide also its steps and your progress',
        params: Wildcard,
        response: { 200: DocsPage, ...errorResponses },
      },
    },
    async (request) => docs.page(request.params['*'], request.principal?.user.id ?? null),
  );

  app.post(
    '/api/docs-pages/sync',
    {
      config: { permission: 'docs.manage' },
      schema: {
        tags,
        summary: 'Read every docs source now',
        response: { 200: DocsSyncResult, ...errorResponses },
      },
    },
    async (request) => {
      const summary = await sync.sync();
      await audit.record(actorOf(request.principal, request.ip), {
        action: 'docs.sync',
        details: { ...summary },
      });
      return summary;
    },
  );

  app.get(
    '/api/docs-guides/progress',
    {
      config: { permission: 'docs.progress' },
      schema: {
        tags,
        summary: 'Every guide with your progress, started ones first',
        response: { 200: MyGuideList, ...errorResponses },
      },
    },
    async (request) => docs.myGuides((request.principal as Principal).user.id),
  );

  app.post(
    '/api/docs-guides/progress',
    {
      config: { permission: 'docs.progress' },
      schema: {
        tags,
        summary: 'Tick or untick one step of a guide for yourself',
        body: StepTick,
        response: { 200: GuideProgress, ...errorResponses },
      },
    },
    async (request) => {
      const principal = request.principal as Principal;
      return docs.tick({ ...actorOf(principal, request.ip), userId: principal.user.id }, request.body);
    },
  );

  app.get(
    '/api/docs-guides/stale',
    {
      config: { permission: 'docs.manage' },
      schema: {
        tags,
        summary: 'Guides not verified within docs.guideMaxAgeDays (or never), oldest first',
        response: { 200: StaleGuideList, ...errorResponses },
      },
    },
    async () => docs.staleGuides(),
  );

  app.get(
    '/api/docs-problems',
    {
      config: { permission: 'docs.read' },
      schema: {
        tags,
        summary: 'Broken links, missing images and invalid front matter, at file and line',
        querystring: DocsProblemQuery,
        response: { 200: DocsProblemPage, ...errorResponses },
      },
    },
    async (request) => docs.problems(request.query),
  );

  app.get(
    '/api/docs-assets/*',
    {
      config: { permission: 'docs.read' },
      schema: {
        tags,
        summary: 'A file of a docs folder that pages link to (images inline, other files as downloads)',
        params: Wildcard,
      },
    },
    async (request, reply) => {
      const path = request.params['*'];
      const { source, slug: file } = splitPagePath(path);
      const content = await sync.readAsset(source, file);
      if (!content) throw docsErrors.DOCS_ASSET_NOT_FOUND.create([path]);
      return reply.headers(assetHeaders(file)).send(content);
    },
  );
}

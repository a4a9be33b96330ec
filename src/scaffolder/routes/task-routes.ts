import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Type } from 'typebox';
import { actorOf, type Principal } from '../../auth/index.js';
import { errorResponses, type TypedApp } from '../../server/typed-app.js';
import { scaffolderErrors } from '../errors.js';
import { CreateTaskBody, Task, TaskListQuery, TaskLogPage, TaskLogQuery, TaskPage } from '../schemas.js';
import type { TaskService } from '../task-service.js';
import type { TaskStore } from '../task-store.js';
import { streamTask } from './task-stream.js';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

/** Tasks over HTTP: run a template, follow it, see history, run a failed one again, download. */
export function taskRoutes(app: TypedApp, tasks: TaskService, store: TaskStore, tasksPerMinute: number) {
  const tags = ['templates'];
  app.post(
    '/api/tasks',
    {
      config: { permission: 'tasks.create', rateLimit: { max: tasksPerMinute, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Run a template',
        body: CreateTaskBody,
        response: { 201: Task, ...errorResponses },
      },
    },
    async (request, reply) => {
      const task = await tasks.create(
        request.principal as Principal,
        actorOf(request.principal, request.ip),
        request.body,
      );
      return reply.code(201).send(task);
    },
  );

  app.get(
    '/api/tasks',
    {
      config: { permission: 'tasks.read' },
      schema: {
        tags,
        summary: 'Task history: mine, or everyone’s (Keepers, scope=all)',
        querystring: TaskListQuery,
        response: { 200: TaskPage, ...errorResponses },
      },
    },
    async (request) => tasks.list(request.principal as Principal, request.query),
  );

  app.get(
    '/api/tasks/:id',
    {
      config: { permission: 'tasks.read' },
      schema: {
        tags,
        summary: 'One task: steps, checks, outputs',
        params: IdParams,
        response: { 200: Task, ...errorResponses },
      },
    },
    async (request) => tasks.get(request.principal as Principal, request.params.id),
  );

  app.get(
    '/api/tasks/:id/logs',
    {
      config: { permission: 'tasks.read' },
      schema: {
        tags,
        summary: 'Log lines of a task after a given seq',
        params: IdParams,
        querystring: TaskLogQuery,
        response: { 200: TaskLogPage, ...errorResponses },
      },
    },
    async (request) =>
      tasks.logs(
        request.principal as Principal,
        request.params.id,
        request.query.after ?? 0,
        request.query.limit ?? 1000,
      ),
  );

  app.get(
    '/api/tasks/:id/logs/stream',
    {
      config: { permission: 'tasks.read' },
      schema: {
        tags,
        summary: 'Live task as server-sent events (task, log, end), following until it ends',
        params: IdParams,
        querystring: Type.Object({ after: Type.Optional(Type.Integer({ minimum: 0 })) }),
      },
    },
    async (request, reply) => {
      const principal = request.principal as Principal;
      await tasks.visible(principal, request.params.id);
      return streamTask(
        request,
        reply,
        store,
        () => tasks.visible(principal, request.params.id),
        request.query.after ?? 0,
      );
    },
  );

  app.post(
    '/api/tasks/:id/rerun',
    {
      config: { permission: 'tasks.create' },
      schema: {
        tags,
        summary: 'Run a failed task again',
        params: IdParams,
        response: { 200: Task, ...errorResponses },
      },
    },
    async (request) =>
      tasks.rerun(request.principal as Principal, actorOf(request.principal, request.ip), request.params.id),
  );

  app.get(
    '/api/tasks/:id/archive/:file',
    {
      config: { permission: 'tasks.read' },
      schema: {
        tags,
        summary: 'Download the zip a task made (archive:zip)',
        params: Type.Object({
          id: Type.String({ maxLength: 64 }),
          file: Type.String({ pattern: '^[a-zA-Z0-9][a-zA-Z0-9._-]{0,99}\\.zip$' }),
        }),
      },
    },
    async (request, reply) => {
      const row = await tasks.visible(request.principal as Principal, request.params.id);
      const path = tasks.archivePath(row, request.params.file);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile())
        throw scaffolderErrors.TASK_NOT_FOUND.create([`${request.params.id}/${request.params.file}`]);
      return reply
        .header('content-type', 'application/zip')
        .header('content-length', info.size)
        .header('content-disposition', `attachment; filename="${request.params.file}"`)
        .send(createReadStream(path));
    },
  );
}

import { Type } from 'typebox';
import { actorOf, type Principal } from '../auth/index.js';
import { errorResponses, type TypedApp } from '../server/typed-app.js';
import { FINAL_STATES, type JobState } from './extension.js';
import type { JobCollector } from './job-collector.js';
import type { JobService } from './job-service.js';
import { JobSpec } from './job-spec.js';
import { toJob } from './job-view.js';
import { logPath, readLogChunk } from './log-reader.js';
import { streamLogs } from './log-stream.js';
import {
  ExecutorList,
  Job,
  JobDetail,
  JobListQuery,
  JobPage,
  LogChunk,
  LogQuery,
  PartitionList,
} from './schemas.js';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

/** Jobs over HTTP: submit, list, inspect, read logs (also live), cancel. */
export function computeRoutes(
  app: TypedApp,
  jobs: JobService,
  collector: JobCollector,
  executors: () => ExecutorInfo[],
  submitsPerMinute: number,
) {
  const tags = ['compute'];
  app.get(
    '/api/compute/executors',
    {
      config: { permission: 'jobs.read' },
      schema: {
        tags,
        summary: 'The executors this platform offers, with their capabilities',
        response: { 200: ExecutorList, ...errorResponses },
      },
    },
    async (request) => {
      const principal = request.principal as Principal;
      const mine = new Set(await jobs.executorsFor(principal));
      return { items: executors().filter((e) => mine.has(e.name)), closed: await jobs.closedTo(principal) };
    },
  );

  app.get(
    '/api/compute/executors/:name/partitions',
    {
      config: { permission: 'jobs.read' },
      schema: {
        tags,
        summary:
          'Partitions of an executor with their limits and GPU types, read from the engine (for forms)',
        params: Type.Object({ name: Type.String({ maxLength: 63 }) }),
        response: { 200: PartitionList, ...errorResponses },
      },
    },
    async (request) => ({
      items: await jobs.partitions(request.principal as Principal, request.params.name),
    }),
  );

  app.post(
    '/api/jobs',
    {
      config: { permission: 'jobs.submit', rateLimit: { max: submitsPerMinute, timeWindow: 60_000 } },
      schema: { tags, summary: 'Submit a job', body: JobSpec, response: { 201: Job, ...errorResponses } },
    },
    async (request, reply) => {
      const row = await jobs.submit(
        request.principal as Principal,
        actorOf(request.principal, request.ip),
        request.body,
      );
      collector.kick();
      return reply.code(201).send(toJob(row));
    },
  );

  app.get(
    '/api/jobs',
    {
      config: { permission: 'jobs.read' },
      schema: {
        tags,
        summary: 'Jobs: mine, my teams’, or all (Keepers)',
        querystring: JobListQuery,
        response: { 200: JobPage, ...errorResponses },
      },
    },
    async (request) => jobs.list(request.principal as Principal, request.query),
  );

  app.get(
    '/api/jobs/:id',
    {
      config: { permission: 'jobs.read' },
      schema: {
        tags,
        summary: 'One job, with the script it runs',
        params: IdParams,
        response: { 200: JobDetail, ...errorResponses },
      },
    },
    async (request) => jobs.get(request.principal as Principal, request.params.id),
  );

  app.get(
    '/api/jobs/:id/logs',
    {
      config: { permission: 'jobs.read' },
      schema: {
        tags,
        summary: 'A chunk of the job’s stdout or stderr',
        params: IdParams,
        querystring: LogQuery,
        response: { 200: LogChunk, ...errorResponses },
      },
    },
    async (request) => {
      const row = await jobs.visible(request.principal as Principal, request.params.id);
      const { stream = 'stdout', task, offset = 0, limit = 65_536 } = request.query;
      const chunk = await readLogChunk(logPath(row, stream, task), offset, limit);
      const ended = FINAL_STATES.has(row.state as JobState);
      return {
        text: chunk.text,
        offset: chunk.offset,
        nextOffset: chunk.nextOffset,
        complete: ended && chunk.nextOffset >= chunk.size,
      };
    },
  );

  app.get(
    '/api/jobs/:id/logs/stream',
    {
      config: { permission: 'jobs.read' },
      schema: {
        tags,
        summary: 'Live log as server-sent events (log, state, end), following until the job ends',
        params: IdParams,
        querystring: LogQuery,
      },
    },
    async (request, reply) => {
      const principal = request.principal as Principal;
      await jobs.visible(principal, request.params.id);
      return streamLogs(request, reply, () => jobs.visible(principal, request.params.id), request.query);
    },
  );

  app.post(
    '/api/jobs/:id/cancel',
    {
      config: { permission: 'jobs.cancel' },
      schema: { tags, summary: 'Cancel a job', params: IdParams, response: { 200: Job, ...errorResponses } },
    },
    async (request) =>
      jobs.cancel(
        request.principal as Principal,
        actorOf(request.principal, request.ip),
        request.params.id,
        async (name) => {
          await collector.pollExecutor(name);
        },
      ),
  );
}

export interface ExecutorInfo {
  name: string;
  description: string;
  default: boolean;
  capabilities: Record<string, unknown>;
}

import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { actorOf, type Principal } from '../auth/index.js';
import { errorResponses, type TypedApp } from '../server/typed-app.js';
import type { ProposalService } from './proposal-service.js';
import {
  CommentInput,
  DecisionInput,
  ProposalDetail,
  ProposalInput,
  ProposalList,
  ProposalListQuery,
  ProposalParams,
  RadarView,
  VoteInput,
} from './schemas.js';

/** A route limit counted per signed-in person over `windowMs`. */
function perUser(max: number, windowMs: number, bucket: string) {
  return {
    max,
    timeWindow: windowMs,
    keyGenerator: (request: FastifyRequest) => `${bucket}:${request.principal?.user.id ?? request.ip}`,
  };
}

export interface RadarRouteOptions {
  radar: () => Promise<RadarView>;
  proposals: ProposalService;
  proposalsPerHour: number;
}

/** The radar and its proposals over HTTP; the rules live in the proposal service. */
export function radarRoutes(app: TypedApp, o: RadarRouteOptions) {
  const tags = ['radar'];
  const principalOf = (request: FastifyRequest) => request.principal as Principal;
  const actor = (request: FastifyRequest) => actorOf(principalOf(request), request.ip);

  app.get(
    '/api/radar',
    {
      config: { permission: 'radar.read' },
      schema: {
        tags,
        summary: 'The radar: quadrants, rings and one placed blip per technology',
        response: { 200: RadarView, ...errorResponses },
      },
    },
    async () => o.radar(),
  );

  app.get(
    '/api/proposals',
    {
      config: { permission: 'proposals.read' },
      schema: {
        tags,
        summary: 'Proposals, newest first',
        querystring: ProposalListQuery,
        response: { 200: ProposalList, ...errorResponses },
      },
    },
    async (request) => o.proposals.list(principalOf(request), request.query),
  );

  app.post(
    '/api/proposals',
    {
      config: {
        permission: 'proposals.create',
        rateLimit: perUser(o.proposalsPerHour, 3_600_000, 'proposals'),
      },
      schema: {
        tags,
        summary: 'Propose a new technology or a ring move, with evidence for the six criteria',
        body: ProposalInput,
        response: { 201: ProposalDetail, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await o.proposals.create(principalOf(request), actor(request), request.body)),
  );

  app.get(
    '/api/proposals/:id',
    {
      config: { permission: 'proposals.read' },
      schema: {
        tags,
        summary: 'One proposal with its votes, comments, the rule’s verdict and the decision',
        params: ProposalParams,
        response: { 200: ProposalDetail, ...errorResponses },
      },
    },
    async (request) => o.proposals.get(principalOf(request), request.params.id),
  );

  app.post(
    '/api/proposals/:id/comments',
    {
      config: { permission: 'proposals.comment' },
      schema: {
        tags,
        summary: 'Comment on an open proposal',
        params: ProposalParams,
        body: CommentInput,
        response: { 201: ProposalDetail, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await o.proposals.comment(
            principalOf(request),
            actor(request),
            request.params.id,
            request.body.body,
          ),
        ),
  );

  app.post(
    '/api/proposals/:id/votes',
    {
      config: { permission: 'proposals.vote' },
      schema: {
        tags,
        summary: 'Vote as a Keeper or for your team: approve, object (maybe blocking), abstain',
        params: ProposalParams,
        body: VoteInput,
        response: { 200: ProposalDetail, ...errorResponses },
      },
    },
    async (request) =>
      o.proposals.vote(principalOf(request), actor(request), request.params.id, request.body),
  );

  app.post(
    '/api/proposals/:id/decision',
    {
      config: { permission: 'proposals.decide', rateLimit: perUser(30, 60_000, 'proposal-decisions') },
      schema: {
        tags,
        summary: 'Accept (when the decision rule is met) or reject; accepting writes the change',
        params: ProposalParams,
        body: DecisionInput,
        response: { 200: ProposalDetail, ...errorResponses },
      },
    },
    async (request) =>
      o.proposals.decide(principalOf(request), actor(request), request.params.id, request.body),
  );

  app.post(
    '/api/proposals/:id/withdraw',
    {
      config: { permission: 'proposals.withdraw' },
      schema: {
        tags,
        summary: 'Withdraw your own open proposal',
        params: ProposalParams,
        response: { 200: ProposalDetail, ...errorResponses },
      },
    },
    async (request) => o.proposals.withdraw(principalOf(request), actor(request), request.params.id),
  );

  app.get(
    '/api/proposals/:id/patch',
    {
      config: { permission: 'proposals.read' },
      schema: {
        tags,
        summary: 'The accepted change as git format-patch text (apply with git am)',
        params: ProposalParams,
        produces: ['text/x-patch'],
        response: { 200: Type.String(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const patch = await o.proposals.patch(request.params.id);
      return reply
        .header('content-type', 'text/x-patch; charset=utf-8')
        .header('content-disposition', `attachment; filename="radar-${patch.number}-${patch.name}.patch"`)
        .send(patch.text);
    },
  );
}

import { actorOf, type Principal } from '../auth/index.js';
import { errorResponses, type TypedApp } from '../server/typed-app.js';
import { type AttachmentService, formatBytes } from './attachment-service.js';
import { requestsErrors } from './errors.js';
import { perUserLimit } from './rate-limit.js';
import { AttachmentParams, AttachmentView, RequestParams, UploadQuery } from './schemas.js';

/**
 * Attachments over HTTP. An upload is the file's bytes as the body (any content type: the bytes
 * decide the type), with its name in the query, so a browser, curl and the CLI send it alike.
 */
export async function attachmentRoutes(
  app: TypedApp,
  attachments: AttachmentService,
  limits: { maxBytes: number; uploadsPerMinute: number },
) {
  const tags = ['requests'];
  await app.register(async (scope: TypedApp) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: limits.maxBytes },
      (_request, body, done) => done(null, body),
    );
    scope.setErrorHandler((error) => {
      // Past the limit Fastify stops reading; the caller hears the attachment limit, not the JSON one.
      if ((error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        throw requestsErrors.REQUEST_ATTACHMENT_TOO_LARGE.create([formatBytes(limits.maxBytes)]);
      }
      throw error;
    });
    scope.post(
      '/api/requests/:id/attachments',
      {
        config: {
          permission: 'requests.attach',
          rateLimit: perUserLimit(limits.uploadsPerMinute, 'requests-attach'),
        },
        schema: {
          tags,
          summary: 'Attach a file (image, PDF or plain text) to a request or one of its comments',
          params: RequestParams,
          querystring: UploadQuery,
          response: { 201: AttachmentView, ...errorResponses },
        },
      },
      async (request, reply) => {
        const principal = request.principal as Principal;
        const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const created = await attachments.attach(
          principal,
          actorOf(principal, request.ip),
          request.params.id,
          {
            filename: request.query.filename,
            content,
            commentId: request.query.commentId,
          },
        );
        return reply.code(201).send(created);
      },
    );
  });

  app.get(
    '/api/requests/:id/attachments/:attachmentId',
    {
      config: { permission: 'requests.read' },
      schema: { tags, summary: 'Download an attachment', params: AttachmentParams, response: errorResponses },
    },
    async (request, reply) => {
      const found = await attachments.download(
        request.principal as Principal,
        request.params.id,
        request.params.attachmentId,
      );
      const ascii = found.filename.replace(/[^\x20-\x7e]/g, '_');
      return reply
        .header('content-type', found.contentType)
        .header(
          'content-disposition',
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(found.filename)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(found.content as never);
    },
  );
}

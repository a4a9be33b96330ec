import { createHash } from 'node:crypto';
import type { Actor, AuditLog, Principal } from '../auth/index.js';
import { newId } from '../core/time.js';
import { detectAttachmentType, safeFilename } from './attachment-types.js';
import { requestsErrors } from './errors.js';
import { type People, PersonCache } from './people.js';
import type { RequestService } from './request-service.js';
import type { RequestStore } from './request-store.js';
import type { AttachmentView } from './schemas.js';
import { toAttachment } from './views.js';

export interface AttachmentLimits {
  maxBytes: number;
  maxPerRequest: number;
}

/** Formats a byte count for messages: 5 MB, 900 KB. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_048_576) return `${Math.round((bytes / 1_048_576) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** Files on requests and comments: size-limited, typed by their content, stored in the database. */
export class AttachmentService {
  constructor(
    private readonly service: RequestService,
    private readonly store: RequestStore,
    private readonly audit: AuditLog,
    private readonly people: People,
    private readonly limits: AttachmentLimits,
  ) {}

  async attach(
    principal: Principal,
    actor: Actor,
    id: string,
    upload: { filename: string; content: Buffer; commentId?: string },
  ): Promise<AttachmentView> {
    const row = await this.service.visible(principal, id);
    const filename = safeFilename(upload.filename);
    if (upload.content.length === 0) throw requestsErrors.REQUEST_ATTACHMENT_EMPTY.create([filename]);
    if (upload.content.length > this.limits.maxBytes) {
      throw requestsErrors.REQUEST_ATTACHMENT_TOO_LARGE.create([formatBytes(this.limits.maxBytes)], {
        details: { size: upload.content.length, maxBytes: this.limits.maxBytes },
      });
    }
    const type = detectAttachmentType(upload.content, filename);
    if ('refused' in type) throw requestsErrors.REQUEST_ATTACHMENT_TYPE.create([filename, type.refused]);
    if (upload.commentId) {
      const comment = await this.store.getComment(upload.commentId);
      if (comment?.request_id !== row.id) {
        throw requestsErrors.REQUEST_COMMENT_NOT_FOUND.create([row.number, upload.commentId]);
      }
    }
    const existing = await this.store.attachments(row.id);
    if (existing.length >= this.limits.maxPerRequest) {
      throw requestsErrors.REQUEST_ATTACHMENTS_FULL.create([row.number, this.limits.maxPerRequest]);
    }
    const now = this.service.nowIso();
    const attachment = {
      id: newId(),
      request_id: row.id,
      comment_id: upload.commentId ?? null,
      filename,
      content_type: type.contentType,
      size: upload.content.length,
      sha256: createHash('sha256').update(upload.content).digest('hex'),
      uploaded_by: principal.user.id,
      created_at: now,
    };
    await this.store.transaction(async (store, trx) => {
      await store.insertAttachment({ ...attachment, content: upload.content });
      await store.update(row.id, { updated_at: now });
      await this.service.event(
        store,
        row.id,
        principal.user.id,
        'attached',
        null,
        null,
        { attachmentId: attachment.id, filename },
        now,
      );
      await this.audit.record(
        actor,
        {
          action: 'requests.attach',
          target: `#${row.number}`,
          details: {
            id: row.id,
            attachmentId: attachment.id,
            filename,
            size: attachment.size,
            sha256: attachment.sha256,
          },
        },
        trx,
      );
    });
    return toAttachment(attachment, new PersonCache(this.people));
  }

  /** The stored bytes and how to serve them, for someone who may see the request. */
  async download(principal: Principal, id: string, attachmentId: string) {
    const row = await this.service.visible(principal, id);
    const found = await this.store.attachment(row.id, attachmentId);
    if (!found) throw requestsErrors.REQUEST_ATTACHMENT_NOT_FOUND.create([row.number, attachmentId]);
    return { filename: found.filename, contentType: found.content_type, content: Buffer.from(found.content) };
  }
}

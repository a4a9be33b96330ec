import nodemailer from 'nodemailer';
import { adapter } from '../../core/extension.js';
import {
  type ChannelContext,
  channelPoint,
  DeliveryError,
  type NotificationChannel,
  type OutgoingMessage,
} from './channel.js';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** The e-mail of a notice: plain text, and the same words as simple HTML with one link. */
export function emailContent(message: OutgoingMessage, preferencesUrl: string | null) {
  const footer = preferencesUrl
    ? `You get this e-mail because of your notification choices: ${preferencesUrl}`
    : 'You get this e-mail because of your notification choices in the portal.';
  const text = [message.body, message.url ? `Open: ${message.url}` : null, '--', footer]
    .filter((line) => line !== null)
    .join('\n\n');
  const paragraphs = message.body
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replaceAll('\n', '<br>')}</p>`)
    .join('\n');
  const button = message.url
    ? `<p><a href="${escapeHtml(message.url)}" style="display:inline-block;padding:8px 14px;background:#1c7ed6;color:#fff;border-radius:4px;text-decoration:none">Open in Plinth</a></p>`
    : '';
  const footerHtml = preferencesUrl
    ? `You get this e-mail because of your <a href="${escapeHtml(preferencesUrl)}">notification choices</a>.`
    : escapeHtml(footer);
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;font-size:14px;color:#212529">
<h2 style="font-size:16px">${escapeHtml(message.title)}</h2>
${paragraphs}
${button}
<hr style="border:none;border-top:1px solid #dee2e6"><p style="color:#868e96;font-size:12px">${footerHtml}</p>
</body></html>`;
  return { subject: message.title, text, html };
}

/** E-mail over SMTP with nodemailer; the target is an e-mail address. Queued: SMTP can be slow. */
export const emailChannel = adapter<NotificationChannel, ChannelContext>(channelPoint, {
  name: 'email',
  description: 'E-mail through the SMTP server of notifications.email',
  capabilities: { queued: true, personal: true },
  create: ({ config: context }) => {
    const c = context.config.email;
    const timeout = c.timeoutSeconds * 1000;
    const transport = nodemailer.createTransport({
      host: c.host,
      port: c.port,
      secure: c.secure,
      requireTLS: !c.secure && c.starttls === 'required',
      ignoreTLS: !c.secure && c.starttls === 'never',
      auth: c.user ? { user: c.user, pass: c.password ?? '' } : undefined,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
    return {
      async deliver(target, message) {
        const content = emailContent(message, context.preferencesUrl);
        try {
          await transport.sendMail({
            from: c.from,
            to: target,
            ...content,
            headers: { 'X-Plinth-Topic': message.topic, 'X-Plinth-Delivery': message.deliveryId },
          });
        } catch (error) {
          const err = error as { message?: string; responseCode?: number };
          // 5xx from the server is a permanent refusal (unknown mailbox); everything else may pass later.
          const permanent = typeof err.responseCode === 'number' && err.responseCode >= 500;
          throw new DeliveryError(`SMTP: ${err.message ?? String(error)}`, !permanent);
        }
      },
      async close() {
        transport.close();
      },
    };
  },
});

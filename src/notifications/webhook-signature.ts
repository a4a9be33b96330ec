import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature receivers check: HMAC-SHA256 with the webhook's secret over
 * `<timestamp>.<raw body>`, hex, sent as `X-Plinth-Signature: v1=<hex>` next to
 * `X-Plinth-Timestamp: <unix seconds>`. The timestamp in the signed text stops replays of old bodies.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Checks a signature as a receiver would, refusing timestamps further than `toleranceSeconds` away. */
export function verifyWebhook(
  secret: string,
  headers: { signature: string | undefined; timestamp: string | undefined },
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  if (!headers.signature || !headers.timestamp || !/^\d{1,12}$/.test(headers.timestamp)) return false;
  const timestamp = Number(headers.timestamp);
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

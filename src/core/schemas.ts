import { Type } from 'typebox';

/** The body of every error response: a stable code, a human message, optional structured details. */
export const ErrorBody = Type.Object({
  code: Type.String({ description: 'Stable error code, e.g. AUTH_INVALID_CREDENTIALS' }),
  message: Type.String({ description: 'Human-readable explanation that says where the problem is' }),
  details: Type.Optional(Type.Unknown()),
});
export type ErrorBody = Type.Static<typeof ErrorBody>;

/** Cursor pagination query shared by every list route. */
export const PageQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'Opaque cursor from a previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
});

/** A page of items and the cursor of the next page (null on the last page). */
export const Page = <T extends Type.TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });

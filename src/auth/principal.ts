import type { Actor } from './audit-log.js';
import type { Role } from './schemas.js';
import type { UsersTable } from './tables.js';

/** The signed-in caller of a request, however they proved who they are. */
export interface Principal {
  user: UsersTable;
  role: Role;
  method: 'session' | 'token';
  sessionId?: string;
  tokenId?: string;
}

export function actorOf(principal: Principal | null, ip: string | null): Actor {
  return { userId: principal?.user.id ?? null, username: principal?.user.username ?? null, ip };
}

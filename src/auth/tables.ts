/** Row shapes of the auth domain's tables. Timestamps are ISO-8601 UTC strings; booleans are 0/1. */
export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  role: string;
  password_hash: string | null;
  must_change_password: number;
  disabled: number;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface TeamsTable {
  id: string;
  name: string;
  title: string;
  description: string;
  created_at: string;
  updated_at: string;
}

export interface TeamMembersTable {
  team_id: string;
  user_id: string;
  added_at: string;
}

export interface SessionsTable {
  /** sha256 of the cookie value: a stolen database does not yield live sessions. */
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  /** ULID: sorts by time, so it doubles as the pagination cursor. */
  id: string;
  at: string;
  actor_id: string | null;
  actor: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  details: string;
}

/** Failed sign-ins counted against one account name (known or not: both are treated alike). */
export interface SignInLockoutsTable {
  /** The name as typed at sign-in, trimmed and lower-cased. */
  username: string;
  failures: number;
  lock_count: number;
  locked_until: string | null;
  last_failure_at: string;
  /** Bumped on every write: a write that read an older version lost a race and reads again. */
  version: number;
}

export interface AuthTables {
  users: UsersTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  sign_in_lockouts: SignInLockoutsTable;
}

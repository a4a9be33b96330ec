import type { PersonRef } from './schemas.js';

/** A person as the request loop needs them. */
export interface Person extends PersonRef {
  role: string;
  disabled: boolean;
}

/** What the request loop asks the accounts domain; wired by the server from the auth stores. */
export interface People {
  byId(id: string): Promise<Person | null>;
  byUsername(username: string): Promise<Person | null>;
  /** Every Keeper whose account is not disabled. */
  keepers(): Promise<Person[]>;
  teamsOf(userId: string): Promise<string[]>;
}

/** The structural slice of the auth user store this module reads. */
export interface UserRows {
  findById(id: string): Promise<UserRow | undefined>;
  findByUsername(username: string): Promise<UserRow | undefined>;
  list(filter: { role?: 'keeper' | 'member'; limit: number }): Promise<UserRow[]>;
  teamsOf(userIds: string[]): Promise<Map<string, { name: string }[]>>;
}
interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: string;
  disabled: number;
}

const toPerson = (row: UserRow): Person => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  disabled: row.disabled === 1,
});

/** People read from the auth user store. */
export function peopleFrom(users: UserRows): People {
  return {
    byId: async (id) => {
      const row = await users.findById(id);
      return row ? toPerson(row) : null;
    },
    byUsername: async (username) => {
      const row = await users.findByUsername(username);
      return row ? toPerson(row) : null;
    },
    keepers: async () =>
      (await users.list({ role: 'keeper', limit: 1000 })).map(toPerson).filter((p) => !p.disabled),
    teamsOf: async (userId) => ((await users.teamsOf([userId])).get(userId) ?? []).map((t) => t.name),
  };
}

const UNKNOWN = (id: string): PersonRef => ({ id, username: 'unknown', displayName: 'A former user' });

/** Looks people up once per call, however often a list names them. */
export class PersonCache {
  private readonly found = new Map<string, Promise<Person | null>>();
  constructor(private readonly people: People) {}

  async ref(id: string): Promise<PersonRef> {
    if (!this.found.has(id)) this.found.set(id, this.people.byId(id));
    const person = await this.found.get(id);
    return person
      ? { id: person.id, username: person.username, displayName: person.displayName }
      : UNKNOWN(id);
  }

  async maybe(id: string | null): Promise<PersonRef | null> {
    return id ? this.ref(id) : null;
  }
}

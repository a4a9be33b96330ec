import type { TestServer } from '../helpers/server.js';

interface Fixture {
  username: string | null;
  unique(prefix: string): string;
}

/** A request filed by the caller (by a fresh member for anonymous callers, who get 401 anyway). */
export async function ownRequest(t: TestServer, f: Fixture): Promise<string> {
  const owner = f.username ?? (await t.createUser({ username: f.unique('requester') })).username;
  const user = await t.server.auth.userStore.findByUsername(owner);
  if (!user) throw new Error(`no user ${owner}`);
  const filed = await t.server.requests.service.file(
    { user, role: user.role as 'keeper' | 'member', method: 'token' },
    { userId: user.id, username: owner, ip: null },
    { title: 'Matrix request', description: '', category: 'help' },
  );
  return filed.id;
}

/** An attachment on a request of the caller; returns its download path. */
export async function ownAttachment(t: TestServer, f: Fixture): Promise<string> {
  const id = await ownRequest(t, f);
  const row = await t.server.requests.service.visible(
    { user: { role: 'keeper' } as never, role: 'keeper', method: 'token' },
    id,
  );
  const user = await t.server.auth.userStore.findById(row.requester_id);
  if (!user) throw new Error('no requester');
  const attachment = await t.server.requests.attachments.attach(
    { user, role: user.role as 'keeper' | 'member', method: 'token' },
    { userId: user.id, username: user.username, ip: null },
    id,
    { filename: 'notes.txt', content: Buffer.from('matrix notes\n') },
  );
  return attachment.url;
}

/** Who the snippets are for and where the portal is. */
export interface SnippetContext {
  baseUrl: string;
  username: string;
  team: string | null;
}

export interface UsageSnippets {
  browser: string;
  curl: string;
  python: string;
  cli: string;
}

interface Call {
  method: 'GET' | 'POST';
  path: string;
  body?: Record<string, unknown>;
}

/**
 * Copy-paste examples of one call in each client. The token is always a placeholder: a snippet
 * is safe to paste into a chat or a ticket.
 */
function snippetsFor(ctx: SnippetContext, call: Call, cli: string): UsageSnippets {
  const url = `${ctx.baseUrl}${call.path}`;
  const json = call.body ? JSON.stringify(call.body) : undefined;
  const curl = [
    `curl -fsS${call.method === 'POST' ? ' -X POST' : ''} "${url}" \\`,
    `  -H "Authorization: Bearer $PLINTH_TOKEN"${json ? ' \\' : ''}`,
    ...(json ? [`  -H "Content-Type: application/json" -d '${json}'`] : []),
  ].join('\n');
  const python = [
    'import os, requests',
    '',
    `response = requests.${call.method.toLowerCase()}(`,
    `    "${url}",`,
    '    headers={"Authorization": f"Bearer {os.environ[\'PLINTH_TOKEN\']}"},',
    ...(call.body ? [`    json=${pythonLiteral(call.body)},`] : []),
    '    timeout=10,',
    ')',
    'response.raise_for_status()',
    'print(response.json())',
  ].join('\n');
  const browser = [
    `const response = await fetch('${url}', {`,
    ...(call.method === 'POST' ? ["  method: 'POST',"] : []),
    `  headers: { Authorization: 'Bearer <your token>'${json ? ", 'Content-Type': 'application/json'" : ''} },`,
    ...(json ? [`  body: JSON.stringify(${json}),`] : []),
    '});',
    'console.log(await response.json());',
  ].join('\n');
  return { browser, curl, python, cli };
}

function pythonLiteral(value: Record<string, unknown>): string {
  const words: Record<string, string> = { true: 'True', false: 'False', null: 'None' };
  // Only bare words change: text inside strings stays as it is.
  return JSON.stringify(value).replace(/("(?:[^"\\]|\\.)*")|\b(true|false|null)\b/g, (match, text, word) =>
    text ? match : (words[word] ?? match),
  );
}

/** The snippets of each turnkey service for one person. */
export const SERVICE_SNIPPETS: Record<string, (ctx: SnippetContext) => UsageSnippets> = {
  ids: (ctx) =>
    snippetsFor(
      ctx,
      { method: 'GET', path: '/api/ids/snowflake?count=5' },
      'plinth id --type snowflake -n 5',
    ),
  credentials: (ctx) =>
    snippetsFor(
      ctx,
      {
        method: 'POST',
        path: '/api/credentials/ssh-key',
        body: { algorithm: 'ed25519', comment: `${ctx.username}@laptop` },
      },
      `plinth credential ssh-key --comment ${ctx.username}@laptop --out ~/.ssh/id_plinth`,
    ),
  vault: (ctx) => {
    const team = ctx.team ?? '<team>';
    return snippetsFor(
      ctx,
      { method: 'POST', path: `/api/secrets/${team}/DATABASE_PASSWORD/reveal`, body: {} },
      `plinth secret get ${team}/DATABASE_PASSWORD`,
    );
  },
};

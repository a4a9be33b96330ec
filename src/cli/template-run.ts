import type { ApiClient } from './api-client.js';
import { CliError } from './cli-error.js';
import { readEvents } from './event-stream.js';
import type { Task } from './template-api.js';

/**
 * Starts a task and follows it over its server-sent events until it ends, handing each log
 * line to `onLine`; returns the task as it ended.
 */
export async function runTask(
  client: ApiClient,
  body: { templateRef: string; parameters: Record<string, unknown> },
  onLine: (line: { level: string; stepId: string | null; message: string }) => void,
): Promise<Task> {
  const created = await client.request<Task>('POST', '/api/tasks', { body });
  let task = created;
  let after = 0;
  // A dropped connection resumes after the last line it printed; a few quick failures end it.
  for (let attempt = 0; attempt < 5; attempt++) {
    const response = await client.send('GET', `/api/tasks/${created.id}/logs/stream`, {
      query: { after },
      headers: { accept: 'text/event-stream' },
      stream: true,
    });
    if (!response.body) break;
    try {
      for await (const { event, data } of readEvents(response.body)) {
        const payload: unknown = JSON.parse(data);
        if (event === 'task') task = payload as Task;
        else if (event === 'log') {
          for (const line of payload as {
            seq: number;
            level: string;
            stepId: string | null;
            message: string;
          }[]) {
            onLine(line);
            after = line.seq;
          }
        } else if (event === 'end') return task;
      }
    } catch (error) {
      if (error instanceof CliError) throw error;
    }
    await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
  }
  return client.request<Task>('GET', `/api/tasks/${created.id}`);
}

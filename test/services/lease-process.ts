// One replica of the ID generator, as a separate process: it leases a worker id on the database
// named by argv[2], says "ready", issues snowflakes until its stdin closes, and writes them (one per
// line) to argv[3].
import { writeFileSync } from 'node:fs';
import { openDatabase } from '../../src/core/db/database.js';
import { createLogger } from '../../src/core/logger.js';
import { defaultRegistry } from '../../src/server/create-server.js';
import { DEFAULT_LAYOUT } from '../../src/services/ids/layout.js';
import { ClockBehindError, SnowflakeGenerator } from '../../src/services/ids/snowflake.js';
import { WorkerLease } from '../../src/services/ids/worker-lease.js';

const [url, outFile, name] = process.argv.slice(2) as [string, string, string];
const logger = createLogger('silent');
const database = await openDatabase(defaultRegistry(), { url, dataDir: '/tmp' }, logger);
// One worker id for two replicas: they can only take turns.
const layout = { ...DEFAULT_LAYOUT, workerBits: 0 };
const generator = new SnowflakeGenerator(layout);
const lease = new WorkerLease(database.db, logger, {
  workers: 1,
  leaseMs: 600,
  onWindow: (window) => generator.setWindow(window),
  lastIssuedMs: () => generator.lastIssuedMs,
  name,
});
await lease.start();
let stopping = false;
process.stdin.on('data', () => {});
process.stdin.on('end', () => {
  stopping = true;
});
process.stdout.write('ready\n');
const ids: string[] = [];
let refused = 0;
while (!stopping) {
  for (let i = 0; i < 50; i++) {
    try {
      ids.push(generator.next().toString());
    } catch (error) {
      if (!(error instanceof ClockBehindError)) refused++;
      break;
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 2));
}
await lease.stop();
writeFileSync(outFile, ids.join('\n'));
process.stdout.write(JSON.stringify({ issued: ids.length, refused }));
await database.close();

/** What the platform's own check of a service found. */
export type HealthStatus = 'operational' | 'degraded' | 'down' | 'disabled';

export interface Health {
  status: HealthStatus;
  message: string;
  checkedAt: string;
  latencyMs: number;
}

export type HealthCheck = () => Promise<{ status: HealthStatus; message: string }>;

const TIMEOUT_MS = 5000;

/** Runs each service's check on a timer and keeps the last result, so a page load never waits on one. */
export class HealthMonitor {
  private readonly results = new Map<string, Health>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly checks: Record<string, HealthCheck>,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The last result of each check, checking first when it is missing or older than the interval. */
  async current(): Promise<Map<string, Health>> {
    const stale = Object.keys(this.checks).some((id) => {
      const result = this.results.get(id);
      return !result || Date.now() - Date.parse(result.checkedAt) > this.intervalMs;
    });
    if (stale) await this.refresh();
    return this.results;
  }

  /** The last results, without checking again. */
  last(): ReadonlyMap<string, Health> {
    return this.results;
  }

  refresh(): Promise<void> {
    this.running ??= Promise.all(Object.entries(this.checks).map(([id, check]) => this.run(id, check))).then(
      () => {
        this.running = null;
      },
    );
    return this.running;
  }

  private async run(id: string, check: HealthCheck) {
    const started = performance.now();
    let timeout: NodeJS.Timeout | undefined;
    const result = await Promise.race([
      check().catch((error: Error) => ({ status: 'down' as const, message: error.message })),
      new Promise<{ status: HealthStatus; message: string }>((resolve) => {
        timeout = setTimeout(
          () => resolve({ status: 'down', message: `no answer within ${TIMEOUT_MS / 1000} s` }),
          TIMEOUT_MS,
        );
      }),
    ]);
    clearTimeout(timeout);
    this.results.set(id, {
      ...result,
      checkedAt: new Date().toISOString(),
      latencyMs: Math.round((performance.now() - started) * 10) / 10,
    });
  }
}

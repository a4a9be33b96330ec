import { Gauge, type Registry } from 'prom-client';
import type { HealthMonitor } from './health.js';
import type { WorkerLease } from './ids/worker-lease.js';

/** What operators alert on: a replica without a worker id, a service whose check fails. */
export function registerServicesMetrics(registry: Registry, lease: WorkerLease, health: HealthMonitor): void {
  new Gauge({
    name: 'plinth_ids_worker_lease_held',
    help: 'Whether this replica holds a snowflake worker-id lease (1) or cannot issue snowflakes (0)',
    registers: [registry],
    collect() {
      this.set(lease.state().state === 'held' ? 1 : 0);
    },
  });
  new Gauge({
    name: 'plinth_service_up',
    help: 'Last health check of each turnkey service: 1 operational, 0 otherwise (disabled included)',
    labelNames: ['service'] as const,
    registers: [registry],
    collect() {
      for (const [service, result] of health.last())
        this.set({ service }, result.status === 'operational' ? 1 : 0);
    },
  });
}

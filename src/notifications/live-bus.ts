import { EventEmitter } from 'node:events';
import type { NotificationItem } from './schemas.js';

/**
 * Tells open notification streams of this process that a person's inbox changed. Streams also
 * re-read the database on a slow tick, so a change made by another replica shows up too.
 */
export class LiveBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // One listener per open browser tab; a busy portal has many.
    this.emitter.setMaxListeners(0);
  }

  publish(userId: string, change: { item?: NotificationItem }) {
    this.emitter.emit(userId, change);
  }

  subscribe(userId: string, listener: (change: { item?: NotificationItem }) => void): () => void {
    this.emitter.on(userId, listener);
    return () => this.emitter.off(userId, listener);
  }
}

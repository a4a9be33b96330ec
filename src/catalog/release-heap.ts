import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

/**
 * Runs a full garbage collection now. A large revision leaves a few hundred megabytes of garbage
 * in the old generation of the heap (rows, relations and search documents that lived through a
 * write), which V8 otherwise collects only once it needs room again or after a long idle spell: until
 * then the server would keep the size of its largest sync. `--expose-gc` given after start-up only
 * reaches new contexts, hence the function is taken from one. Does nothing where that is refused.
 */
export function releaseHeap(): void {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}

import { useSyncExternalStore } from 'react';
import type { RequestContext } from './request-types.js';

/** Whether the new-request dialog is open, and what it is about. One for the whole portal. */
export interface RequestFormState {
  open: boolean;
  context: RequestContext | null;
  /** A suggested title, e.g. from a guide step. */
  title?: string;
}

let state: RequestFormState = { open: false, context: null };
const listeners = new Set<() => void>();

function set(next: RequestFormState) {
  state = next;
  for (const listener of listeners) listener();
}

/** Opens the new-request dialog from anywhere, with what the request is about attached. */
export function openRequestForm(context: RequestContext | null, title?: string): void {
  set({ open: true, context, title });
}

export function closeRequestForm(): void {
  set({ ...state, open: false });
}

export function useRequestForm(): RequestFormState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

/**
 * One fetch at a time per host, with a pause between them, so we never hammer a site.
 *
 * The interface is deliberately tiny so a cross-process implementation (e.g. PostgreSQL
 * advisory locks) can replace the in-memory one without touching the fetchers.
 */
export interface HostQueue {
  /**
   * Runs `task` once no other task for `hostname` is running here and at least `delayMs` has
   * passed since the previous one for that hostname finished. Resolves or rejects with the
   * task's own outcome; a failing task does not stall the tasks queued behind it.
   */
  run<T>(hostname: string, delayMs: number, task: () => Promise<T>): Promise<T>;
}

interface HostState {
  /** Settles when the last task queued for this host has finished. */
  tail: Promise<void>;
  /** Date.now() when the previous task finished; 0 before the first. */
  lastFinishedAt: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** An in-process queue keyed by lower-cased hostname (ports share the host's queue). */
export function createHostQueue(): HostQueue {
  const hosts = new Map<string, HostState>();
  return {
    run<T>(hostname: string, delayMs: number, task: () => Promise<T>): Promise<T> {
      const key = hostname.toLowerCase();
      let state = hosts.get(key);
      if (!state) {
        state = { tail: Promise.resolve(), lastFinishedAt: 0 };
        hosts.set(key, state);
      }
      const host = state;
      const result = host.tail.then(async () => {
        const wait = host.lastFinishedAt + delayMs - Date.now();
        if (host.lastFinishedAt > 0 && wait > 0) await sleep(wait);
        try {
          return await task();
        } finally {
          host.lastFinishedAt = Date.now();
        }
      });
      host.tail = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
  };
}

/** The process-wide queue every fetch uses unless FetchOptions.hostQueue says otherwise. */
export const defaultHostQueue: HostQueue = createHostQueue();

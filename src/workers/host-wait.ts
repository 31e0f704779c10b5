import { setTimeout as sleep } from 'node:timers/promises';
import { HostBusyError } from '../core/stage-errors.js';

/** Runs `fn`, waiting out a busy host as often as it says so: the in-process form of a delayed job. */
export async function waitForHost<T>(fn: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (!(err instanceof HostBusyError)) throw err;
      await sleep(err.waitMs);
    }
  }
}

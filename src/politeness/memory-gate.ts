import type { HostGate, PolitenessSettings } from '../core/host-gate.js';
import { HostBusyError } from '../core/stage-errors.js';

/** A host's own minimum gap, such as its robots.txt Crawl-delay; the larger gap wins. */
export type HostGap = (host: string) => number | undefined;

interface HostSlot {
  lastAt: number;
  inFlight: number;
}

/** The same rule as the Redis gate, for the inline runner: one process, so memory suffices. */
export function createMemoryHostGate(
  settings: PolitenessSettings,
  now = Date.now,
  hostGap: HostGap = () => undefined,
): HostGate {
  const hosts = new Map<string, HostSlot>();
  return {
    async acquire(host) {
      const slot = hosts.get(host) ?? { lastAt: -Infinity, inFlight: 0 };
      hosts.set(host, slot);
      const gap = Math.max(settings.minGapMs, hostGap(host) ?? 0);
      const wait = slot.lastAt + gap - now();
      if (wait > 0) throw new HostBusyError(host, wait);
      if (slot.inFlight >= settings.maxConcurrent) {
        throw new HostBusyError(host, Math.max(gap, 50));
      }
      slot.lastAt = now();
      slot.inFlight += 1;
      return async () => {
        slot.inFlight -= 1;
      };
    },
  };
}

/**
 * Per-host politeness: a minimum gap between requests to one host and a cap on requests in
 * flight to it, shared by every worker. `acquire` either grants a slot (call the returned
 * release when the request is done) or throws HostBusyError with how long to wait.
 */
export interface HostGate {
  acquire(host: string): Promise<() => Promise<void>>;
}

export interface PolitenessSettings {
  minGapMs: number;
  maxConcurrent: number;
}

import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockedAddressError } from '../core/http-errors.js';
import { isPublicAddress } from './address-policy.js';

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** The shape net.connect calls: with `all: true` (Node 20's autoSelectFamily) or one address. */
export type ConnectLookup = (
  hostname: string,
  options: LookupOptions,
  callback: LookupCallback,
) => void;

/**
 * Resolves like dns.lookup, then keeps only public addresses, so the check happens on the
 * address the socket really connects to (no DNS-rebinding gap between check and connect).
 */
export function guardedLookup(
  hostname: string,
  options: LookupOptions,
  callback: LookupCallback,
): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const allowed = addresses.filter((entry) => isPublicAddress(entry.address));
    const first = allowed[0];
    if (first === undefined) return callback(blocked(hostname, addresses), []);
    if (options.all === true) return callback(null, allowed);
    callback(null, first.address, first.family);
  });
}

function blocked(hostname: string, addresses: LookupAddress[]): BlockedAddressError {
  const list = addresses.map((entry) => entry.address).join(', ');
  return new BlockedAddressError(`${hostname} resolves only to non-public addresses (${list})`, {
    context: { host: hostname },
  });
}

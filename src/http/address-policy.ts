import ipaddr from 'ipaddr.js';
import { BlockedAddressError } from '../core/http-errors.js';

/**
 * Only addresses ipaddr.js classifies as plain `unicast` are public. Everything else is refused:
 * loopback, private, linkLocal, uniqueLocal, carrierGradeNat, multicast, unspecified, broadcast,
 * reserved, and the IPv6 transition ranges (6to4, teredo, NAT64) that can wrap an internal IPv4.
 * IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged by the IPv4 address inside it.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process() unwraps IPv4-mapped IPv6 into the IPv4 address.
  return ipaddr.process(address).range() === 'unicast';
}

/** Hostname of a URL without the brackets of an IPv6 literal. */
export function bareHostname(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

export function isIpLiteral(hostname: string): boolean {
  return ipaddr.isValid(hostname);
}

export function assertPublicAddress(address: string, host: string): void {
  if (!isPublicAddress(address)) {
    throw new BlockedAddressError(`${host} resolves to non-public address ${address}`, {
      context: { host, address },
    });
  }
}

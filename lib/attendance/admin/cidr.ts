import { parseNetworks } from "../networks";

// Office networks as CIDR blocks ("103.10.20.0/24", "2001:db8:10::/48"), in the syntax the check-in reads
// (lib/attendance/networks.ts). The admin form is stricter than the reader: a prefix is required, so nobody lists
// one NAT address believing it covers the whole office, and an IPv6 zone ("%eth0") means nothing off the host.

/** True for an IPv4 block with a prefix 0-32 or an IPv6 block with a prefix 0-128. */
export function isCidr(text: string): boolean {
  return /^[^/%\s,]+\/\d{1,3}$/.test(text) && parseNetworks(text) !== null;
}

/** The blocks of a list separated by commas, spaces or new lines (the separators the reader splits on). */
export const splitNetworks = (text: string): string[] => text.split(/[\s,]+/).filter((s) => s !== "");

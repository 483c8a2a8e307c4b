import { BlockList, isIP } from "node:net";

// Office networks of a site as CIDRs ("10.20.0.0/16, 2001:db8::/48"): a WFO record from elsewhere is flagged.

export function parseNetworks(text: string): { family: "ipv4" | "ipv6"; address: string; prefix: number }[] | null {
  const out: { family: "ipv4" | "ipv6"; address: string; prefix: number }[] = [];
  for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
    const [address, prefixText] = entry.split("/");
    const version = isIP(address);
    const max = version === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? max : Number(prefixText);
    if (!version || !/^\d{1,3}$/.test(prefixText ?? String(max)) || prefix > max) return null;
    out.push({ family: version === 4 ? "ipv4" : "ipv6", address, prefix });
  }
  return out;
}

export function inNetworks(ip: string, networks: string): boolean {
  const list = parseNetworks(networks);
  const version = isIP(ip.replace(/^::ffff:(?=\d+\.)/, ""));
  if (!list || !version) return false;
  const blocks = new BlockList();
  for (const n of list) blocks.addSubnet(n.address, n.prefix, n.family);
  const plain = ip.replace(/^::ffff:(?=\d+\.)/, "");
  return blocks.check(plain, version === 4 ? "ipv4" : "ipv6");
}

/**
 * The system resolver configuration c-ares reads at channel creation:
 * `nameserver` lines and `options timeout:N attempts:N rotate` from
 * /etc/resolv.conf. Read once per channel; a missing or unreadable file
 * means 127.0.0.1:53, as c-ares falls back to.
 */
import { isIP, O_CLOEXEC, O_RDONLY, unistd } from '@mini/sys';

export interface Server {
  family: 4 | 6;
  address: string;
  port: number;
}

export interface SystemConfig {
  servers: Server[];
  /** Per-try timeout in ms from `options timeout:`, or undefined. */
  timeout: number | undefined;
  /** `options attempts:`; Node always passes its own `tries`, so this is reported, never applied. */
  attempts: number | undefined;
  rotate: boolean;
}

export const DNS_PORT = 53;

export function parseResolvConf(text: string): SystemConfig {
  const config: SystemConfig = { servers: [], timeout: undefined, attempts: undefined, rotate: false };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const [key, ...values] = line.split(/\s+/);
    if (key === 'nameserver' && values[0] !== undefined) {
      // A scope suffix (fe80::1%eth0) is not ours to honour; the address is.
      const address = values[0].replace(/%.*$/, '');
      const family = isIP(address);
      if (family === 4 || family === 6) config.servers.push({ family, address, port: DNS_PORT });
    } else if (key === 'options') {
      for (const option of values) {
        const [name, value] = option.split(':');
        const n = Number(value);
        if (name === 'timeout' && Number.isInteger(n) && n > 0) config.timeout = n * 1000;
        else if (name === 'attempts' && Number.isInteger(n) && n > 0) config.attempts = n;
        else if (name === 'rotate') config.rotate = true;
      }
    }
  }
  if (config.servers.length === 0) config.servers.push({ family: 4, address: '127.0.0.1', port: DNS_PORT });
  return config;
}

/** A small system file's text, read with our own open/read as c-ares does; '' when absent. */
export function readTextFile(path: string): string {
  const chunks: Buffer[] = [];
  const fd = unistd.open(path, O_RDONLY | O_CLOEXEC, 0);
  if (fd >= 0) {
    try {
      for (;;) {
        const buf = Buffer.alloc(4096);
        const n = Number(unistd.read(fd, buf, buf.length));
        if (n <= 0) break;
        chunks.push(buf.subarray(0, n));
      }
    } finally {
      unistd.close(fd);
    }
  }
  return Buffer.concat(chunks).toString('latin1');
}

export function readSystemConfig(path = '/etc/resolv.conf'): SystemConfig {
  return parseResolvConf(readTextFile(path));
}

/**
 * /etc/hosts as c-ares' gethostbyaddr reads it ("files" before "dns"): every
 * line of one address merged, in file order, names de-duplicated; the first
 * name is the host's, the rest its aliases. Keyed by `key(address)`, which
 * must put both spellings of an IPv6 address to one key.
 */
export function parseHosts(text: string, key: (address: string) => string | undefined): Map<string, string[]> {
  const hosts = new Map<string, string[]>();
  for (const raw of text.split('\n')) {
    const [address, ...names] = raw.replace(/#.*$/, '').trim().split(/\s+/);
    if (address === undefined || names.length === 0) continue;
    const k = key(address);
    if (k === undefined) continue;
    const list = hosts.get(k) ?? [];
    for (const name of names) if (!list.some((n) => n.toLowerCase() === name.toLowerCase())) list.push(name);
    hosts.set(k, list);
  }
  return hosts;
}

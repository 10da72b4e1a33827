/**
 * tls.checkServerIdentity: does a certificate name the host we meant to
 * reach? The rules are RFC 6125's as Node applies them: IP literals only
 * against the IP SANs; names against the DNS SANs, or the subject's CN
 * when there are none; a wildcard only as the whole or part of the
 * leftmost label, never in a two-label pattern nor over an IDNA label.
 */
import { codedError, isIP } from '@mini/sys';

interface Cert {
  subject?: { CN?: string | string[] } | null;
  subjectaltname?: string;
}

/** An IP in the one spelling both sides compare in (::1 and 0:0:0:0:0:0:0:1 alike). */
function canonicalIP(ip: string): string {
  try {
    const host = new URL(`http://${isIP(ip) === 6 ? `[${ip}]` : ip}/`).hostname;
    return host.startsWith('[') ? host.slice(1, -1) : host;
  } catch {
    return ip;
  }
}

function lowerAscii(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function splitHost(host: string): string[] {
  return lowerAscii(host.endsWith('.') ? host.slice(0, -1) : host).split('.');
}

function matches(hostParts: string[], pattern: string | undefined, wildcards: boolean): boolean {
  if (!pattern) return false;
  const patternParts = splitHost(pattern);
  if (hostParts.length !== patternParts.length) return false;
  if (patternParts.includes('')) return false;
  // Only printable ASCII in a pattern: an IDN must be in its xn-- form.
  if (patternParts.some((p) => /[^\u0021-\u007F]/u.test(p))) return false;
  for (let i = hostParts.length - 1; i > 0; i--) if (hostParts[i] !== patternParts[i]) return false;
  const hostLabel = hostParts[0]!;
  const patternLabel = patternParts[0]!;
  const pieces = patternLabel.split('*');
  if (pieces.length === 1 || patternLabel.includes('xn--')) return hostLabel === patternLabel;
  if (!wildcards || pieces.length > 2 || patternParts.length <= 2) return false;
  const [prefix, suffix] = pieces as [string, string];
  if (prefix.length + suffix.length > hostLabel.length) return false;
  return hostLabel.startsWith(prefix) && hostLabel.endsWith(suffix);
}

/** SAN entries split on ", " except inside the quotes OpenSSL puts around a value holding one. */
function splitAltNames(altNames: string): string[] {
  if (!altNames.includes('"')) return altNames.split(', ');
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < altNames.length; i++) {
    const c = altNames[i]!;
    if (quoted) {
      if (c === '\\' && i + 1 < altNames.length) current += altNames[++i];
      else if (c === '"') quoted = false;
      else current += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',' && altNames[i + 1] === ' ') {
      out.push(current);
      current = '';
      i++;
    } else {
      current += c;
    }
  }
  out.push(current);
  return out;
}

export function checkServerIdentity(hostname: string, cert: Cert): Error | undefined {
  const subject = cert.subject;
  const altNames = cert.subjectaltname;
  const dnsNames: string[] = [];
  const ips: string[] = [];
  hostname = `${hostname}`;
  if (altNames) {
    for (const name of splitAltNames(altNames)) {
      if (name.startsWith('DNS:')) dnsNames.push(name.slice(4));
      else if (name.startsWith('IP Address:')) ips.push(canonicalIP(name.slice(11)));
    }
  }
  let valid = false;
  let reason = 'Unknown reason';
  if (isIP(hostname)) {
    valid = ips.includes(canonicalIP(hostname));
    if (!valid) reason = `IP: ${hostname} is not in the cert's list: ${ips.join(', ')}`;
  } else if (dnsNames.length > 0 || subject?.CN) {
    const hostParts = splitHost(hostname);
    if (dnsNames.length > 0) {
      valid = dnsNames.some((p) => matches(hostParts, p, true));
      if (!valid) reason = `Host: ${hostname}. is not in the cert's altnames: ${altNames}`;
    } else {
      const cn = subject!.CN;
      valid = Array.isArray(cn) ? cn.some((p) => matches(hostParts, p, true)) : matches(hostParts, cn, true);
      if (!valid) reason = `Host: ${hostname}. is not cert's CN: ${String(cn)}`;
    }
  } else {
    reason = 'Cert does not contain a DNS name';
  }
  if (valid) return undefined;
  return Object.assign(codedError('ERR_TLS_CERT_ALTNAME_INVALID', reason), { reason, host: hostname, cert });
}

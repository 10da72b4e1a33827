/**
 * node:net's address checks (isIP, isIPv4, isIPv6), ours: they sit on the
 * path of every first socket and every dns call, where loading the host's
 * node:net for them cost ~2.5 ms.
 *
 * The forms accepted are node's: dotted IPv4 with no leading zeros, and
 * IPv6 as up to eight groups of 1–4 hex digits with at most one `::` (which
 * stands for one group or more), possibly ending in a dotted IPv4 (two
 * groups' worth), possibly followed by a `%zone` of letters, digits and
 * `-.:`. test/ip.test.ts compares this with the host's on many inputs.
 */

/** 0–255 written without leading zeros. */
function isOctet(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 3) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  if (n > 1 && s.charCodeAt(0) === 48) return false;
  return Number(s) <= 255;
}

/** What a RegExp test would see of a non-string: its string form (a Symbol throws there as here). */
function text(input: unknown): string {
  return typeof input === 'string' ? input : `${input as string}`;
}

export function isIPv4(value: unknown): boolean {
  const input = text(value);
  if (input.length < 7 || input.length > 15) return false;
  // A host name (nearly every input on the dns path) fails here without the split.
  const c = input.charCodeAt(0);
  if (c < 48 || c > 57) return false;
  const parts = input.split('.');
  return parts.length === 4 && parts.every(isOctet);
}

function isHexGroup(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 4) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i) | 0x20; // lower-case letters; digits are unchanged by the bit
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/** A zone id: one or more of [0-9a-zA-Z-.:]. */
function isZone(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const alnum = (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122);
    if (!alnum && c !== 45 && c !== 46 && c !== 58) return false;
  }
  return true;
}

/** How many groups `side` holds (a trailing dotted IPv4 counting two), or -1 when it is not groups. */
function countGroups(side: string, mayEndInIPv4: boolean): number {
  if (side === '') return 0;
  const groups = side.split(':');
  const last = groups.length - 1;
  let count = 0;
  for (let i = 0; i <= last; i++) {
    const g = groups[i]!;
    if (i === last && mayEndInIPv4 && g.includes('.')) {
      if (!isIPv4(g)) return -1;
      count += 2;
    } else if (isHexGroup(g)) {
      count += 1;
    } else {
      return -1;
    }
  }
  return count;
}

export function isIPv6(value: unknown): boolean {
  const input = text(value);
  // Every form has a colon: a host name is turned away before any slicing.
  if (input.length < 2 || input.indexOf(':') === -1) return false;
  let address = input;
  const percent = input.indexOf('%');
  if (percent !== -1) {
    if (!isZone(input.slice(percent + 1))) return false;
    address = input.slice(0, percent);
  }
  const gap = address.indexOf('::');
  if (gap === -1) return countGroups(address, true) === 8;
  if (address.indexOf('::', gap + 1) !== -1) return false;
  const head = countGroups(address.slice(0, gap), false);
  const tail = countGroups(address.slice(gap + 2), true);
  // `::` stands for at least one group.
  return head >= 0 && tail >= 0 && head + tail <= 7;
}

export function isIP(value: unknown): number {
  const input = text(value);
  if (isIPv4(input)) return 4;
  if (isIPv6(input)) return 6;
  return 0;
}

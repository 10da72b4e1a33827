/**
 * Host names as they reach a resolver: IDNA's ToASCII, which Node applies
 * before getaddrinfo and before every c-ares query (UTS #46 mapping, then
 * punycode per label: 'ｌｏｃａｌｈｏｓｔ' is 'localhost', 'bücher.test' is
 * 'xn--bcher-kva.test'). The URL parser's domainToASCII is that mapping; a
 * name it refuses is passed on unchanged, for the resolver to fail on.
 * Errors always name the host as the caller wrote it.
 */
import { domainToASCII } from 'node:url';

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

/** The last name converted and its form: a program asks for the same name again and again. */
let lastName = '';
let lastAscii = '';

export function toASCII(name: string): string {
  if (name === lastName) return lastAscii;
  // Plain names (nearly all of them) skip the parser: case and the trailing dot stay as given.
  const ascii = ASCII.test(name) ? name : domainToASCII(name) || name;
  lastName = name;
  lastAscii = ascii;
  return ascii;
}

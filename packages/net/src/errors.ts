/**
 * net's one error of its own: Node's errors come from @mini/sys
 * (`codedError`, the errno helpers); what is left here is mini's stand-in
 * for a failed host-name lookup until dns.lookup exists.
 */
import { codedError, type CodedError } from '@mini/sys';

export type LookupUnavailableError = CodedError<'ERR_MINI_NOT_IMPLEMENTED'> & { syscall: string; hostname: string };

/**
 * Only IP literals and 'localhost' resolve without dns.lookup; any other
 * name fails like a lookup would (`syscall`, `hostname`), naming what is
 * missing.
 */
export function lookupUnavailable(hostname: string): LookupUnavailableError {
  const err = codedError(
    'ERR_MINI_NOT_IMPLEMENTED',
    'dns.lookup',
    `cannot resolve '${hostname}' (use an IP address or 'localhost')`,
  ) as LookupUnavailableError;
  err.syscall = 'getaddrinfo';
  err.hostname = hostname;
  return err;
}

/** What a dns error shows a script, and a promise's outcome as data: compared between host node and ours. */
export type Outcome = { ok: unknown } | { err: Record<string, unknown> };

export function shape(err: unknown): Record<string, unknown> {
  const e = err as Error & Record<string, unknown>;
  return { name: e.name, message: e.message, code: e.code, errno: e.errno, syscall: e.syscall, hostname: e.hostname };
}

export async function settle(p: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: await p() };
  } catch (err) {
    return { err: shape(err) };
  }
}

/**
 * What the loop and a pool thread say to each other over their
 * MessageChannel. Work goes out as a `WorkMessage`; the thread answers with
 * one `DoneMessage` and then writes the submitting loop's eventfd, so the
 * loop, even blocked in epoll_wait, wakes and drains the port with
 * `receiveMessageOnPort`.
 *
 * Errors do not survive structured cloning whole (only name, message and
 * stack do), so they travel as a `PackedError` carrying the properties
 * Node's system errors have: code, errno, syscall, path, dest…
 */

export type WorkKind = 'cpu' | 'fast-io' | 'slow-io';

export interface WorkMessage {
  id: number;
  /** Absolute path of a CommonJS module. */
  module: string;
  /** Name of the function it exports. */
  fn: string;
  args: unknown[];
  /** The submitting loop's eventfd. */
  wakeFd: number;
}

export interface PackedError {
  name: string;
  message: string;
  stack: string | undefined;
  /** Own enumerable properties with primitive values (code, errno, syscall, path…). */
  props: Record<string, string | number | boolean | bigint | null | undefined>;
}

export type DoneMessage =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: PackedError }
  /** Something other than an Error was thrown. */
  | { id: number; ok: false; thrown: unknown };

export function packError(err: Error): PackedError {
  const props: PackedError['props'] = {};
  for (const key of Object.keys(err)) {
    const v = (err as unknown as Record<string, unknown>)[key];
    if (v === null || (typeof v !== 'object' && typeof v !== 'function' && typeof v !== 'symbol')) {
      props[key] = v as PackedError['props'][string];
    }
  }
  return { name: err.name, message: err.message, stack: err.stack, props };
}

const errorTypes: Record<string, ErrorConstructor> = {
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
};

export function unpackError(packed: PackedError): Error {
  const Ctor = errorTypes[packed.name] ?? Error;
  const err = new Ctor(packed.message);
  if (!(packed.name in errorTypes)) err.name = packed.name;
  Object.assign(err, packed.props);
  // The stack from the thread says where the work failed, which is what a reader wants.
  if (packed.stack !== undefined) err.stack = packed.stack;
  return err;
}

import { readFile } from 'node:fs';
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { AbortError, codedError, invalidArgType, uvErrorContext, UV_EBADF, type ErrorCode } from '../src/index.js';
import { args, hostOutcomes, outcome, type Case } from './host.js';

function thrown(fn: () => unknown): NodeJS.ErrnoException {
  try {
    fn();
  } catch (err) {
    return err as NodeJS.ErrnoException;
  }
  throw new Error('expected a throw');
}

/** code, then its constructor's arguments as JS source: built by the host's `new codes[code](…)` and by codedError. */
const rows: [ErrorCode, string][] = [
  ['ERR_INVALID_ARG_TYPE', `'path', ['string', 'Buffer', 'URL'], true`],
  ['ERR_INVALID_ARG_TYPE', `'options.port', ['number', 'string'], null`],
  ['ERR_INVALID_ARG_TYPE', `'cb', 'Function', undefined`],
  ['ERR_INVALID_ARG_TYPE', `'x', ['string', 'Object'], 5n`],
  ['ERR_INVALID_ARG_TYPE', `'x', ['Buffer', 'object'], -0`],
  ['ERR_INVALID_ARG_TYPE', `'x', ['Buffer', 'TypedArray', 'DataView'], new Map()`],
  ['ERR_INVALID_ARG_TYPE', `'x', 'undefined', Object.create(null)`],
  ['ERR_INVALID_ARG_TYPE', `'x', ['a dictionary', 'null'], "it's a string longer than twenty-eight"`],
  ['ERR_INVALID_ARG_TYPE', `'first argument', 'string', function named() {}`],
  ['ERR_INVALID_ARG_TYPE', `'x', 'AbortSignal', Symbol('s')`],
  ['ERR_INVALID_ARG_TYPE', `'x', 'number', { constructor: { name: '' } }`],
  ['ERR_INVALID_ARG_VALUE', `'id', '', 'must be a non-empty string'`],
  ['ERR_INVALID_ARG_VALUE', `'options.x', 'a'.repeat(200)`],
  ['ERR_OUT_OF_RANGE', `'offset', '>= 0 and <= 0', 5`],
  ['ERR_OUT_OF_RANGE', `'n', 'an integer', 2 ** 40`],
  ['ERR_OUT_OF_RANGE', `'n', '< 1', 2n ** 40n`],
  ['ERR_OUT_OF_RANGE', `'n', '< 1', -3n`],
  ['ERR_OUT_OF_RANGE', `'The count is wrong.', '>= 1', -0, true`],
  ['ERR_MISSING_ARGS', `'multicastAddress'`],
  ['ERR_MISSING_ARGS', `['options', 'port', 'path']`],
  ['ERR_MISSING_ARGS', `'a', 'b', ['c', 'd']`],
  ['ERR_INVALID_THIS', `'Timeout'`],
  ['ERR_ILLEGAL_CONSTRUCTOR', ``],
  ['ERR_BUFFER_OUT_OF_BOUNDS', `'offset'`],
  ['ERR_BUFFER_OUT_OF_BOUNDS', ``],
  ['ERR_SOCKET_BAD_PORT', `'Port', '-1', true`],
  ['ERR_SOCKET_BAD_PORT', `'options.port', 0, false`],
  ['ERR_INVALID_IP_ADDRESS', `'1.2.3'`],
  ['ERR_SERVER_ALREADY_LISTEN', ``],
  ['ERR_SERVER_NOT_RUNNING', ``],
  ['ERR_SOCKET_CLOSED', ``],
  ['ERR_SOCKET_CLOSED_BEFORE_CONNECTION', ``],
  ['ERR_SOCKET_ALREADY_BOUND', ``],
  ['ERR_SOCKET_BAD_BUFFER_SIZE', ``],
  ['ERR_SOCKET_BAD_TYPE', ``],
  ['ERR_SOCKET_DGRAM_IS_CONNECTED', ``],
  ['ERR_SOCKET_DGRAM_NOT_CONNECTED', ``],
  ['ERR_SOCKET_DGRAM_NOT_RUNNING', ``],
  ['ERR_HTTP_HEADERS_SENT', `'set'`],
  ['ERR_HTTP_INVALID_HEADER_VALUE', `undefined, 'x-a'`],
  ['ERR_HTTP_INVALID_STATUS_CODE', `-0`],
  ['ERR_HTTP_REQUEST_TIMEOUT', ``],
  ['ERR_HTTP_SOCKET_ASSIGNED', ``],
  ['ERR_HTTP_TRAILER_INVALID', ``],
  ['ERR_INVALID_CHAR', `'header content', 'x-a'`],
  ['ERR_INVALID_CHAR', `'statusMessage'`],
  ['ERR_INVALID_HTTP_TOKEN', `'Header name', { toString() { return 'x' } }`],
  ['ERR_INVALID_PROTOCOL', `'https:', 'http:'`],
  ['ERR_UNESCAPED_CHARACTERS', `'Request path'`],
  ['ERR_METHOD_NOT_IMPLEMENTED', `'_implicitHeader()'`],
  ['ERR_STREAM_ALREADY_FINISHED', `'end'`],
  ['ERR_STREAM_DESTROYED', `'write'`],
  ['ERR_STREAM_NULL_VALUES', ``],
  ['ERR_STREAM_WRITE_AFTER_END', ``],
  ['ERR_FS_FILE_TOO_LARGE', `3000000000`],
  ['ERR_INVALID_URL_SCHEME', `'file'`],
  ['ERR_INVALID_URL_SCHEME', `['http', 'https']`],
  ['ERR_INVALID_MODULE_SPECIFIER', `'#a', 'is not a valid internal imports specifier name', '/x/y.js'`],
  ['ERR_INVALID_PACKAGE_CONFIG', `'/p/package.json', undefined, 'Unexpected token'`],
  ['ERR_INVALID_PACKAGE_CONFIG', `'/p/package.json', '/x.js', undefined`],
  ['ERR_INVALID_PACKAGE_TARGET', `'/p/', '.', 'main.js', false, '/x.js'`],
  ['ERR_INVALID_PACKAGE_TARGET', `'/p/', './sub', './ok.js', false`],
  ['ERR_INVALID_PACKAGE_TARGET', `'/p/', '#a', 'x', true, '/x.js'`],
  ['ERR_PACKAGE_IMPORT_NOT_DEFINED', `'#a', '/p/', '/p/x.js'`],
  ['ERR_PACKAGE_IMPORT_NOT_DEFINED', `'#a', undefined, '/p/x.js'`],
  ['ERR_PACKAGE_PATH_NOT_EXPORTED', `'/p/', '.'`],
  ['ERR_PACKAGE_PATH_NOT_EXPORTED', `'/p/', './sub', '/x.js'`],
  ['ERR_REQUIRE_ESM', `'/p/a.mjs', false, '/p/b.js'`],
  ['ERR_REQUIRE_ESM', `'/p/a.js', true, '/p/b.js', '/p/package.json'`],
  ['ERR_REQUIRE_ESM', `'/p/a.js', false, '/q/a.js', '/p/package.json'`],
  ['ERR_UNKNOWN_BUILTIN_MODULE', `'node:nope'`],
];

describe('the error table, row by row against the host’s own constructors', () => {
  const host = hostOutcomes(rows.map(([code, src]): Case => ({ kind: 'codes', name: code, args: src })));

  it.each(rows.map((row, i) => [...row, i] as const))('%s(%s)', (code, src, i) => {
    const ours = outcome(() => {
      throw (codedError as unknown as (code: ErrorCode, ...a: unknown[]) => Error)(code, ...args(src));
    });
    // Node's own class is a subclass whose `constructor` getter answers the builtin: same name.
    expect(ours).toEqual(host[i]);
  });

  it('ERR_SOCKET_BUFFER_SIZE is a SystemError carrying the failed call', () => {
    const ctx = uvErrorContext(UV_EBADF, 'uv_recv_buffer_size');
    const [real] = hostOutcomes([{ kind: 'codes', name: 'ERR_SOCKET_BUFFER_SIZE', args: JSON.stringify(ctx) }]);
    const ours = codedError('ERR_SOCKET_BUFFER_SIZE', ctx);
    expect(
      outcome(() => {
        throw ours;
      }),
    ).toEqual({ ...real, ctor: 'Error' });
    expect([ours.errno, ours.syscall, ours.info]).toEqual([-9, 'uv_recv_buffer_size', ctx]);
  });
});

describe('Node errors, compared with what the host throws for the same calls', () => {
  it.each([
    ['path', ['string', 'Buffer', 'URL'], true, () => readFile(true as unknown as string, () => {})],
    ['cb', 'function', undefined, () => readFile('x', undefined as unknown as () => void)],
    ['callback', 'function', 5, () => setTimeout(5 as unknown as () => void)],
  ] as const)('ERR_INVALID_ARG_TYPE for %s', (name, expected, actual, call) => {
    const real = thrown(call);
    const ours = codedError('ERR_INVALID_ARG_TYPE', name, expected, actual);
    expect(ours.message).toBe(real.message);
    expect(ours.code).toBe(real.code);
    expect(String(ours)).toBe(`TypeError [ERR_INVALID_ARG_TYPE]: ${real.message}`);
    expect(Object.keys(ours)).toEqual(Object.keys(real));
    expect(ours.stack!.split('\n')[0]).toBe(`TypeError [ERR_INVALID_ARG_TYPE]: ${real.message}`);
    expect(ours).toBeInstanceOf(TypeError);
  });

  it('a list of classes reads "Buffer, TypedArray, or DataView"', () => {
    const sock = createSocket('udp4');
    const real = thrown(() => sock.send(1 as unknown as string, 1, '127.0.0.1'));
    sock.close();
    expect(codedError('ERR_INVALID_ARG_TYPE', 'buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], 1).message).toBe(real.message);
  });

  it("ERR_SOCKET_BAD_PORT as net's listen throws it for a string port", () => {
    const real = thrown(() => createServer().listen({ port: '-1' }));
    const ours = codedError('ERR_SOCKET_BAD_PORT', 'options.port', '-1', true);
    expect([ours.message, ours.code, ours.name, String(ours)]).toEqual([real.message, real.code, real.name, String(real)]);
  });

  it('the deprecated invalidArgType alias builds the same error', () => {
    expect(invalidArgType('x', 'string', 1).message).toBe(codedError('ERR_INVALID_ARG_TYPE', 'x', 'string', 1).message);
  });

  it('the stack starts at the caller, not inside the table', () => {
    function caller(): Error {
      return codedError('ERR_SOCKET_CLOSED');
    }
    expect(caller().stack!.split('\n')[1]).toContain('caller');
  });
});

describe('AbortError', () => {
  it("is Node's AbortError, as timers/promises rejects with it", async () => {
    const cause = new Error('why');
    const { setTimeout: sleep } = await import('node:timers/promises');
    const real = (await sleep(1, null, { signal: AbortSignal.abort(cause) }).catch((e: unknown) => e)) as Error & { code: string };
    const ours = new AbortError(undefined, { cause });
    expect([ours.name, ours.code, ours.message, ours.cause]).toEqual([real.name, real.code, real.message, real.cause]);
    expect(Object.keys(ours)).toEqual(Object.keys(real));
    expect(String(ours)).toBe(String(real));
    expect(() => new AbortError('x', 5 as unknown as object)).toThrow(codedError('ERR_INVALID_ARG_TYPE', 'options', 'Object', 5).message);
  });
});

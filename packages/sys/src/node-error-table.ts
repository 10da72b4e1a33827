/**
 * Every Node error code mini throws, as one table: code → (class, message),
 * in the spirit of Node's `E()` in lib/internal/errors.js. The messages are
 * Node 20's word for word; a message is either
 *   - a template whose `%s` are filled as util.format fills them, or
 *   - a formatter taking the arguments Node's constructor takes.
 * The argument list of `codedError(code, ...)` is typed from the row: the
 * formatter's parameters, or one value per `%s` of a template.
 *
 * A row whose class is 'SystemError' is Node's SystemError: a fixed prefix
 * followed by the failed call it carries ("…: uv_recv_buffer_size returned
 * EBADF (bad file descriptor)"); it takes that call as its argument.
 *
 * Rows are grouped by who throws them; add a row where it belongs.
 */
import { describeReceived, formatList, addNumericalSeparator, inspectShort } from './error-format.js';
import { inspect } from 'node:util';

export type ErrorBase = ErrorConstructor | TypeErrorConstructor | RangeErrorConstructor | 'SystemError';

/** Rows are built through this so each keeps its literal message type (for `%s` counting). */
function E<B extends ErrorBase, const M extends string | ((...args: never[]) => string)>(base: B, message: M) {
  return { base, message };
}

// Node's grouping of expected types: primitive type names, then class
// names, then anything else ("a dictionary", "undefined").
const TYPE_NAMES = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean', 'bigint', 'symbol'];
const CLASS_NAME = /^[A-Z][a-zA-Z0-9]*$/;

function invalidArgTypeMessage(name: string, expected: string | readonly string[], actual: unknown): string {
  const list = typeof expected === 'string' ? [expected] : expected;
  const types: string[] = [];
  const instances: string[] = [];
  const other: string[] = [];
  for (const e of list) {
    if (TYPE_NAMES.includes(e)) types.push(e.toLowerCase());
    else if (CLASS_NAME.test(e)) instances.push(e);
    else other.push(e);
  }
  // With classes in the list, "object" reads as one of them: "an instance of Buffer or Object".
  if (instances.length > 0) {
    const at = types.indexOf('object');
    if (at !== -1) {
      types.splice(at, 1);
      instances.push('Object');
    }
  }
  const parts: string[] = [];
  if (types.length > 0) parts.push(`${types.length > 1 ? 'one of type' : 'of type'} ${formatList(types, 'or')}`);
  if (instances.length > 0) parts.push(`an instance of ${formatList(instances, 'or')}`);
  if (other.length > 1) parts.push(`one of ${formatList(other, 'or')}`);
  else if (other.length === 1) parts.push(other[0]!.toLowerCase() === other[0] ? other[0]! : `an ${other[0]}`);
  const subject = name.endsWith(' argument') ? name : `"${name}" ${name.includes('.') ? 'property' : 'argument'}`;
  return `The ${subject} must be ${parts.join(' or ')}. ${describeReceived(actual)}`;
}

function outOfRangeMessage(name: string, range: string, received: unknown, nameIsMessage = false): string {
  let shown: string;
  if (typeof received === 'number' && Number.isInteger(received) && Math.abs(received) > 2 ** 32) {
    shown = addNumericalSeparator(String(received));
  } else if (typeof received === 'bigint') {
    const big = received > 2n ** 32n || received < -(2n ** 32n);
    shown = `${big ? addNumericalSeparator(String(received)) : String(received)}n`;
  } else {
    shown = inspect(received);
  }
  return `${nameIsMessage ? name : `The value of "${name}" is out of range.`} It must be ${range}. Received ${shown}`;
}

const importedFrom = (base: string | undefined): string => (base ? ` imported from ${base}` : '');
const basename = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/** Node 20 without require(esm): which advice follows depends on how the file is ESM. */
function requireEsmMessage(filename: string, hasEsmSyntax: boolean, parentPath?: string, packageJsonPath?: string): string {
  let msg = `require() of ES Module ${filename}${parentPath ? ` from ${parentPath}` : ''} not supported.`;
  if (!packageJsonPath) {
    if (filename.endsWith('.mjs')) {
      msg += `\nInstead change the require of ${filename} to a dynamic import() which is available in all CommonJS modules.`;
    }
    return msg;
  }
  const shown = parentPath && basename(filename) === basename(parentPath) ? filename : basename(filename);
  if (hasEsmSyntax) {
    return `${msg}\nInstead change the require of ${shown} in ${parentPath} to a dynamic import() which is available in all CommonJS modules.`;
  }
  return (
    `${msg}\n${shown} is treated as an ES module file as it is a .js file whose nearest parent package.json contains "type": "module" which declares all .js files in that package scope as ES modules.` +
    `\nInstead either rename ${shown} to end in .cjs, change the requiring code to use dynamic import() which is available in all CommonJS modules, or change "type": "module" to "type": "commonjs" in ${packageJsonPath} to treat all .js files as CommonJS (using .mjs for all ES modules instead).\n`
  );
}

function invalidPackageTargetMessage(pkgDir: string, key: string, target: unknown, isImport = false, base?: string): string {
  const relError = typeof target === 'string' && !isImport && target.length > 0 && !target.startsWith('./');
  const where = `in the package config ${pkgDir}package.json${importedFrom(base)}${relError ? '; targets must start with "./"' : ''}`;
  if (key === '.') return `Invalid "exports" main target ${JSON.stringify(target)} defined ${where}`;
  return `Invalid "${isImport ? 'imports' : 'exports'}" target ${JSON.stringify(target)} defined for '${key}' ${where}`;
}

export const ERROR_TABLE = {
  // ---- argument validation (./validators.ts and every API) -------------------
  ERR_INVALID_ARG_TYPE: E(TypeError, invalidArgTypeMessage),
  ERR_INVALID_ARG_VALUE: E(
    TypeError,
    (name: string, value: unknown, reason = 'is invalid') =>
      `The ${name.includes('.') ? 'property' : 'argument'} '${name}' ${reason}. Received ${inspectShort(value)}`,
  ),
  ERR_OUT_OF_RANGE: E(RangeError, outOfRangeMessage),
  ERR_MISSING_ARGS: E(TypeError, (...names: (string | readonly string[])[]) => {
    const quoted = names.map((n) => (typeof n === 'string' ? `"${n}"` : n.map((m) => `"${m}"`).join(' or ')));
    return `The ${formatList(quoted)} argument${names.length > 1 ? 's' : ''} must be specified`;
  }),
  ERR_INVALID_THIS: E(TypeError, 'Value of "this" must be of type %s'),
  ERR_ILLEGAL_CONSTRUCTOR: E(TypeError, 'Illegal constructor'),
  ERR_BUFFER_OUT_OF_BOUNDS: E(RangeError, (name?: string) =>
    name ? `"${name}" is outside of buffer bounds` : 'Attempt to access memory outside buffer bounds',
  ),

  // ---- net -------------------------------------------------------------------
  ERR_SOCKET_BAD_PORT: E(
    RangeError,
    (name: string, port: unknown, allowZero = true) =>
      `${name} should be ${allowZero ? '>=' : '>'} 0 and < 65536. ${describeReceived(port)}.`,
  ),
  ERR_INVALID_IP_ADDRESS: E(TypeError, 'Invalid IP address: %s'),
  // Node also sets `host` and `port` on this one; the caller adds them.
  ERR_INVALID_ADDRESS_FAMILY: E(
    RangeError,
    (addressType: unknown, host: string, port: number) => `Invalid address family: ${String(addressType)} ${host}:${port}`,
  ),
  ERR_SERVER_ALREADY_LISTEN: E(Error, 'Listen method has been called more than once without closing.'),
  ERR_SERVER_NOT_RUNNING: E(Error, 'Server is not running.'),
  ERR_INVALID_FD_TYPE: E(TypeError, 'Unsupported fd type: %s'),
  ERR_SOCKET_CLOSED: E(Error, 'Socket is closed'),
  ERR_SOCKET_CLOSED_BEFORE_CONNECTION: E(Error, 'Socket closed before the connection was established'),

  // ---- dgram -----------------------------------------------------------------
  ERR_SOCKET_ALREADY_BOUND: E(Error, 'Socket is already bound'),
  ERR_SOCKET_BAD_BUFFER_SIZE: E(TypeError, 'Buffer size must be a positive integer'),
  ERR_SOCKET_BAD_TYPE: E(TypeError, 'Bad socket type specified. Valid types are: udp4, udp6'),
  ERR_SOCKET_BUFFER_SIZE: E('SystemError', 'Could not get or set buffer size'),
  ERR_SOCKET_DGRAM_IS_CONNECTED: E(Error, 'Already connected'),
  ERR_SOCKET_DGRAM_NOT_CONNECTED: E(Error, 'Not connected'),
  ERR_SOCKET_DGRAM_NOT_RUNNING: E(Error, 'Not running'),

  // ---- dns -------------------------------------------------------------------
  ERR_DNS_SET_SERVERS_FAILED: E(Error, (err: string, servers: unknown) => `c-ares failed to set servers: "${err}" [${inspect(servers)}]`),
  // ---- tls and https ---------------------------------------------------------
  ERR_TLS_CERT_ALTNAME_INVALID: E(Error, "Hostname/IP does not match certificate's altnames: %s"),
  ERR_TLS_HANDSHAKE_TIMEOUT: E(Error, 'TLS handshake timeout'),
  ERR_TLS_INVALID_CONTEXT: E(TypeError, '%s must be a SecureContext'),
  ERR_TLS_INVALID_PROTOCOL_VERSION: E(
    TypeError,
    (version: string, which: string) => `"${version}" is not a valid ${which} TLS protocol version`,
  ),
  ERR_TLS_PROTOCOL_VERSION_CONFLICT: E(
    TypeError,
    (version: string, protocol: string) => `TLS protocol version "${version}" conflicts with secureProtocol "${protocol}"`,
  ),
  ERR_TLS_SNI_FROM_SERVER: E(Error, 'Cannot issue SNI from a TLS server-side socket'),
  ERR_TLS_REQUIRED_SERVER_NAME: E(Error, '"servername" is required parameter for Server.addContext'),
  ERR_TLS_INVALID_STATE: E(Error, 'TLS socket connection must be securely established'),
  ERR_TLS_RENEGOTIATION_DISABLED: E(Error, 'TLS session renegotiation disabled for this socket'),
  ERR_MULTIPLE_CALLBACK: E(Error, 'Callback called multiple times'),
  // ---- http ------------------------------------------------------------------
  ERR_HTTP_HEADERS_SENT: E(Error, 'Cannot %s headers after they are sent to the client'),
  ERR_HTTP_INVALID_HEADER_VALUE: E(TypeError, 'Invalid value "%s" for header "%s"'),
  ERR_HTTP_INVALID_STATUS_CODE: E(RangeError, 'Invalid status code: %s'),
  ERR_HTTP_REQUEST_TIMEOUT: E(Error, 'Request timeout'),
  ERR_HTTP_SOCKET_ASSIGNED: E(Error, 'ServerResponse has an already assigned socket'),
  ERR_HTTP_TRAILER_INVALID: E(Error, 'Trailers are invalid with this transfer encoding'),
  ERR_INVALID_CHAR: E(
    TypeError,
    (name: string, field?: string) => `Invalid character in ${name}${field !== undefined ? ` ["${field}"]` : ''}`,
  ),
  ERR_INVALID_HTTP_TOKEN: E(TypeError, '%s must be a valid HTTP token ["%s"]'),
  ERR_INVALID_PROTOCOL: E(TypeError, 'Protocol "%s" not supported. Expected "%s"'),
  ERR_UNESCAPED_CHARACTERS: E(TypeError, '%s contains unescaped characters'),

  // ---- streams (http's OutgoingMessage speaks them) ---------------------------
  ERR_METHOD_NOT_IMPLEMENTED: E(Error, 'The %s method is not implemented'),
  ERR_STREAM_ALREADY_FINISHED: E(Error, 'Cannot call %s after a stream was finished'),
  ERR_STREAM_CANNOT_PIPE: E(Error, 'Cannot pipe, not readable'),
  ERR_STREAM_DESTROYED: E(Error, 'Cannot call %s after a stream was destroyed'),
  ERR_STREAM_NULL_VALUES: E(TypeError, 'May not write null values to stream'),
  ERR_STREAM_WRITE_AFTER_END: E(Error, 'write after end'),

  // ---- fs --------------------------------------------------------------------
  ERR_FS_FILE_TOO_LARGE: E(RangeError, 'File size (%s) is greater than 2 GiB'),
  ERR_FS_EISDIR: E('SystemError', 'Path is a directory'),
  ERR_FS_CP_DIR_TO_NON_DIR: E('SystemError', 'Cannot overwrite non-directory with directory'),
  ERR_FS_CP_EEXIST: E('SystemError', 'Target already exists'),
  ERR_FS_CP_EINVAL: E('SystemError', 'Invalid src or dest'),
  ERR_FS_CP_FIFO_PIPE: E('SystemError', 'Cannot copy a FIFO pipe'),
  ERR_FS_CP_NON_DIR_TO_DIR: E('SystemError', 'Cannot overwrite directory with non-directory'),
  ERR_FS_CP_SOCKET: E('SystemError', 'Cannot copy a socket file'),
  ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY: E('SystemError', 'Cannot overwrite symlink in subdirectory of self'),
  ERR_FS_CP_UNKNOWN: E('SystemError', 'Cannot copy an unknown file type'),
  ERR_INCOMPATIBLE_OPTION_PAIR: E(TypeError, 'Option "%s" cannot be used in combination with option "%s"'),
  ERR_DIR_CLOSED: E(Error, 'Directory handle was closed'),
  ERR_DIR_CONCURRENT_OPERATION: E(Error, 'Cannot do synchronous work on directory handle with concurrent asynchronous operations'),
  ERR_FS_INVALID_SYMLINK_TYPE: E(Error, 'Symlink type must be one of "dir", "file", or "junction". Received "%s"'),
  ERR_INVALID_URL_SCHEME: E(TypeError, (expected: string | readonly string[]) => {
    const schemes = typeof expected === 'string' ? [expected] : expected;
    return `The URL must be ${schemes.length === 2 ? `one of scheme ${schemes[0]} or ${schemes[1]}` : `of scheme ${schemes[0]}`}`;
  }),

  // ---- process and child_process ----------------------------------------------
  ERR_UNKNOWN_SIGNAL: E(TypeError, 'Unknown signal: %s'),
  ERR_CHILD_PROCESS_STDIO_MAXBUFFER: E(RangeError, '%s maxBuffer length exceeded'),
  ERR_INVALID_SYNC_FORK_INPUT: E(TypeError, 'Asynchronous forks do not support Buffer, TypedArray, DataView or string input: %s'),
  ERR_CHILD_PROCESS_IPC_REQUIRED: E(Error, "Forked processes must have an IPC channel, missing value 'ipc' in %s"),
  ERR_IPC_CHANNEL_CLOSED: E(Error, 'Channel closed'),
  ERR_IPC_DISCONNECTED: E(Error, 'IPC channel is already disconnected'),
  ERR_IPC_ONE_PIPE: E(Error, 'Child process can have only one IPC pipe'),
  ERR_IPC_SYNC_FORK: E(Error, 'IPC cannot be used with synchronous forks'),
  ERR_INVALID_HANDLE_TYPE: E(TypeError, 'This handle type cannot be sent'),
  // Node's internal assert: what a program can still trip (cluster's schedulingPolicy).
  ERR_INTERNAL_ASSERTION: E(Error, (message?: string) => {
    const suffix =
      'This is caused by either a bug in Node.js or incorrect usage of Node.js internals.\n' +
      'Please open an issue with this stack trace at https://github.com/nodejs/node/issues\n';
    return message === undefined ? suffix : `${message}\n${suffix}`;
  }),
  ERR_CHILD_CLOSED_BEFORE_REPLY: E(Error, 'Child closed before reply received'),

  // ---- tty and stdio ---------------------------------------------------------
  ERR_INVALID_FD: E(RangeError, '"fd" must be a positive integer: %s'),
  ERR_TTY_INIT_FAILED: E('SystemError', 'TTY initialization failed'),

  // ---- the module loader -----------------------------------------------------
  ERR_INVALID_MODULE_SPECIFIER: E(
    TypeError,
    (request: string, reason: string, base?: string) => `Invalid module "${request}" ${reason}${importedFrom(base)}`,
  ),
  ERR_INVALID_PACKAGE_CONFIG: E(
    Error,
    (path: string, base: string | undefined, message: string | undefined) =>
      `Invalid package config ${path}${base ? ` while importing ${base}` : ''}${message ? `. ${message}` : ''}`,
  ),
  ERR_INVALID_PACKAGE_TARGET: E(Error, invalidPackageTargetMessage),
  ERR_PACKAGE_IMPORT_NOT_DEFINED: E(
    TypeError,
    (specifier: string, pkgDir: string | undefined, base: string) =>
      `Package import specifier "${specifier}" is not defined${pkgDir ? ` in package ${pkgDir}package.json` : ''} imported from ${base}`,
  ),
  ERR_EVAL_ESM_CANNOT_PRINT: E(Error, '--print cannot be used with ESM input'),
  ERR_IMPORT_ASSERTION_TYPE_FAILED: E(TypeError, 'Module "%s" is not of type "%s"'),
  ERR_IMPORT_ASSERTION_TYPE_MISSING: E(TypeError, 'Module "%s" needs an import attribute of type "%s"'),
  ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED: E(TypeError, 'Import attribute type "%s" is unsupported'),
  ERR_IMPORT_ATTRIBUTE_UNSUPPORTED: E(TypeError, 'Import attribute "%s" with value "%s" is not supported'),
  ERR_INPUT_TYPE_NOT_ALLOWED: E(Error, '--input-type can only be used with string input via --eval, --print, or STDIN'),
  /** `exactUrl` set: a file ('module'); unset: a bare name ('package'). */
  ERR_MODULE_NOT_FOUND: E(
    Error,
    (path: string, base: string, exactUrl?: string) => `Cannot find ${exactUrl ? 'module' : 'package'} '${path}' imported from ${base}`,
  ),
  ERR_PACKAGE_PATH_NOT_EXPORTED: E(Error, (pkgDir: string, subpath: string, base?: string) =>
    subpath === '.'
      ? `No "exports" main defined in ${pkgDir}package.json${importedFrom(base)}`
      : `Package subpath '${subpath}' is not defined by "exports" in ${pkgDir}package.json${importedFrom(base)}`,
  ),
  ERR_REQUIRE_ASYNC_MODULE: E(
    Error,
    (filename?: string, parentFilename?: string) =>
      'require() cannot be used on an ESM graph with top-level await. Use import() instead. To see where the top-level await comes from, use --experimental-print-required-tla.' +
      (parentFilename ? `\n  From ${parentFilename} ` : '') +
      (filename ? `\n  Requiring ${filename} ` : ''),
  ),
  ERR_REQUIRE_CYCLE_MODULE: E(Error, '%s'),
  ERR_REQUIRE_ESM: E(Error, requireEsmMessage),
  ERR_UNKNOWN_BUILTIN_MODULE: E(Error, 'No such built-in module: %s'),
  ERR_UNKNOWN_FILE_EXTENSION: E(TypeError, 'Unknown file extension "%s" for %s'),
  ERR_UNKNOWN_MODULE_FORMAT: E(RangeError, 'Unknown module format: %s for URL %s'),
  ERR_UNSUPPORTED_DIR_IMPORT: E(
    Error,
    (path: string, base: string) => `Directory import '${path}' is not supported resolving ES modules imported from ${base}`,
  ),
  ERR_UNSUPPORTED_ESM_URL_SCHEME: E(
    Error,
    (url: URL, supported: readonly string[]) =>
      `Only URLs with a scheme in: ${formatList(supported)} are supported by the default ESM loader. Received protocol '${url.protocol}'`,
  ),
  ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING: E(TypeError, 'A dynamic import callback was not specified.'),

  // ---- worker_threads ----------------------------------------------------------
  ERR_WORKER_PATH: E(
    TypeError,
    (filename: string) =>
      "The worker script or module filename must be an absolute path or a relative path starting with './' or '../'." +
      (filename.startsWith('file://') ? ' Wrap file:// URLs with `new URL`.' : '') +
      (filename.startsWith('data:text/javascript') ? ' Wrap data: URLs with `new URL`.' : '') +
      ` Received "${filename}"`,
  ),
  ERR_WORKER_INVALID_EXEC_ARGV: E(
    Error,
    (errors: readonly string[], msg = 'invalid execArgv flags') => `Initiated Worker with ${msg}: ${errors.join(', ')}`,
  ),
  ERR_WORKER_UNSERIALIZABLE_ERROR: E(Error, 'Serializing an uncaught exception failed'),
  ERR_WORKER_NOT_RUNNING: E(Error, 'Worker instance not running'),
  ERR_INVALID_TRANSFER_OBJECT: E(TypeError, 'Found invalid object in transferList'),
  ERR_CONSTRUCT_CALL_INVALID: E(TypeError, 'Constructor cannot be called'),

  // ---- mini's own: a Node feature we do not have yet ---------------------------
  ERR_MINI_NOT_IMPLEMENTED: E(
    Error,
    (feature: string, detail?: string) => `${feature} is not implemented in mini yet${detail ? `: ${detail}` : ''}`,
  ),
};

export type ErrorTable = typeof ERROR_TABLE;
export type ErrorCode = keyof ErrorTable;

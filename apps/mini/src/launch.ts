/**
 * What the launcher starts: loads the runtime bundle (dist/runtime.js)
 * with a V8 code cache beside it (see cached-script.ts in the runtime).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { compileCached, realStackPaths } from '@mini/runtime/cached-script';

const file = join(__dirname, 'runtime.js');
/**
 * How the bundle's frames read in a program's stack traces: as Node's own
 * internals read (`node:internal/...`), so the filters of test runners and
 * loggers that drop Node's frames drop ours too. MINI_STACK_PATHS=1 shows
 * the bundle's real path instead, for work on mini itself (and no code
 * cache: see cached-script.ts).
 */
const INTERNAL_NAME = 'node:internal/mini/runtime';
const shownName = realStackPaths ? file : INTERNAL_NAME;

/** What V8 hands the stack formatter for each frame (the parts read here). */
interface CallSite {
  getFileName(): string | null | undefined;
  getFunctionName(): string | null;
  getTypeName(): string | null;
  getMethodName(): string | null;
  getLineNumber(): number | null;
  getColumnNumber(): number | null;
  isAsync(): boolean;
}
type PrepareStackTrace = (global: object, error: Error, trace: CallSite[]) => unknown;

/**
 * Node's stacks show a frame or two of its own dispatch, because its loop
 * is native: a timer callback sits on listOnTimeout and processTimers and
 * nothing below. Ours is JavaScript, so the same callback sits on eight or
 * more frames of the loop, which with Error.stackTraceLimit at 10 crowd out
 * the program's own. So where Node formats a stack (the callback it gives
 * V8, reached through --expose-internals, which the launcher passes and
 * execArgv hides), each run of our bundle's frames is replaced by the
 * frames the host node shows for the same dispatch (learnt from it at build:
 * node-frames.cjs), or dropped where none is known. Error.prepareStackTrace
 * stays the program's (undefined until it sets one), and a formatter the
 * program installs gets the same trace. Where any piece is missing (another
 * host), stacks stay whole.
 */
function hideRuntimeFrames(): void {
  const hostRequire = createRequire(__filename);
  let nodeErrors: { prepareStackTraceCallback?: PrepareStackTrace; fatalExceptionStackEnhancers?: FatalEnhancers } = {};
  let bindings: { errors: Record<string, unknown>; util: Record<string, unknown> } | undefined;
  const warn = process.emitWarning;
  try {
    nodeErrors = hostRequire('internal/errors') as typeof nodeErrors;
    // Its one warning (an internal API) is for programs, not for us.
    process.emitWarning = () => {};
    const { internalBinding } = hostRequire('internal/test/binding') as { internalBinding(name: string): Record<string, unknown> };
    bindings = { errors: internalBinding('errors'), util: internalBinding('util') };
  } catch {
    // A host without them: the frames stay.
  } finally {
    process.emitWarning = warn;
  }
  const prepare = nodeErrors.prepareStackTraceCallback;
  const setCallback = bindings?.errors['setPrepareStackTraceCallback'] as ((callback: PrepareStackTrace) => void) | undefined;
  if (typeof prepare !== 'function' || typeof setCallback !== 'function') return;
  setCallback((global, error, trace) => {
    let view: CallSite[];
    try {
      view = nodeView(error, trace);
    } catch {
      // A trace this code did not foresee: its own frames, rather than a
      // throw from every error.stack, which would stop the program.
      view = trace;
    }
    return prepare(global, error, view);
  });

  const enhancers = nodeErrors.fatalExceptionStackEnhancers;
  const setEnhancers = bindings!.errors['setEnhanceStackForFatalException'] as ((before: Enhancer, after: Enhancer) => void) | undefined;
  const arrow = (bindings!.util['privateSymbols'] as Record<string, symbol> | undefined)?.['arrow_message_private_symbol'];
  if (enhancers === undefined || typeof setEnhancers !== 'function' || arrow === undefined) return;
  setEnhancers((error) => {
    readsAsNode(error, arrow);
    return enhancers.beforeInspector(error);
  }, enhancers.afterInspector);
}

type Enhancer = (error: unknown) => unknown;
interface FatalEnhancers {
  beforeInspector: Enhancer;
  afterInspector: Enhancer;
}

/**
 * The uncaught-error report's header (the thrower's file:line, source line
 * and caret) is the host's "arrow", which it takes from where the error was
 * last thrown and keeps on the error, then reads after calling these
 * enhancers. For an error our bundle threw, the header node prints for the
 * same error (learnt from it at build) stands in: its validators' rethrow
 * for a coded error, its loader's for a module that is not found, the line
 * that throws it for the errors node throws elsewhere.
 */
function readsAsNode(error: unknown, arrow: symbol): void {
  if (typeof error !== 'object' || error === null) return;
  const holder = error as Record<symbol, unknown> & { code?: unknown };
  const ours = holder[arrow];
  if (typeof ours !== 'string' || !ours.startsWith(`${INTERNAL_NAME}:`)) return;
  const headers = recorded().headers;
  // Formatting the stack (nodeView) tells whether our loader threw it.
  void (error as { stack?: unknown }).stack;
  const loaderKind = loaderErrors.get(error);
  const keys = loaderKind !== undefined ? [`loader ${loaderKind}`, ...headerKeys(error)] : headerKeys(error);
  const key = keys.find((name) => name in headers);
  if (key === undefined) return;
  const header = headers[key]!;
  holder[arrow] = header;
  // Code run by vm.runInThisContext (-e, stdin) has the header put in front of its stack already.
  const stack = (error as { stack?: unknown }).stack;
  if (typeof stack === 'string' && stack.startsWith(ours)) (error as { stack: string }).stack = header + stack.slice(ours.length);
}

/** Where to look for node's header of an error, most precise first (node-frames.cjs records them so). */
function headerKeys(error: object): string[] {
  const { code, message, syscall } = error as { code?: unknown; message?: unknown; syscall?: unknown };
  if (typeof code === 'string' && (code.startsWith('ERR_') || code === 'MODULE_NOT_FOUND')) {
    const firstWord = typeof message === 'string' ? message.split(' ', 1)[0] : '';
    return [`${code} ${firstWord}`, code, ...(code.startsWith('ERR_') ? ['codedError'] : [])];
  }
  // An errno error: 'spawnSync /bin/x' is spawnSync's.
  return typeof syscall === 'string' ? [`syscall ${syscall.split(' ', 1)[0]}`] : [];
}

/** A frame node-frames.cjs recorded: its text and its answers to CallSite's questions. */
type RecordedFrame = Record<string, unknown> & { text: string };
/** What node-frames.cjs learnt, read on first use; empty for another node than the one it came from. */
interface Recorded {
  /** Node's frames for each dispatch. */
  frames: Record<string, CallSite[]>;
  /** Node's uncaught-error headers, by kind of error. */
  headers: Record<string, string>;
}
let recordedFromNode: Recorded | undefined;

/** CallSite's questions, and what a stand-in answers when its record has none. */
const UNANSWERED: Record<string, unknown> = {
  getThis: undefined,
  getFunction: undefined,
  getTypeName: null,
  getFunctionName: null,
  getMethodName: null,
  getFileName: undefined,
  getLineNumber: null,
  getColumnNumber: null,
  getEnclosingLineNumber: null,
  getEnclosingColumnNumber: null,
  getEvalOrigin: undefined,
  getScriptNameOrSourceURL: undefined,
  getScriptHash: '',
  getPosition: 0,
  getPromiseIndex: null,
  isToplevel: false,
  isEval: false,
  isNative: false,
  isConstructor: false,
  isAsync: false,
  isPromiseAll: false,
};

/**
 * A frame of node's standing where ours were. Its questions are methods of
 * its prototype, as a real CallSite's are: formatters copy a CallSite by
 * walking its prototype's names (source-map-support's cloneCallSite, which
 * jest uses), and own properties would not be copied.
 */
class StandInCallSite {
  constructor(private readonly answers: Record<string, unknown>) {}
  toString(): string {
    return String(this.answers['text']);
  }
}
for (const [question, fallback] of Object.entries(UNANSWERED)) {
  Object.defineProperty(StandInCallSite.prototype, question, {
    value(this: { answers: Record<string, unknown> }): unknown {
      return question in this.answers ? this.answers[question] : fallback;
    },
    writable: true,
    configurable: true,
  });
}

function standIn(frame: RecordedFrame): CallSite {
  return new StandInCallSite(frame) as unknown as CallSite;
}

function recorded(): Recorded {
  if (recordedFromNode !== undefined) return recordedFromNode;
  const frames: Record<string, CallSite[]> = {};
  let headers: Record<string, string> = {};
  try {
    const saved = JSON.parse(readFileSync(join(__dirname, 'node-frames.json'), 'utf8')) as {
      version: string;
      kinds: Record<string, RecordedFrame[]>;
      headers: Record<string, string>;
    };
    if (saved.version === process.version) {
      for (const [kind, list] of Object.entries(saved.kinds)) frames[kind] = list.map(standIn);
      headers = saved.headers;
    }
  } catch {
    // Not built: our frames are only dropped.
  }
  return (recordedFromNode = { frames, headers });
}

/**
 * Which dispatch a run of our frames is, by the first of its frames named
 * here (the run's top frames are always in the trace, however it is cut).
 * A pool completion no other name claims is an fs callback.
 */
const DISPATCH: Record<string, string> = {
  'TimerQueue.listOnTimeout': 'timeout',
  'ImmediateQueue.processImmediate': 'immediate',
  'Server.onconnection': 'connection',
  'Socket.onConnected': 'connect',
  // A connection refused: the error's own stack.
  'ConnectReq.afterConnect': 'connectError',
  'Socket.onStreamRead': 'data',
  'ServerConnection.onHeadersComplete': 'request',
  'ClientRequest.onHeadersComplete': 'response',
  'ReadFileContext.done': 'readFile',
  statsDone: 'fsStats',
  onlookup: 'lookup',
  'WorkRequest.done': 'fs',
};

function dispatchOf(trace: CallSite[], from: number, to: number, bottom: boolean): string | undefined {
  for (let i = from; i <= to; i++) {
    const site = trace[i]!;
    // A function assigned to a property has no name of its own: the property's name stands for it.
    const fn = site.getFunctionName() || (site.getMethodName() ?? '');
    if (fn === '_compile' && site.getTypeName() === 'Module') return bottom || runsMain(trace, i, to) ? 'mainModule' : 'required';
    const kind = DISPATCH[`${site.getTypeName() ?? ''}.${fn}`] ?? DISPATCH[fn];
    if (kind !== undefined) return kind;
  }
  return undefined;
}

/**
 * The errors our module loader throws at a program, by the function of
 * ours that throws them: node-frames.cjs recorded node's frames for each,
 * as `main…` (the main module's: to the bottom of the stack) and
 * `require…` (a required module's: down to the requiring module's frame).
 */
const LOADER_ERRORS: Record<string, string> = {
  _resolveFilename: 'NotFound',
  compileWrapper: 'SyntaxError',
  'Module._extensions..json': 'JsonError',
};

/**
 * The other errors _resolveFilename throws, by code: node throws each from
 * another place, with frames of its own. One without a recording keeps
 * the frames it has rather than a not-found's.
 */
const RESOLVE_ERRORS: Record<string, string> = {
  MODULE_NOT_FOUND: 'NotFound',
  ERR_PACKAGE_PATH_NOT_EXPORTED: 'PathNotExported',
};

/** Which error of our loader a trace is, if it is one. */
const loaderErrors = new WeakMap<object, string>();

/**
 * A loader error: the trace starts with a run of ours (below what the host
 * ran for it: vm's compile, JSON.parse) that one of LOADER_ERRORS's
 * functions is in. Its kind, and where the run ends.
 */
function loaderErrorAt(error: Error, trace: CallSite[], lowest: number, cut: boolean): { kind: string; end: number } | undefined {
  let top = 0;
  while (top <= lowest && trace[top]!.getFileName() !== shownName) {
    const file = trace[top]!.getFileName();
    // A program's frame above ours: not the loader's error.
    if (file != null && !file.startsWith('node:')) return undefined;
    top++;
  }
  if (top > lowest) return undefined;
  let end = top;
  while (end < lowest && trace[end + 1]!.getFileName() === shownName) end++;
  for (let i = top; i <= end; i++) {
    let fault = LOADER_ERRORS[trace[i]!.getFunctionName() ?? ''];
    if (fault === 'NotFound') {
      // A coded error is formatted while its code is still in its name ('Error [CODE]').
      const code = (error as { code?: unknown }).code ?? /\[(\w+)\]$/.exec(String(error.name))?.[1];
      if (code !== undefined) fault = RESOLVE_ERRORS[String(code)];
    }
    if (fault === undefined) continue;
    const main = runsMain(trace, top, end) || (end === lowest && !cut);
    return { kind: `${main ? 'main' : 'require'}${fault}`, end };
  }
  return undefined;
}

/** Whether a run through the module loader reached it from runMain (the main module), not from a require(). */
function runsMain(trace: CallSite[], from: number, to: number): boolean {
  for (let i = from; i <= to; i++) if ((trace[i]!.getFunctionName() || trace[i]!.getMethodName()) === 'runMain') return true;
  return false;
}

function nodeView(error: Error, trace: CallSite[]): CallSite[] {
  const ours = (i: number): boolean => trace[i]?.getFileName() === shownName;
  // V8 puts the async frames (the awaiting functions, "at async f") after the stack's own: they stay, less ours.
  let asyncFrom = trace.findIndex((site) => site.isAsync());
  if (asyncFrom < 0) asyncFrom = trace.length;
  const awaiting = trace.slice(asyncFrom).filter((site) => site.getFileName() !== shownName);
  let lowest = asyncFrom - 1;
  // A trace Error.stackTraceLimit cut before the launcher (this file, which
  // started the bundle, and the host's frames below it) has the program's
  // frames, or the middle of a run of ours, at its end.
  const limit = Error.stackTraceLimit;
  const cut =
    asyncFrom === trace.length &&
    typeof limit === 'number' &&
    trace.length >= limit &&
    !trace.some((site) => site.getFileName() === __filename);
  while (!cut && lowest >= 0 && !ours(lowest)) lowest--;
  // A frame of ours, or one the limit cut off (where, after the host's nextTick drain, only ours can be).
  const oursOrCut = (i: number): boolean => ours(i) || (cut && i >= asyncFrom);
  if (lowest < 0) {
    // Our frames beyond the limit: the host's nextTick drain, last, is there because our loop called it.
    const sync = trace.slice(0, asyncFrom);
    if (sync.length > 0 && sync[sync.length - 1]!.getFunctionName() === 'runNextTicks') sync.pop();
    return [...sync, ...awaiting];
  }
  const nodeFrames = recorded().frames;
  const view: CallSite[] = [];
  let from = 0;
  const loader = loaderErrorAt(error, trace, lowest, cut);
  if (loader !== undefined && nodeFrames[loader.kind] !== undefined) {
    loaderErrors.set(error, loader.kind);
    view.push(...nodeFrames[loader.kind]!);
    // A main module's: node's frames reach the bottom.
    if (loader.kind.startsWith('main')) return [...view, ...awaiting];
    from = loader.end + 1;
  }
  for (let i = from; i <= lowest; i++) {
    const site = trace[i]!;
    if (ours(i)) {
      // The run: our frames and llhttp's wasm frames between them. Below the lowest run is the launcher.
      let end = i;
      while (end < lowest && (ours(end + 1) || trace[end + 1]!.getFileName()?.startsWith('wasm://') === true)) end++;
      const kind = dispatchOf(trace, i, end, end === lowest && !cut);
      if (kind === undefined) {
        // No dispatch: the inside of an API call, where node shows its lib's
        // frames, when the program made the call. Ours reached from node's
        // own lib (a stream's machinery calling our override) has no
        // counterpart there: dropped.
        const caller = trace[end + 1]?.getFileName();
        const fromProgram = caller != null && !caller.startsWith('node:');
        for (let j = i; fromProgram && j <= end; j++) {
          const named = asNodeLibFrame(trace[j]!);
          if (named !== undefined) view.push(named);
        }
        i = end;
        continue;
      }
      i = end;
      view.push(...(nodeFrames[kind] ?? []));
      // Node's frames for a dispatch end where its native code called them: nothing is below.
      // A required module's top level is the one that goes on, into the requiring module.
      if (kind !== 'required') break;
      continue;
    }
    const fn = site.getFunctionName();
    // The host immediate our loop runs from (a trace cut by the limit reaches it): node's loop is native.
    if (fn === 'processImmediate' && i > 0 && ours(i - 1)) continue;
    // The host's nextTick drain, there because our loop called it: node calls it as process's method, from native code.
    if (fn === 'runNextTicks' && oursOrCut(i + 1)) continue;
    if (fn === 'processTicksAndRejections' && trace[i + 1]?.getFunctionName() === 'runNextTicks' && oursOrCut(i + 2)) {
      view.push(asProcessMethod(site));
      continue;
    }
    view.push(site);
  }
  view.push(...awaiting);
  // An error of our own making with no program frame (a refused connection, a missing main module): its first frame.
  if (view.length === 0) return trace.slice(0, 1);
  return typeof limit === 'number' && view.length > limit ? view.slice(0, limit) : view;
}

/** [first line, node module or null] of each source in the bundle, in order (build.mjs, source-modules.mjs). */
let bundleSections: [number, string | null][] | undefined;

function sections(): [number, string | null][] {
  if (bundleSections !== undefined) return bundleSections;
  try {
    bundleSections = JSON.parse(readFileSync(join(__dirname, 'runtime-sections.json'), 'utf8')) as [number, string | null][];
  } catch {
    bundleSections = [];
  }
  return bundleSections;
}

/**
 * A frame of our bundle named as the frame of node's lib module its source
 * stands for (`Object.request (node:https:12:10)`, its line counted from
 * the source's start in the bundle), or undefined for a source that stands
 * for none (a handle layer, a helper: node's C++ or its hidden frames).
 */
function asNodeLibFrame(site: CallSite): CallSite | undefined {
  const line = site.getLineNumber();
  if (line === null) return undefined;
  const all = sections();
  let lo = 0;
  let hi = all.length - 1;
  // The last section that starts at or before the line.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (all[mid]![0] <= line) lo = mid;
    else hi = mid - 1;
  }
  const section = all[lo];
  if (section === undefined || section[0] > line || section[1] === null) return undefined;
  const fileName = `node:${section[1]}`;
  const ownLine = line - section[0];
  const column = site.getColumnNumber();
  const answers = answersOf(site);
  answers['getFileName'] = fileName;
  answers['getScriptNameOrSourceURL'] = fileName;
  answers['getLineNumber'] = ownLine;
  answers['text'] = String(site).replace(`${shownName}:${line}:${column}`, `${fileName}:${ownLine}:${column}`);
  return standIn(answers as RecordedFrame);
}

/** What a frame answers to each of CallSite's questions, for a stand-in that answers the same but where told otherwise. */
function answersOf(site: CallSite): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const question of Object.keys(UNANSWERED)) {
    const ask = (site as unknown as Record<string, (() => unknown) | undefined>)[question];
    if (typeof ask === 'function') answers[question] = ask.call(site);
  }
  return answers;
}

/** The frame as it reads when called as a method of process: its answers, with process as its type. */
function asProcessMethod(site: CallSite): CallSite {
  const answers = answersOf(site);
  answers['text'] = `process.${String(site)}`;
  answers['getTypeName'] = 'process';
  return standIn(answers as RecordedFrame);
}

/**
 * A worker thread (marked by dist/worker.js) has a code cache of its own:
 * what a worker's boot compiles (its side of the channel, parentPort) is
 * not what a program's main thread does, and a worker that finds its boot
 * in the cache starts ~1 ms sooner (measured). The build primes both.
 */
const inWorker = (globalThis as Record<symbol, unknown>)[Symbol.for('mini.workerThread')] === true;
if (!realStackPaths) hideRuntimeFrames();
const wrapper = compileCached({
  file,
  cacheFile: join(__dirname, inWorker ? 'runtime-worker.cache' : 'runtime.cache'),
  shownAs: INTERNAL_NAME,
});
const runtimeModule = { exports: {}, filename: file, id: file };
wrapper(runtimeModule.exports, createRequire(file), runtimeModule, file, dirname(file));

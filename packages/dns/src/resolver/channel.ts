/**
 * A resolver channel: c-ares' role, on our loop and our sockets.
 *
 * HOW and WHY
 *
 * A channel owns a server list, a per-try timeout and a try count (Node's
 * `Resolver` options), and the queries in flight, keyed by their 16-bit id.
 * A query is one question; it is tried on each server in turn, `tries`
 * rounds over the whole list, as c-ares does:
 *
 *   attempt n ── server (first + n) % servers ── timeout << floor(n / servers)
 *       │ answer, same id and same question ─────────── done (rcode → status)
 *       │ answer with TC set ── same server over TCP ── done
 *       │ timer fires ─────────────────────────────────── attempt n + 1
 *       └ ICMP refusal / send or TCP failure ──────────── attempt n + 1 now
 *   attempts exhausted ── ECONNREFUSED if the last failure was a refusal,
 *                         else ETIMEOUT
 *
 * Sockets: one connected UDP handle per server, opened by the first query
 * that needs it and closed as soon as no query is in flight, so an idle
 * channel (or one just cancelled or timed out) holds no fd. A connected
 * socket is what lets the kernel's ICMP "port unreachable" come back as
 * ECONNREFUSED, and it filters answers from other sources. Queries made
 * in one turn of the loop (the 32 answers a wakeup reads start 32 more) go
 * out together before the loop polls again (from an idle handle): one
 * sendmmsg, and one wakeup of the server, rather than one of each per
 * query; queued only when the kernel says EAGAIN. TCP, used only for a
 * truncated answer, is one connection per query, closed when the query
 * ends.
 *
 * Timeouts: one timer per channel, as c-ares has one timeout structure,
 * set for the earliest deadline of the queries in flight. An answered query
 * costs no timer work; when the timer fires, the queries past their
 * deadline move on (in deadline order, as timers of their own would) and
 * it is set again for the next.
 *
 * Messages are encoded and decoded with dns2's `Packet` codec only, each
 * question encoded once and each distinct answer decoded once (`Question`).
 * Anything the codec cannot decode (a short header, a record that fails)
 * ends the query with EBADRESP; a codec exception never escapes.
 *
 * Callbacks never run synchronously from `query` or `cancel`: they come
 * from a loop callback (a socket, a timer) or a nextTick, as in Node.
 */
import { Idle, Timer, defaultLoop, type Loop } from '@mini/loop';
import { ConnectReq, TCP, UDP, UdpSendRequest, WriteReq, type StreamHandle } from '@mini/net';
import { UV_EAGAIN } from '@mini/sys';
import { packetCodec, type Packet } from './packet.js';
import type { Server } from './config.js';

/** A query's outcome: 0 with an answer, or a c-ares error code as Node names it. */
export type QueryStatus = 0 | DnsErrorCode;
export type QueryCallback = (status: QueryStatus, answer: Packet | undefined) => void;

export type DnsErrorCode =
  | 'ENODATA'
  | 'EFORMERR'
  | 'ESERVFAIL'
  | 'ENOTFOUND'
  | 'ENOTIMP'
  | 'EREFUSED'
  | 'EBADRESP'
  | 'EBADNAME'
  | 'ECONNREFUSED'
  | 'ETIMEOUT'
  | 'ECANCELLED'
  // c-ares 1.34's ARES_ENOSERVER, which Node 20 has no name for.
  | 'UNKNOWN_ARES_ERROR';

/** c-ares' default per-try timeout when neither Node nor resolv.conf sets one (c-ares 1.34). */
export const DEFAULT_TIMEOUT = 2000;
export const DEFAULT_TRIES = 4;

const RCODE_STATUS: Record<number, DnsErrorCode> = {
  1: 'EFORMERR',
  2: 'ESERVFAIL',
  3: 'ENOTFOUND',
  4: 'ENOTIMP',
  5: 'EREFUSED',
};

/**
 * One question as the wire carries it, shared by every query that asks it
 * (a busy program asks the same few names again and again): the encoded
 * message with its id left to patch, and the last answer decoded for it.
 * A server asked the same question again mostly answers the same bytes (an
 * answer of TTL 0, or one a cache gives out within the same second): only
 * the id differs, and dns2's decoding, a fair share of a query's cost, is a
 * function of the bytes, so such an answer reuses the packet the last one
 * decoded to. Whatever reads a packet takes values out of it and never
 * changes it (records.ts copies what it hands out).
 */
class Question {
  /** The last answer's bytes (id included, ignored) and what dns2 decoded them to. */
  private answer: Buffer | undefined;
  private packet: Packet | undefined;

  constructor(
    readonly name: string,
    readonly type: number,
    private readonly template: Buffer,
  ) {}

  /** The query message with id `id`. */
  message(id: number): Buffer {
    const template = this.template;
    const message = Buffer.allocUnsafe(template.length);
    message.set(template);
    message[0] = id >>> 8;
    message[1] = id & 0xff;
    return message;
  }

  /** `msg` decoded with dns2's codec (its exceptions included), or the last answer's packet for the same bytes. */
  decode(msg: Buffer): Packet {
    const last = this.answer;
    const n = msg.length;
    if (last !== undefined && last.length === n && msg.compare(last, 2, n, 2, n) === 0) return this.packet!;
    const packet = packetCodec().parse(msg);
    // An answer over UDP without EDNS is at most 512 octets; a longer one
    // (over TCP) is rare enough not to be kept.
    if (n <= MAX_KEPT_ANSWER) {
      // `msg` may be the socket's receive buffer, overwritten by the next read.
      const kept = Buffer.allocUnsafe(n);
      kept.set(msg);
      this.answer = kept;
      this.packet = packet;
    }
    return packet;
  }
}

const MAX_KEPT_ANSWER = 512;

// Questions by (type, name). Bounded by clearing, which is cheap and rarely needed.
const questions = new Map<string, Question>();
const QUESTION_CACHE_SIZE = 1024;
/** The question asked last, found without building its key. */
let lastQuestion: Question | undefined;

/** The question for (name, type), or undefined for a name the codec refuses. */
function questionFor(name: string, type: number): Question | undefined {
  if (lastQuestion !== undefined && lastQuestion.name === name && lastQuestion.type === type) return lastQuestion;
  const key = `${type} ${name}`;
  let question = questions.get(key);
  if (question === undefined) {
    const Packet = packetCodec();
    const packet = new Packet();
    packet.header.rd = 1;
    packet.questions.push(new Packet.Question(name, type, Packet.CLASS.IN));
    let template: Buffer;
    try {
      template = packet.toBuffer();
    } catch {
      return undefined;
    }
    if (questions.size >= QUESTION_CACHE_SIZE) questions.clear();
    question = new Question(name, type, template);
    questions.set(key, question);
  }
  lastQuestion = question;
  return question;
}

/** A resolver's socket: Node's are c-ares' own, which process.getActiveResourcesInfo() does not list. */
class ResolverSocket extends UDP {
  override resourceName(): string | undefined {
    return undefined;
  }

  // An answer is decoded during its callback (a Question keeps a copy of
  // what it keeps): it can be read where it was received, with no copy.
  protected override datagram(pool: Buffer, n: number): Buffer {
    return pool.subarray(0, n);
  }
}

/** One server's UDP handle, shared by every query sent there. */
interface Connection {
  handle: UDP;
  family: 4 | 6;
  /** Queries waiting for the channel's idle handle, to go out as one batch. */
  outbox: Buffer[];
  /** A queued send's callback (one per handle rather than one per message). */
  readonly onSent: (status: number) => void;
}

class Query {
  attempt = 0;
  refused = false;
  tcp: TCP | undefined;
  /** When the current attempt times out, in loop ms. */
  deadline = 0;
  /** The order attempts were started in: ties between deadlines go by it. */
  armed = 0;
  constructor(
    readonly id: number,
    readonly question: Question,
    readonly message: Buffer,
    readonly first: number,
    readonly callback: QueryCallback,
  ) {}
}

export interface ChannelOptions {
  /** Per-try timeout in ms; -1 for the default (resolv.conf's, else c-ares'). */
  timeout: number;
  tries: number;
  servers: Server[];
  rotate?: boolean;
  systemTimeout?: number;
}

export class Channel {
  servers: Server[];
  readonly timeout: number;
  readonly tries: number;
  readonly rotate: boolean;
  localAddress4: string | undefined;
  localAddress6: string | undefined;
  private readonly queries = new Map<number, Query>();
  private readonly connections = new Map<number, Connection>();
  /** Servers whose socket failed, their queries to move on at the next tick (once per server). */
  private readonly failing = new Set<number>();
  private nextFirst = 0;
  /** The channel's one timer, while a query is in flight; `timerDue` is when it fires. */
  private timer: Timer | undefined;
  private timerDue = 0;
  private attempts = 0;
  private readonly onTimer = (): void => this.expire();
  /** Sends the outboxes before the loop polls again; started while one has queries. */
  private idle: Idle | undefined;
  private readonly onIdle = (): void => this.flushOutboxes();

  constructor(
    options: ChannelOptions,
    readonly loop: Loop = defaultLoop(),
  ) {
    this.servers = options.servers;
    this.timeout = options.timeout >= 0 ? options.timeout : (options.systemTimeout ?? DEFAULT_TIMEOUT);
    this.tries = options.tries;
    this.rotate = options.rotate ?? false;
  }

  /** Queries in flight (for tests and for `setServers`' check). */
  get pending(): number {
    return this.queries.size;
  }

  /** Send one question; `callback` runs once, later, from the loop. */
  query(name: string, type: number, callback: QueryCallback): void {
    if (this.servers.length === 0) {
      process.nextTick(callback, 'UNKNOWN_ARES_ERROR' satisfies DnsErrorCode, undefined);
      return;
    }
    const question = questionFor(name, type);
    if (question === undefined) {
      // A label over 63 octets or a name over 255: c-ares refuses such a name.
      process.nextTick(callback, 'EBADRESP', undefined);
      return;
    }
    const first = this.rotate ? this.nextFirst++ % this.servers.length : 0;
    const id = this.freeId();
    const query = new Query(id, question, question.message(id), first, callback);
    this.queries.set(id, query);
    this.sendAttempt(query);
  }

  /** End every query in flight with ECANCELLED (callbacks on the next tick). */
  cancel(): void {
    for (const query of [...this.queries.values()]) this.finish(query, 'ECANCELLED', undefined, true);
  }

  // ---- attempts --------------------------------------------------------------

  private serverIndex(query: Query): number {
    return (query.first + query.attempt) % this.servers.length;
  }

  private sendAttempt(query: Query): void {
    const index = this.serverIndex(query);
    const round = Math.floor(query.attempt / this.servers.length);
    const timeout = this.timeout * 2 ** round;
    query.deadline = this.loop.now() + timeout;
    query.armed = this.attempts++;
    if (this.timer === undefined) this.timer = new Timer(this.loop);
    if (!this.timer.isActive() || query.deadline < this.timerDue) this.arm(query.deadline);
    const conn = this.connection(index);
    if (conn !== undefined) this.sendOn(conn, query.message);
  }

  private arm(due: number): void {
    this.timerDue = due;
    this.timer!.start(this.onTimer, due - this.loop.now(), 0);
  }

  /** The timer fired: every query past its deadline moves on; the timer is set for the next deadline. */
  private expire(): void {
    const now = this.loop.now();
    let expired: Query[] | undefined;
    for (const query of this.queries.values()) {
      if (query.deadline <= now) (expired ??= []).push(query);
    }
    if (expired !== undefined) {
      expired.sort((a, b) => a.deadline - b.deadline || a.armed - b.armed);
      for (const query of expired) if (this.queries.get(query.id) === query && query.deadline <= now) this.nextAttempt(query);
    }
    // A callback may have started queries (and set the timer) or ended them all.
    if (this.queries.size === 0 || this.timer === undefined) return;
    let next = Infinity;
    for (const query of this.queries.values()) if (query.deadline < next) next = query.deadline;
    if (!this.timer.isActive() || next < this.timerDue) this.arm(next);
  }

  private nextAttempt(query: Query): void {
    if (!this.queries.has(query.id)) return;
    this.closeTcp(query);
    query.attempt++;
    if (query.attempt >= this.tries * this.servers.length) {
      this.finish(query, query.refused ? 'ECONNREFUSED' : 'ETIMEOUT', undefined, false);
      return;
    }
    this.sendAttempt(query);
  }

  /** The server at `index` failed for every query now waiting on it. */
  private serverFailed(index: number): void {
    for (const query of [...this.queries.values()]) {
      if (query.tcp === undefined && this.serverIndex(query) === index) {
        query.refused = true;
        this.nextAttempt(query);
      }
    }
  }

  private finish(query: Query, status: QueryStatus, answer: Packet | undefined, deferred: boolean): void {
    this.queries.delete(query.id);
    this.closeTcp(query);
    if (this.queries.size === 0) {
      this.closeConnections();
      this.timer?.close();
      this.timer = undefined;
      this.idle?.close();
      this.idle = undefined;
    }
    if (deferred) process.nextTick(query.callback, status, answer);
    else query.callback(status, answer);
  }

  private freeId(): number {
    for (;;) {
      const id = (Math.random() * 0x10000) | 0;
      if (!this.queries.has(id)) return id;
    }
  }

  // ---- UDP -------------------------------------------------------------------

  /** The server's handle, made and connected on first use; undefined while it is failing. */
  private connection(index: number): Connection | undefined {
    const existing = this.connections.get(index);
    if (existing !== undefined) return existing;
    if (this.failing.has(index)) return undefined;
    const server = this.servers[index]!;
    const handle = new ResolverSocket(this.loop);
    const conn: Connection = {
      handle,
      family: server.family,
      outbox: [],
      // A failed send (the kernel may report an earlier refusal here) fails the server.
      onSent: (status) => {
        if (status < 0) this.failLater(index, conn);
      },
    };
    const local = server.family === 6 ? this.localAddress6 : this.localAddress4;
    let err = local !== undefined ? handle.bind(server.family, local, 0, 0) : 0;
    if (err === 0) err = handle.connect(server.family, server.address, server.port);
    // A refusal (ICMP port unreachable) arrives as a receive error.
    if (err === 0) err = handle.recvStart((nread, msg) => (nread < 0 ? this.failLater(index, conn) : this.onAnswer(index, msg!)));
    this.connections.set(index, conn);
    if (err !== 0) {
      this.failLater(index, conn);
      return undefined;
    }
    return conn;
  }

  /**
   * The server at `index` failed: its socket goes, and its queries move on
   * from the next tick (never from inside `query`), once however many
   * sends and receives reported it.
   */
  private failLater(index: number, conn: Connection): void {
    if (this.connections.get(index) !== conn) return;
    this.dropConnection(index);
    this.failing.add(index);
    process.nextTick(() => {
      this.failing.delete(index);
      this.serverFailed(index);
    });
  }

  private sendOn(conn: Connection, message: Buffer): void {
    conn.outbox.push(message);
    // An idle handle, not a prepare one: while it is started the loop does
    // not block before it runs, however the loop is driven.
    this.idle ??= new Idle(this.loop);
    this.idle.start(this.onIdle);
  }

  private flushOutboxes(): void {
    this.idle?.stop();
    for (const [index, conn] of this.connections) {
      if (conn.outbox.length > 0) this.flush(index, conn);
    }
  }

  private flush(index: number, conn: Connection): void {
    const messages = conn.outbox;
    conn.outbox = [];
    let sent = conn.handle.trySendMany(messages);
    // The kernel's buffer is full, or sends are queued already: the rest wait in line.
    if (sent === UV_EAGAIN) sent = 0;
    if (sent < 0) return this.failLater(index, conn);
    for (let i = sent; i < messages.length; i++) {
      const r = conn.handle.send(new UdpSendRequest(this.loop), [messages[i]!], conn.family, undefined, undefined, conn.onSent);
      if (r < 0) return this.failLater(index, conn);
    }
  }

  private dropConnection(index: number): void {
    const conn = this.connections.get(index);
    if (conn === undefined) return;
    this.connections.delete(index);
    // Errors after this are nobody's.
    conn.handle.recvStop();
    conn.handle.close();
  }

  private closeConnections(): void {
    for (const index of [...this.connections.keys()]) this.dropConnection(index);
  }

  private onAnswer(index: number, msg: Buffer, viaTcp = false): void {
    if (msg.length < 2) return;
    const query = this.queries.get(msg.readUInt16BE(0));
    if (query === undefined || this.serverIndex(query) !== index) return;
    if (!viaTcp && query.tcp !== undefined) return;
    let packet: Packet;
    try {
      packet = query.question.decode(msg);
    } catch {
      this.finish(query, 'EBADRESP', undefined, false);
      return;
    }
    // Not an answer to this question (a stale id reused): ignore, as c-ares does.
    const asked = query.question;
    const question = packet.questions[0];
    if (
      packet.errors.length === 0 &&
      (question === undefined ||
        question.type !== asked.type ||
        (question.name !== asked.name && question.name.toLowerCase() !== asked.name.toLowerCase()))
    ) {
      return;
    }
    if (packet.errors.length !== 0) {
      this.finish(query, 'EBADRESP', undefined, false);
      return;
    }
    if (packet.header.tc && !viaTcp) {
      this.retryOverTcp(query, index);
      return;
    }
    const failed = RCODE_STATUS[packet.header.rcode];
    if (failed !== undefined) this.finish(query, failed, undefined, false);
    else if (packet.answers.length === 0) this.finish(query, 'ENODATA', undefined, false);
    else this.finish(query, 0, packet, false);
  }

  // ---- TCP (truncated answers) -------------------------------------------------

  private retryOverTcp(query: Query, index: number): void {
    const server = this.servers[index]!;
    const tcp = new TCP(this.loop);
    query.tcp = tcp;
    const fail = () => {
      if (query.tcp !== tcp) return;
      query.refused = true;
      this.nextAttempt(query);
    };
    const req = new ConnectReq(this.loop);
    req.oncomplete = (status: number, handle: StreamHandle) => {
      if (query.tcp !== tcp) return;
      if (status < 0) return fail();
      const length = Buffer.alloc(2);
      length.writeUInt16BE(query.message.length, 0);
      const write = new WriteReq(this.loop);
      write.oncomplete = (s: number) => {
        if (s < 0) fail();
      };
      const r = handle.writeBuffer(write, Buffer.concat([length, query.message]));
      if (r < 0) return fail();
      let received = Buffer.alloc(0);
      handle.onread = (nread: number, buf?: Buffer) => {
        if (query.tcp !== tcp) return;
        if (nread < 0) return fail();
        received = Buffer.concat([received, buf!]);
        if (received.length < 2) return;
        const size = received.readUInt16BE(0);
        if (received.length < size + 2) return;
        this.onAnswer(index, received.subarray(2, 2 + size), true);
      };
      if (handle.readStart() < 0) fail();
    };
    const local = server.family === 6 ? this.localAddress6 : this.localAddress4;
    if (local !== undefined) tcp.bind(local, 0);
    const r = server.family === 6 ? tcp.connect6(req, server.address, server.port) : tcp.connect(req, server.address, server.port);
    if (r < 0) process.nextTick(fail);
  }

  private closeTcp(query: Query): void {
    const tcp = query.tcp;
    if (tcp === undefined) return;
    query.tcp = undefined;
    tcp.onread = undefined;
    tcp.close();
  }
}

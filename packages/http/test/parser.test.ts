import { describe, expect, it } from 'vitest';
import { HTTPParser, REQUEST, RESPONSE, type ParserOwner } from '../src/parser/parser.js';
import { llhttp } from '../src/parser/llhttp.js';

function collect(type: number) {
  const events: unknown[] = [];
  const owner: ParserOwner = {
    onHeadersComplete(p) {
      events.push([
        'head',
        type === REQUEST ? p.method : p.statusCode,
        type === REQUEST ? p.url() : p.statusMessage(),
        p.headers.strings(),
      ]);
      return 0;
    },
    onBody(c) {
      events.push(['body', c.toString()]);
    },
    onMessageComplete(p) {
      events.push(['done', p.trailers?.strings() ?? null]);
    },
  };
  return { parser: new HTTPParser(type, owner, 16384), events };
}

describe('llhttp from undici', () => {
  it('loads the wasm build and reads its method table', () => {
    const self = llhttp();
    expect(self.methods[1]).toBe('GET');
    expect(self.methods[3]).toBe('POST');
    expect(typeof self.exports.llhttp_execute).toBe('function');
  });

  it('parses a request split at every byte', () => {
    const raw = Buffer.from(
      'POST /a?b=1 HTTP/1.1\r\nHost: x\r\nX-Long-Name:  v1 \r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nT: 9\r\n\r\n',
    );
    const whole = collect(REQUEST);
    expect(whole.parser.execute(raw)).toBe(raw.length);
    const split = collect(REQUEST);
    for (let i = 0; i < raw.length; i++) expect(split.parser.execute(raw.subarray(i, i + 1))).toBe(1);
    const body = (e: unknown[]) => e.filter((x) => (x as string[])[0] !== 'body');
    expect(body(split.events)).toEqual(body(whole.events));
    expect(whole.events[0]).toEqual(['head', 'POST', '/a?b=1', ['Host', 'x', 'X-Long-Name', 'v1', 'Transfer-Encoding', 'chunked']]);
    expect(whole.events.at(-1)).toEqual(['done', ['T', '9']]);
  });

  it('parses responses', () => {
    const { parser, events } = collect(RESPONSE);
    parser.execute(Buffer.from('HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\nno'));
    expect(events).toEqual([
      ['head', 404, 'Not Found', ['Content-Length', '2']],
      ['body', 'no'],
      ['done', null],
    ]);
  });

  it('reports errors with Node codes and offsets', () => {
    const { parser } = collect(REQUEST);
    const err = parser.execute(Buffer.from('GET / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n'));
    expect(typeof err).toBe('object');
    expect(err).toMatchObject({
      code: 'HPE_INVALID_TRANSFER_ENCODING',
      message: "Parse Error: Transfer-Encoding can't be present with Content-Length",
    });
  });

  it('enforces maxHeaderSize as HPE_HEADER_OVERFLOW', () => {
    const { parser } = collect(REQUEST);
    const err = parser.execute(Buffer.from(`GET / HTTP/1.1\r\nX: ${'a'.repeat(17000)}\r\n\r\n`));
    expect(err).toMatchObject({ code: 'HPE_HEADER_OVERFLOW', message: 'Parse Error: Header overflow' });
  });
});

// The open loop's HTTP client. The load runs on the same two cores as the server, so what the generator spends per
// request is taken from the server: Node's http.request with a keep-alive agent costs the benchmark process about
// 160 µs of CPU a request (autocannon, for the closed loop, about 40), enough that an open loop at 80 % of the
// closed-loop peak starved the server and its latency measured the generator. This client keeps what a load needs and
// nothing else: keep-alive sockets opened as requests need them (up to a cap, then requests wait in order, their latency
// still counted from their scheduled departure), a request written as one buffer, an answer read by its Content-Length
// or its chunks, the status and the size kept, the body dropped.
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Req } from './load.js';

export type Answer = { status: number; ms: number; bytes: number };

type Pending = { bytes: Buffer; started: number; resolve: (a: Answer) => void; reject: (e: Error) => void };

const CRLF2 = Buffer.from('\r\n\r\n');

/** One keep-alive connection: one request at a time, its answer parsed as it arrives. */
class Connection {
  readonly socket: net.Socket;
  private chunks: Buffer[] = [];
  private length = 0;
  private current: Pending | null = null;
  closed = false;

  constructor(
    port: number,
    host: string,
    /** called when the request in flight is answered, or when the connection ends (with the request it failed) */
    private readonly done: (c: Connection, p: Pending | null, a: Answer | Error) => void,
  ) {
    this.socket = net.connect(port, host);
    this.socket.setNoDelay(true);
    this.socket.on('data', (d: Buffer) => this.read(d));
    this.socket.on('error', (e) => this.end(e));
    this.socket.on('close', () => this.end(new Error('connection closed by the server')));
  }

  send(p: Pending): void {
    this.current = p;
    this.socket.write(p.bytes);
  }

  private end(e: Error): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
    const p = this.current;
    this.current = null;
    this.done(this, p, e);
  }

  private read(d: Buffer): void {
    this.chunks.push(d);
    this.length += d.length;
    const buf = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.length);
    const answer = parseAnswer(buf);
    if (!answer) {
      this.chunks = [buf];
      return;
    }
    const rest = buf.subarray(answer.end);
    this.chunks = rest.length ? [rest] : [];
    this.length = rest.length;
    const p = this.current!;
    this.current = null;
    if (answer.close) {
      this.closed = true;
      this.socket.destroy();
    }
    this.done(this, p, { status: answer.status, ms: performance.now() - p.started, bytes: answer.bodyBytes });
  }
}

/** The status, body size and end of the first complete answer in `buf`, or null while it is incomplete. */
export function parseAnswer(buf: Buffer): { status: number; bodyBytes: number; end: number; close: boolean } | null {
  const headEnd = buf.indexOf(CRLF2);
  if (headEnd < 0) return null;
  const head = buf.toString('latin1', 0, headEnd);
  const status = Number(head.slice(9, 12));
  const close = /\r\nconnection: *close/i.test(head);
  const length = /\r\ncontent-length: *(\d+)/i.exec(head);
  if (length) {
    const end = headEnd + 4 + Number(length[1]);
    return buf.length < end ? null : { status, bodyBytes: Number(length[1]), end, close };
  }
  if (!/\r\ntransfer-encoding: *chunked/i.test(head)) return { status, bodyBytes: 0, end: headEnd + 4, close };
  // chunked: size line, data, CRLF … until the chunk of size 0 and the blank line after it
  let at = headEnd + 4;
  let bodyBytes = 0;
  for (;;) {
    const lineEnd = buf.indexOf('\r\n', at);
    if (lineEnd < 0) return null;
    const size = parseInt(buf.toString('latin1', at, lineEnd), 16);
    if (Number.isNaN(size)) throw new Error('bad chunk size in an answer');
    if (size === 0) {
      const end = buf.indexOf(CRLF2, lineEnd);
      return end < 0 ? null : { status, bodyBytes, end: end + 4, close };
    }
    at = lineEnd + 2 + size + 2;
    if (buf.length < at) return null;
    bodyBytes += size;
  }
}

/** Renders a request as the bytes sent on the wire. */
export function requestBytes(r: Req, host: string): Buffer {
  const body = r.body !== undefined ? Buffer.from(JSON.stringify(r.body)) : null;
  const headers: Record<string, string> = { host, ...r.headers };
  if (body) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(body.length);
  }
  const head = `${r.method ?? 'GET'} ${r.path} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
  return body ? Buffer.concat([Buffer.from(head), body]) : Buffer.from(head);
}

export class LoadClient {
  private readonly idle: Connection[] = [];
  private readonly queue: Pending[] = [];
  private readonly all = new Set<Connection>();
  private readonly port: number;
  private readonly hostname: string;
  private readonly host: string;

  constructor(
    baseUrl: string,
    private readonly maxSockets = 1024,
  ) {
    const u = new URL(baseUrl);
    this.port = Number(u.port);
    this.hostname = u.hostname;
    this.host = u.host;
  }

  request(r: Req): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const p: Pending = { bytes: requestBytes(r, this.host), started: performance.now(), resolve, reject };
      const c = this.idle.pop();
      if (c) c.send(p);
      else if (this.all.size < this.maxSockets) this.open().send(p);
      else this.queue.push(p);
    });
  }

  /** Closes every connection. */
  close(): void {
    for (const c of this.all) {
      c.closed = true;
      c.socket.destroy();
    }
    this.all.clear();
    this.idle.length = 0;
  }

  private open(): Connection {
    const c = new Connection(this.port, this.hostname, (conn, p, a) => {
      if (a instanceof Error) p?.reject(a);
      else p?.resolve(a);
      if (conn.closed) {
        this.all.delete(conn);
        const i = this.idle.indexOf(conn);
        if (i >= 0) this.idle.splice(i, 1);
        const next = this.queue.shift();
        if (next) this.open().send(next);
        return;
      }
      const next = this.queue.shift();
      if (next) conn.send(next);
      else this.idle.push(conn);
    });
    this.all.add(c);
    return c;
  }
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoadClient, parseAnswer, requestBytes } from './load-client.js';

// A real HTTP server answering the ways Node and Fastify answer: with a length, in chunks, closing the connection.
let server: http.Server;
let base = '';
const sockets = new Set<unknown>();
let maxOpen = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://x');
      if (url.pathname === '/length') {
        res.setHeader('content-length', '5');
        res.end('hello');
      } else if (url.pathname === '/chunked') {
        res.write('a'.repeat(3000));
        setTimeout(() => res.end('b'.repeat(5000)), 5);
      } else if (url.pathname === '/close') {
        res.setHeader('connection', 'close');
        res.end('bye');
      } else if (url.pathname === '/echo') {
        const body = Buffer.concat(chunks).toString();
        res.statusCode = req.headers['x-token'] === 't1' ? 201 : 403;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ method: req.method, body: JSON.parse(body) as unknown }));
      } else if (url.pathname === '/slow') {
        setTimeout(() => res.end('ok'), 20);
      } else {
        res.statusCode = 404;
        res.end();
      }
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    maxOpen = Math.max(maxOpen, sockets.size);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('the open loop client', () => {
  it('reads answers by their length, in chunks, and through a closed connection', async () => {
    const client = new LoadClient(base);
    expect(await client.request({ path: '/length' })).toMatchObject({ status: 200, bytes: 5 });
    expect(await client.request({ path: '/chunked' })).toMatchObject({ status: 200, bytes: 8000 });
    expect(await client.request({ path: '/close' })).toMatchObject({ status: 200, bytes: 3 });
    // after the server closed that connection, the next request goes out on another
    expect(await client.request({ path: '/length' })).toMatchObject({ status: 200, bytes: 5 });
    expect(await client.request({ path: '/nowhere' })).toMatchObject({ status: 404, bytes: 0 });
    client.close();
  });

  it('sends the method, headers and JSON body', async () => {
    const client = new LoadClient(base);
    const a = await client.request({ method: 'POST', path: '/echo', headers: { 'x-token': 't1' }, body: { 内容: '满意' } });
    expect(a.status).toBe(201);
    expect(a.bytes).toBe(Buffer.byteLength(JSON.stringify({ method: 'POST', body: { 内容: '满意' } })));
    expect((await client.request({ method: 'POST', path: '/echo', body: {} })).status).toBe(403);
    client.close();
  });

  it('keeps to its number of connections: the requests beyond it wait their turn and are all answered', async () => {
    maxOpen = 0;
    const client = new LoadClient(base, 3);
    const answers = await Promise.all(Array.from({ length: 12 }, () => client.request({ path: '/slow' })));
    expect(answers.every((a) => a.status === 200 && a.bytes === 2)).toBe(true);
    expect(maxOpen).toBeLessThanOrEqual(3);
    // the waiting ones count their time from when they were asked for: four rounds of 20 ms
    expect(Math.max(...answers.map((a) => a.ms))).toBeGreaterThanOrEqual(75);
    client.close();
  });

  it('fails a request when nothing listens', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const client = new LoadClient(`http://127.0.0.1:${port}`);
    await expect(client.request({ path: '/length' })).rejects.toThrow();
    client.close();
  });

  it('parses an answer only once it is complete', () => {
    const full = Buffer.from('HTTP/1.1 200 OK\r\ncontent-length: 4\r\n\r\nabcdHTTP/1.1 204');
    expect(parseAnswer(full)).toEqual({ status: 200, bodyBytes: 4, end: full.indexOf('HTTP/1.1 204'), close: false });
    expect(parseAnswer(full.subarray(0, 30))).toBeNull();
    const chunked = Buffer.from('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n');
    expect(parseAnswer(chunked)).toEqual({ status: 200, bodyBytes: 5, end: chunked.length, close: false });
    expect(parseAnswer(chunked.subarray(0, chunked.length - 2))).toBeNull();
    expect(requestBytes({ path: '/a?q=1', headers: { cookie: 'sid=1' } }, 'h:1').toString()).toBe(
      'GET /a?q=1 HTTP/1.1\r\nhost: h:1\r\ncookie: sid=1\r\n\r\n',
    );
  });
});

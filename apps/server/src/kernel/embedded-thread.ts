// The embedded database in a thread of its own: the server's thread (HTTP, the application) and PGlite's
// (PostgreSQL compiled to WebAssembly) run side by side. At a start the thread opens the data folder and migrates it
// while the server's thread loads its modules and builds the application; afterwards a long statement no longer
// holds up every other request's JavaScript.
//
// This file is the server thread's side and loads nothing but node:worker_threads, so that `server.ts` can start the
// thread before it loads the application. The thread's side is embedded-worker.ts.
import type { Worker } from 'node:worker_threads';
import type { PGlite, QueryOptions, Results, Transaction } from '@electric-sql/pglite';
import { startThread } from './threads.js';

/** What the thread is started with (its `workerData`). */
export type EmbeddedStart = {
  dataDir: string;
  /** the engine's buffer cache, e.g. 64MB (unset: EMBEDDED_SHARED_BUFFERS) */
  sharedBuffers?: string;
  /** a dumped data folder (.tar.gz) the first start copies in */
  templatePath?: string;
  /** run the migrations once the folder is open */
  migrate: boolean;
};

/** A statement for the thread; `tx` runs it in the open transaction of that number. */
export type ThreadRequest =
  | { id: number; kind: 'query'; tx?: number; text: string; params?: unknown[]; rowMode?: 'array' | 'object'; textTypes?: number[] }
  | { id: number; kind: 'begin' }
  | { id: number; kind: 'end'; tx: number; commit: boolean }
  | { id: number; kind: 'close' };

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** The error of a statement as it crosses threads: PostgreSQL's fields (code, constraint, detail…) kept. */
export type ThreadError = { message: string; name: string; fields: Record<string, string | number | boolean> };

/** `id` 0 answers the start (folder open and migrated). */
export type ThreadReply = { id: number; ok: true; value?: unknown } | { id: number; ok: false; error: ThreadError };

export function toThreadError(e: unknown): ThreadError {
  const err = e instanceof Error ? e : new Error(String(e));
  const fields: ThreadError['fields'] = {};
  for (const [k, v] of Object.entries(err)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') fields[k] = v;
  }
  return { message: err.message, name: err.name, fields };
}

function fromThreadError(e: ThreadError): Error {
  const err = Object.assign(new Error(e.message), e.fields);
  err.name = e.name;
  return err;
}

/**
 * The types a query reads as text. drizzle asks PGlite to leave timestamps, dates and intervals as PostgreSQL wrote them
 * with parsers that return their input; a parser cannot cross threads, so the thread is told the types instead and
 * applies the same. Any other parser is refused rather than silently not applied.
 */
const textTypesOf = new WeakMap<object, number[]>();
function textTypes(parsers: NonNullable<QueryOptions['parsers']>): number[] {
  let types = textTypesOf.get(parsers);
  if (!types) {
    types = Object.entries(parsers).map(([type, parse]) => {
      if (parse('2026-01-01 00:00:00+08', Number(type)) !== '2026-01-01 00:00:00+08') {
        throw new Error(`The embedded database's thread reads type ${type} as text only; this query parses it otherwise`);
      }
      return Number(type);
    });
    textTypesOf.set(parsers, types);
  }
  return types;
}

/** The part of PGlite's interface that drizzle and the application use: statements and transactions. */
export type ThreadPglite = Pick<PGlite, 'query' | 'transaction'> & {
  /** resolves when the folder is open and migrated; rejects when it could not be */
  ready: Promise<void>;
  close(): Promise<void>;
};

/** Starts the thread (at once: it opens the folder while the caller goes on) and returns its PGlite-shaped client. */
export function startEmbeddedThread(entry: URL, start: EmbeddedStart): ThreadPglite {
  const worker: Worker = startThread(entry, { workerData: start });
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let stopped: Error | undefined;

  let openResolve!: () => void;
  let openReject!: (e: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    openResolve = resolve;
    openReject = reject;
  });
  ready.catch(() => undefined); // the caller awaits it; a failure also rejects every statement

  const stop = (e: Error) => {
    stopped ??= e;
    openReject(stopped);
    for (const w of waiting.values()) w.reject(stopped);
    waiting.clear();
  };
  worker.on('message', (reply: ThreadReply) => {
    if (reply.id === 0) {
      if (reply.ok) openResolve();
      else stop(fromThreadError(reply.error));
      return;
    }
    const w = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.ok) w?.resolve(reply.value);
    else w?.reject(fromThreadError(reply.error));
  });
  worker.on('error', (e) => stop(e));
  worker.on('exit', (code) => stop(new Error(`The embedded database's thread stopped (exit code ${code})`)));

  function call<T>(request: WithoutId<ThreadRequest>): Promise<T> {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  }

  async function query<T>(tx: number | undefined, text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    const { rowMode, parsers, ...rest } = options ?? {};
    if (Object.keys(rest).length > 0) {
      throw new Error(`The embedded database's thread does not take the query options ${Object.keys(rest).join(', ')}`);
    }
    return call<Results<T>>({
      kind: 'query',
      tx,
      text,
      params,
      rowMode,
      ...(parsers ? { textTypes: textTypes(parsers) } : {}),
    });
  }

  async function transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    const tx = await call<number>({ kind: 'begin' });
    let result: T;
    try {
      const handle = {
        query: <R>(text: string, params?: unknown[], options?: QueryOptions) => query<R>(tx, text, params, options),
      } as unknown as Transaction;
      result = await fn(handle);
    } catch (e) {
      await call({ kind: 'end', tx, commit: false }).catch(() => undefined);
      throw e;
    }
    await call({ kind: 'end', tx, commit: true }); // a failed COMMIT rejects here, the thread having rolled back
    return result;
  }

  return {
    ready,
    query: ((text: string, params?: unknown[], options?: QueryOptions) => query(undefined, text, params, options)) as PGlite['query'],
    transaction: transaction as PGlite['transaction'],
    async close() {
      if (stopped) return;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      await call({ kind: 'close' });
      await exited;
    },
  };
}

// The embedded database's thread (see embedded-thread.ts): opens the PGlite folder, migrates it, then runs the
// statements and transactions the server's thread sends, one PGlite for the process as before.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { Transaction } from '@electric-sql/pglite';
import { migrateDatabase, openDatabase, type Database } from './db.js';
import { toThreadError, type EmbeddedStart, type ThreadReply, type ThreadRequest } from './embedded-thread.js';

const port = parentPort!;
const start = workerData as EmbeddedStart;
const reply = (r: ThreadReply) => port.postMessage(r);
const failed = (id: number, e: unknown) => reply({ id, ok: false, error: toThreadError(e) });

async function open(): Promise<Database> {
  const database = await openDatabase({
    dataDir: start.dataDir,
    sharedBuffers: start.sharedBuffers,
    ...(start.templatePath ? { loadDataDir: new Blob([readFileSync(start.templatePath)]) } : {}),
  });
  if (start.migrate) await migrateDatabase(database);
  return database;
}

const opening = open();
opening.then(
  () => reply({ id: 0, ok: true }),
  (e: unknown) => {
    failed(0, e);
    port.close(); // nothing to serve: the thread ends
  },
);

/** Open transactions by number: the thread's handle, and how to end it (commit or roll back). */
const transactions = new Map<number, { tx: Transaction; end: (commit: boolean) => void; ended: Promise<void> }>();
const ROLL_BACK = Symbol('roll back');
const identity = (value: string) => value;

async function handle(request: ThreadRequest, database: Database): Promise<void> {
  const pglite = database.pglite!;
  switch (request.kind) {
    case 'query': {
      const on = request.tx === undefined ? pglite : transactions.get(request.tx)?.tx;
      if (!on) throw new Error(`transaction ${request.tx} is not open`);
      const parsers = request.textTypes ? Object.fromEntries(request.textTypes.map((t) => [t, identity])) : undefined;
      const result = await on.query(request.text, request.params, {
        ...(request.rowMode ? { rowMode: request.rowMode } : {}),
        ...(parsers ? { parsers } : {}),
      });
      reply({ id: request.id, ok: true, value: { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows } });
      return;
    }
    case 'begin': {
      // PGlite runs the transaction while the callback is pending: it stays open until the server's thread ends it
      let opened = false;
      const ended = pglite
        .transaction(async (tx) => {
          const decided = new Promise<boolean>((resolve) => {
            transactions.set(request.id, { tx, end: resolve, ended });
          });
          opened = true;
          reply({ id: request.id, ok: true, value: request.id });
          if (!(await decided)) throw ROLL_BACK;
        })
        .then(
          () => undefined,
          (e: unknown) => {
            if (e !== ROLL_BACK) throw e;
          },
        );
      ended.catch((e: unknown) => {
        if (!opened) failed(request.id, e); // BEGIN itself failed
      });
      return;
    }
    case 'end': {
      const t = transactions.get(request.tx);
      if (!t) throw new Error(`transaction ${request.tx} is not open`);
      transactions.delete(request.tx);
      t.end(request.commit);
      await t.ended; // COMMIT failed: the error goes back
      reply({ id: request.id, ok: true });
      return;
    }
    case 'close': {
      await database.close();
      reply({ id: request.id, ok: true });
      port.close(); // the thread ends once the reply is sent
      return;
    }
  }
}

port.on('message', (request: ThreadRequest) => {
  opening.then((database) => handle(request, database)).catch((e: unknown) => failed(request.id, e));
});

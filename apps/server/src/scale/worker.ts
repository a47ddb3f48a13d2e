/**
 * A generator thread: generates the stores the main thread asks for and hands back their COPY data (transferred,
 * not copied), while the main thread streams earlier stores into the database.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { generateStore, type StoreJob } from './generate-store.js';
import { scalePlugins } from './plugins/index.js';

export type WorkerRequest = { index: number };
export type WorkerTable = { table: string; columns: string[]; chunks: Uint8Array[]; rows: number };
export type WorkerReply =
  { index: number; code: string; tables: WorkerTable[]; rows: number; generateMs: number } | { index: number; error: string };

const base = workerData as Omit<StoreJob, 'index'>;
const encoder = new TextEncoder();

parentPort?.on('message', (msg: WorkerRequest) => {
  generateStore({ ...base, index: msg.index }, scalePlugins).then(
    (batch) => {
      const tables = batch.tables.map((t) => ({ ...t, chunks: t.chunks.map((c) => (typeof c === 'string' ? encoder.encode(c) : c)) }));
      const reply: WorkerReply = { ...batch, tables };
      parentPort!.postMessage(
        reply,
        tables.flatMap((t) => t.chunks.map((c) => c.buffer as ArrayBuffer)),
      );
    },
    (e: unknown) => parentPort!.postMessage({ index: msg.index, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});

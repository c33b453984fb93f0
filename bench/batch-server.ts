import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';

/** Shared by the reference servers of bench:intake: a durable SQLite file, group commit, start-up and clean-up. */

/** A fresh SQLite file with the product's durability settings (WAL, synchronous=FULL), removed on SIGTERM. */
export function benchDatabase(name: string): SqliteDatabase.Database {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cepat-${name}-`));
  const db = new SqliteDatabase(path.join(dir, `${name}.sqlite`));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('temp_store = MEMORY');
  process.once('SIGTERM', () => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
  return db;
}

/**
 * Group commit: items that arrive while a batch is written join the next one; `write` runs a whole batch in one
 * transaction and returns one outcome per item; each caller hears back only after that COMMIT.
 */
export function groupCommit<T, R>(write: (items: T[]) => R[]): (item: T) => Promise<R> {
  let queue: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  let scheduled = false;
  const flush = () => {
    const batch = queue;
    queue = [];
    scheduled = false;
    try {
      const outcomes = write(batch.map((b) => b.item));
      batch.forEach((b, i) => b.resolve(outcomes[i]));
    } catch (error) {
      for (const b of batch) b.reject(error);
    }
  };
  return (item) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
}

/** Listens on PORT (any free port by default) and prints the port for bench/support.ts#startProcess. */
export async function listen(app: FastifyInstance): Promise<void> {
  await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
  process.stdout.write(`listening ${(app.server.address() as { port: number }).port}\n`);
}

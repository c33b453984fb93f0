import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import Fastify from 'fastify';

/**
 * The durable floor: the least work any intake that keeps issue 2's durability rule can do. Fastify parses the
 * JSON body, one row holding it is inserted into SQLite (WAL, synchronous=FULL), and 201 is sent only after the
 * COMMIT that holds it has returned. Requests that arrive while a batch is being written join the next batch
 * (group commit, as in src/store/group-commit.ts). No validation, no case model, no events, no outbox, no
 * search index: whatever this server reaches is an upper bound for a real intake on the same machine, so the
 * benchmark prints it beside the real server to show how much of the gap to the goal is the disk itself.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cepat-floor-'));
const db = new SqliteDatabase(path.join(dir, 'floor.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE message (id INTEGER PRIMARY KEY, received_at TEXT NOT NULL, payload TEXT NOT NULL)');
const insert = db.prepare('INSERT INTO message (received_at, payload) VALUES (?, ?)');
const begin = db.prepare('BEGIN');
const commit = db.prepare('COMMIT');

let queue: { payload: string; done: (id: number) => void }[] = [];
let scheduled = false;

function flush(): void {
  const batch = queue;
  queue = [];
  scheduled = false;
  const ids: number[] = [];
  begin.run();
  const now = new Date().toISOString();
  for (const item of batch) ids.push(Number(insert.run(now, item.payload).lastInsertRowid));
  commit.run();
  batch.forEach((item, i) => item.done(ids[i]));
}

const app = Fastify({ logger: false });
app.post('/', (request, reply) => {
  queue.push({ payload: JSON.stringify(request.body), done: (id) => void reply.code(201).send({ id }) });
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
});
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.stdout.write(`listening ${(app.server.address() as { port: number }).port}\n`);
process.once('SIGTERM', () => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});

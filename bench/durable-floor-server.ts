import Fastify from 'fastify';
import { benchDatabase, groupCommit, listen } from './batch-server.js';

/**
 * The durable floor: the least work any intake that keeps issue 2's durability rule can do. Fastify parses the
 * JSON body, one row holding it is inserted into SQLite (WAL, synchronous=FULL), and 201 is sent only after the
 * COMMIT that holds it has returned. Requests that arrive while a batch is being written join the next batch
 * (group commit, as in src/store/group-commit.ts). No validation, no case model, no events, no outbox, no
 * search index: whatever this server reaches is an upper bound for a real intake on the same machine, so the
 * benchmark prints it beside the real server to show how much of the gap to the goal is the disk itself.
 */
const db = benchDatabase('floor');
db.exec('CREATE TABLE message (id INTEGER PRIMARY KEY, received_at TEXT NOT NULL, payload TEXT NOT NULL)');
const insert = db.prepare('INSERT INTO message (received_at, payload) VALUES (?, ?)');

const store = groupCommit((payloads: string[]) => {
  const now = new Date().toISOString();
  return db.transaction(() => payloads.map((p) => Number(insert.run(now, p).lastInsertRowid)))();
});

const app = Fastify({ logger: false });
app.post('/', async (request, reply) => reply.code(201).send({ id: await store(JSON.stringify(request.body)) }));
await listen(app);

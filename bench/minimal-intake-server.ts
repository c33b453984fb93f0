import { createHash, randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import { benchDatabase, groupCommit, listen } from './batch-server.js';

/**
 * The least intake that does what issue 2 item 6 puts in ONE transaction, written for speed rather than as the
 * product is: raw prepared statements, no query builder, no triage, no SLA clock, no duplicate search. Fastify
 * validates the body with a JSON schema; one group-committed transaction (synchronous=FULL) stores the raw
 * message (unique per channel and external id: a retry answers 200 with the same case), the reporter, the case
 * with a ticket and the indexes its list filters need, routed by an in-memory category × area table, its first
 * hash-chained event, and the acknowledgement in the outbox; 201 only after COMMIT. With CEPAT_FLOOR_FTS=1 the
 * case's text also goes into an FTS5 index (free-text search is in the issue too).
 *
 * It answers one question for the benchmark: how close to the goal can ANY implementation of the intake
 * get on this machine? See bench/intake.ts.
 */
const db = benchDatabase('minimal');
const fts = process.env.CEPAT_FLOOR_FTS === '1';
db.exec(`
  CREATE TABLE inbound_messages (id INTEGER PRIMARY KEY, channel TEXT NOT NULL, external_id TEXT NOT NULL, case_id INTEGER, received_at TEXT NOT NULL, payload TEXT NOT NULL, UNIQUE (channel, external_id));
  CREATE TABLE reporters (id INTEGER PRIMARY KEY, name TEXT, contact TEXT, created_at TEXT NOT NULL);
  CREATE TABLE cases (id INTEGER PRIMARY KEY, ticket TEXT NOT NULL UNIQUE, access_code_hash TEXT NOT NULL, description TEXT NOT NULL, status TEXT NOT NULL,
    channel TEXT NOT NULL, category_code TEXT, area_code TEXT, agency_id TEXT, reporter_id INTEGER, received_at TEXT NOT NULL, updated_at TEXT NOT NULL);
  CREATE INDEX cases_status ON cases (status, received_at);
  CREATE INDEX cases_agency ON cases (agency_id, status);
  CREATE INDEX cases_area ON cases (area_code);
  CREATE INDEX cases_category ON cases (category_code);
  CREATE INDEX cases_channel ON cases (channel);
  CREATE INDEX cases_received ON cases (received_at);
  CREATE TABLE events (id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL, seq INTEGER NOT NULL, action TEXT NOT NULL, after TEXT, at TEXT NOT NULL, prev_hash TEXT, hash TEXT NOT NULL, UNIQUE (case_id, seq));
  CREATE TABLE outbox (id INTEGER PRIMARY KEY, delivery_key TEXT NOT NULL UNIQUE, case_id INTEGER NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL, next_attempt_at TEXT NOT NULL);
  CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
  ${fts ? 'CREATE VIRTUAL TABLE cases_fts USING fts5 (description, content=\'\');' : ''}
`);
const q = {
  savepoint: db.prepare('SAVEPOINT unit'),
  release: db.prepare('RELEASE unit'),
  rollbackTo: db.prepare('ROLLBACK TO unit'),
  findMessage: db.prepare('SELECT c.id, c.ticket FROM inbound_messages m JOIN cases c ON c.id = m.case_id WHERE m.channel = ? AND m.external_id = ?'),
  insertMessage: db.prepare('INSERT INTO inbound_messages (channel, external_id, received_at, payload) VALUES (?, ?, ?, ?)'),
  linkMessage: db.prepare('UPDATE inbound_messages SET case_id = ? WHERE id = ?'),
  insertReporter: db.prepare('INSERT INTO reporters (name, contact, created_at) VALUES (?, ?, ?)'),
  insertCase: db.prepare(
    'INSERT INTO cases (ticket, access_code_hash, description, status, channel, category_code, area_code, agency_id, reporter_id, received_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ),
  insertFts: fts ? db.prepare('INSERT INTO cases_fts (rowid, description) VALUES (?, ?)') : null,
  insertEvent: db.prepare('INSERT INTO events (case_id, seq, action, after, at, prev_hash, hash) VALUES (?, 1, ?, ?, ?, NULL, ?)'),
  insertOutbox: db.prepare("INSERT INTO outbox (delivery_key, case_id, payload, status, next_attempt_at) VALUES (?, ?, ?, 'pending', ?)"),
};
const ROUTES = new Map<string, string>([['jalan-rusak', 'sudin-bina-marga'], ['sampah', 'sudin-lingkungan-hidup'], ['pju-mati', 'sudin-perindustrian-energi']]);
let ticketSeq = 0;

interface Complaint {
  text: string;
  category?: string;
  location?: { area_code?: string };
  reporter?: { email?: string; name?: string };
}
type Outcome = { status: 200 | 201; ticket: string };

/** One intake inside the shared transaction. */
function intake(c: Complaint, externalId: string, now: string): Outcome {
  const existing = q.findMessage.get('web', externalId) as { id: number; ticket: string } | undefined;
  if (existing) return { status: 200, ticket: existing.ticket };
  const messageId = Number(q.insertMessage.run('web', externalId, now, JSON.stringify(c)).lastInsertRowid);
  const reporterId = Number(q.insertReporter.run(c.reporter?.name ?? null, c.reporter?.email ?? null, now).lastInsertRowid);
  const area = c.location?.area_code ?? null;
  const agency = c.category && area ? `${ROUTES.get(c.category) ?? 'kelurahan'}-${area.slice(0, 5)}` : null;
  const ticket = `JKT-${String(++ticketSeq).padStart(6, '0')}`;
  const code = randomBytes(4).toString('hex');
  const caseId = Number(
    q.insertCase.run(ticket, createHash('sha256').update(code).digest('hex'), c.text, agency ? 'disposisi' : 'menunggu', 'web', c.category ?? null, area, agency, reporterId, now, now)
      .lastInsertRowid,
  );
  q.insertFts?.run(caseId, c.text);
  q.linkMessage.run(caseId, messageId);
  const after = JSON.stringify({ status: agency ? 'disposisi' : 'menunggu', agency });
  q.insertEvent.run(caseId, 'case.created', after, now, createHash('sha256').update(`${caseId}|1|case.created|${after}|${now}`).digest('hex'));
  q.insertOutbox.run(`ack:${caseId}`, caseId, JSON.stringify({ ticket, code, to: c.reporter?.email ?? null }), now);
  return { status: 201, ticket };
}

/** A batch in one transaction, each intake in its own SAVEPOINT (as in src/store/group-commit.ts). */
const store = groupCommit((items: { complaint: Complaint; externalId: string }[]) => {
  const now = new Date().toISOString();
  return db.transaction(() =>
    items.map((item): Outcome | Error => {
      q.savepoint.run();
      try {
        const outcome = intake(item.complaint, item.externalId, now);
        q.release.run();
        return outcome;
      } catch (error) {
        q.rollbackTo.run();
        q.release.run();
        return error as Error;
      }
    }),
  )();
});

const app = Fastify({ logger: false });
const bodySchema = {
  type: 'object',
  required: ['text'],
  properties: {
    text: { type: 'string', minLength: 1, maxLength: 10000 },
    category: { type: 'string', maxLength: 80 },
    location: { type: 'object', properties: { area_code: { type: 'string', pattern: '^\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?$' } } },
    reporter: { type: 'object', properties: { email: { type: 'string', maxLength: 200 }, name: { type: 'string', maxLength: 200 } } },
  },
};
let requestSeq = 0;
app.post('/', { schema: { body: bodySchema } }, async (request, reply) => {
  const externalId = String(request.headers['idempotency-key'] ?? `req-${process.pid}-${++requestSeq}`);
  const o = await store({ complaint: request.body as Complaint, externalId });
  return o instanceof Error ? reply.code(500).send({ error: o.message }) : reply.code(o.status).send({ ticket: o.ticket });
});
await listen(app);

import type { Actor } from '../../src/domain/case/roles.js';
import type { ActionInput, ActionName } from '../../src/domain/case/workflow.js';
import { addCaseComment } from '../../src/services/cases/add-comment.js';
import { citizenRate } from '../../src/services/cases/citizen-actions.js';
import { transitionCase } from '../../src/services/cases/transition-case.js';
import type { AppContext } from '../../src/services/context.js';
import { submitComplaint } from '../../src/services/intake/submit-complaint.js';
import type { TestContext } from '../support/test-context.js';

/** Drives cases through the real services at chosen instants (the test clock), for the SLA and report tests. */
let seq = 0;

/** `'2025-07-01 08:00'` in WIB. */
export const wib = (s: string) => new Date(`${s.replace(' ', 'T')}:00+07:00`);

export const officer = (agencyId: string, userId = 9001): Actor => ({ kind: 'user', userId, role: 'agency_officer', agencyId });
export const ADMIN: Actor = { kind: 'user', userId: 9000, role: 'admin', agencyId: null };

export class CaseDriver {
  constructor(private readonly t: TestContext) {}
  get ctx(): AppContext {
    return this.t.ctx;
  }

  at(when: string | Date): this {
    this.t.setNow(typeof when === 'string' ? wib(when) : when);
    return this;
  }

  async submit(when: string, category: string | undefined, areaCode = '31.71.01.1001', channel: 'web' | 'jaki' | 'sms' = 'web') {
    this.at(when);
    const r = await submitComplaint(this.ctx, {
      channel,
      externalId: `ext-${++seq}-${Date.now()}`,
      receivedAt: wib(when),
      rawPayload: null,
      text: `Laporan uji ${seq}`,
      categoryCode: category,
      location: { areaCode },
      reporter: { contactKind: 'email', contactValue: `warga${seq}@example.id` },
    });
    return { id: r.case.id, ticket: r.case.ticket, accessCode: r.accessCode, agencyId: r.case.agency_id };
  }

  async act(when: string, caseId: number, action: ActionName, actor: Actor, input: ActionInput = {}) {
    this.at(when);
    return (await transitionCase(this.ctx, { caseRef: caseId, action, input, actor })).case;
  }

  async reply(when: string, caseId: number, actor: Actor, body = 'Tanggapan petugas') {
    this.at(when);
    await addCaseComment(this.ctx, { caseRef: caseId, actor, body, visibility: 'public' });
  }

  async rate(when: string, ticket: string, accessCode: string, score: number) {
    this.at(when);
    await citizenRate(this.ctx, ticket, accessCode, score, undefined);
  }
}

import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import type { Actor } from './roles.js';
import { STATUSES, type Status } from './status.js';
import { ACTION_NAMES, availableActions, decide, type ActionInput, type ActionName, type CaseFacts } from './workflow.js';

const officer: Actor = { kind: 'user', userId: 1, role: 'agency_officer', agencyId: 'a' };
const admin: Actor = { kind: 'user', userId: 2, role: 'admin' };
const monitor: Actor = { kind: 'user', userId: 3, role: 'monitor' };
const citizen: Actor = { kind: 'citizen', reporterId: 9 };
const system: Actor = { kind: 'system', job: 'sla' };
const now = new Date('2026-11-27T03:00:00Z');

// Written out by hand (not derived from WORKFLOW): the Jakarta flow as officers know it.
const ALLOWED: Record<ActionName, Status[]> = {
  dispatch: ['menunggu', 'koordinasi', 'disposisi'],
  coordinate: ['menunggu', 'disposisi', 'proses'],
  transfer: ['disposisi', 'proses', 'koordinasi'],
  start: ['disposisi', 'koordinasi'],
  request_info: ['menunggu', 'koordinasi', 'disposisi', 'proses'],
  citizen_reply: ['menunggu_pelapor'],
  resolve: ['proses'],
  confirm: ['selesai'],
  auto_close: ['selesai'],
  reopen: ['selesai', 'ditutup'],
  reject: ['menunggu', 'koordinasi', 'disposisi', 'proses'],
  merge: ['menunggu', 'koordinasi', 'disposisi', 'proses', 'menunggu_pelapor'],
};

const TARGET: Record<ActionName, Status | null> = {
  dispatch: 'disposisi', coordinate: 'koordinasi', transfer: 'disposisi', start: 'proses', request_info: 'menunggu_pelapor', citizen_reply: null,
  resolve: 'selesai', confirm: 'ditutup', auto_close: 'ditutup', reopen: 'proses', reject: 'ditolak', merge: 'digabung',
};

const FULL_INPUT: ActionInput = { targetAgencyId: 'b', reason: 'salah sasaran', publicNote: 'Sudah ditambal', rejectReason: 'spam', targetCaseId: 99, afterPhotoCount: 1 };

function facts(status: Status, over: Partial<CaseFacts> = {}): CaseFacts {
  return { id: 1, status, agencyId: 'a', resumeStatus: status === 'menunggu_pelapor' ? 'proses' : null, resolvedAt: new Date('2026-11-26T00:00:00Z'), categoryRequiresAfterPhoto: true, ...over };
}

function actorFor(action: ActionName): Actor {
  if (action === 'auto_close') return system;
  if (action === 'confirm') return citizen;
  return admin;
}

describe('workflow: every allowed and forbidden transition', () => {
  for (const action of ACTION_NAMES) {
    for (const status of STATUSES) {
      const allowed = ALLOWED[action].includes(status);
      it(`${action} from ${status} is ${allowed ? 'allowed' : 'refused'}`, () => {
        const run = () => decide(facts(status), action, FULL_INPUT, actorFor(action), { now, reopenWindowDays: 10 });
        if (allowed) {
          const d = run();
          expect(d.to).toBe(TARGET[action] ?? 'proses');
        } else {
          expect(run).toThrowError(expect.objectContaining({ code: 'transition_not_allowed' }));
        }
      });
    }
  }
});

describe('workflow: who may act', () => {
  it('monitors and auditors never change a case', () => {
    expect(() => decide(facts('menunggu'), 'dispatch', FULL_INPUT, monitor, { now, reopenWindowDays: 10 })).toThrowError(expect.objectContaining({ code: 'forbidden' }));
    expect(availableActions(facts('proses'), monitor)).toEqual([]);
  });
  it('a citizen may confirm, reopen and reply, nothing else', () => {
    expect(availableActions(facts('selesai'), citizen).sort()).toEqual(['confirm', 'reopen']);
    expect(availableActions(facts('menunggu_pelapor'), citizen)).toEqual(['citizen_reply']);
    expect(() => decide(facts('proses'), 'resolve', FULL_INPUT, citizen, { now, reopenWindowDays: 10 })).toThrowError(expect.objectContaining({ code: 'forbidden' }));
  });
  it('only the system auto-closes', () => {
    expect(() => decide(facts('selesai'), 'auto_close', {}, admin, { now, reopenWindowDays: 10 })).toThrowError(expect.objectContaining({ code: 'forbidden' }));
    expect(decide(facts('selesai'), 'auto_close', {}, system, { now, reopenWindowDays: 10 }).to).toBe('ditutup');
  });
  it('agency officers resolve but triage operators do not', () => {
    expect(decide(facts('proses'), 'resolve', FULL_INPUT, officer, { now, reopenWindowDays: 10 }).to).toBe('selesai');
    expect(() => decide(facts('proses'), 'resolve', FULL_INPUT, { kind: 'user', userId: 5, role: 'triage_operator' }, { now, reopenWindowDays: 10 })).toThrowError(expect.objectContaining({ code: 'forbidden' }));
  });
});

describe('workflow: requirements', () => {
  const req = (status: Status, action: ActionName, input: ActionInput, over: Partial<CaseFacts> = {}) => () => decide(facts(status, over), action, input, actorFor(action), { now, reopenWindowDays: 10 });
  const missing = (field: string) => expect.objectContaining({ code: 'transition_requirement_missing', details: [expect.objectContaining({ field })] });

  it('dispatch needs a target agency', () => expect(req('menunggu', 'dispatch', {})).toThrowError(missing('targetAgencyId')));
  it('transfer needs a reason and a different agency', () => {
    expect(req('proses', 'transfer', { targetAgencyId: 'b' })).toThrowError(missing('reason'));
    expect(req('proses', 'transfer', { targetAgencyId: 'a', reason: 'x' })).toThrowError(missing('targetAgencyId'));
  });
  it('resolve needs a public note and an after photo unless the category exempts it', () => {
    expect(req('proses', 'resolve', { afterPhotoCount: 1 })).toThrowError(missing('publicNote'));
    expect(req('proses', 'resolve', { publicNote: 'done', afterPhotoCount: 0 })).toThrowError(missing('afterPhoto'));
    expect(req('proses', 'resolve', { publicNote: 'done' }, { categoryRequiresAfterPhoto: false })().to).toBe('selesai');
  });
  it('reopen only within the window after selesai, with a reason', () => {
    expect(req('selesai', 'reopen', { reason: 'belum beres' }, { resolvedAt: new Date('2026-11-01T00:00:00Z') })).toThrowError(expect.objectContaining({ code: 'reopen_window_passed' }));
    expect(req('selesai', 'reopen', {})).toThrowError(missing('reason'));
    expect(req('selesai', 'reopen', { reason: 'belum beres' })().to).toBe('proses');
  });
  it('reject needs a known reason; forwarding only for bukan wewenang', () => {
    expect(req('menunggu', 'reject', { rejectReason: 'bosan' })).toThrowError(missing('rejectReason'));
    expect(req('menunggu', 'reject', { rejectReason: 'spam', forwardedTo: 'LAPOR!' })).toThrowError(missing('forwardedTo'));
    expect(req('menunggu', 'reject', { rejectReason: 'bukan_wewenang', forwardedTo: 'Kementerian PUPR via LAPOR!' })().to).toBe('ditolak');
  });
  it('merge needs another case', () => {
    expect(req('proses', 'merge', {})).toThrowError(missing('targetCaseId'));
    expect(req('proses', 'merge', { targetCaseId: 1 })).toThrowError(missing('targetCaseId'));
  });
  it('request_info pauses and remembers where to resume', () => {
    const d = decide(facts('proses'), 'request_info', { publicNote: 'Mohon foto lokasi' }, admin, { now, reopenWindowDays: 10 });
    expect(d).toEqual({ from: 'proses', to: 'menunggu_pelapor', resumeStatus: 'proses' });
    expect(decide(facts('menunggu_pelapor', { resumeStatus: 'disposisi' }), 'citizen_reply', {}, citizen, { now, reopenWindowDays: 10 }).to).toBe('disposisi');
  });
  it('errors are DomainErrors with both languages', () => {
    try {
      req('menunggu', 'dispatch', {})();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).messageEn).toMatch(/target agency/);
    }
  });
});

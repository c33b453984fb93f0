import { api, enc } from '../api/client.js';
import type { CaseDetail, CaseSummary } from '../api/types.js';

/** The inputs each workflow action asks for (the API's rules are in src/domain/case/workflow.ts). */
export type InputKind = 'agency' | 'reason' | 'reasonRequired' | 'note' | 'noteRequired' | 'misrouted' | 'afterPhoto' | 'rejectReason' | 'forwardedTo' | 'targetTicket';

export const ACTION_INPUTS: Record<string, InputKind[]> = {
  dispatch: ['agency', 'note', 'reason'],
  coordinate: ['agency', 'reason'],
  transfer: ['agency', 'reasonRequired', 'misrouted'],
  start: ['note'],
  request_info: ['noteRequired'],
  citizen_reply: [],
  resolve: ['noteRequired', 'afterPhoto'],
  reject: ['rejectReason', 'note', 'forwardedTo'],
  merge: ['targetTicket'],
  reopen: ['reasonRequired'],
  confirm: [],
};

/** Actions offered as buttons, in workflow order; anything else the API allows (e.g. auto_close) is not a human action. */
export const UI_ACTIONS = Object.keys(ACTION_INPUTS);

export interface ActionValues {
  agency: string;
  reason: string;
  note: string;
  misrouted: boolean;
  after: File | null;
  rejectReason: string;
  forwardedTo: string;
  targetTicket: string;
}

export const emptyValues = (agency = ''): ActionValues => ({ agency, reason: '', note: '', misrouted: false, after: null, rejectReason: '', forwardedTo: '', targetTicket: '' });

/** Which inputs are missing, before asking the server (which checks the same rules again). */
export function missingInputs(action: string, v: ActionValues, afterPhotoRequired: boolean): InputKind[] {
  const miss: InputKind[] = [];
  for (const k of ACTION_INPUTS[action] ?? []) {
    if (k === 'agency' && !v.agency) miss.push(k);
    if (k === 'reasonRequired' && !v.reason.trim()) miss.push(k);
    if (k === 'noteRequired' && !v.note.trim()) miss.push(k);
    if (k === 'rejectReason' && !v.rejectReason) miss.push(k);
    if (k === 'targetTicket' && !v.targetTicket.trim()) miss.push(k);
    if (k === 'afterPhoto' && afterPhotoRequired && !v.after) miss.push(k);
  }
  return miss;
}

/** Sends the action: multipart when an "after" photo goes with it, JSON otherwise. */
export async function runAction(kase: CaseDetail, action: string, v: ActionValues): Promise<CaseSummary> {
  const inputs = ACTION_INPUTS[action] ?? [];
  const body: Record<string, string | number | boolean> = {};
  if (inputs.includes('agency')) body.target_agency = v.agency;
  if ((inputs.includes('reason') || inputs.includes('reasonRequired')) && v.reason.trim()) body.reason = v.reason.trim();
  if ((inputs.includes('note') || inputs.includes('noteRequired')) && v.note.trim()) body.public_note = v.note.trim();
  if (inputs.includes('misrouted') && v.misrouted) body.misrouted = true;
  if (inputs.includes('rejectReason')) body.reject_reason = v.rejectReason;
  if (inputs.includes('forwardedTo') && v.rejectReason === 'bukan_wewenang' && v.forwardedTo.trim()) body.forwarded_to = v.forwardedTo.trim();
  if (inputs.includes('targetTicket')) {
    // The API merges by case id; officers know tickets.
    const target = await api<CaseSummary>(`/api/cases/${enc(v.targetTicket.trim().toUpperCase())}`);
    body.target_case = target.id;
  }
  const path = `/api/cases/${enc(kase.ticket)}/actions/${action}`;
  if (v.after && inputs.includes('afterPhoto')) {
    const form = new FormData();
    for (const [k, val] of Object.entries(body)) form.append(k, String(val));
    form.append('after', v.after, v.after.name);
    return api<CaseSummary>(path, { method: 'POST', form });
  }
  return api<CaseSummary>(path, { method: 'POST', json: body });
}

/** Case statuses, named as in Jakarta's CRM / JAKI so officers recognise them. */
export const STATUSES = [
  'menunggu', // received, waiting to be handled (triage queue or first verification)
  'koordinasi', // being coordinated between agencies (PD to PD)
  'disposisi', // dispatched to an agency (e.g. from a Dinas to its Suku Dinas)
  'proses', // being worked on
  'menunggu_pelapor', // waiting for the citizen to answer: SLA clocks pause
  'selesai', // resolved, with a public follow-up note and evidence
  'ditutup', // closed: confirmed by the citizen or closed automatically
  'ditolak', // rejected (bukan wewenang / spam / tidak lengkap / lainnya)
  'digabung', // merged into another case
] as const;

export type Status = (typeof STATUSES)[number];

export const OPEN_STATUSES: readonly Status[] = ['menunggu', 'koordinasi', 'disposisi', 'proses', 'menunggu_pelapor'];

/** Open311 knows only open/closed; a resolved case is closed for Open311 clients. */
export function open311Status(status: Status): 'open' | 'closed' {
  return OPEN_STATUSES.includes(status) ? 'open' : 'closed';
}

/** The Open311 `servicerequestupdates` extended status vocabulary (FixMyStreet). */
export function open311ExtendedStatus(status: Status, rejectReason?: string | null): string {
  switch (status) {
    case 'menunggu':
      return 'FOR_TRIAGE';
    case 'koordinasi':
      return 'INTERNAL_REFERRAL';
    case 'disposisi':
      return 'ACTION_SCHEDULED';
    case 'proses':
      return 'IN_PROGRESS';
    case 'menunggu_pelapor':
      return 'INVESTIGATING';
    case 'selesai':
      return 'FIXED';
    case 'ditutup':
      return 'CLOSED';
    case 'digabung':
      return 'DUPLICATE';
    case 'ditolak':
      return rejectReason === 'bukan_wewenang' ? 'NOT_COUNCILS_RESPONSIBILITY' : 'NO_FURTHER_ACTION';
  }
}

export const STATUS_LABELS: Record<Status, { id: string; en: string }> = {
  menunggu: { id: 'Menunggu', en: 'Waiting' },
  koordinasi: { id: 'Koordinasi', en: 'Coordinating' },
  disposisi: { id: 'Disposisi', en: 'Dispatched' },
  proses: { id: 'Proses', en: 'In progress' },
  menunggu_pelapor: { id: 'Menunggu pelapor', en: 'Waiting for reporter' },
  selesai: { id: 'Selesai', en: 'Resolved' },
  ditutup: { id: 'Ditutup', en: 'Closed' },
  ditolak: { id: 'Ditolak', en: 'Rejected' },
  digabung: { id: 'Digabung', en: 'Merged' },
};

export const REJECT_REASONS = ['bukan_wewenang', 'spam', 'tidak_lengkap', 'lainnya'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

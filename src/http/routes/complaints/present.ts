import type { IntakeResult } from '../../../services/intake/submit-complaint.js';

export const intakeReceiptSchema = {
  type: 'object',
  properties: {
    created: { type: 'boolean' },
    ticket: { type: 'string' },
    access_code: { type: 'string' },
    tracking_url: { type: 'string' },
    status: { type: 'string' },
    agency: { type: ['string', 'null'] },
    category: { type: ['string', 'null'] },
    emergency: { type: 'boolean' },
    message: { type: 'string' },
    message_en: { type: 'string' },
  },
} as const;

/** The citizen's receipt: what they need to follow their complaint, nothing internal. */
export function presentReceipt(r: IntakeResult, trackingUrl: string) {
  const emergency = (r.case.flags ?? '').includes('emergency');
  return {
    created: r.created,
    ticket: r.case.ticket,
    access_code: r.accessCode,
    tracking_url: trackingUrl,
    status: r.case.status,
    agency: r.case.agency_id,
    category: r.case.category_code,
    emergency,
    message: `Laporan Anda diterima dengan nomor ${r.case.ticket}. Simpan kode akses ${r.accessCode} untuk memantau laporan.${emergency ? ' Untuk keadaan darurat segera hubungi 112.' : ''}`,
    message_en: `Your complaint was received as ${r.case.ticket}. Keep access code ${r.accessCode} to track it.${emergency ? ' In an emergency call 112 now.' : ''}`,
  };
}

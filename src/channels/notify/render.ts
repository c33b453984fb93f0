import { STATUS_LABELS, type Status } from '../../domain/case/status.js';
import type { NotificationTemplate } from '../templates/render-payload.js';

/**
 * Minimal message text for an outbox notification payload. Channel-specific templates (per channel × status ×
 * language) live in src/channels/templates and take over when present; this is the shared fallback.
 */
export interface NotificationPayload {
  template: NotificationTemplate;
  channel: string;
  to: { kind: string; value: string };
  anonymous: boolean;
  lang: 'id' | 'en';
  vars: Record<string, string | number | null | undefined>;
}

export function renderPlain(p: NotificationPayload): { subject: string; text: string } {
  const v = p.vars;
  const status = STATUS_LABELS[(v.status as Status) ?? 'menunggu'];
  const en = p.lang === 'en';
  switch (p.template) {
    case 'ack':
      return {
        subject: `[#${v.ticket}] ${en ? 'Complaint received' : 'Laporan diterima'}`,
        text: en
          ? `Your complaint was received with ticket ${v.ticket}. Access code: ${v.accessCode}. Track it at ${v.trackingUrl}.${v.emergency ? ' In an emergency call 112.' : ''}`
          : `Laporan Anda diterima dengan nomor ${v.ticket}. Kode akses: ${v.accessCode}. Pantau di ${v.trackingUrl}.${v.emergency ? ' Dalam keadaan darurat hubungi 112.' : ''}`,
      };
    case 'split':
      return {
        subject: `[#${v.ticket}] ${en ? 'Part of your report is now a separate report' : 'Sebagian laporan Anda menjadi laporan tersendiri'}`,
        text: en
          ? `Part of your report ${v.splitFrom} is handled as a separate report ${v.ticket}. Access code: ${v.accessCode}. Track it at ${v.trackingUrl}.`
          : `Sebagian laporan Anda ${v.splitFrom} ditangani sebagai laporan tersendiri ${v.ticket}. Kode akses: ${v.accessCode}. Pantau di ${v.trackingUrl}.`,
      };
    case 'comment':
      return { subject: `[#${v.ticket}] ${en ? 'Reply from the officer' : 'Tanggapan petugas'}`, text: `${v.note ?? ''}\n\n${en ? 'Track' : 'Pantau'}: ${v.trackingUrl}` };
    default:
      return {
        subject: `[#${v.ticket}] ${en ? 'Status' : 'Status'}: ${en ? status?.en : status?.id}`,
        text: `${en ? 'Your complaint' : 'Laporan'} ${v.ticket}: ${en ? status?.en : status?.id}.${v.note ? `\n${v.note}` : ''}${v.reason ? `\n${en ? 'Reason' : 'Alasan'}: ${v.reason}` : ''}\n${en ? 'Track' : 'Pantau'}: ${v.trackingUrl}`,
      };
  }
}

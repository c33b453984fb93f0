import { STATUSES, type Status } from '../../domain/case/status.js';

/**
 * Messages to citizens, per event × language, as data. Each entry has:
 * - `short`: SMS and public replies (one or two SMS; must make sense alone);
 * - `long`: chat and e-mail bodies (defaults to `short`);
 * - `public`: for replies everyone can read (a reply post on X) when `short` is not safe there;
 * - `subject`: e-mail subject (the `[#ticket]` tag is added by the e-mail builder, not here).
 * Placeholders: `{name}` must be given; `{name|fallback}` uses the fallback when absent; `[[ … ]]` is dropped
 * when any placeholder inside it is absent. Public texts never contain the access code (checked by tests).
 */
/**
 * The acknowledgement, one event per case status (src/domain/case/status.ts), an officer's public reply
 * (`comment`), the resolution of the case a citizen's report was merged into (`merged_resolved`), and a problem of
 * the citizen's report split off into a case of its own, with its ticket and access code (`split`).
 */
export const TEMPLATE_EVENTS = ['acknowledgement', ...STATUSES, 'comment', 'merged_resolved', 'split'] as const;
export type TemplateEvent = 'acknowledgement' | Status | 'comment' | 'merged_resolved' | 'split';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface MessageTemplate {
  subject: string;
  short: string;
  long?: string;
  public?: string;
}

export type TemplateCatalogue = Record<TemplateEvent, Record<Language, MessageTemplate>>;

/** Sentences added by flags rather than values (see render-payload.ts). */
export const PHRASES: Record<Language, { emergency: string }> = {
  id: { emergency: 'Dalam keadaan darurat, segera hubungi 112.' },
  en: { emergency: 'In an emergency, call 112 now.' },
};

/** E-mail wrapping per language: greeting and closing around `long`. */
export const EMAIL_FRAME: Record<Language, { greeting: string; closing: string }> = {
  id: { greeting: 'Yth. {reporterName|Bapak/Ibu},', closing: 'Hormat kami,\n{orgName}' },
  en: { greeting: 'Dear {reporterName|Sir or Madam},', closing: 'Kind regards,\n{orgName}' },
};

export const DEFAULT_CATALOGUE: TemplateCatalogue = {
  acknowledgement: {
    id: {
      subject: 'Laporan Anda telah diterima',
      short: 'Laporan Anda diterima. No: {ticketNumber}. Kode akses: {accessCode} (rahasia). Pantau: {trackingUrl}[[ {emergencyNote}]]',
      public: 'Terima kasih, laporan Anda sudah kami catat dengan nomor {ticketNumber} dan akan ditindaklanjuti. Pantau di {trackingUrl}[[ {emergencyNote}]]',
      long:
        'Terima kasih telah menyampaikan laporan kepada {orgName}. Laporan Anda sudah kami terima dengan nomor {ticketNumber}.\n\n' +
        'Kode akses Anda: {accessCode}\nSimpan kode ini dan jangan dibagikan: kode ini diperlukan untuk melihat rincian dan menanggapi laporan Anda.\n\n' +
        'Pantau perkembangan laporan di {trackingUrl}\n\nUntuk menambahkan keterangan atau foto, cukup balas pesan ini.[[\n\n{emergencyNote}]]',
    },
    en: {
      subject: 'Your report has been received',
      short: 'Report received. No: {ticketNumber}. Access code: {accessCode} (keep it private). Track: {trackingUrl}[[ {emergencyNote}]]',
      public: 'Thank you, your report has been recorded as {ticketNumber} and will be followed up. Track it at {trackingUrl}[[ {emergencyNote}]]',
      long:
        'Thank you for reporting to {orgName}. We have received your report under number {ticketNumber}.\n\n' +
        'Your access code: {accessCode}\nKeep it private: you need it to see the details of your report and to respond.\n\n' +
        'Follow your report at {trackingUrl}\n\nTo add information or photos, simply reply to this message.[[\n\n{emergencyNote}]]',
    },
  },
  menunggu: {
    id: {
      subject: 'Laporan Anda menunggu verifikasi',
      short: 'Laporan {ticketNumber} kembali menunggu verifikasi petugas.[[ Ket: {note}]] Pantau: {trackingUrl}',
      long: 'Laporan {ticketNumber} kembali menunggu verifikasi petugas dan akan segera ditindaklanjuti.[[\n\nKeterangan: {note}]]\n\nPantau perkembangannya di {trackingUrl}',
    },
    en: {
      subject: 'Your report is awaiting verification',
      short: 'Report {ticketNumber} is awaiting verification again.[[ Note: {note}]] Track: {trackingUrl}',
      long: 'Report {ticketNumber} is awaiting verification by an officer again and will be followed up soon.[[\n\nNote: {note}]]\n\nFollow it at {trackingUrl}',
    },
  },
  koordinasi: {
    id: {
      subject: 'Laporan Anda sedang dikoordinasikan',
      short: 'Laporan {ticketNumber} sedang dikoordinasikan dengan perangkat daerah terkait[[ ({agencyName})]]. Pantau: {trackingUrl}',
      long: 'Laporan {ticketNumber} sedang dikoordinasikan dengan perangkat daerah terkait[[ ({agencyName})]] untuk menentukan penanganannya.\n\nPantau perkembangannya di {trackingUrl}',
    },
    en: {
      subject: 'Your report is being coordinated',
      short: 'Report {ticketNumber} is being coordinated with the agencies concerned[[ ({agencyName})]]. Track: {trackingUrl}',
      long: 'Report {ticketNumber} is being coordinated with the agencies concerned[[ ({agencyName})]] to decide who handles it.\n\nFollow it at {trackingUrl}',
    },
  },
  disposisi: {
    id: {
      subject: 'Laporan Anda telah didisposisikan',
      short: 'Laporan {ticketNumber} telah diteruskan kepada {agencyName|unit yang berwenang} untuk ditindaklanjuti. Pantau: {trackingUrl}',
      long: 'Laporan {ticketNumber} telah didisposisikan kepada {agencyName|unit yang berwenang} untuk ditindaklanjuti.\n\nPantau perkembangannya di {trackingUrl}',
    },
    en: {
      subject: 'Your report has been assigned',
      short: 'Report {ticketNumber} has been assigned to {agencyName|the competent unit} for follow-up. Track: {trackingUrl}',
      long: 'Report {ticketNumber} has been assigned to {agencyName|the competent unit} for follow-up.\n\nFollow it at {trackingUrl}',
    },
  },
  proses: {
    id: {
      subject: 'Laporan Anda sedang ditangani',
      short: 'Laporan {ticketNumber} sedang ditangani[[ oleh {agencyName}]].[[ Ket: {note}]] Pantau: {trackingUrl}',
      long: 'Laporan {ticketNumber} sedang ditangani[[ oleh {agencyName}]].[[\n\nKeterangan petugas: {note}]]\n\nPantau perkembangannya di {trackingUrl}',
    },
    en: {
      subject: 'Your report is being handled',
      short: 'Report {ticketNumber} is being handled[[ by {agencyName}]].[[ Note: {note}]] Track: {trackingUrl}',
      long: 'Report {ticketNumber} is being handled[[ by {agencyName}]].[[\n\nOfficer note: {note}]]\n\nFollow it at {trackingUrl}',
    },
  },
  menunggu_pelapor: {
    id: {
      subject: 'Kami memerlukan keterangan tambahan',
      short: 'Petugas memerlukan keterangan tambahan untuk laporan {ticketNumber}[[: {note}]]. Mohon balas pesan ini.',
      public: 'Petugas memerlukan keterangan tambahan untuk laporan {ticketNumber}. Mohon lengkapi melalui {trackingUrl}',
      long: 'Petugas memerlukan keterangan tambahan untuk menindaklanjuti laporan {ticketNumber}[[:\n\n{note}]]\n\nMohon balas pesan ini atau lengkapi melalui {trackingUrl}. Laporan tanpa tanggapan dapat ditutup setelah batas waktu.',
    },
    en: {
      subject: 'We need more information',
      short: 'The officer needs more information on report {ticketNumber}[[: {note}]]. Please reply to this message.',
      public: 'The officer needs more information on report {ticketNumber}. Please complete it at {trackingUrl}',
      long: 'The officer needs more information to follow up report {ticketNumber}[[:\n\n{note}]]\n\nPlease reply to this message or complete it at {trackingUrl}. Reports without an answer may be closed after the deadline.',
    },
  },
  selesai: {
    id: {
      subject: 'Laporan Anda telah selesai ditindaklanjuti',
      short: 'Laporan {ticketNumber} selesai ditindaklanjuti[[ oleh {agencyName}]].[[ Ket: {note}]] Lihat bukti & beri penilaian: {trackingUrl}',
      long: 'Laporan {ticketNumber} telah selesai ditindaklanjuti[[ oleh {agencyName}]].[[\n\nKeterangan petugas: {note}]]\n\nLihat foto bukti penyelesaian dan beri penilaian Anda di {trackingUrl}. Jika masalah belum tuntas, Anda dapat membuka kembali laporan dari halaman tersebut.',
    },
    en: {
      subject: 'Your report has been resolved',
      short: 'Report {ticketNumber} has been resolved[[ by {agencyName}]].[[ Note: {note}]] See the proof & rate it: {trackingUrl}',
      long: 'Report {ticketNumber} has been resolved[[ by {agencyName}]].[[\n\nOfficer note: {note}]]\n\nSee the photo proof and rate the result at {trackingUrl}. If the problem is not solved, you can reopen the report from that page.',
    },
  },
  ditutup: {
    id: {
      subject: 'Laporan Anda telah ditutup',
      short: 'Laporan {ticketNumber} telah ditutup.[[ Ket: {note}]] Terima kasih atas partisipasi Anda.',
      long: 'Laporan {ticketNumber} telah ditutup.[[\n\nKeterangan: {note}]]\n\nTerima kasih atas partisipasi Anda. Riwayat laporan tetap dapat dilihat di {trackingUrl}',
    },
    en: {
      subject: 'Your report has been closed',
      short: 'Report {ticketNumber} has been closed.[[ Note: {note}]] Thank you for taking part.',
      long: 'Report {ticketNumber} has been closed.[[\n\nNote: {note}]]\n\nThank you for taking part. The history of the report remains at {trackingUrl}',
    },
  },
  ditolak: {
    id: {
      subject: 'Laporan Anda tidak dapat ditindaklanjuti',
      short: 'Laporan {ticketNumber} tidak dapat kami tindak lanjuti. Alasan: {reason}[[ Diteruskan ke {forwardedTo}.]]',
      long: 'Mohon maaf, laporan {ticketNumber} tidak dapat kami tindak lanjuti.\n\nAlasan: {reason}[[\n\nLaporan Anda telah kami teruskan kepada {forwardedTo}.]]\n\nRincian dapat dilihat di {trackingUrl}',
    },
    en: {
      subject: 'Your report cannot be followed up',
      short: 'Report {ticketNumber} cannot be followed up. Reason: {reason}[[ Forwarded to {forwardedTo}.]]',
      long: 'We are sorry: report {ticketNumber} cannot be followed up by us.\n\nReason: {reason}[[\n\nWe have forwarded your report to {forwardedTo}.]]\n\nDetails at {trackingUrl}',
    },
  },
  digabung: {
    id: {
      subject: 'Laporan Anda digabungkan dengan laporan lain',
      short: 'Laporan {ticketNumber} digabung dengan laporan {mergedInto} yang melaporkan masalah yang sama. Pantau: {trackingUrl}',
      long: 'Laporan {ticketNumber} digabungkan dengan laporan {mergedInto} karena melaporkan masalah yang sama, sehingga ditangani bersama.\n\nPerkembangannya dapat dipantau di {trackingUrl}',
    },
    en: {
      subject: 'Your report has been merged',
      short: 'Report {ticketNumber} was merged with report {mergedInto} about the same problem. Track: {trackingUrl}',
      long: 'Report {ticketNumber} was merged with report {mergedInto}, which is about the same problem, so both are handled together.\n\nFollow it at {trackingUrl}',
    },
  },
  comment: {
    id: {
      subject: 'Tanggapan petugas atas laporan Anda',
      short: 'Tanggapan petugas (laporan {ticketNumber}): {note} Pantau: {trackingUrl}',
      long: 'Tanggapan petugas atas laporan {ticketNumber}:\n\n{note}\n\nBalas pesan ini untuk menanggapi, atau pantau laporan di {trackingUrl}',
    },
    en: {
      subject: 'An officer replied to your report',
      short: 'Officer reply (report {ticketNumber}): {note} Track: {trackingUrl}',
      long: 'An officer replied to report {ticketNumber}:\n\n{note}\n\nReply to this message to answer, or follow the report at {trackingUrl}',
    },
  },
  merged_resolved: {
    id: {
      subject: 'Laporan yang digabungkan dengan laporan Anda telah selesai',
      short: 'Laporan {ticketNumber}, yang digabung dengan laporan Anda, selesai ditindaklanjuti.[[ Ket: {note}]] Lihat: {trackingUrl}',
      long: 'Laporan {ticketNumber}, yang digabungkan dengan laporan Anda karena membahas masalah yang sama, telah selesai ditindaklanjuti.[[\n\nKeterangan petugas: {note}]]\n\nLihat bukti penyelesaian dan beri penilaian di {trackingUrl}',
    },
    en: {
      subject: 'The report yours was merged into has been resolved',
      short: 'Report {ticketNumber}, which yours was merged into, has been resolved.[[ Note: {note}]] See: {trackingUrl}',
      long: 'Report {ticketNumber}, which your report was merged into because it is about the same problem, has been resolved.[[\n\nOfficer note: {note}]]\n\nSee the proof and rate the result at {trackingUrl}',
    },
  },
  split: {
    id: {
      subject: 'Sebagian laporan Anda kini menjadi laporan tersendiri',
      short: 'Sebagian laporan Anda {splitFrom} kini ditangani sebagai laporan {ticketNumber}. Kode akses: {accessCode} (rahasia). Pantau: {trackingUrl}',
      public: 'Sebagian laporan Anda {splitFrom} kini ditangani sebagai laporan tersendiri {ticketNumber}. Pantau di {trackingUrl}',
      long:
        'Laporan Anda {splitFrom} memuat lebih dari satu masalah. Agar setiap masalah ditangani oleh instansi yang tepat, sebagian laporan tersebut kini ditangani sebagai laporan tersendiri dengan nomor {ticketNumber}.\n\n' +
        'Kode akses laporan ini: {accessCode}\nSimpan kode ini dan jangan dibagikan.\n\nPantau perkembangannya di {trackingUrl}',
    },
    en: {
      subject: 'Part of your report is now a separate report',
      short: 'Part of your report {splitFrom} is now handled as report {ticketNumber}. Access code: {accessCode} (keep it private). Track: {trackingUrl}',
      public: 'Part of your report {splitFrom} is now handled as a separate report {ticketNumber}. Track it at {trackingUrl}',
      long:
        'Your report {splitFrom} was about more than one problem. So that each is handled by the right agency, part of it is now handled as a separate report under number {ticketNumber}.\n\n' +
        'Access code of this report: {accessCode}\nKeep it private.\n\nFollow it at {trackingUrl}',
    },
  },
};

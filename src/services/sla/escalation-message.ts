import type { DueEscalation, TargetKind } from '../../domain/sla/index.js';

/**
 * Text of an escalation notification (in-app and e-mail), in Indonesian: officers work in Indonesian and the
 * message names the ticket, the deadline in local time and the unit concerned.
 */
const TARGET_LABEL: Record<TargetKind, string> = {
  verification: 'verifikasi',
  first_response: 'tanggapan pertama',
  follow_up: 'tindak lanjut',
  resolution: 'penyelesaian',
};

export interface EscalationFacts {
  readonly ticket: string;
  readonly agencyName: string | null;
  /** The deadline the step is about (the target's due time, or when the red flag went up), local ISO text. */
  readonly deadlineLocal: string | null;
  /** Share of the allowance that had run when the step fired (for fraction steps). */
  readonly fraction: number | null;
  readonly caseUrl: string;
}

export function escalationKind(step: DueEscalation): string {
  return step.target === 'red_flag' ? 'sla.red_flag' : `sla.${step.stepId}`;
}

export function escalationMessage(step: DueEscalation, f: EscalationFacts): { title: string; body: string } {
  const unit = f.agencyName ?? 'antrean verifikasi';
  const deadline = f.deadlineLocal ? f.deadlineLocal.replace('T', ' ').replace(/:00([+-]\d\d:\d\d)$/, ' $1') : '–';
  if (step.target === 'red_flag') {
    return {
      title: `Bendera merah: laporan ${f.ticket} belum ditindaklanjuti`,
      body: `Laporan ${f.ticket} yang ditangani ${unit} belum ditindaklanjuti dalam batas waktu; bendera merah dicatat sejak ${deadline} dan diperhitungkan dalam TKD. Lihat: ${f.caseUrl}`,
    };
  }
  const label = TARGET_LABEL[step.target];
  if (f.fraction !== null && f.fraction < 1) {
    return {
      title: `Pengingat: ${label} laporan ${f.ticket} jatuh tempo ${deadline}`,
      body: `${Math.round(f.fraction * 100)}% waktu ${label} laporan ${f.ticket} (${unit}) sudah berjalan. Tenggat: ${deadline}. Lihat: ${f.caseUrl}`,
    };
  }
  return {
    title: `Lewat tenggat: ${label} laporan ${f.ticket}`,
    body: `Tenggat ${label} laporan ${f.ticket} (${unit}) terlewati pada ${deadline}. Mohon segera ditangani. Lihat: ${f.caseUrl}`,
  };
}

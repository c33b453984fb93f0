import { detectAbuse, type AbuseAssessment } from './abuse.js';
import { detectEmergency, type EmergencyAssessment } from './emergency.js';
import { detectRepeatedMessages, type RepeatAssessment, type RepeatOptions, type SenderMessage } from './repeated-messages.js';

/**
 * One call for the intake path: what the officer must be told about a message and how it changes the
 * case's priority. Flags never block intake; the case is created whatever they say.
 */

export type MessageFlagCode = 'emergency' | 'urgent' | 'abusive_language' | 'repeated_message';

export interface MessageFlag {
  code: MessageFlagCode;
  /** One line for the officer, in Indonesian like the rest of the officer UI. */
  note: string;
  /** The words that raised it, as offsets into the text. */
  spans: { start: number; end: number; text: string }[];
}

export type MessagePriority = 'emergency' | 'high' | 'normal';

export interface MessageAssessment {
  priority: MessagePriority;
  flags: MessageFlag[];
  /** Send the citizen the 112 advice with the acknowledgement. */
  advise112: boolean;
  emergency: EmergencyAssessment;
  abuse: AbuseAssessment;
  repeat: RepeatAssessment | null;
}

/** Shown to the citizen with the acknowledgement when emergency wording is found. */
export const CALL_112_ADVICE =
  'Jika ada keadaan darurat yang mengancam jiwa atau harta (kebakaran, korban, kecelakaan), segera hubungi 112 ' +
  '(layanan darurat, bebas pulsa, 24 jam). Laporan Anda tetap kami proses.';

export function assessMessage(input: {
  text: string;
  /** The message with its sender, to check for repeats; omit for anonymous web reports. */
  message?: SenderMessage;
  recentFromSender?: readonly SenderMessage[];
  repeatOptions?: RepeatOptions;
}): MessageAssessment {
  const emergency = detectEmergency(input.text);
  const abuse = detectAbuse(input.text);
  const repeat = input.message ? detectRepeatedMessages(input.message, input.recentFromSender ?? [], input.repeatOptions) : null;
  const flags: MessageFlag[] = [];
  const spansOf = (items: { start: number; end: number; text: string }[]) => items.map(({ start, end, text }) => ({ start, end, text }));
  if (emergency.level !== 'none') {
    const active = emergency.signals.filter((s) => s.effect === emergency.level);
    flags.push({
      code: emergency.level,
      note:
        emergency.level === 'emergency'
          ? `Kata darurat: ${active.map((s) => s.text).join(', ')}; pelapor diminta menghubungi 112`
          : `Perlu segera: ${active.map((s) => s.text).join(', ')}`,
      spans: spansOf(active),
    });
  }
  if (abuse.abusive) {
    flags.push({ code: 'abusive_language', note: `Bahasa kasar: ${abuse.matches.map((m) => m.text).join(', ')}`, spans: spansOf(abuse.matches) });
  }
  if (repeat?.repeated) {
    flags.push({ code: 'repeated_message', note: `Pesan sama ${repeat.count}× dari pengirim yang sama`, spans: [] });
  }
  const priority: MessagePriority = emergency.level === 'emergency' ? 'emergency' : emergency.level === 'urgent' ? 'high' : 'normal';
  return { priority, flags, advise112: emergency.call112, emergency, abuse, repeat };
}

/**
 * Removes the quoted previous message from a citizen's reply, so the case conversation shows what they
 * wrote and not our acknowledgement again. Recognises the marker line we put in our own mails, attribution
 * lines of common clients in Indonesian and English (Gmail "Pada … menulis:", "On … wrote:"), Outlook
 * headers blocks ("-----Original Message-----", "From: … Sent: …", "Dari: … Dikirim: …"), trailing
 * `>`-quoted blocks, signature separators and "sent from my phone" footers. When stripping would leave
 * nothing, the text is returned unchanged: losing a citizen's words is worse than showing a quote twice.
 */
export const REPLY_ABOVE_MARKER = '##- Mohon tulis balasan di atas baris ini / Please reply above this line -##';

const CUT_LINE_PATTERNS: RegExp[] = [
  /^[>\s]*##-.*-##$/,
  /^-{2,}\s*(?:original message|pesan asli|forwarded message|pesan yang diteruskan|pesan terusan)\s*-{2,}$/i,
  /^_{10,}$/,
  // Attribution lines, possibly wrapped over two lines (joined before matching).
  /^(?:on|pada)\s.{4,200}\s(?:wrote|menulis|tulis)\s*:$/i,
  /^.{4,200}\s(?:wrote|menulis)\s*:$/i,
  /^(?:pada tanggal|pada hari)\s.{4,200}:$/i,
  /^(?:le|am|el)\s.{4,200}\s(?:a écrit|schrieb|escribió)\s*:$/i,
];
const OUTLOOK_HEADER_START = /^\*?(?:from|dari)\s*:\*?\s+\S/i;
const OUTLOOK_HEADER_NEXT = /^\*?(?:sent|dikirim|date|tanggal|to|kepada|subject|perihal|subjek)\s*:/i;
const SIGNATURE = /^--\s?$/;
const MOBILE_FOOTER = /^(?:sent from my|dikirim dari|sent from|get outlook for|dapatkan outlook untuk)\b.{0,60}$/i;

export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let cut = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const joined = i + 1 < lines.length ? `${line} ${lines[i + 1].trim()}` : line;
    if (CUT_LINE_PATTERNS.some((p) => p.test(line)) || (/^(?:on|pada)\s/i.test(line) && CUT_LINE_PATTERNS.some((p) => p.test(joined)))) {
      cut = i;
      break;
    }
    if (OUTLOOK_HEADER_START.test(line) && lines.slice(i + 1, i + 4).some((l) => OUTLOOK_HEADER_NEXT.test(l.trim()))) {
      cut = i;
      break;
    }
    if (SIGNATURE.test(lines[i])) {
      cut = i;
      break;
    }
  }
  let kept = lines.slice(0, cut);
  // A trailing block of `>` lines (bottom quoting without an attribution line).
  let end = kept.length;
  while (end > 0 && (kept[end - 1].trim() === '' || kept[end - 1].trimStart().startsWith('>'))) end--;
  if (kept.slice(end).some((l) => l.trimStart().startsWith('>'))) kept = kept.slice(0, end);
  while (kept.length && (kept[kept.length - 1].trim() === '' || MOBILE_FOOTER.test(kept[kept.length - 1].trim()))) kept.pop();
  const result = kept.join('\n').trim();
  return result ? result : text.trim();
}

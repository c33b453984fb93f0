/**
 * Indonesian (and Jakarta/Javanese slang) swear words and insults, for flagging messages to an officer.
 * `strong` words are abusive wherever they appear. `contextual` words are also ordinary nouns ("anjing
 * liar", "peternakan babi", "tahi kucing" are real complaints), so they count only when aimed at someone:
 * next to a pronoun, an official or an insult marker ("dasar", "kayak"). Forms are compared after leetspeak
 * is undone and repeated letters are squeezed ("anjiiing" = "anjing").
 */

export interface AbuseLexicon {
  strong: string[];
  contextual: string[];
  /** Words that aim a contextual word at someone: pronouns, officials, "dasar", "kayak". */
  targets: string[];
}

export const INDONESIAN_ABUSE_LEXICON: AbuseLexicon = {
  strong: [
    'bangsat', 'bajingan', 'keparat', 'brengsek', 'berengsek', 'kampret', 'goblok', 'goblog', 'tolol', 'idiot', 'dungu',
    'bego', 'kontol', 'memek', 'ngentot', 'entot', 'ngewe', 'pepek', 'peler', 'jembut', 'jancok', 'jancuk', 'dancok',
    'cok', 'kimak', 'pukimak', 'lonte', 'pelacur', 'sundal', 'perek', 'bencong', 'kunyuk', 'bacot', 'bacod', 'cocot',
    'matamu', 'ndasmu', 'ngehe', 'laknat', 'sialan', 'tai lu', 'anjir', 'anjrit', 'asw', 'gblk', 'gblg', 'bgst', 'bngst',
    'bgsd', 'ajg', 'anjg', 'anjay', 'kntl', 'mmk', 'tlol', 'jnck', 'bct', 'kmprt', 'brngsk',
  ],
  // Not "sampah" or "maling": "petugas sampah", "lapor polisi ada maling" are ordinary complaints.
  contextual: ['anjing', 'babi', 'monyet', 'setan', 'iblis', 'tai', 'tahi', 'asu', 'bodoh', 'biadab', 'banci', 'kurang ajar'],
  targets: [
    'lu', 'lo', 'loe', 'lou', 'elu', 'elo', 'kau', 'kamu', 'anda', 'kalian', 'klian', 'situ', 'mu', 'dasar', 'dsr',
    'kayak', 'kyk', 'kaya', 'seperti', 'kek', 'pejabat', 'petugas', 'gubernur', 'wagub', 'walikota', 'lurah', 'camat',
    'pemda', 'pemprov', 'dinas', 'sudin', 'admin', 'min', 'pns', 'satpol', 'polisi', 'aparat', 'pemerintah', 'dprd',
  ],
};

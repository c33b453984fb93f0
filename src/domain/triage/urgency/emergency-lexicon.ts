/**
 * Emergency and urgent wording in Indonesian complaints, as data. A phrase is matched word by word (up to
 * two other words may sit between its parts: "pohon besar tumbang menimpa"). `emergency` means life or
 * safety at risk now: the citizen is told to call 112 and the case jumps the queue; `urgent` raises
 * priority only.
 */

export type UrgencyLevel = 'emergency' | 'urgent';

export interface UrgencyTerm {
  id: string;
  level: UrgencyLevel;
  phrases: string[];
  /** Longer phrases that contain a phrase but mean something else ("pintu darurat" = emergency exit). */
  except?: string[];
}

export interface UrgencyLexicon {
  terms: UrgencyTerm[];
  /** Words that negate what follows ("tidak ada korban", "tanpa korban", "bukan kebakaran"). */
  negators: string[];
  /** Words allowed between a negator and the term ("tidak ADA korban", "tidak MENIMBULKAN korban"). */
  negationFillers: string[];
  /** Possibility or near miss ("rawan kecelakaan", "bisa menimpa", "nyaris tertimpa"): urgent, not 112. */
  hedges: string[];
  /** Before the term, the event is over ("bekas kebakaran", "pasca banjir"): no raise at all. */
  pastMarkers: string[];
  /** After the term, it happened earlier ("pohon tumbang kemarin"): still urgent, but no 112. */
  laterPastMarkers: string[];
}

export const INDONESIAN_URGENCY_LEXICON: UrgencyLexicon = {
  terms: [
    { id: 'fire', level: 'emergency', phrases: ['kebakaran', 'terbakar', 'api berkobar', 'api membesar', 'percikan api', 'ada api'] },
    {
      id: 'casualty',
      level: 'emergency',
      phrases: [
        'korban jiwa', 'korban luka', 'korban tewas', 'korban meninggal', 'ada korban', 'jatuh korban', 'memakan korban',
        'menelan korban', 'meninggal', 'tewas', 'terluka', 'luka parah', 'luka luka', 'pingsan', 'tidak sadarkan diri', 'berdarah',
      ],
    },
    // "Korban" alone is also "korban pungli" (a victim of extortion): priority only.
    { id: 'victim', level: 'urgent', phrases: ['korban'] },
    {
      id: 'tree-fell-on',
      level: 'emergency',
      phrases: ['pohon tumbang menimpa', 'pohon roboh menimpa', 'pohon menimpa', 'tertimpa pohon', 'ketimpa pohon', 'pohon tumbang nimpa'],
    },
    { id: 'tree-fell', level: 'urgent', phrases: ['pohon tumbang', 'pohon roboh', 'pohon patah'] },
    {
      id: 'severe-flood',
      level: 'emergency',
      phrases: [
        'banjir besar', 'banjir bandang', 'setinggi dada', 'setinggi leher', 'setinggi atap', 'sepinggang', 'setinggi pinggang',
        'terjebak banjir', 'butuh evakuasi', 'perlu evakuasi', 'minta evakuasi', 'tanggul jebol',
      ],
    },
    { id: 'flood', level: 'urgent', phrases: ['banjir', 'tanggul bocor', 'air meluap', 'rob'] },
    { id: 'drowning', level: 'emergency', phrases: ['tenggelam', 'terseret arus', 'terbawa arus', 'orang hanyut', 'anak hanyut'] },
    { id: 'electrocution', level: 'emergency', phrases: ['tersengat listrik', 'kesengat listrik', 'kesetrum', 'tersetrum'] },
    { id: 'live-wire', level: 'urgent', phrases: ['kabel listrik putus', 'kabel putus', 'kabel menjuntai', 'korsleting', 'konslet'] },
    {
      id: 'gas-explosion',
      level: 'emergency',
      phrases: ['gas bocor', 'kebocoran gas', 'bau gas', 'tabung gas meledak', 'ledakan', 'meledak'],
    },
    {
      id: 'collapse',
      level: 'emergency',
      phrases: ['bangunan roboh', 'rumah roboh', 'tembok roboh', 'ambruk', 'runtuh', 'tertimbun', 'longsor menimpa', 'tanah longsor'],
    },
    {
      id: 'violence',
      level: 'emergency',
      phrases: [
        'perampokan', 'dirampok', 'begal', 'dibegal', 'penusukan', 'ditusuk', 'penganiayaan', 'dianiaya', 'tawuran',
        'penculikan', 'diculik', 'pemerkosaan', 'diperkosa', 'pembunuhan', 'dibunuh', 'kdrt', 'kekerasan dalam rumah tangga',
      ],
    },
    { id: 'accident', level: 'emergency', phrases: ['kecelakaan', 'tabrakan', 'ditabrak', 'tertabrak'] },
    { id: 'self-harm', level: 'emergency', phrases: ['bunuh diri', 'mau loncat', 'ingin mengakhiri hidup'] },
    { id: 'missing-person', level: 'urgent', phrases: ['anak hilang', 'orang hilang', 'lansia hilang'] },
    {
      id: 'distress',
      level: 'urgent',
      phrases: ['darurat', 'gawat darurat', 'sos'],
      except: ['pintu darurat', 'tangga darurat', 'jalur darurat', 'lampu darurat', 'tenda darurat', 'rem darurat', 'nomor darurat', 'layanan darurat'],
    },
  ],
  negators: ['tidak', 'tak', 'tdk', 'gak', 'ga', 'gk', 'nggak', 'ngga', 'enggak', 'engga', 'ndak', 'bukan', 'belum', 'blm', 'tanpa', 'nihil'],
  negationFillers: ['ada', 'ada yang', 'ada yg', 'sampai', 'terjadi', 'menimbulkan', 'menyebabkan', 'mengakibatkan', 'sempat', 'jatuh'],
  hedges: [
    'rawan', 'berpotensi', 'potensi', 'bisa', 'dapat', 'takut', 'khawatir', 'kuatir', 'mungkin', 'nanti', 'kalau', 'jika',
    'bila', 'hampir', 'nyaris', 'sering', 'pernah', 'mencegah', 'cegah', 'antisipasi', 'simulasi', 'sosialisasi', 'pelatihan',
  ],
  pastMarkers: ['bekas', 'sisa', 'pasca', 'setelah', 'sehabis', 'sesudah'],
  laterPastMarkers: ['kemarin', 'kemaren', 'lalu', 'tadi malam', 'semalam'],
};

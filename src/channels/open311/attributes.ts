import type { ErrorDetail } from '../../domain/errors.js';

/**
 * Open311 service attributes ("extra form fields" of a service definition), kept as data: a standard set every
 * service offers, plus extras for a few categories. A deployment changes this table, not the code.
 */
export type AttributeDatatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export interface AttributeDef {
  code: string;
  datatype: AttributeDatatype;
  /** False for information shown to the user only (no input expected). */
  variable: boolean;
  required: boolean;
  description: string;
  datatypeDescription: string | null;
  values?: readonly { key: string; name: string }[];
}

const YES_NO = [
  { key: 'true', name: 'Ya / Yes' },
  { key: 'false', name: 'Tidak / No' },
] as const;

export const STANDARD_ATTRIBUTES: readonly AttributeDef[] = [
  {
    code: 'report_type',
    datatype: 'singlevaluelist',
    variable: true,
    required: false,
    description: 'Jenis laporan (LAPOR!): pengaduan, aspirasi atau permintaan informasi. Bawaan: pengaduan. / Report type; default pengaduan.',
    datatypeDescription: null,
    values: [
      { key: 'pengaduan', name: 'Pengaduan (complaint)' },
      { key: 'aspirasi', name: 'Aspirasi (suggestion)' },
      { key: 'permintaan_informasi', name: 'Permintaan informasi (information request)' },
    ],
  },
  {
    code: 'anonymous',
    datatype: 'singlevaluelist',
    variable: true,
    required: false,
    description: 'Sembunyikan identitas pelapor dari semua orang, termasuk petugas. / Hide the reporter’s identity from everyone, officers included.',
    datatypeDescription: null,
    values: YES_NO,
  },
  {
    code: 'confidential',
    datatype: 'singlevaluelist',
    variable: true,
    required: false,
    description: 'Rahasia: identitas hanya diketahui petugas dan laporan tidak dipublikasikan. / Confidential: identity known to officers only; the report is not published.',
    datatypeDescription: null,
    values: YES_NO,
  },
  {
    code: 'affected',
    datatype: 'multivaluelist',
    variable: true,
    required: false,
    description: 'Siapa yang terdampak? / Who is affected?',
    datatypeDescription: 'Pilih satu atau lebih. / Choose one or more.',
    values: [
      { key: 'pejalan_kaki', name: 'Pejalan kaki (pedestrians)' },
      { key: 'pengendara', name: 'Pengendara (road users)' },
      { key: 'anak_sekolah', name: 'Anak sekolah (schoolchildren)' },
      { key: 'lansia_disabilitas', name: 'Lansia / penyandang disabilitas (elderly / disabled people)' },
      { key: 'warga_sekitar', name: 'Warga sekitar (residents)' },
      { key: 'usaha', name: 'Usaha / pedagang (businesses)' },
    ],
  },
  {
    code: 'privacy_notice',
    datatype: 'text',
    variable: false,
    required: false,
    description: 'Nama, e-mail dan nomor telepon pelapor tidak pernah ditampilkan publik. / Names, e-mail addresses and phone numbers are never published.',
    datatypeDescription: null,
  },
];

/** Extra attributes per category code, asked after the standard ones. */
export const CATEGORY_ATTRIBUTES: Readonly<Record<string, readonly AttributeDef[]>> = {
  'genangan-banjir': [
    {
      code: 'kedalaman_cm',
      datatype: 'number',
      variable: true,
      required: true,
      description: 'Perkiraan tinggi genangan (cm). / Estimated water depth (cm).',
      datatypeDescription: 'Bilangan 0–500. / A number from 0 to 500.',
    },
  ],
  'pohon-tumbang': [
    {
      code: 'menghalangi_jalan',
      datatype: 'singlevaluelist',
      variable: true,
      required: true,
      description: 'Apakah pohon menghalangi jalan? / Is the tree blocking the road?',
      datatypeDescription: null,
      values: YES_NO,
    },
  ],
};

const NUMBER_RANGES: Readonly<Record<string, readonly [number, number]>> = { kedalaman_cm: [0, 500] };

/** The attributes of a service, in the order they are shown (the spec's `order` is the 1-based index). */
export function attributesFor(categoryCode: string): readonly AttributeDef[] {
  return [...STANDARD_ATTRIBUTES, ...(CATEGORY_ATTRIBUTES[categoryCode] ?? [])];
}

export type FormParams = Readonly<Record<string, string | readonly string[] | undefined>>;

/** The values sent for an attribute: `attribute[CODE]=v` and `attribute[CODE][]=v` (repeatable); empty ones dropped. */
function sentValues(params: FormParams, code: string): string[] {
  const out: string[] = [];
  for (const key of [`attribute[${code}]`, `attribute[${code}][]`]) {
    const v = params[key];
    if (v === undefined) continue;
    for (const s of typeof v === 'string' ? [v] : v) if (s.trim() !== '') out.push(s.trim());
  }
  return out;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads and checks the attributes of a POST: required ones present, list values among the keys, numbers and
 * date-times well formed. Attributes the service does not define are ignored (they stay in the raw message).
 */
export function readAttributes(defs: readonly AttributeDef[], params: FormParams): { values: Record<string, string | string[]>; problems: ErrorDetail[] } {
  const values: Record<string, string | string[]> = {};
  const problems: ErrorDetail[] = [];
  for (const def of defs) {
    if (!def.variable) continue;
    const field = `attribute[${def.code}]`;
    const sent = sentValues(params, def.code);
    if (sent.length === 0) {
      if (def.required) problems.push({ field, message: 'required' });
      continue;
    }
    if (def.datatype !== 'multivaluelist' && sent.length > 1) {
      problems.push({ field, message: 'takes one value' });
      continue;
    }
    const keys = new Set((def.values ?? []).map((v) => v.key));
    const bad = (message: string) => problems.push({ field, message });
    switch (def.datatype) {
      case 'singlevaluelist':
      case 'multivaluelist': {
        const unknown = sent.filter((s) => !keys.has(s));
        if (unknown.length) bad(`unknown value ${unknown.map((u) => `'${u}'`).join(', ')}; allowed: ${[...keys].join(', ')}`);
        else values[def.code] = def.datatype === 'multivaluelist' ? [...new Set(sent)] : sent[0];
        break;
      }
      case 'number': {
        const n = Number(sent[0]);
        const range = NUMBER_RANGES[def.code];
        if (!/^-?\d+(\.\d+)?$/.test(sent[0]) || !Number.isFinite(n)) bad('must be a number');
        else if (range && (n < range[0] || n > range[1])) bad(`must be between ${range[0]} and ${range[1]}`);
        else values[def.code] = sent[0];
        break;
      }
      case 'datetime':
        if (!DATE_TIME.test(sent[0])) bad('must be an ISO 8601 date-time');
        else values[def.code] = sent[0];
        break;
      case 'string':
      case 'text':
        if (sent[0].length > (def.datatype === 'string' ? 200 : 4000)) bad(`at most ${def.datatype === 'string' ? 200 : 4000} characters`);
        else values[def.code] = sent[0];
        break;
    }
  }
  return { values, problems };
}

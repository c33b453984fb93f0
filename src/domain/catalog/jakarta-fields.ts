/**
 * Jakarta's sectoral agencies (Perangkat Daerah) by field. A field with `subUnits` has a Suku Dinas in every
 * kota/kabupaten administrasi; the others act province-wide. Head titles and eselon are recorded for the TKD
 * accountability report; names of the officials are filled in by an admin (they change with appointments).
 */
export interface FieldAgency {
  field: string;
  name: string;
  short: string;
  kind: 'dinas' | 'badan' | 'biro' | 'bumd' | 'inspektorat';
  headTitle: string;
  subUnits: boolean;
}

export const JAKARTA_FIELDS: FieldAgency[] = [
  { field: 'bina-marga', name: 'Dinas Bina Marga', short: 'Bina Marga', kind: 'dinas', headTitle: 'Kepala Dinas Bina Marga', subUnits: true },
  { field: 'sda', name: 'Dinas Sumber Daya Air', short: 'Sumber Daya Air', kind: 'dinas', headTitle: 'Kepala Dinas Sumber Daya Air', subUnits: true },
  { field: 'lh', name: 'Dinas Lingkungan Hidup', short: 'Lingkungan Hidup', kind: 'dinas', headTitle: 'Kepala Dinas Lingkungan Hidup', subUnits: true },
  { field: 'dishub', name: 'Dinas Perhubungan', short: 'Perhubungan', kind: 'dinas', headTitle: 'Kepala Dinas Perhubungan', subUnits: true },
  { field: 'satpol-pp', name: 'Satuan Polisi Pamong Praja', short: 'Satpol PP', kind: 'dinas', headTitle: 'Kepala Satuan Polisi Pamong Praja', subUnits: true },
  { field: 'dinkes', name: 'Dinas Kesehatan', short: 'Kesehatan', kind: 'dinas', headTitle: 'Kepala Dinas Kesehatan', subUnits: true },
  { field: 'disdik', name: 'Dinas Pendidikan', short: 'Pendidikan', kind: 'dinas', headTitle: 'Kepala Dinas Pendidikan', subUnits: true },
  { field: 'dukcapil', name: 'Dinas Kependudukan dan Pencatatan Sipil', short: 'Dukcapil', kind: 'dinas', headTitle: 'Kepala Dinas Kependudukan dan Pencatatan Sipil', subUnits: true },
  { field: 'distamhut', name: 'Dinas Pertamanan dan Hutan Kota', short: 'Pertamanan dan Hutan Kota', kind: 'dinas', headTitle: 'Kepala Dinas Pertamanan dan Hutan Kota', subUnits: true },
  { field: 'dpe', name: 'Dinas Perindustrian dan Energi', short: 'Perindustrian dan Energi', kind: 'dinas', headTitle: 'Kepala Dinas Perindustrian dan Energi', subUnits: true },
  { field: 'citata', name: 'Dinas Cipta Karya, Tata Ruang dan Pertanahan', short: 'Cipta Karya', kind: 'dinas', headTitle: 'Kepala Dinas Cipta Karya, Tata Ruang dan Pertanahan', subUnits: true },
  { field: 'dinsos', name: 'Dinas Sosial', short: 'Sosial', kind: 'dinas', headTitle: 'Kepala Dinas Sosial', subUnits: true },
  { field: 'gulkarmat', name: 'Dinas Penanggulangan Kebakaran dan Penyelamatan', short: 'Gulkarmat', kind: 'dinas', headTitle: 'Kepala Dinas Penanggulangan Kebakaran dan Penyelamatan', subUnits: true },
  { field: 'dpkp', name: 'Dinas Perumahan Rakyat dan Kawasan Permukiman', short: 'Perumahan', kind: 'dinas', headTitle: 'Kepala Dinas Perumahan Rakyat dan Kawasan Permukiman', subUnits: true },
  { field: 'ppkukm', name: 'Dinas Perindustrian, Perdagangan, Koperasi, Usaha Kecil dan Menengah', short: 'PPKUKM', kind: 'dinas', headTitle: 'Kepala Dinas PPKUKM', subUnits: true },
  { field: 'pppapp', name: 'Dinas Pemberdayaan, Perlindungan Anak dan Pengendalian Penduduk', short: 'PPAPP', kind: 'dinas', headTitle: 'Kepala Dinas PPAPP', subUnits: false },
  { field: 'bpbd', name: 'Badan Penanggulangan Bencana Daerah', short: 'BPBD', kind: 'badan', headTitle: 'Kepala Pelaksana BPBD', subUnits: false },
  { field: 'bapenda', name: 'Badan Pendapatan Daerah', short: 'Bapenda', kind: 'badan', headTitle: 'Kepala Badan Pendapatan Daerah', subUnits: false },
  { field: 'kominfotik', name: 'Dinas Komunikasi, Informatika dan Statistik', short: 'Kominfotik', kind: 'dinas', headTitle: 'Kepala Dinas Komunikasi, Informatika dan Statistik', subUnits: false },
  { field: 'biro-pemerintahan', name: 'Biro Pemerintahan', short: 'Biro Pemerintahan', kind: 'biro', headTitle: 'Kepala Biro Pemerintahan', subUnits: false },
  { field: 'inspektorat', name: 'Inspektorat Provinsi DKI Jakarta', short: 'Inspektorat', kind: 'inspektorat', headTitle: 'Inspektur Provinsi', subUnits: false },
  { field: 'pam-jaya', name: 'Perumda Air Minum Jaya (PAM Jaya)', short: 'PAM Jaya', kind: 'bumd', headTitle: 'Direktur Utama PAM Jaya', subUnits: false },
  { field: 'transjakarta', name: 'PT Transportasi Jakarta (Transjakarta)', short: 'Transjakarta', kind: 'bumd', headTitle: 'Direktur Utama PT Transjakarta', subUnits: false },
];

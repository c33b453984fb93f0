/**
 * English names of the catalogue's category groups. The API sends groups in Indonesian only; an unknown
 * group (a deployment's own catalogue) is shown as sent.
 */
const GROUP_EN: Record<string, string> = {
  Ekonomi: 'Economy',
  Informasi: 'Information',
  Infrastruktur: 'Infrastructure',
  Kebersihan: 'Cleanliness',
  Kedaruratan: 'Emergencies',
  Kependudukan: 'Civil registry',
  Kesehatan: 'Health',
  Ketertiban: 'Public order',
  Keuangan: 'Finance',
  Kewilayahan: 'Neighbourhood administration',
  Lainnya: 'Other',
  Lingkungan: 'Environment',
  Pendidikan: 'Education',
  Pengawasan: 'Oversight',
  Perhubungan: 'Transport',
  Pertamanan: 'Parks',
  Perumahan: 'Housing',
  Sosial: 'Social affairs',
  'Sumber Daya Air': 'Water resources',
  'Tata Ruang': 'Spatial planning',
  Utilitas: 'Utilities',
};

export function groupName(group: string, lang: 'id' | 'en'): string {
  return lang === 'en' ? (GROUP_EN[group] ?? group) : group;
}

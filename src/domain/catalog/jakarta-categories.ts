/**
 * Common complaint categories of Jakarta with their default routing: the field (dinas) responsible and the
 * level that handles it (provinsi = the dinas itself, kota = its Suku Dinas in the case's kota, kecamatan /
 * kelurahan = the territorial office of the case's place). `sla` names an SLA policy; `afterPhoto` says
 * whether resolving needs an "after" photo (not for matters with nothing to photograph).
 */
export interface CategorySeed {
  code: string;
  nameId: string;
  nameEn: string;
  group: string;
  field: string | null;
  level: 'provinsi' | 'kota' | 'kecamatan' | 'kelurahan';
  sla: string;
  priority?: 'normal' | 'tinggi' | 'darurat';
  afterPhoto?: boolean;
  keywords: string;
}

export const JAKARTA_CATEGORIES: CategorySeed[] = [
  { code: 'jalan-rusak', nameId: 'Jalan rusak / berlubang', nameEn: 'Damaged road / pothole', group: 'Infrastruktur', field: 'bina-marga', level: 'kota', sla: 'jakarta-default', keywords: 'jalan,lubang,berlubang,aspal,rusak,retak' },
  { code: 'trotoar-rusak', nameId: 'Trotoar rusak', nameEn: 'Damaged sidewalk', group: 'Infrastruktur', field: 'bina-marga', level: 'kota', sla: 'jakarta-default', keywords: 'trotoar,pedestrian,paving,kanstin' },
  { code: 'jembatan-rusak', nameId: 'Jembatan / JPO rusak', nameEn: 'Damaged bridge / footbridge', group: 'Infrastruktur', field: 'bina-marga', level: 'provinsi', sla: 'jakarta-default', keywords: 'jembatan,jpo,penyeberangan' },
  { code: 'genangan-banjir', nameId: 'Genangan / banjir', nameEn: 'Flooding / standing water', group: 'Sumber Daya Air', field: 'sda', level: 'kota', sla: 'jakarta-urgent', priority: 'tinggi', keywords: 'banjir,genangan,tergenang,air naik,rob' },
  { code: 'saluran-tersumbat', nameId: 'Saluran air tersumbat', nameEn: 'Blocked drain', group: 'Sumber Daya Air', field: 'sda', level: 'kota', sla: 'jakarta-default', keywords: 'saluran,got,selokan,drainase,mampet,tersumbat' },
  { code: 'pompa-tanggul', nameId: 'Pompa air / tanggul / pintu air', nameEn: 'Pump, dyke or sluice gate', group: 'Sumber Daya Air', field: 'sda', level: 'provinsi', sla: 'jakarta-urgent', priority: 'tinggi', keywords: 'pompa,tanggul,pintu air,waduk,kali' },
  { code: 'sampah', nameId: 'Sampah menumpuk / tidak diangkut', nameEn: 'Uncollected rubbish', group: 'Kebersihan', field: 'lh', level: 'kota', sla: 'jakarta-default', keywords: 'sampah,tps,menumpuk,bau,angkut' },
  { code: 'pencemaran', nameId: 'Pencemaran air / udara / limbah', nameEn: 'Pollution', group: 'Lingkungan', field: 'lh', level: 'provinsi', sla: 'jakarta-default', keywords: 'limbah,pencemaran,asap,polusi,bau busuk,cemar' },
  { code: 'kebisingan', nameId: 'Kebisingan', nameEn: 'Noise', group: 'Ketertiban', field: 'satpol-pp', level: 'kota', sla: 'jakarta-default', afterPhoto: false, keywords: 'bising,berisik,suara keras,musik,knalpot' },
  { code: 'pju-mati', nameId: 'Penerangan jalan umum (PJU) mati', nameEn: 'Street light out', group: 'Infrastruktur', field: 'dpe', level: 'kota', sla: 'jakarta-default', keywords: 'lampu,pju,penerangan,gelap,mati' },
  { code: 'pohon-tumbang', nameId: 'Pohon tumbang', nameEn: 'Fallen tree', group: 'Pertamanan', field: 'distamhut', level: 'kota', sla: 'jakarta-urgent', priority: 'tinggi', keywords: 'pohon,tumbang,roboh,dahan patah' },
  { code: 'pohon-rawan', nameId: 'Pohon rawan / perlu pemangkasan', nameEn: 'Tree needing pruning', group: 'Pertamanan', field: 'distamhut', level: 'kota', sla: 'jakarta-default', keywords: 'pangkas,ranting,pohon rawan,rimbun' },
  { code: 'taman-rusak', nameId: 'Taman / RTH rusak', nameEn: 'Damaged park', group: 'Pertamanan', field: 'distamhut', level: 'kota', sla: 'jakarta-default', keywords: 'taman,rth,hutan kota,rptra' },
  { code: 'parkir-liar', nameId: 'Parkir liar', nameEn: 'Illegal parking', group: 'Perhubungan', field: 'dishub', level: 'kota', sla: 'jakarta-default', keywords: 'parkir,liar,juru parkir,jukir,bahu jalan' },
  { code: 'angkutan-umum', nameId: 'Angkutan umum', nameEn: 'Public transport', group: 'Perhubungan', field: 'transjakarta', level: 'provinsi', sla: 'lapor', afterPhoto: false, keywords: 'transjakarta,busway,angkot,mikrotrans,halte,bus' },
  { code: 'lalu-lintas', nameId: 'Lampu lalu lintas / rambu / kemacetan', nameEn: 'Traffic lights, signs, congestion', group: 'Perhubungan', field: 'dishub', level: 'kota', sla: 'jakarta-default', keywords: 'lampu merah,rambu,macet,lalu lintas,marka' },
  { code: 'pkl', nameId: 'Pedagang kaki lima (PKL)', nameEn: 'Street vendors', group: 'Ketertiban', field: 'satpol-pp', level: 'kota', sla: 'jakarta-default', keywords: 'pkl,pedagang,lapak,dagang,trotoar' },
  { code: 'ketertiban-umum', nameId: 'Ketertiban umum', nameEn: 'Public order', group: 'Ketertiban', field: null, level: 'kecamatan', sla: 'jakarta-default', afterPhoto: false, keywords: 'tawuran,mabuk,judi,premanisme,ormas,balap liar' },
  { code: 'bangunan-tanpa-izin', nameId: 'Bangunan tanpa izin / melanggar', nameEn: 'Unpermitted building', group: 'Tata Ruang', field: 'citata', level: 'kota', sla: 'lapor', keywords: 'bangunan,imb,pbg,izin,liar,melanggar' },
  { code: 'air-bersih', nameId: 'Air bersih / PAM', nameEn: 'Water supply', group: 'Utilitas', field: 'pam-jaya', level: 'provinsi', sla: 'jakarta-default', afterPhoto: false, keywords: 'air,pam,mati,keruh,pipa bocor,air bersih' },
  { code: 'layanan-kesehatan', nameId: 'Layanan kesehatan (puskesmas, RSUD)', nameEn: 'Health services', group: 'Kesehatan', field: 'dinkes', level: 'kota', sla: 'lapor', afterPhoto: false, keywords: 'puskesmas,rsud,rumah sakit,bpjs,dokter,pasien,obat' },
  { code: 'demam-berdarah', nameId: 'Jentik / demam berdarah / fogging', nameEn: 'Dengue / fogging', group: 'Kesehatan', field: 'dinkes', level: 'kota', sla: 'jakarta-urgent', priority: 'tinggi', afterPhoto: false, keywords: 'dbd,demam berdarah,fogging,jentik,nyamuk' },
  { code: 'layanan-sekolah', nameId: 'Layanan sekolah / pendidikan', nameEn: 'Schools and education', group: 'Pendidikan', field: 'disdik', level: 'kota', sla: 'lapor', afterPhoto: false, keywords: 'sekolah,guru,kjp,ppdb,murid,siswa,pungutan' },
  { code: 'adminduk', nameId: 'Administrasi kependudukan (KTP, KK, akta)', nameEn: 'Civil registration (ID cards, family cards)', group: 'Kependudukan', field: 'dukcapil', level: 'kota', sla: 'lapor', afterPhoto: false, keywords: 'ktp,kk,akta,ektp,domisili,nik' },
  { code: 'bansos', nameId: 'Bantuan sosial', nameEn: 'Social assistance', group: 'Sosial', field: 'dinsos', level: 'kota', sla: 'lapor', afterPhoto: false, keywords: 'bansos,bantuan,sembako,pkh,dtks,blt' },
  { code: 'pmks', nameId: 'Gelandangan, pengemis, ODGJ terlantar', nameEn: 'Homeless people, beggars, neglected mentally ill', group: 'Sosial', field: 'dinsos', level: 'kota', sla: 'jakarta-default', afterPhoto: false, keywords: 'gelandangan,pengemis,odgj,manusia gerobak,anak jalanan' },
  { code: 'kebakaran', nameId: 'Kebakaran / penyelamatan', nameEn: 'Fire / rescue', group: 'Kedaruratan', field: 'gulkarmat', level: 'kota', sla: 'emergency', priority: 'darurat', afterPhoto: false, keywords: 'kebakaran,api,terbakar,hydrant,apar,sarang tawon,ular' },
  { code: 'bencana', nameId: 'Bencana (longsor, angin kencang)', nameEn: 'Disaster (landslide, storm)', group: 'Kedaruratan', field: 'bpbd', level: 'provinsi', sla: 'emergency', priority: 'darurat', afterPhoto: false, keywords: 'bencana,longsor,puting beliung,angin kencang,gempa' },
  { code: 'rusun', nameId: 'Rumah susun (rusun)', nameEn: 'Public housing', group: 'Perumahan', field: 'dpkp', level: 'kota', sla: 'lapor', keywords: 'rusun,rusunawa,hunian,sewa' },
  { code: 'umkm-pasar', nameId: 'UMKM, pasar dan perdagangan', nameEn: 'Small business and markets', group: 'Ekonomi', field: 'ppkukm', level: 'kota', sla: 'lapor', afterPhoto: false, keywords: 'umkm,pasar,harga,pedagang,koperasi' },
  { code: 'perlindungan-anak-perempuan', nameId: 'Kekerasan terhadap perempuan dan anak', nameEn: 'Violence against women and children', group: 'Sosial', field: 'pppapp', level: 'provinsi', sla: 'jakarta-urgent', priority: 'tinggi', afterPhoto: false, keywords: 'kdrt,kekerasan,anak,pelecehan,perempuan' },
  { code: 'pajak-daerah', nameId: 'Pajak daerah (PBB, kendaraan)', nameEn: 'Local taxes', group: 'Keuangan', field: 'bapenda', level: 'provinsi', sla: 'lapor', afterPhoto: false, keywords: 'pajak,pbb,bphtb,njop,samsat' },
  { code: 'pungli', nameId: 'Pungutan liar / pelanggaran aparatur', nameEn: 'Extortion / misconduct by officials', group: 'Pengawasan', field: 'inspektorat', level: 'provinsi', sla: 'lapor', afterPhoto: false, keywords: 'pungli,suap,calo,oknum,asn,pungutan' },
  { code: 'fasilitas-lingkungan', nameId: 'Fasilitas lingkungan RT/RW', nameEn: 'Neighbourhood facilities', group: 'Kewilayahan', field: null, level: 'kelurahan', sla: 'jakarta-default', keywords: 'rt,rw,pos ronda,gang,ppsu,lingkungan' },
  { code: 'permintaan-informasi', nameId: 'Permintaan informasi', nameEn: 'Information request', group: 'Informasi', field: 'kominfotik', level: 'provinsi', sla: 'lapor', afterPhoto: false, keywords: 'informasi,tanya,bagaimana,syarat,prosedur' },
  { code: 'lainnya', nameId: 'Lainnya', nameEn: 'Other', group: 'Lainnya', field: null, level: 'kelurahan', sla: 'jakarta-default', afterPhoto: false, keywords: '' },
];

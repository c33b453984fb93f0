/**
 * Realistic Jakarta complaint wording for the duplicate-finder evaluation: per category, a few distinct
 * problems, each written several ways, as citizens do (informal spellings, abbreviations, with or without the
 * street). Slots: {jalan} street, {patokan} landmark, {durasi} how long, {dampak} consequence.
 */

export interface ProblemTemplate {
  key: string;
  paraphrases: string[];
  dampak: string[];
}

export interface CategoryTemplate {
  category: string;
  /** One event covers a neighbourhood (a flood, a water outage): its reporters name different streets. */
  areaWide?: boolean;
  problems: ProblemTemplate[];
}

export const COMPLAINT_TEMPLATES: CategoryTemplate[] = [
  {
    category: 'jalan-rusak',
    problems: [
      {
        key: 'lubang',
        paraphrases: [
          'Jalan berlubang besar di {jalan} {patokan}, {durasi} belum diperbaiki. {dampak}',
          'Ada lubang cukup dalam di {jalan} {patokan}. {dampak}',
          'lubang di jln {jalan} {patokan} makin lebar {durasi}, {dampak}',
          'Aspal {jalan} bolong {patokan}, {dampak}',
          'Mohon perbaikan jalan yg berlubang {patokan} {jalan}. {durasi}',
        ],
        dampak: ['Sudah banyak motor yang jatuh.', 'bahaya buat pengendara motor', 'kalau hujan tidak kelihatan dan bikin celaka', 'mobil sering terperosok'],
      },
      {
        key: 'amblas',
        paraphrases: [
          'Jalan amblas di {jalan} {patokan}, permukaannya turun hampir 20 cm. {dampak}',
          'Permukaan jalan {jalan} ambles {patokan} {durasi}. {dampak}',
          'Ada bagian jalan yang turun/amblas di {jalan} dekat {patokan}. {dampak}',
          'tanah di bawah aspal {jalan} longsor jadi jalannya ambles {patokan}, {dampak}',
        ],
        dampak: ['Kendaraan harus pelan sekali.', 'takut makin parah kalau dilewati truk', 'sudah dipasang tanda seadanya oleh warga'],
      },
      {
        key: 'trotoar',
        paraphrases: [
          'Trotoar di {jalan} {patokan} rusak, ubinnya lepas-lepas. {dampak}',
          'Trotoar {jalan} hancur {patokan} {durasi}, {dampak}',
          'Mohon perbaiki trotoar yang pecah dan miring di {jalan} {patokan}. {dampak}',
          'paving block trotoar {patokan} {jalan} copot semua, {dampak}',
        ],
        dampak: ['pejalan kaki terpaksa turun ke jalan', 'anak sekolah sering tersandung', 'susah buat pengguna kursi roda'],
      },
    ],
  },
  {
    category: 'saluran-air',
    problems: [
      {
        key: 'mampet',
        paraphrases: [
          'Saluran air di {jalan} {patokan} mampet penuh sampah, {dampak}',
          'Got {patokan} {jalan} tersumbat {durasi}. {dampak}',
          'Drainase di {jalan} tidak mengalir, tersumbat lumpur {patokan}. {dampak}',
          'selokan depan rumah warga {jalan} {patokan} mampet total {durasi}, {dampak}',
          'Mohon dikeruk saluran yang tersumbat di {jalan} {patokan}. {dampak}',
        ],
        dampak: ['airnya bau dan banyak nyamuk', 'kalau hujan langsung meluap ke jalan', 'jadi sarang jentik'],
      },
      {
        key: 'tutup-hilang',
        paraphrases: [
          'Tutup saluran/gorong-gorong di {jalan} {patokan} hilang, {dampak}',
          'Penutup got {patokan} {jalan} sudah tidak ada {durasi}. {dampak}',
          'Ada lubang saluran terbuka tanpa tutup di {jalan} {patokan}, {dampak}',
          'grill besi penutup drainase {jalan} dicuri orang {patokan}, {dampak}',
        ],
        dampak: ['bahaya anak kecil bisa terperosok', 'motor bisa masuk ke lubang', 'sudah ada yang jatuh kemarin malam'],
      },
    ],
  },
  {
    category: 'sampah',
    problems: [
      {
        key: 'menumpuk',
        paraphrases: [
          'Sampah menumpuk di {jalan} {patokan} {durasi} tidak diangkut. {dampak}',
          'Tumpukan sampah {patokan} {jalan} sudah menggunung, {dampak}',
          'Truk sampah tidak datang {durasi}, sampah di {jalan} {patokan} menumpuk. {dampak}',
          'TPS liar di {jalan} {patokan}, sampah berserakan sampai ke jalan. {dampak}',
          'Mohon angkut sampah di pinggir {jalan} {patokan}, {dampak}',
        ],
        dampak: ['baunya menyengat sekali', 'banyak lalat dan tikus', 'menutupi sebagian jalan'],
      },
      {
        key: 'bakar',
        paraphrases: [
          'Ada warga yang membakar sampah di lahan kosong {jalan} {patokan}, {dampak}',
          'Pembakaran sampah {patokan} {jalan} setiap sore {durasi}. {dampak}',
          'Asap dari bakar sampah di {jalan} {patokan} masuk ke rumah-rumah, {dampak}',
          'tolong ditegur yang suka bakar sampah {patokan} {jalan}. {dampak}',
        ],
        dampak: ['anak-anak jadi batuk', 'asapnya sesak sekali', 'jemuran jadi bau asap'],
      },
    ],
  },
  {
    category: 'pju',
    problems: [
      {
        key: 'mati',
        paraphrases: [
          'Lampu PJU di {jalan} {patokan} mati {durasi}. {dampak}',
          'Lampu jalan {patokan} {jalan} padam, {dampak}',
          'Penerangan jalan umum di {jalan} tidak menyala {patokan} {durasi}, {dampak}',
          'lampu jalan mati total sepanjang {jalan} {patokan}, {dampak}',
        ],
        dampak: ['jalanan gelap gulita dan rawan begal', 'warga takut lewat malam hari', 'sering terjadi kecelakaan karena gelap'],
      },
      {
        key: 'tiang',
        paraphrases: [
          'Tiang lampu jalan di {jalan} {patokan} miring hampir roboh, {dampak}',
          'Tiang PJU {patokan} {jalan} doyong {durasi}. {dampak}',
          'Ada tiang lampu yang keropos dan miring di {jalan} {patokan}. {dampak}',
        ],
        dampak: ['khawatir menimpa pengendara', 'bahaya kalau angin kencang'],
      },
    ],
  },
  {
    category: 'pohon',
    problems: [
      {
        key: 'dahan',
        paraphrases: [
          'Dahan pohon besar di {jalan} {patokan} sudah rapuh, {dampak}',
          'Pohon di {patokan} {jalan} rantingnya menjuntai ke kabel listrik, {dampak}',
          'Mohon pemangkasan pohon angsana di {jalan} {patokan}, dahannya rawan patah. {dampak}',
          'Pohon tua {jalan} {patokan} condong ke jalan {durasi}. {dampak}',
        ],
        dampak: ['takut tumbang saat hujan angin', 'bisa menimpa kendaraan yang parkir'],
      },
    ],
  },
  {
    category: 'parkir-liar',
    problems: [
      {
        key: 'bahu-jalan',
        paraphrases: [
          'Parkir liar di bahu {jalan} {patokan} bikin macet, {dampak}',
          'Mobil-mobil parkir sembarangan di {jalan} {patokan} {durasi}. {dampak}',
          'Banyak kendaraan parkir di badan jalan {patokan} {jalan}, {dampak}',
          'tolong ditertibkan parkir liar {patokan} {jalan}. {dampak}',
        ],
        dampak: ['jalan jadi tinggal satu lajur', 'ambulans susah lewat', 'macet setiap sore'],
      },
      {
        key: 'jukir',
        paraphrases: [
          'Juru parkir liar di {jalan} {patokan} minta uang parkir Rp5.000, {dampak}',
          'Ada jukir liar {patokan} {jalan} yang memaksa bayar parkir. {dampak}',
          'Pungutan parkir liar oleh oknum di {jalan} {patokan} {durasi}, {dampak}',
        ],
        dampak: ['tidak ada karcis resmi', 'kalau tidak bayar marah-marah'],
      },
    ],
  },
  {
    category: 'banjir',
    areaWide: true,
    problems: [
      {
        key: 'genangan',
        paraphrases: [
          'Genangan air setinggi 30 cm di {jalan} {patokan} setelah hujan, {dampak}',
          'Jalan {jalan} tergenang {patokan} tiap hujan deras. {dampak}',
          'Banjir di {jalan} {patokan} belum surut {durasi}, {dampak}',
          'air menggenang di {jalan} {patokan}, pompa tidak jalan. {dampak}',
        ],
        dampak: ['motor banyak yang mogok', 'air masuk ke rumah warga', 'warga tidak bisa keluar rumah'],
      },
    ],
  },
  {
    category: 'air-bersih',
    areaWide: true,
    problems: [
      {
        key: 'pam-mati',
        paraphrases: [
          'Air PAM di sekitar {jalan} {patokan} mati {durasi}, {dampak}',
          'Air PDAM tidak mengalir di wilayah {jalan} {patokan}. {dampak}',
          'Sudah {durasi} air ledeng mati di {jalan} {patokan}, {dampak}',
          'pasokan air bersih ke rumah-rumah di {jalan} {patokan} terhenti, {dampak}',
        ],
        dampak: ['warga terpaksa beli air galon', 'tidak bisa masak dan mandi', 'belum ada pemberitahuan dari operator'],
      },
      {
        key: 'keruh',
        paraphrases: [
          'Air PAM di {jalan} {patokan} keruh dan berbau {durasi}, {dampak}',
          'Air ledeng warna coklat di {jalan} {patokan}. {dampak}',
          'Kualitas air PDAM di {jalan} {patokan} buruk, kotor dan bau kaporit. {dampak}',
        ],
        dampak: ['tidak bisa dipakai mandi', 'anak-anak gatal-gatal'],
      },
    ],
  },
];

/** Real Jakarta street names; the generator adds suffixes (Raya, Dalam, II …) as the city does. */
export const JAKARTA_STREET_NAMES = [
  'Kramat', 'Salemba', 'Cempaka Putih Tengah', 'Percetakan Negara', 'Rawamangun Muka', 'Pemuda', 'Balai Pustaka',
  'Kayu Putih', 'Pramuka', 'Matraman', 'Tebet Barat', 'Casablanca', 'Dr. Saharjo', 'Minangkabau', 'Kemang',
  'Ampera', 'Fatmawati', 'Cipete', 'Panglima Polim', 'Wolter Monginsidi', 'Senopati', 'Daan Mogot', 'Kyai Tapa',
  'Tanjung Duren', 'Kebon Jeruk', 'Meruya Ilir', 'Pluit', 'Yos Sudarso', 'Enggano', 'Plumpang Semper',
  'Kelapa Gading Boulevard', 'Dewi Sartika', 'Otista', 'Kalimalang', 'Pondok Kopi', 'Haji Nawi', 'Margasatwa',
  'Lenteng Agung', 'Moch. Kahfi', 'Pangeran Antasari', 'KH Mas Mansyur', 'Gunung Sahari', 'Mangga Besar',
  'Hayam Wuruk', 'Gajah Mada', 'Pintu Besar', 'Pasar Baru', 'Samanhudi', 'Cikini', 'Diponegoro', 'Proklamasi',
  'Pegangsaan Timur', 'Johar Baru', 'Galur', 'Tanah Tinggi', 'Kampung Rawa', 'Sumur Batu', 'Utan Panjang',
  'Bungur Besar', 'Garuda', 'Angkasa', 'Benyamin Sueb', 'Danau Sunter', 'Agung Permai', 'Papanggo',
  'Warakas', 'Tugu', 'Bendungan Hilir', 'Karet Pasar Baru', 'Petamburan', 'Slipi', 'Palmerah', 'Kemanggisan',
  'Rawa Belong', 'Kebayoran Lama', 'Ciledug', 'Bintaro Permai', 'Ulujami', 'Cipulir', 'Radio Dalam',
  'Gandaria', 'Kebagusan', 'Pejaten', 'Warung Buncit', 'Mampang Prapatan', 'Kapten Tendean', 'Pancoran Barat',
  'Kalibata', 'Raya Condet', 'Batu Ampar', 'Dukuh', 'Cililitan Besar', 'Bekasi Timur',
  'Pulo Gadung', 'Pemuda Asli', 'Klender', 'Pondok Bambu', 'Pahlawan Revolusi', 'Kolonel Sugiono', 'Cipinang Jaya',
  'Penggilingan', 'Cakung Cilincing', 'Ujung Menteng', 'Pulo Gebang', 'Raya Bogor', 'Kramat Jaya', 'Ciracas',
  'Bambu Apus', 'Pondok Ranggon', 'Munjul', 'Setu Cipayung', 'Raya Hankam', 'Jambore', 'Kelapa Dua Wetan',
];
export const STREET_SUFFIXES = ['Raya', 'Raya', 'Dalam', 'I', 'II', 'III', 'IV', 'Barat', 'Timur', 'Utara', 'Selatan', ''];

export const LANDMARKS = [
  'depan Indomaret', 'dekat Alfamart', 'samping masjid Al-Ikhlas', 'seberang SDN 05', 'dekat pos RW 03',
  'depan gang Kelinci', 'di pertigaan lampu merah', 'dekat halte TransJakarta', 'depan puskesmas',
  'samping pangkalan ojek', 'depan bengkel motor', 'dekat jembatan penyeberangan', 'depan warung padang',
  'dekat gereja', 'depan kantor kelurahan', 'samping apotek', 'dekat pasar', 'depan sekolah',
];

export const DURATIONS = ['sudah 3 hari', 'sejak minggu lalu', 'dari kemarin', 'udah 2 minggu', 'hampir sebulan', 'sejak tadi pagi'];
export const OPENINGS = ['', 'Selamat siang,', 'Lapor min,', 'Pak/Bu,', 'Assalamualaikum, mau lapor', 'Mohon bantuannya,', 'Yth. Pemprov DKI,'];
export const CLOSINGS = ['', 'Mohon segera ditindaklanjuti.', 'Terima kasih.', 'tolong cepat diperbaiki!!', 'Sudah pernah lapor tapi belum ada tindakan.', 'Makasih'];

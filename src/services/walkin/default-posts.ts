import type { WeeklyHours } from './schedule.js';

/**
 * Jakarta's walk-in posts as shipped: the complaint desk at the City Hall pendopo on working days, a post at
 * every kecamatan office on Saturday mornings and at every kelurahan office on Sunday mornings (the pattern
 * the city announced for its weekend complaint posts). The hours are defaults, not facts of law: every post's
 * hours, exceptions and holiday rule are edited by admins and the area's territorial officers afterwards, and
 * seeding never overwrites those edits.
 */
export interface PostSeed {
  id: string;
  name: string;
  kind: 'balai_kota' | 'kecamatan' | 'kelurahan' | 'other';
  areaCode: string | null;
  address: string | null;
  closedOnHolidays: boolean;
  hours: WeeklyHours[];
}

export interface DefaultPostHours {
  balaiKota: WeeklyHours[];
  kecamatan: WeeklyHours[];
  kelurahan: WeeklyHours[];
}

const MON_FRI = [1, 2, 3, 4, 5];

export const JAKARTA_POST_HOURS: DefaultPostHours = {
  balaiKota: MON_FRI.map((weekday) => ({ weekday, opens: '08:00', closes: '16:00' })),
  kecamatan: [{ weekday: 6, opens: '08:00', closes: '12:00' }],
  kelurahan: [{ weekday: 0, opens: '08:00', closes: '12:00' }],
};

export const BALAI_KOTA_POST_ID = 'balai-kota';

export function postIdFor(level: 'kecamatan' | 'kelurahan', areaCode: string): string {
  return `${level === 'kecamatan' ? 'kec' : 'kel'}-${areaCode}`;
}

/** One post per kecamatan and kelurahan of the area list, plus the City Hall pendopo. */
export function defaultPosts(
  areas: readonly { code: string; name: string; level: string }[],
  options: { provinceCode?: string; hours?: DefaultPostHours } = {},
): PostSeed[] {
  const hours = options.hours ?? JAKARTA_POST_HOURS;
  const province = options.provinceCode ?? '31';
  const posts: PostSeed[] = [
    {
      id: BALAI_KOTA_POST_ID,
      name: 'Pendopo Balai Kota DKI Jakarta',
      kind: 'balai_kota',
      areaCode: areas.some((a) => a.code === province) ? province : null,
      address: 'Jl. Medan Merdeka Selatan No. 8–9, Gambir, Jakarta Pusat',
      closedOnHolidays: true,
      hours: hours.balaiKota,
    },
  ];
  for (const a of areas) {
    if (a.level !== 'kecamatan' && a.level !== 'kelurahan') continue;
    const label = a.level === 'kecamatan' ? 'Kecamatan' : 'Kelurahan';
    posts.push({
      id: postIdFor(a.level, a.code),
      name: `Pos Pengaduan ${label} ${a.name}`,
      kind: a.level,
      areaCode: a.code,
      address: `Kantor ${label} ${a.name}`,
      closedOnHolidays: true,
      hours: a.level === 'kecamatan' ? hours.kecamatan : hours.kelurahan,
    });
  }
  return posts;
}

/**
 * The channels a complaint can arrive through. Jakarta splits them into geotagged (app reports with a GPS
 * point) and non-geotagged ones; the latter usually need an officer to structure them before routing.
 */
export const CHANNELS = [
  'web', // the jakarta.go.id citizen portal form (JSON + multipart API)
  'open311', // Open311 GeoReport v2 clients
  'walkin', // officer-assisted intake at City Hall pendopo, kecamatan or kelurahan posts
  'phone', // officer-assisted intake by telephone
  'facebook',
  'twitter',
  'sms',
  'email',
  'lapor', // LAPOR! SP4N (national system, SMS 1708)
  'qlue',
  'jaki',
  'partner', // any other organisation plugged in through the generic partner connector
] as const;

export type Channel = (typeof CHANNELS)[number];

export function isChannel(value: string): value is Channel {
  return (CHANNELS as readonly string[]).includes(value);
}

/** How a reporter can be contacted back on a channel (the channel's own address for the person). */
export type ContactKind =
  | 'email'
  | 'phone' // E.164 without '+', e.g. 6281234567890
  | 'facebook_psid'
  | 'twitter_user_id'
  | 'partner_user' // opaque id in a partner system
  | 'none';

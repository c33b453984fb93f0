/** Shapes of the public, no-login API (src/services/public/public-stats.ts, src/http/routes/public/routes.ts). */
export interface Counts {
  received: number;
  open: number;
  resolved: number;
  rejected: number;
  merged: number;
}

export interface PublicStats {
  period: { from: string; to: string };
  generated_at: string;
  totals: Counts & { resolved_on_time_share: number | null; median_resolution_working_hours: number | null; working_hours_per_day: number };
  by_month: (Counts & { month: string })[];
  by_category: (Counts & { code: string | null; name_id: string | null; name_en: string | null })[];
  by_kota: (Counts & { code: string | null; name: string | null })[];
  by_channel: (Counts & { channel: string })[];
  by_agency: (Counts & { id: string; name: string; resolved_on_time_share: number | null; resolution_decided: number })[];
}

export interface MapFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: {
    ticket: string;
    status: string;
    status_label: { id: string; en: string } | null;
    category: string | null;
    area: string | null;
    received_on: string;
    support_count: number;
  };
}

export interface PublicMap {
  type: 'FeatureCollection';
  period: { from: string; to: string };
  truncated: boolean;
  features: MapFeature[];
}

export type AreaLevel = 'kota' | 'kecamatan' | 'kelurahan';
export type LngLat = [number, number];

/** One imported boundary with the period's counts (GET /api/public/areas). */
export interface AreaFeature {
  type: 'Feature';
  geometry: { type: 'Polygon'; coordinates: LngLat[][] } | { type: 'MultiPolygon'; coordinates: LngLat[][][] };
  properties: Counts & { code: string; name: string; parent: string | null };
}

/** Empty `features` when the deployment imported no boundaries at that level (the product ships none). */
export interface PublicAreas {
  type: 'FeatureCollection';
  period: { from: string; to: string };
  level: AreaLevel;
  features: AreaFeature[];
}

import { useId, useState, type MouseEvent } from 'react';
import { api } from '../api/client.js';
import { useCatalog } from '../api/catalog.js';
import { OPEN_STATUSES, STATUSES } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { Link, navigate } from '../router.js';
import { CategorySelect } from '../ui/category-select.js';
import { Field } from '../ui/field.js';
import { titleCase } from '../ui/format.js';
import { errorText, Notice, Spinner } from '../ui/notice.js';
import { useAsync } from '../ui/use-async.js';
import { formatDay, formatNumber } from './format.js';
import type { MapFeature, PublicMap } from './types.js';

/**
 * Mainland Jakarta's bounding box (WGS84), with a small margin. No tiles: the product runs offline, so the map
 * is a plain SVG plot with a grid, the five kota named where they lie and a scale bar. Points outside the box
 * (Kepulauan Seribu, or a GPS fix just over the border) are counted and listed, not drawn.
 */
export const JAKARTA_BOX = { west: 106.67, east: 106.99, south: -6.39, north: -6.07 };
const SIZE = 600;
// At 6° S a degree of longitude is ~0.995 of a degree of latitude: a square box is (almost) square on the ground.
const KM_PER_DEGREE = 110.6;
const px = (lng: number) => ((lng - JAKARTA_BOX.west) / (JAKARTA_BOX.east - JAKARTA_BOX.west)) * SIZE;
const py = (lat: number) => ((JAKARTA_BOX.north - lat) / (JAKARTA_BOX.north - JAKARTA_BOX.south)) * SIZE;
const inBox = ([lng, lat]: [number, number]) => lng >= JAKARTA_BOX.west && lng <= JAKARTA_BOX.east && lat >= JAKARTA_BOX.south && lat <= JAKARTA_BOX.north;

/** Where each kota's name is written (approximate centres; for orientation only). */
const KOTA_LABELS = [
  { name: 'Jakarta Utara', lat: -6.115, lng: 106.87 },
  { name: 'Jakarta Barat', lat: -6.175, lng: 106.745 },
  { name: 'Jakarta Pusat', lat: -6.183, lng: 106.836 },
  { name: 'Jakarta Timur', lat: -6.255, lng: 106.9 },
  { name: 'Jakarta Selatan', lat: -6.29, lng: 106.8 },
];
/** Points drawn as links in the tab order up to this many; beyond it the list under the map is the keyboard way. */
const FOCUSABLE_POINTS = 250;
/** Rows of the list under the map; the open data has every case. */
const LIST_ROWS = 300;

export interface MapFilters {
  category: string;
  status: string;
  area: string;
}

export function CaseMap({ from, to, filters, onFilters }: { from: string; to: string; filters: MapFilters; onFilters(f: MapFilters): void }) {
  const i18n = useI18n();
  const { t, lang, pick, label } = i18n;
  const catalog = useCatalog();
  const id = useId();
  const query = new URLSearchParams();
  if (from) query.set('from', from);
  if (to) query.set('to', to);
  if (filters.category) query.set('category', filters.category);
  if (filters.status) query.set('status', filters.status);
  if (filters.area) query.set('area', filters.area);
  const qs = query.toString();
  const map = useAsync(() => api<PublicMap>(`/api/public/map${qs ? `?${qs}` : ''}`), [qs]);
  const [listOpen, setListOpen] = useState(false);

  const features = map.data?.features ?? [];
  const inside = features.filter((f) => inBox(f.geometry.coordinates));
  const outside = features.length - inside.length;
  const openCount = features.filter((f) => OPEN_STATUSES.includes(f.properties.status)).length;
  const kotas = catalog.areas.filter((a) => a.level === 'kota');
  const describe = (f: MapFeature) =>
    [
      f.properties.ticket,
      pick(f.properties.status_label?.id, f.properties.status_label?.en) || label('status', f.properties.status),
      catalog.categoryName(f.properties.category) || t('stats.uncategorized'),
      catalog.areaName(f.properties.area),
      formatDay(lang, f.properties.received_on),
    ]
      .filter(Boolean)
      .join(' · ');
  const follow = (e: MouseEvent<Element>, ticket: string) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(`/lacak/${ticket}`);
  };
  // Newest last, so the most recent cases are drawn on top of older ones at the same place.
  const drawn = [...inside].reverse();
  const focusable = inside.length <= FOCUSABLE_POINTS;
  const scaleKm = 5;
  const scalePx = (scaleKm / KM_PER_DEGREE / (JAKARTA_BOX.east - JAKARTA_BOX.west)) * SIZE;

  return (
    <div className="case-map">
      <form className="map-filters" onSubmit={(e) => e.preventDefault()} aria-label={t('stats.map.filters')}>
        <Field label={t('case.category')}>
          <CategorySelect categories={catalog.categories} emptyLabel={t('queue.allCategories')} value={filters.category} onChange={(e) => onFilters({ ...filters, category: e.target.value })} />
        </Field>
        <Field label={t('case.status')}>
          <select value={filters.status} onChange={(e) => onFilters({ ...filters, status: e.target.value })}>
            <option value="">{t('queue.allStatuses')}</option>
            <option value="open">{t('stats.map.open')}</option>
            <option value="closed">{t('stats.map.closed')}</option>
            <optgroup label={t('stats.map.oneStatus')}>
              {STATUSES.filter((s) => s !== 'ditolak' && s !== 'digabung').map((s) => (
                <option key={s} value={s}>
                  {label('status', s)}
                </option>
              ))}
            </optgroup>
          </select>
        </Field>
        <Field label={t('area.kota')}>
          <select value={filters.area} onChange={(e) => onFilters({ ...filters, area: e.target.value })}>
            <option value="">{t('stats.map.allAreas')}</option>
            {kotas.map((a) => (
              <option key={a.code} value={a.code}>
                {titleCase(a.name)}
              </option>
            ))}
          </select>
        </Field>
      </form>

      {map.loading && !map.data ? <Spinner label={t('common.loading')} /> : null}
      {map.error ? <Notice kind="error">{errorText(map.error, i18n)}</Notice> : null}
      {map.data ? (
        <>
          <p className="map-count" aria-live="polite">
            {t('stats.map.count', { n: formatNumber(lang, features.length), open: formatNumber(lang, openCount), closed: formatNumber(lang, features.length - openCount) })}
            {map.loading ? <span className="muted"> {t('common.loading')}</span> : null}
          </p>
          {map.data.truncated ? <Notice kind="info">{t('stats.map.truncated', { n: formatNumber(lang, features.length) })}</Notice> : null}
          {outside > 0 ? <p className="hint">{t('stats.map.outside', { n: formatNumber(lang, outside) })}</p> : null}
          {features.length === 0 ? <p className="empty">{t('stats.map.empty')}</p> : null}
          <div className="map-frame">
            <svg viewBox={`0 0 ${SIZE} ${SIZE}`} className="map-svg" role="group" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
              <title id={`${id}-title`}>{t('stats.map.svgTitle')}</title>
              <desc id={`${id}-desc`}>
                {t('stats.map.svgDesc', { n: formatNumber(lang, inside.length) })}
              </desc>
              <rect className="map-bg" x="0" y="0" width={SIZE} height={SIZE} />
              <g className="map-grid" aria-hidden="true">
                {[106.7, 106.75, 106.8, 106.85, 106.9, 106.95].map((lng) => (
                  <g key={lng}>
                    <line x1={px(lng)} x2={px(lng)} y1={0} y2={SIZE} />
                    <text x={px(lng) + 3} y={SIZE - 4}>
                      {lng.toFixed(2)}°E
                    </text>
                  </g>
                ))}
                {[-6.1, -6.15, -6.2, -6.25, -6.3, -6.35].map((lat) => (
                  <g key={lat}>
                    <line x1={0} x2={SIZE} y1={py(lat)} y2={py(lat)} />
                    <text x={3} y={py(lat) - 3}>
                      {Math.abs(lat).toFixed(2)}°S
                    </text>
                  </g>
                ))}
                {KOTA_LABELS.map((k) => (
                  <text key={k.name} className="map-kota" x={px(k.lng)} y={py(k.lat)} textAnchor="middle">
                    {k.name}
                  </text>
                ))}
                <text className="map-sea" x={px(106.8)} y={py(-6.085)} textAnchor="middle">
                  {t('stats.map.bay')}
                </text>
                <g transform={`translate(${SIZE - scalePx - 16} ${SIZE - 30})`} className="map-scale">
                  <line x1={0} x2={scalePx} y1={0} y2={0} />
                  <line x1={0} x2={0} y1={-4} y2={4} />
                  <line x1={scalePx} x2={scalePx} y1={-4} y2={4} />
                  <text x={scalePx / 2} y={-7} textAnchor="middle">
                    {scaleKm} km
                  </text>
                </g>
              </g>
              <g className="map-points">
                {drawn.map((f) => {
                  const [lng, lat] = f.geometry.coordinates;
                  const open = OPEN_STATUSES.includes(f.properties.status);
                  const x = px(lng);
                  const y = py(lat);
                  return (
                    <a
                      key={f.properties.ticket}
                      href={`/lacak/${f.properties.ticket}`}
                      className={`map-point ${open ? 'is-open' : 'is-closed'}`}
                      aria-label={describe(f)}
                      tabIndex={focusable ? undefined : -1}
                      onClick={(e) => follow(e, f.properties.ticket)}
                      data-ticket={f.properties.ticket}
                    >
                      <title>{describe(f)}</title>
                      {/* A larger, invisible target for fingers on a phone, where the map is drawn small. */}
                      <circle className="map-hit" cx={x} cy={y} r={13} />
                      {/* Open and closed differ in shape as well as colour. */}
                      {open ? <circle cx={x} cy={y} r={6} /> : <rect x={x - 5} y={y - 5} width={10} height={10} transform={`rotate(45 ${x} ${y})`} />}
                    </a>
                  );
                })}
              </g>
            </svg>
          </div>
          <ul className="legend">
            <li>
              <svg width="14" height="14" aria-hidden="true" className="map-point is-open">
                <circle cx="7" cy="7" r="5.5" />
              </svg>
              {t('stats.map.legendOpen')}
            </li>
            <li>
              <svg width="14" height="14" aria-hidden="true" className="map-point is-closed">
                <rect x="3" y="3" width="8" height="8" transform="rotate(45 7 7)" />
              </svg>
              {t('stats.map.legendClosed')}
            </li>
          </ul>
          <p className="hint">{t('stats.map.hint')}</p>
          {features.length > 0 ? (
            <details onToggle={(e) => setListOpen(e.currentTarget.open)}>
              <summary>{t('stats.map.list', { n: formatNumber(lang, features.length) })}</summary>
              {listOpen ? (
                <div className="table-scroll">
                  <table className="data-table">
                    <caption>{t('stats.map.listCaption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('case.ticket')}</th>
                        <th scope="col">{t('case.status')}</th>
                        <th scope="col">{t('case.category')}</th>
                        <th scope="col">{t('case.area')}</th>
                        <th scope="col">{t('case.received')}</th>
                        <th scope="col" className="num">{t('case.support')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {features.slice(0, LIST_ROWS).map((f) => (
                        <tr key={f.properties.ticket}>
                          <th scope="row">
                            <Link to={`/lacak/${f.properties.ticket}`} className="code">
                              {f.properties.ticket}
                            </Link>
                          </th>
                          <td>{pick(f.properties.status_label?.id, f.properties.status_label?.en) || label('status', f.properties.status)}</td>
                          <td>{catalog.categoryName(f.properties.category) || t('stats.uncategorized')}</td>
                          <td>{catalog.areaPath(f.properties.area) || '–'}</td>
                          <td>{formatDay(lang, f.properties.received_on)}</td>
                          <td className="num">{formatNumber(lang, f.properties.support_count)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  {features.length > LIST_ROWS ? <p className="hint">{t('stats.map.listMore', { n: formatNumber(lang, LIST_ROWS) })}</p> : null}
                </div>
              ) : null}
            </details>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

import { memo, useCallback, useId, useMemo, useRef, useState, type MouseEvent } from 'react';
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
import { AreaLayer, AreaTable, LevelSwitch, loadBoundaries, ShadeLegend, useAreaSummary } from './area-layer.js';
import { classBreaks, fitAreas, JAKARTA_BOX, labelPoint, MAP_SIZE as SIZE, projection, shortAreaName, ticks, type Projection } from './area-shapes.js';
import { formatDay, formatNumber } from './format.js';
import type { AreaLevel, MapFeature, PublicMap } from './types.js';

/**
 * No tiles: the product runs offline, so the map is a plain SVG plot with a grid, the five kota named where they
 * lie and a scale bar, framed on mainland Jakarta. Where the deployment imported boundaries (none ship with the
 * product), they are drawn under the points, shaded by complaints received, and the frame fits them. Points
 * outside the frame (Kepulauan Seribu, or a GPS fix just over the border) are counted and listed, not drawn.
 */
// At 6° S a degree of longitude is ~0.995 of a degree of latitude: a square box is (almost) square on the ground.
const KM_PER_DEGREE = 110.6;
const PLAIN = projection(JAKARTA_BOX);

/** Where each kota's name is written without boundaries (approximate centres; for orientation only). */
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

  // Boundaries: the kota always (the frame and the kota names), and the level chosen for the shading.
  const [level, setLevel] = useState<AreaLevel>('kelurahan');
  const kotaAreas = useAsync(() => loadBoundaries('kota', from, to), [from, to]);
  const levelAreas = useAsync(() => loadBoundaries(level, from, to), [level, from, to]);
  const kotaShapes = kotaAreas.data?.features ?? NONE;
  const shapes = levelAreas.data?.features ?? NONE;
  const shownLevel = levelAreas.data?.level ?? level;
  const hasBoundaries = kotaShapes.length > 0 || shapes.length > 0 || level !== 'kelurahan';
  const fit = useMemo(() => fitAreas(kotaShapes.length ? kotaShapes : shapes), [kotaShapes, shapes]);
  const proj = useMemo(() => (fit ? projection(fit.box) : PLAIN), [fit]);
  // Areas off the frame (Kepulauan Seribu, and its kecamatan and kelurahan) are left out of the drawing.
  const leftOut = fit?.leftOut.map((f) => f.properties.code) ?? [];
  const onMap = (code: string) => !leftOut.some((c) => code === c || code.startsWith(`${c}.`));
  const drawnShapes = useMemo(() => shapes.filter((f) => onMap(f.properties.code)), [shapes, fit]); // eslint-disable-line react-hooks/exhaustive-deps
  const breaks = useMemo(() => classBreaks(shapes.map((f) => f.properties.received)), [shapes]);
  const [active, setActive] = useState('');
  const activeArea = shapes.find((f) => f.properties.code === active)?.properties;
  const summary = useAreaSummary();
  // Choosing an area filters the points to it; choosing it again shows all. Stable, so the area layer is drawn once.
  const pickArea = useRef((_code: string) => {});
  pickArea.current = (code) => onFilters({ ...filters, area: filters.area === code ? '' : code });
  const onPick = useCallback((code: string) => pickArea.current(code), []);

  const features = map.data?.features ?? [];
  const inside = useMemo(() => (map.data?.features ?? []).filter((f) => proj.inside(f.geometry.coordinates)), [map.data, proj]);
  const outside = features.length - inside.length;
  const openCount = features.filter((f) => OPEN_STATUSES.includes(f.properties.status)).length;
  const kotas = catalog.areas.filter((a) => a.level === 'kota');
  // A kecamatan or kelurahan chosen on the map is named in the area filter too.
  const finer = filters.area.split('.').length > 2;
  const kotaLabels = kotaShapes.length
    ? kotaShapes.filter((f) => onMap(f.properties.code)).map((f) => ({ name: shortAreaName(f.properties.name), at: labelPoint(f.geometry) }))
    : KOTA_LABELS.map((k) => ({ name: k.name, at: [k.lng, k.lat] as const }));
  const scaleKm = 5;
  const scalePx = (scaleKm / KM_PER_DEGREE / (proj.box.east - proj.box.west)) * SIZE;
  const levelName = t(`area.${shownLevel}`);

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
        <Field label={finer ? t('case.area') : t('area.kota')}>
          <select value={filters.area} onChange={(e) => onFilters({ ...filters, area: e.target.value })}>
            <option value="">{t('stats.map.allAreas')}</option>
            {kotas.map((a) => (
              <option key={a.code} value={a.code}>
                {titleCase(a.name)}
              </option>
            ))}
            {finer ? <option value={filters.area}>{catalog.areaPath(filters.area) || filters.area}</option> : null}
          </select>
        </Field>
        {hasBoundaries ? <LevelSwitch level={level} onLevel={setLevel} /> : null}
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
          {fit?.leftOut.length ? <p className="hint">{t('stats.map.leftOut', { names: fit.leftOut.map((f) => shortAreaName(f.properties.name)).join(', ') })}</p> : null}
          {kotaAreas.error || levelAreas.error ? <p className="hint">{t('stats.map.areasFailed')}</p> : null}
          {hasBoundaries && levelAreas.data && shapes.length === 0 ? <p className="hint">{t('stats.map.noBoundaries', { level: levelName })}</p> : null}
          <div className="map-frame">
            <svg viewBox={`0 0 ${SIZE} ${SIZE}`} className="map-svg" role="group" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
              <title id={`${id}-title`}>{t('stats.map.svgTitle')}</title>
              <desc id={`${id}-desc`}>
                {t('stats.map.svgDesc', { n: formatNumber(lang, inside.length) })}
                {drawnShapes.length ? ` ${t('stats.map.svgDescAreas', { level: levelName })}` : null}
              </desc>
              <rect className="map-bg" x="0" y="0" width={SIZE} height={SIZE} />
              <g className="map-grid" aria-hidden="true">
                {ticks(proj.box.west, proj.box.east).map((lng) => (
                  <g key={lng}>
                    <line x1={proj.x(lng)} x2={proj.x(lng)} y1={0} y2={SIZE} />
                    <text x={proj.x(lng) + 3} y={SIZE - 4}>
                      {lng.toFixed(2)}°E
                    </text>
                  </g>
                ))}
                {ticks(proj.box.south, proj.box.north).map((lat) => (
                  <g key={lat}>
                    <line x1={0} x2={SIZE} y1={proj.y(lat)} y2={proj.y(lat)} />
                    <text x={3} y={proj.y(lat) - 3}>
                      {Math.abs(lat).toFixed(2)}°S
                    </text>
                  </g>
                ))}
              </g>
              {drawnShapes.length ? <AreaLayer features={drawnShapes} breaks={breaks} proj={proj} chosen={filters.area} onPick={onPick} onActive={setActive} /> : null}
              <g className={`map-grid map-labels${drawnShapes.length ? ' on-areas' : ''}`} aria-hidden="true">
                {kotaLabels.map((k) => (
                  <text key={k.name} className="map-kota" x={proj.x(k.at[0])} y={proj.y(k.at[1])} textAnchor="middle">
                    {k.name}
                  </text>
                ))}
                <text className="map-sea" x={proj.x(106.8)} y={Math.max(16, proj.y(-6.085))} textAnchor="middle">
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
              <Points inside={inside} proj={proj} />
            </svg>
            {drawnShapes.length ? (
              <p className="map-area-info" data-testid="map-area-info">
                {activeArea ? summary(activeArea) : t('stats.map.areaHint')}
              </p>
            ) : null}
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
          {drawnShapes.length ? <ShadeLegend level={shownLevel} breaks={breaks} /> : null}
          <p className="hint">{drawnShapes.length ? t('stats.map.hintAreas') : t('stats.map.hint')}</p>
          {shapes.length ? <AreaTable level={shownLevel} features={shapes} chosen={filters.area} onPick={onPick} /> : null}
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

const NONE: never[] = [];

/** The case points, newest on top; links in the tab order while there are few enough. */
const Points = memo(function Points({ inside, proj }: { inside: readonly MapFeature[]; proj: Projection }) {
  const { t, lang, pick, label } = useI18n();
  const catalog = useCatalog();
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
  return (
    <g className="map-points">
      {drawn.map((f) => {
        const [lng, lat] = f.geometry.coordinates;
        const open = OPEN_STATUSES.includes(f.properties.status);
        const x = proj.x(lng);
        const y = proj.y(lat);
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
  );
});

import { memo, useId, useMemo, useState } from 'react';
import { api } from '../api/client.js';
import { useCatalog } from '../api/catalog.js';
import { useI18n } from '../i18n/i18n.js';
import { areaPath, relation, shadeClasses, shadeOf, shortAreaName, type Projection } from './area-shapes.js';
import { BreakdownTable } from './breakdown-table.js';
import { formatNumber } from './format.js';
import type { AreaFeature, AreaLevel, PublicAreas } from './types.js';

export const AREA_LEVELS: readonly AreaLevel[] = ['kota', 'kecamatan', 'kelurahan'];
/** Areas in the tab order up to this many; beyond it (the 267 kelurahan) the table of figures is the keyboard way. */
const FOCUSABLE_AREAS = 100;

/**
 * Boundaries are large (the kelurahan ~400 KB) and change only on import: each level and period is fetched
 * once per page load, whatever the filters; a failed fetch is forgotten so the next render tries again.
 */
const boundaries = new Map<string, Promise<PublicAreas>>();
export function loadBoundaries(level: AreaLevel, from: string, to: string): Promise<PublicAreas> {
  const url = `/api/public/areas?level=${level}&from=${from}&to=${to}`;
  const known = boundaries.get(url);
  if (known) return known;
  const fresh = api<PublicAreas>(url);
  boundaries.set(url, fresh);
  fresh.catch(() => boundaries.delete(url));
  return fresh;
}

type AreaProps = AreaFeature['properties'];

/** An area's name for people: short, with its parent when names repeat across the city (kecamatan, kelurahan). */
export function useAreaName(): (p: AreaProps) => string {
  const catalog = useCatalog();
  return (p) => (p.parent && p.code.split('.').length > 2 ? `${shortAreaName(p.name)} (${shortAreaName(catalog.areaName(p.parent))})` : shortAreaName(p.name));
}

/** "Gambir (Jakarta Pusat): 12 received, 5 resolved, 4 open, 3 rejected/merged". */
export function useAreaSummary(): (p: AreaProps) => string {
  const { t, lang } = useI18n();
  const name = useAreaName();
  return (p) =>
    t('stats.map.areaSummary', {
      name: name(p),
      received: formatNumber(lang, p.received),
      resolved: formatNumber(lang, p.resolved),
      open: formatNumber(lang, p.open),
      other: formatNumber(lang, p.rejected + p.merged),
    });
}

/**
 * The boundaries under the points, shaded by complaints received. Each area is a button: choosing it filters
 * the points to it (choosing it again shows all); hovering or focusing it names it and its counts.
 */
export const AreaLayer = memo(function AreaLayer({
  features,
  breaks,
  proj,
  chosen,
  onPick,
  onActive,
}: {
  features: readonly AreaFeature[];
  breaks: readonly number[];
  proj: Projection;
  chosen: string;
  onPick(code: string): void;
  onActive(code: string): void;
}) {
  const summary = useAreaSummary();
  const paths = useMemo(() => features.map((f) => ({ p: f.properties, d: areaPath(f.geometry, proj) })).filter((a) => a.d), [features, proj]);
  const focusable = paths.length <= FOCUSABLE_AREAS;
  const outline = paths.find((a) => a.p.code === chosen);
  return (
    <g className="map-areas">
      {paths.map(({ p, d }) => {
        const rel = relation(p.code, chosen);
        const text = summary(p);
        return (
          <path
            key={p.code}
            d={d}
            className={`map-area c${shadeOf(p.received, breaks)}${rel === 'out' ? ' is-dimmed' : ''}`}
            role="button"
            tabIndex={focusable ? 0 : -1}
            aria-label={text}
            aria-pressed={rel === 'is'}
            data-area={p.code}
            onClick={() => onPick(p.code)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter' && e.key !== ' ') return;
              e.preventDefault();
              onPick(p.code);
            }}
            onMouseEnter={() => onActive(p.code)}
            onMouseLeave={() => onActive('')}
            onFocus={() => onActive(p.code)}
            onBlur={() => onActive('')}
          >
            <title>{text}</title>
          </path>
        );
      })}
      {outline ? <path className="map-area-outline" d={outline.d} aria-hidden="true" /> : null}
    </g>
  );
});

/** Which level's boundaries the map shows. */
export function LevelSwitch({ level, onLevel }: { level: AreaLevel; onLevel(l: AreaLevel): void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <fieldset className="map-level">
      <legend>{t('stats.map.level')}</legend>
      {AREA_LEVELS.map((l) => (
        <label key={l}>
          <input type="radio" name={`${id}-level`} value={l} checked={level === l} onChange={() => onLevel(l)} /> {t(`area.${l}`)}
        </label>
      ))}
    </fieldset>
  );
}

/** The choropleth's key: a neutral swatch for none, then each shade with its range. */
export function ShadeLegend({ level, breaks }: { level: AreaLevel; breaks: readonly number[] }) {
  const { t, lang } = useI18n();
  return (
    <ul className="legend map-shade-legend" aria-label={t('stats.map.shadeLegend', { level: t(`area.${level}`) })}>
      <li className="legend-title" aria-hidden="true">
        {t('stats.map.shadeLegend', { level: t(`area.${level}`) })}
      </li>
      <li>
        <span className="swatch c0" aria-hidden="true" />
        {t('stats.map.shadeNone')}
      </li>
      {shadeClasses(breaks).map((c) => (
        <li key={c.shade}>
          <span className={`swatch c${c.shade}`} aria-hidden="true" />
          {c.from === c.to ? formatNumber(lang, c.to) : `${formatNumber(lang, c.from)}–${formatNumber(lang, c.to)}`}
        </li>
      ))}
    </ul>
  );
}

/** The figures of every area as a table (most complaints first), each name a button that filters the map. */
export function AreaTable({ level, features, chosen, onPick }: { level: AreaLevel; features: readonly AreaFeature[]; chosen: string; onPick(code: string): void }) {
  const { t, lang } = useI18n();
  const name = useAreaName();
  const [open, setOpen] = useState(false);
  const rows = () =>
    features.map((f) => ({ ...f.properties, label: name(f.properties) })).sort((a, b) => b.received - a.received || a.label.localeCompare(b.label, lang));
  return (
    <details className="map-area-table" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('stats.map.areaTable', { level: t(`area.${level}`), n: formatNumber(lang, features.length) })}</summary>
      {open ? (
        <BreakdownTable
          caption={t('stats.map.areaCaption', { level: t(`area.${level}`) })}
          nameHeader={t(`area.${level}`)}
          rows={rows().map((r) => ({
            ...r,
            key: r.code,
            name: (
              <button type="button" className="btn-link" aria-pressed={r.code === chosen} onClick={() => onPick(r.code)}>
                {r.label}
              </button>
            ),
          }))}
        />
      ) : null}
    </details>
  );
}

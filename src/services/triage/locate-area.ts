import { InvalidCoordinatesError } from '../../domain/geo/area-index.js';
import { DomainError } from '../../domain/errors.js';
import type { AppContext } from '../context.js';
import { loadPlaceFinder, type PlaceFinder, type PointAnswer } from './place-finder.js';

/** `cepat areas locate LAT LNG`: the kelurahan/kecamatan/kota of a point, from the imported boundaries. */
export async function locateArea(ctx: AppContext, lat: number, lng: number): Promise<PointAnswer> {
  const engine = ctx.triage as { places?: () => Promise<PlaceFinder> };
  const places = engine.places ? await engine.places() : await loadPlaceFinder(ctx.database.db);
  try {
    return places.locate(lat, lng);
  } catch (err) {
    if (err instanceof InvalidCoordinatesError) throw new DomainError('invalid_coordinates', 'Koordinat di luar jangkauan', err.message);
    throw err;
  }
}

import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { DomainError } from '../../domain/errors.js';
import { importAreaBoundaries } from '../../services/triage/import-areas.js';
import { locateArea } from '../../services/triage/locate-area.js';
import { printJson, withContext } from '../context.js';

function coordinate(text: string, name: string, limit: number): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || Math.abs(n) > limit) {
    throw new DomainError('invalid_coordinates', `${name} harus angka antara -${limit} dan ${limit}`, `${name} must be a number between -${limit} and ${limit}`);
  }
  return n;
}

export function areasCommand(program: Command): void {
  const areas = program.command('areas').description('administrative boundaries: import and point look-up');
  areas
    .command('import <file>')
    .description('import kota/kecamatan/kelurahan boundaries from GeoJSON (all or nothing; a repeated import replaces)')
    .action(async (file: string) => {
      const text = await fs.readFile(file, 'utf8');
      await withContext(async (ctx) => {
        const result = await importAreaBoundaries(ctx, text);
        if (!result.ok) {
          for (const e of result.errors) process.stderr.write(`${file}: ${e.featureIndex === null ? '' : `feature ${e.featureIndex}: `}${e.issue}: ${e.message}\n`);
          process.stderr.write(`nothing imported (${result.errors.length} error${result.errors.length === 1 ? '' : 's'})\n`);
          process.exitCode = 1;
          return;
        }
        for (const w of result.warnings) process.stderr.write(`${file}: warning: ${w.message}\n`);
        const levels = Object.entries(result.byLevel).map(([l, n]) => `${n} ${l}`).join(', ');
        process.stdout.write(`imported ${result.imported} areas (${levels}; ${result.inserted} new), ${Math.round(result.storedBytes / 1024)} KiB of geometry\n`);
      });
    });
  areas
    .command('locate <lat> <lng>')
    .description('print the kelurahan, kecamatan and kota of a point as JSON')
    .allowExcessArguments(false)
    .action(async (latText: string, lngText: string) => {
      const lat = coordinate(latText, 'lat', 90);
      const lng = coordinate(lngText, 'lng', 180);
      await withContext(async (ctx) => {
        const found = await locateArea(ctx, lat, lng);
        if (found.status === 'inside') {
          const { status, kelurahan, kecamatan, kota, match, distanceMetres } = found;
          printJson({ status, lat, lng, kelurahan, kecamatan, kota, match, distance_m: Math.round(distanceMetres) });
          return;
        }
        printJson({
          status: found.status,
          lat,
          lng,
          message: found.status === 'outside' ? 'the point is outside the jurisdiction (no imported boundary holds it)' : 'no boundaries imported: run `cepat areas import FILE.geojson`',
        });
        if (found.status === 'no_boundaries') process.exitCode = 1;
      });
    });
}

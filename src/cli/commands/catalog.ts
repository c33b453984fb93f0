import fs from 'node:fs/promises';
import type { Command } from 'commander';
import YAML from 'yaml';
import { exportCatalog, importCatalog } from '../../services/reference/catalog-io.js';
import { printJson, withContext } from '../context.js';

export function catalogCommand(program: Command): void {
  const catalog = program.command('catalog').description('agencies, categories and routing rules');
  catalog
    .command('export')
    .option('--format <format>', 'yaml | json', 'yaml')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (o: { format: string; out?: string }) =>
      withContext(async (ctx) => {
        const doc = await exportCatalog(ctx);
        const text = o.format === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : YAML.stringify(doc);
        if (o.out) await fs.writeFile(o.out, text);
        else process.stdout.write(text);
      }),
    );
  catalog
    .command('import <file>')
    .description('upsert from a YAML or JSON file (all or nothing)')
    .action(async (file: string) => {
      const text = await fs.readFile(file, 'utf8');
      const doc = /\.json$/i.test(file) ? JSON.parse(text) : YAML.parse(text);
      await withContext(async (ctx) => printJson(await importCatalog(ctx, doc)));
    });
}

import type { Command } from 'commander';
import { apikeysCommand } from './apikeys.js';
import { auditCommand } from './audit.js';
import { catalogCommand } from './catalog.js';
import { exportCommand } from './export.js';
import { serveCommand } from './serve.js';
import { usersCommand } from './users.js';

export function registerCommands(program: Command): void {
  serveCommand(program);
  usersCommand(program);
  apikeysCommand(program);
  catalogCommand(program);
  auditCommand(program);
  exportCommand(program);
}

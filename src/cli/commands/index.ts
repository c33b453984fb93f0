import type { Command } from 'commander';
import { apikeysCommand } from './apikeys.js';
import { auditCommand } from './audit.js';
import { calendarCommand } from './calendar.js';
import { catalogCommand } from './catalog.js';
import { exportCommand } from './export.js';
import { reportCommand } from './report.js';
import { serveCommand } from './serve.js';
import { slaCommand } from './sla.js';
import { usersCommand } from './users.js';
import { postsCommand } from './posts.js';
import { simulateCommand } from './simulate.js';
import { areasCommand } from './areas.js';
import { triageCommand } from './triage.js';

export function registerCommands(program: Command): void {
  serveCommand(program);
  usersCommand(program);
  apikeysCommand(program);
  catalogCommand(program);
  auditCommand(program);
  exportCommand(program);
  calendarCommand(program);
  slaCommand(program);
  reportCommand(program);
  postsCommand(program);
  simulateCommand(program);
  areasCommand(program);
  triageCommand(program);
}

import type { Command } from 'commander';
import { verifyAudit } from '../../services/audit/verify-audit.js';
import { withContext } from '../context.js';

export function auditCommand(program: Command): void {
  const audit = program.command('audit').description('audit trail');
  audit
    .command('verify')
    .description('check every hash chain; exits 1 naming each case whose events were altered or removed')
    .action(async () => {
      const report = await withContext((ctx) => verifyAudit(ctx));
      for (const b of report.broken) {
        const what = b.caseId ? `case ${b.caseId}${b.ticket ? ` (${b.ticket})` : ''}` : b.stream;
        process.stdout.write(`BROKEN ${what}: ${b.problems.map((p) => p.kind + ('seq' in p ? `@${p.seq}` : '')).join(', ')}\n`);
      }
      process.stdout.write(`${report.streams} chains, ${report.events} events checked: ${report.broken.length ? `${report.broken.length} broken` : 'all intact'}\n`);
      if (report.broken.length) process.exitCode = 1;
    });
}

import type { Command } from 'commander';
import { addUser, listUsers, setPassword } from '../../services/users/manage-users.js';
import { printJson, withContext } from '../context.js';
import { readSecret } from '../prompt.js';

export function usersCommand(program: Command): void {
  const users = program.command('users').description('manage staff accounts');
  users
    .command('add <username>')
    .requiredOption('--role <role>', 'admin | triage_operator | agency_officer | agency_head | territorial_officer | monitor | auditor')
    .option('--agency <id>', 'agency id (agency roles)')
    .option('--area <code>', 'area code (territorial officers)')
    .option('--name <displayName>')
    .option('--email <email>')
    .option('--password <password>', 'password (else CEPAT_NEW_PASSWORD or a prompt)')
    .action(async (username: string, o: { role: string; agency?: string; area?: string; name?: string; email?: string; password?: string }) => {
      const password = o.password ?? process.env.CEPAT_NEW_PASSWORD ?? (await readSecret(`Password for ${username}: `));
      await withContext(async (ctx) => {
        const id = await addUser(ctx, { username, password, role: o.role, agencyId: o.agency, areaCode: o.area, displayName: o.name, email: o.email });
        process.stdout.write(`user ${username} created (id ${id})\n`);
      });
    });
  users.command('list').action(async () => withContext(async (ctx) => printJson(await listUsers(ctx))));
  users
    .command('passwd <username>')
    .option('--password <password>')
    .action(async (username: string, o: { password?: string }) => {
      const password = o.password ?? process.env.CEPAT_NEW_PASSWORD ?? (await readSecret(`New password for ${username}: `));
      await withContext(async (ctx) => {
        await setPassword(ctx, username, password);
        process.stdout.write(`password of ${username} changed; their sessions were ended\n`);
      });
    });
}

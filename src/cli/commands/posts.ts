import type { Command } from 'commander';
import type { Actor } from '../../domain/case/roles.js';
import { validationFailed } from '../../domain/errors.js';
import { addScheduleException, assignOfficer, setWeeklyHours } from '../../services/walkin/manage-posts.js';
import { listPosts, openPostsOn, seedWalkinPosts } from '../../services/walkin/posts.js';
import { WEEKDAY_NAMES_ID, type WeeklyHours } from '../../services/walkin/schedule.js';
import { printJson, withContext } from '../context.js';

/** `cepat posts …`: walk-in posts and their schedules from the command line (acts as the system, like an admin). */
const CLI: Actor = { kind: 'system', job: 'cli' };

const DAY_ALIASES: Record<string, number> = {
  min: 0, minggu: 0, sun: 0, sunday: 0,
  sen: 1, senin: 1, mon: 1, monday: 1,
  sel: 2, selasa: 2, tue: 2, tuesday: 2,
  rab: 3, rabu: 3, wed: 3, wednesday: 3,
  kam: 4, kamis: 4, thu: 4, thursday: 4,
  jum: 5, jumat: 5, fri: 5, friday: 5,
  sab: 6, sabtu: 6, sat: 6, saturday: 6,
};

/** `sab 08:00-12:00, min 08:00-12:00` or `1-5 08:00-16:00` (weekdays by name or number, ranges allowed). */
export function parseHoursSpec(spec: string): WeeklyHours[] {
  const out: WeeklyHours[] = [];
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = part.match(/^([\p{L}\d]+)(?:-([\p{L}\d]+))?\s+(\d{2}:\d{2})-(\d{2}:\d{2})$/u);
    const day = (s: string) => (/^\d$/.test(s) ? Number(s) : DAY_ALIASES[s.toLowerCase()]);
    if (!m || day(m[1]) === undefined || (m[2] && day(m[2]) === undefined)) throw validationFailed([{ field: 'hours', message: `cannot read '${part}' (e.g. 'sab 08:00-12:00' or 'sen-jum 08:00-16:00')` }]);
    const from = day(m[1])!;
    const to = m[2] ? day(m[2])! : from;
    for (let d = from; d <= to; d++) out.push({ weekday: d, opens: m[3], closes: m[4] });
  }
  return out;
}

const hoursText = (hours: WeeklyHours[]) => hours.map((h) => `${WEEKDAY_NAMES_ID[h.weekday]} ${h.opens}-${h.closes}`).join(', ') || '-';

export function postsCommand(program: Command): void {
  const posts = program.command('posts').description('walk-in complaint posts: schedules, exceptions, officers');

  posts
    .command('seed')
    .description('add the default post of every kecamatan and kelurahan (and the City Hall pendopo) that has none')
    .action(async () =>
      withContext(async (ctx) => {
        process.stdout.write(`${await seedWalkinPosts(ctx)} posts added\n`);
      }),
    );

  posts
    .command('list')
    .option('--kind <kind>', 'balai_kota, kecamatan, kelurahan or other')
    .option('--area <code>', 'posts in this area')
    .option('--all', 'include inactive posts')
    .option('--json', 'print JSON')
    .action(async (o: { kind?: string; area?: string; all?: boolean; json?: boolean }) =>
      withContext(async (ctx) => {
        const list = await listPosts(ctx, { kind: o.kind, area: o.area, includeInactive: o.all });
        if (o.json) return printJson(list);
        for (const p of list) process.stdout.write(`${p.id.padEnd(22)} ${p.name.padEnd(48)} ${hoursText(p.hours)}${p.active ? '' : ' (inactive)'}\n`);
      }),
    );

  posts
    .command('open')
    .description('posts open on a date (today by default)')
    .option('--date <YYYY-MM-DD>')
    .action(async (o: { date?: string }) =>
      withContext(async (ctx) => {
        const r = await openPostsOn(ctx, o.date);
        process.stdout.write(`${r.date}: ${r.posts.length} posts open\n`);
        for (const p of r.posts) process.stdout.write(`${p.post.id.padEnd(22)} ${p.day.sessions.map((s) => `${s.opens}-${s.closes}`).join(' ')}${p.day.note ? `  (${p.day.note})` : ''}\n`);
      }),
    );

  posts
    .command('hours <post>')
    .description("replace a post's weekly hours, e.g. --set 'sab 08:00-12:00' ('' = none)")
    .requiredOption('--set <spec>')
    .action(async (post: string, o: { set: string }) =>
      withContext(async (ctx) => {
        const p = await setWeeklyHours(ctx, CLI, post, parseHoursSpec(o.set));
        process.stdout.write(`${p.id}: ${hoursText(p.hours)}\n`);
      }),
    );

  posts
    .command('except <post>')
    .description("a dated exception for a post ('all' = every post): --closed, or --hours HH:MM-HH:MM")
    .requiredOption('--date <YYYY-MM-DD>')
    .option('--closed', 'the post is closed that day')
    .option('--hours <HH:MM-HH:MM>', 'special opening hours that day')
    .option('--note <text>', 'why (shown to citizens)', '')
    .action(async (post: string, o: { date: string; closed?: boolean; hours?: string; note: string }) =>
      withContext(async (ctx) => {
        const [opens, closes] = (o.hours ?? '').split('-');
        const e = await addScheduleException(ctx, CLI, { postId: post === 'all' ? null : post, date: o.date, closed: Boolean(o.closed) || !o.hours, opens, closes, note: o.note });
        process.stdout.write(`exception ${e.id}: ${post} ${e.date} ${e.closed ? 'closed' : `${e.opens}-${e.closes}`}\n`);
      }),
    );

  for (const [name, assign] of [['assign', true], ['unassign', false]] as const) {
    posts
      .command(`${name} <post> <username>`)
      .description(assign ? 'assign a staff user to a post' : 'remove a staff user from a post')
      .action(async (post: string, username: string) =>
        withContext(async (ctx) => {
          const r = await assignOfficer(ctx, CLI, post, username, assign);
          process.stdout.write(`${username} ${r.changed ? (assign ? 'assigned to' : 'removed from') : assign ? 'was already at' : 'was not at'} ${post}\n`);
        }),
      );
  }
}

import { InvalidArgumentError, type Command } from 'commander';
import { PARTNER_PRESETS } from '../../channels/partners/presets.js';
import { parseHostPort } from '../../jobs/email/email-settings.js';
import type { SimTargets } from '../simulate/channels.js';
import { formatReport, runSimulation } from '../simulate/runner.js';

/**
 * `cepat simulate`: a realistic mixed stream of complaints into a running server, through its real endpoints,
 * for demos and load. Webhook channels are played only when their secrets are given (flags, or the same
 * environment variables the server reads); the others are skipped and listed.
 */
interface SimulateFlags {
  url: string;
  rate: number;
  duration: number;
  seed: number;
  runId?: string;
  concurrency: number;
  apiKey?: string;
  officer?: string;
  smtp?: string;
  mailTo: string;
  facebookSecret?: string;
  facebookPageId: string;
  twitterSecret?: string;
  twitterAccountId: string;
  smsSecret?: string;
  smsAuth: 'hmac' | 'shared-secret';
  smsAuthHeader: string;
  partner: string[];
  json?: boolean;
}

const env = process.env;

function rate(value: string): number {
  const m = value.trim().match(/^(\d+(?:\.\d+)?)(?:\s*\/\s*s)?$/);
  if (!m || Number(m[1]) <= 0) throw new InvalidArgumentError('a rate like 20/s');
  return Number(m[1]);
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('a whole number');
  return n;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Partners from `--partner lapor=SECRET`, else those named in CEPAT_PARTNERS whose preset secret is set. */
function partnersOf(flags: string[]): NonNullable<SimTargets['partners']> {
  const presets = PARTNER_PRESETS as Record<string, { inbound?: { signature?: { secretEnv: string } } }>;
  const out: NonNullable<SimTargets['partners']> = [];
  const given = flags.length ? flags : (env.CEPAT_PARTNERS ?? '').split(',').map((s) => s.trim()).filter(Boolean).map((id) => `${id}=${env[presets[id]?.inbound?.signature?.secretEnv ?? ''] ?? ''}`);
  for (const item of given) {
    const [id, secret] = [item.slice(0, item.indexOf('=')), item.slice(item.indexOf('=') + 1)];
    if (!(id in PARTNER_PRESETS)) throw new InvalidArgumentError(`--partner: '${id}' is not one of ${Object.keys(PARTNER_PRESETS).join(', ')}`);
    if (secret) out.push({ id: id as keyof typeof PARTNER_PRESETS, secret });
  }
  return out;
}

export function simulateCommand(program: Command): void {
  program
    .command('simulate')
    .description('play a realistic mixed stream of complaints into a running server (all channels that are configured)')
    .option('--url <url>', 'server base URL', 'http://localhost:8080')
    .option('--rate <N/s>', 'messages per second', rate, 10)
    .option('--duration <seconds>', 'how long to play', positiveInt, 10)
    .option('--seed <n>', 'seed of the stream (same seed, same messages)', positiveInt, 1)
    .option('--run-id <id>', 'tag of the message ids; repeat a run id to replay its messages (duplicates)')
    .option('--concurrency <n>', 'requests in flight at most', positiveInt, 16)
    .option('--api-key <key>', 'Open311 API key (npx cepat apikeys create)', env.CEPAT_SIM_API_KEY)
    .option('--officer <user:password>', 'staff login for walk-in intake at kelurahan posts', env.CEPAT_SIM_OFFICER)
    .option('--smtp <host:port>', "the server's SMTP listener (CEPAT_SMTP_LISTEN)")
    .option('--mail-to <address>', 'recipient of simulated e-mail', env.CEPAT_MAIL_REPLY_TO ?? 'pengaduan@jakarta.go.id')
    .option('--facebook-secret <secret>', 'Facebook app secret', env.CEPAT_FACEBOOK_APP_SECRET)
    .option('--facebook-page-id <id>', 'Facebook page id', env.CEPAT_FACEBOOK_PAGE_ID ?? '104857362211874')
    .option('--twitter-secret <secret>', 'X consumer secret', env.CEPAT_TWITTER_CONSUMER_SECRET)
    .option('--twitter-account-id <id>', 'user id of the city account on X', env.CEPAT_TWITTER_ACCOUNT_ID ?? '117491232')
    .option('--sms-secret <secret>', 'SMS gateway secret', env.CEPAT_SMS_SECRET)
    .option('--sms-auth <mode>', 'hmac or shared-secret', env.CEPAT_SMS_AUTH ?? 'hmac')
    .option('--sms-auth-header <name>', 'header carrying the SMS signature', env.CEPAT_SMS_AUTH_HEADER ?? 'x-cepat-signature')
    .option('--partner <id=secret>', 'a partner webhook to play (lapor, qlue, jaki); repeatable', collect, [])
    .option('--json', 'print the report as JSON')
    .action(async (o: SimulateFlags) => {
      const smtp = o.smtp ? parseHostPort(o.smtp) : undefined;
      if (o.smtp && !smtp) throw new InvalidArgumentError('--smtp must be host:port');
      const officer = o.officer ? { username: o.officer.slice(0, o.officer.indexOf(':')), password: o.officer.slice(o.officer.indexOf(':') + 1) } : undefined;
      if (o.smsAuth !== 'hmac' && o.smsAuth !== 'shared-secret') throw new InvalidArgumentError('--sms-auth must be hmac or shared-secret');
      const report = await runSimulation({
        url: o.url,
        ratePerSecond: o.rate,
        durationSeconds: o.duration,
        seed: o.seed,
        runId: o.runId,
        concurrency: Math.max(1, o.concurrency),
        // The first refusals, with the server's answer, so a misconfigured channel is easy to see.
        log: (line) => process.stderr.write(`${line}\n`),
        officer,
        smtp: smtp ? { host: smtp.host === '0.0.0.0' ? '127.0.0.1' : smtp.host, port: smtp.port } : undefined,
        targets: {
          apiKey: o.apiKey,
          smtpTo: o.mailTo,
          facebook: o.facebookSecret ? { secret: o.facebookSecret, pageId: o.facebookPageId } : undefined,
          twitter: o.twitterSecret ? { secret: o.twitterSecret, accountId: o.twitterAccountId } : undefined,
          sms: o.smsSecret ? { secret: o.smsSecret, mode: o.smsAuth, header: o.smsAuthHeader.toLowerCase() } : undefined,
          partners: partnersOf(o.partner),
        },
      });
      process.stdout.write(o.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
      if (report.sent > 0 && report.ok === 0) process.exitCode = 1;
    });
}

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config/config.js';
import { acceptsRecipient, addressOf, loadEmailSettings, parseHostPort } from './email-settings.js';
import { imapConnection } from './imap-poller.js';

const config = loadConfig({ CEPAT_DATA_DIR: '/tmp/cepat-unused', CEPAT_MAIL_FROM: 'Cepat Jakarta <No-Reply@Cepat.Jakarta.go.id>' });

describe('e-mail settings', () => {
  it('reads the listener, recipients and our own addresses, with defaults', () => {
    const s = loadEmailSettings(config, { CEPAT_SMTP_LISTEN: ':2525', CEPAT_SMTP_RECIPIENTS: 'pengaduan@jakarta.go.id, @cepat.jakarta.go.id', CEPAT_MAIL_REPLY_TO: 'Pengaduan@Jakarta.go.id' });
    expect(s.listen).toEqual({ host: '0.0.0.0', port: 2525 });
    expect(s.maxMessageBytes).toBe(25 * 1024 * 1024);
    expect(s.ownAddresses).toEqual(['no-reply@cepat.jakarta.go.id', 'pengaduan@jakarta.go.id']);
    expect(s.messageIdDomain).toBe('cepat.jakarta.go.id');
    expect(s.ticketPattern.test('JKT-2611-000123')).toBe(true);
    expect([acceptsRecipient(s, 'PENGADUAN@jakarta.go.id'), acceptsRecipient(s, 'x@cepat.jakarta.go.id'), acceptsRecipient(s, 'x@evil.example')]).toEqual([true, true, false]);
    expect(loadEmailSettings(config, {}).listen).toBeUndefined();
    expect(acceptsRecipient(loadEmailSettings(config, {}), 'anyone@anywhere.example')).toBe(true);
  });

  it('lists every problem at once', () => {
    try {
      loadEmailSettings(config, { CEPAT_SMTP_LISTEN: 'localhost', CEPAT_IMAP_URL: 'http://mail', CEPAT_SMTP_TLS_KEY: '/nonexistent/key.pem', CEPAT_IMAP_POLL_SECONDS: '-1' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual(['CEPAT_IMAP_POLL_SECONDS', 'CEPAT_IMAP_URL', 'CEPAT_SMTP_LISTEN', 'CEPAT_SMTP_TLS_KEY']);
    }
  });

  it('parses host:port and addresses', () => {
    expect(parseHostPort('[::1]:25')).toEqual({ host: '::1', port: 25 });
    expect(parseHostPort('127.0.0.1:70000')).toBeNull();
    expect(addressOf('"Pemprov DKI" <Info@Jakarta.go.id>')).toBe('info@jakarta.go.id');
    expect(addressOf('no address here')).toBeUndefined();
  });

  it('reads an IMAP URL: TLS by scheme, credentials decoded, mailbox from the path', () => {
    const { options, mailbox } = imapConnection('imaps://pengaduan%40jakarta.go.id:p%40ss@mail.jakarta.go.id/Pengaduan%20Warga?tls=insecure');
    expect(options).toMatchObject({ host: 'mail.jakarta.go.id', port: 993, secure: true, auth: { user: 'pengaduan@jakarta.go.id', pass: 'p@ss' }, tls: { rejectUnauthorized: false } });
    expect(mailbox).toBe('Pengaduan Warga');
    expect(imapConnection('imap://u:p@127.0.0.1/?starttls=required')).toMatchObject({ options: { port: 143, secure: false, doSTARTTLS: true }, mailbox: 'INBOX' });
  });
});

import type { Channel, ContactKind } from '../channels.js';

/**
 * What every channel adapter produces: one complaint in one shape, whatever it came through.
 * The intake service stores it (raw message, case, first event, acknowledgement) in one transaction.
 */
export interface NormalizedComplaint {
  channel: Channel;
  /**
   * The channel's own id for this message (Facebook `mid`, tweet id, SMS gateway id, e-mail Message-ID,
   * a partner's report id, or a client-generated key for web/walk-in). Together with `channel` it is the
   * idempotency key: the same (channel, externalId) never makes two cases.
   */
  externalId: string;
  /** When the channel says the citizen sent it (falls back to arrival time). */
  receivedAt: Date;
  /** The original message exactly as received (parsed JSON, form fields or raw MIME text). */
  rawPayload: unknown;
  /** The complaint text as the citizen wrote it. */
  text: string;
  title?: string;
  /** A category code from the catalogue, when the channel or the citizen gave one. */
  categoryCode?: string;
  location?: ComplaintLocation;
  reporter: ReporterInput;
  attachments?: AttachmentInput[];
  /** Channel-specific threading data needed to answer on the same channel (e.g. tweet id to reply to). */
  replyContext?: Record<string, string>;
  /** Walk-in / phone intake: where and by whom it was taken. */
  assisted?: { postId?: string; officerUserId?: string };
  /** Partner connectors and Open311 clients: which partner (API key owner) submitted it. */
  partnerId?: string;
  /** Open311 / partner extra attributes (attribute[CODE]=value). */
  attributes?: Record<string, string | string[]>;
  /** LAPOR! report type; default 'pengaduan'. */
  reportType?: 'pengaduan' | 'aspirasi' | 'permintaan_informasi' | 'wbs';
}

export interface ComplaintLocation {
  lat?: number;
  lng?: number;
  /** Free-text address or place description ("Jl. Kramat Raya depan RS Sint Carolus"). */
  address?: string;
  /** A Kemendagri area code (kota 31.71, kecamatan 31.71.01, kelurahan 31.71.01.1001) when known. */
  areaCode?: string;
}

export interface ReporterInput {
  name?: string;
  contactKind: ContactKind;
  /** The address on that channel (e-mail address, normalized phone, PSID …). */
  contactValue?: string;
  /** Extra ways to reach the citizen (e.g. an e-mail given at a walk-in desk). */
  extraContacts?: { kind: ContactKind; value: string }[];
  /** Identity hidden from everyone, officers included. */
  anonymous?: boolean;
  /** Identity known to officers, never shown publicly; report not public. */
  confidential?: boolean;
}

export interface AttachmentInput {
  filename: string;
  /** Declared type; the store sniffs the content and refuses a mismatch. */
  contentType?: string;
  data: Buffer;
  /** 'before' photos come from citizens; 'after' photos are evidence of resolution. */
  role?: 'evidence' | 'after' | 'document';
}

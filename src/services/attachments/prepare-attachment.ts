import exifr from 'exifr';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { DomainError } from '../../domain/errors.js';
import type { AttachmentInput } from '../../domain/intake/normalized-complaint.js';

/** Types a citizen or officer may upload; anything else is refused whatever it claims to be. */
export const ALLOWED_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'application/pdf']);

export interface PreparedAttachment {
  filename: string;
  contentType: string;
  role: string;
  original: Buffer;
  /** Copy safe to show publicly: images re-encoded without metadata (no EXIF GPS, no camera serial). */
  publicCopy: Buffer | null;
  exif: { lat: number; lng: number } | null;
}

/**
 * Checks an upload by its content (not its name or declared type), reads the photo's EXIF GPS as a location
 * hint, and makes a metadata-free public copy. Throws a 4xx-mapped error and stores nothing on bad input.
 */
export async function prepareAttachment(input: AttachmentInput, maxBytes: number): Promise<PreparedAttachment> {
  if (input.data.length > maxBytes) {
    throw new DomainError('file_too_large', `Berkas '${input.filename}' melebihi ${maxBytes} byte`, `File '${input.filename}' exceeds ${maxBytes} bytes`);
  }
  const sniffed = await fileTypeFromBuffer(input.data);
  if (!sniffed || !ALLOWED_TYPES.has(sniffed.mime)) {
    throw new DomainError(
      'unsupported_media_type',
      `Berkas '${input.filename}' bukan JPEG, PNG, WebP atau PDF`,
      `File '${input.filename}' is not a JPEG, PNG, WebP or PDF`,
    );
  }
  if (input.contentType && input.contentType !== 'application/octet-stream' && normalise(input.contentType) !== sniffed.mime) {
    throw new DomainError(
      'unsupported_media_type',
      `Isi berkas '${input.filename}' (${sniffed.mime}) tidak sesuai dengan jenis yang dinyatakan (${input.contentType})`,
      `The content of '${input.filename}' (${sniffed.mime}) does not match its declared type (${input.contentType})`,
    );
  }
  let exif: PreparedAttachment['exif'] = null;
  let publicCopy: Buffer | null = null;
  if (sniffed.mime.startsWith('image/')) {
    try {
      const gps = await exifr.gps(input.data);
      if (gps && Number.isFinite(gps.latitude) && Number.isFinite(gps.longitude)) exif = { lat: gps.latitude, lng: gps.longitude };
    } catch {
      // No readable EXIF: nothing to use, nothing to strip.
    }
    try {
      // sharp drops all metadata unless asked to keep it; rotate() bakes the EXIF orientation in first.
      publicCopy = await sharp(input.data).rotate().toBuffer();
    } catch {
      throw new DomainError('unsupported_media_type', `Gambar '${input.filename}' rusak`, `Image '${input.filename}' is corrupt`);
    }
  }
  return { filename: sanitizeName(input.filename), contentType: sniffed.mime, role: input.role ?? 'evidence', original: input.data, publicCopy, exif };
}

function normalise(type: string): string {
  const t = type.split(';')[0].trim().toLowerCase();
  return t === 'image/jpg' ? 'image/jpeg' : t;
}

function sanitizeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  return base.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120) || 'file';
}

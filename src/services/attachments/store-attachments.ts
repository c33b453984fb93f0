import type { FileStore } from '../../store/files.js';
import type { Trx } from '../../store/transaction.js';
import type { PreparedAttachment } from './prepare-attachment.js';

export interface StoredFile {
  prepared: PreparedAttachment;
  sha256: string;
  publicSha256: string | null;
}

/**
 * Files go to disk (fsynced) before the transaction, so the database lock is never held during file I/O; a
 * file whose row never commits is an unreferenced blob, never a row without its file.
 */
export async function persistFiles(files: FileStore, list: PreparedAttachment[]): Promise<StoredFile[]> {
  const out: StoredFile[] = [];
  for (const a of list) {
    const sha256 = await files.put(a.original);
    const publicSha256 = a.publicCopy ? await files.put(a.publicCopy) : a.contentType === 'application/pdf' ? null : sha256;
    out.push({ prepared: a, sha256, publicSha256 });
  }
  return out;
}

export async function insertAttachmentRows(trx: Trx, caseId: number, commentId: number | null, stored: StoredFile[], now: Date): Promise<number[]> {
  const ids: number[] = [];
  for (const s of stored) {
    const a = s.prepared;
    const row = await trx
      .insertInto('attachments')
      .values({
        case_id: caseId,
        comment_id: commentId,
        sha256: s.sha256,
        public_sha256: s.publicSha256,
        content_type: a.contentType,
        size: a.original.length,
        filename: a.filename,
        role: a.role,
        exif_lat: a.exif?.lat ?? null,
        exif_lng: a.exif?.lng ?? null,
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

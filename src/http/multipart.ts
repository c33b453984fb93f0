import type { FastifyRequest } from 'fastify';
import type { AttachmentInput } from '../domain/intake/normalized-complaint.js';

/** Reads a multipart request: string fields and files (buffered; sizes are capped by the multipart limits). */
export async function readMultipart(request: FastifyRequest): Promise<{ fields: Record<string, string>; files: AttachmentInput[] }> {
  const fields: Record<string, string> = {};
  const files: AttachmentInput[] = [];
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const data = await part.toBuffer();
      if (data.length === 0 && !part.filename) continue;
      files.push({ filename: part.filename || 'file', contentType: part.mimetype, data, role: part.fieldname === 'after' ? 'after' : part.fieldname === 'documents' ? 'document' : 'evidence' });
    } else {
      fields[part.fieldname] = String(part.value ?? '');
    }
  }
  return { fields, files };
}

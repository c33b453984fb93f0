import type { FastifyReply } from 'fastify';
import { toXmlDocument, type XmlValue } from '../../../channels/open311/xml.js';

/** Open311 chooses the format by the path suffix: `/services.xml`, `/services.json`. */
export type Format = 'xml' | 'json';

export const CONTENT_TYPES: Record<Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** XML names of list items, by the list element (JSON keeps the arrays). */
export const ITEM_NAMES: Readonly<Record<string, string>> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  service_request_updates: 'request_update',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
  notes: 'note',
};

/** `requests.json` → { name: 'requests', format: 'json' }; null when the suffix is not a format we serve. */
export function splitFormat(file: string): { name: string; format: Format } | null {
  const dot = file.lastIndexOf('.');
  if (dot <= 0) return null;
  const ext = file.slice(dot + 1).toLowerCase();
  if (ext !== 'xml' && ext !== 'json') return null;
  return { name: file.slice(0, dot), format: ext };
}

/** The format an error should be written in: JSON when the path ends in .json, XML (mandatory) otherwise. */
export function formatOfUrl(url: string): Format {
  const path = url.split('?')[0];
  return path.toLowerCase().endsWith('.json') ? 'json' : 'xml';
}

export interface Open311Document {
  /** XML root element (`services`, `service_definition`, `service_requests`, `errors` …). */
  root: string;
  body: XmlValue;
}

export function sendDocument(reply: FastifyReply, format: Format, doc: Open311Document, status = 200): FastifyReply {
  const text = format === 'json' ? JSON.stringify(doc.body) : toXmlDocument(doc.root, doc.body, ITEM_NAMES);
  return reply.status(status).header('content-type', CONTENT_TYPES[format]).send(text);
}

import { api } from '../api/client.js';
import type { Receipt } from '../api/types.js';

/** What the citizen fills in; sent as the flat multipart fields `/api/complaints` reads. */
export interface ComplaintDraft {
  text: string;
  title: string;
  reportType: 'pengaduan' | 'aspirasi' | 'permintaan_informasi';
  category: string;
  area: string;
  lat: number | null;
  lng: number | null;
  address: string;
  name: string;
  email: string;
  phone: string;
  anonymous: boolean;
  confidential: boolean;
}

export const emptyDraft = (): ComplaintDraft => ({
  text: '',
  title: '',
  reportType: 'pengaduan',
  category: '',
  area: '',
  lat: null,
  lng: null,
  address: '',
  name: '',
  email: '',
  phone: '',
  anonymous: false,
  confidential: false,
});

/**
 * A random key for one complaint. It is kept until the server has answered with a receipt, so a double
 * click or a resend after a network error lands on the same case (the API answers 200 with it). Built from
 * getRandomValues because randomUUID exists only on HTTPS pages and a desk may use plain http on a LAN.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function draftToFormData(d: ComplaintDraft, photos: File[]): FormData {
  const form = new FormData();
  const put = (k: string, v: string) => {
    if (v.trim()) form.append(k, v.trim());
  };
  put('text', d.text);
  put('title', d.title);
  put('report_type', d.reportType);
  put('category', d.category);
  put('area_code', d.area);
  if (d.lat !== null && d.lng !== null) {
    form.append('lat', String(d.lat));
    form.append('lng', String(d.lng));
  }
  put('address', d.address);
  if (!d.anonymous) put('name', d.name);
  put('email', d.email);
  put('phone', d.phone);
  if (d.anonymous) form.append('anonymous', 'true');
  if (d.confidential) form.append('confidential', 'true');
  for (const p of photos) form.append('photos', p, p.name);
  return form;
}

export function submitComplaint(d: ComplaintDraft, photos: File[], idempotencyKey: string): Promise<Receipt> {
  return api<Receipt>('/api/complaints', { method: 'POST', form: draftToFormData(d, photos), headers: { 'idempotency-key': idempotencyKey } });
}

/** Problems found before sending, as draft field → dictionary key. */
export function checkDraft(d: ComplaintDraft, photos: File[]): Partial<Record<keyof ComplaintDraft | 'photos', 'form.err.text' | 'form.err.email' | 'form.err.photoType'>> {
  const out: ReturnType<typeof checkDraft> = {};
  if (!d.text.trim()) out.text = 'form.err.text';
  if (d.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(d.email.trim())) out.email = 'form.err.email';
  if (photos.some((p) => !PHOTO_TYPES.includes(p.type))) out.photos = 'form.err.photoType';
  return out;
}

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
export const MAX_PHOTOS = 5;

/** API error fields (`reporter.phone`) → the draft field that shows the message. */
export const API_FIELD: Record<string, keyof ComplaintDraft> = {
  text: 'text',
  title: 'title',
  category: 'category',
  'reporter.name': 'name',
  'reporter.email': 'email',
  'reporter.phone': 'phone',
  'location.area_code': 'area',
  'location.address': 'address',
  location: 'address',
};

import sharp from 'sharp';

/** A small real JPEG, optionally carrying EXIF GPS (as a phone camera would write it). */
export async function jpeg(opts: { gps?: { lat: number; lng: number } } = {}): Promise<Buffer> {
  let img = sharp({ create: { width: 32, height: 24, channels: 3, background: { r: 200, g: 120, b: 40 } } }).jpeg();
  if (opts.gps) {
    const dms = (v: number) => {
      const a = Math.abs(v);
      const d = Math.floor(a);
      const m = Math.floor((a - d) * 60);
      const s = ((a - d) * 60 - m) * 60;
      return `${d}/1 ${m}/1 ${Math.round(s * 100)}/100`;
    };
    img = img.withExif({
      IFD0: { Make: 'TestPhone' },
      IFD3: { GPSLatitudeRef: opts.gps.lat < 0 ? 'S' : 'N', GPSLatitude: dms(opts.gps.lat), GPSLongitudeRef: opts.gps.lng < 0 ? 'W' : 'E', GPSLongitude: dms(opts.gps.lng) },
    });
  }
  return img.toBuffer();
}

/** Builds a multipart/form-data body for fastify's inject. */
export function multipart(fields: Record<string, string>, files: { field: string; filename: string; type: string; data: Buffer }[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----cepat${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`));
    parts.push(f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * Concatenated-SMS information from a User Data Header (3GPP TS 23.040 §9.2.3.24): information element 0x00
 * (8-bit reference) or 0x08 (16-bit reference), each giving the total number of parts and this part's number.
 * Gateways pass the UDH as hex (`050003CC0301`) or, like Kannel, as url-decoded binary.
 */
export interface ConcatInfo {
  /** Reference shared by all parts of one message (unique per sender, and it wraps around). */
  ref: string;
  total: number;
  /** 1-based part number. */
  part: number;
}

export function parseUdh(udh: string | Buffer): ConcatInfo | undefined {
  const bytes = Buffer.isBuffer(udh)
    ? udh
    : /^(?:[0-9a-fA-F]{2})+$/.test(udh.trim())
      ? Buffer.from(udh.trim(), 'hex')
      : Buffer.from(udh, 'latin1');
  if (bytes.length < 1) return undefined;
  const udhl = bytes[0];
  if (udhl + 1 > bytes.length) return undefined;
  let i = 1;
  while (i + 1 < udhl + 1) {
    const iei = bytes[i];
    const len = bytes[i + 1];
    const data = bytes.subarray(i + 2, i + 2 + len);
    if (data.length < len) return undefined;
    if (iei === 0x00 && len === 3) return concatOf(String(data[0]), data[1], data[2]);
    if (iei === 0x08 && len === 4) return concatOf(String(data.readUInt16BE(0)), data[2], data[3]);
    i += 2 + len;
  }
  return undefined;
}

function concatOf(ref: string, total: number, part: number): ConcatInfo | undefined {
  return total >= 1 && part >= 1 && part <= total ? { ref, total, part } : undefined;
}

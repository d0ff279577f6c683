/**
 * Byte helpers for model files: base64 (atob/btoa exist in Node 20 and browsers, so the engine needs no
 * Buffer) and unsigned LEB128 varints for delta-encoded sparse weights.
 */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192) as unknown as number[]);
  }
  return btoa(binary);
}

export function pushVarint(out: number[], value: number): void {
  while (value >= 0x80) {
    out.push((value & 0x7f) | 0x80);
    value >>>= 7;
  }
  out.push(value);
}

/** Reads a varint at `bytes[cursor.at]` and advances the cursor. */
export function readVarint(bytes: Uint8Array, cursor: { at: number }): number {
  let value = 0;
  let shift = 0;
  let byte: number;
  do {
    byte = bytes[cursor.at++]!;
    value |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  return value;
}

/** A response whose body may be a web stream (fetch) and always has text(). */
export interface BodyLike {
  body?: unknown;
  text(): Promise<string>;
}

interface StreamReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(): Promise<void>;
}

/** Past the cap, a body is drained (read and dropped, keeping the connection reusable) up to this size, then cancelled. */
const DRAIN_LIMIT_BYTES = 256 * 1024;

/**
 * The first `capBytes` bytes of a body as text. A streamed body is kept only that far: the rest is dropped unread
 * (a modest remainder drained so the connection stays reusable, a huge one cancelled), so a hostile error body is
 * never decoded or parsed past the cap; without a stream, text() is sliced.
 */
export async function readCapped(response: BodyLike, capBytes: number): Promise<string> {
  const body = response.body as { getReader?: () => StreamReader } | null | undefined;
  if (!body || typeof body.getReader !== 'function') return (await response.text()).slice(0, capBytes);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < capBytes) {
    const next = await reader.read();
    if (next.done || !next.value) {
      done = true;
      break;
    }
    chunks.push(next.value);
    size += next.value.byteLength;
  }
  let drained = size;
  while (!done && drained <= DRAIN_LIMIT_BYTES) {
    const next = await reader.read();
    if (next.done || !next.value) done = true;
    else drained += next.value.byteLength;
  }
  if (!done) await reader.cancel().catch(() => undefined);
  const bytes = new Uint8Array(Math.min(size, capBytes));
  let offset = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, bytes.length - offset);
    bytes.set(part, offset);
    offset += part.length;
    if (offset >= bytes.length) break;
  }
  // A character cut at the cap decodes as U+FFFD; the diagnosis only reads text.
  return new TextDecoder().decode(bytes);
}

/**
 * Offering a finished export as a download, the same in the browser build and in Electron: its
 * bytes are fetched chunk by chunk through the export's own channel and handed to the browser as
 * one file. Orders, customers and VIP lists all export this way.
 */
import { call } from '../api/client';

type ChunkChannel = 'orders.exportChunk' | 'customers.exportChunk' | 'vip.exportChunk';

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function downloadExport(
  channel: ChunkChannel,
  file: { exportId: string; fileName: string; mimeType: string },
): Promise<void> {
  const parts: BlobPart[] = [];
  for (let offset = 0, done = false; !done;) {
    const chunk = await call(channel, { exportId: file.exportId, offset });
    const bytes = base64ToBytes(chunk.base64);
    parts.push(bytes);
    offset += bytes.length;
    done = chunk.done;
  }
  const url = URL.createObjectURL(new Blob(parts, { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy once started; give the browser a moment before letting go.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

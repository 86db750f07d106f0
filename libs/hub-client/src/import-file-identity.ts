/**
 * Which file an import was reading, so that an import stopped by a page
 * reload continues only with the same file: its name, size and last change,
 * and a hash of its first and last 64 KiB (a different file with the same
 * name and size is told apart without reading it all). The hash stays on
 * this device, with the saved run's positions.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { toBase64Url } from '@parallax/fingerprint';

/** Bytes hashed at each end of the file. */
export const FILE_EDGE_BYTES = 64 * 1024;

export interface FileIdentity {
  readonly name: string;
  readonly size: number;
  readonly lastModified: number;
  /** base64url SHA-256 of the first and last {@link FILE_EDGE_BYTES} (the whole file if smaller). */
  readonly edges: string;
}

/** What fileIdentity needs of a File (a Blob with a name and a date). */
export interface NamedBlob {
  readonly name: string;
  readonly size: number;
  readonly lastModified: number;
  slice(start?: number, end?: number): Blob;
}

export async function fileIdentity(file: NamedBlob): Promise<FileIdentity> {
  const hash = sha256.create();
  const head = Math.min(file.size, FILE_EDGE_BYTES);
  hash.update(new Uint8Array(await file.slice(0, head).arrayBuffer()));
  const tail = Math.max(head, file.size - FILE_EDGE_BYTES);
  if (tail < file.size) hash.update(new Uint8Array(await file.slice(tail).arrayBuffer()));
  return {
    name: file.name,
    size: file.size,
    lastModified: file.lastModified,
    edges: toBase64Url(hash.digest()),
  };
}

export function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  return (
    a.name === b.name &&
    a.size === b.size &&
    a.lastModified === b.lastModified &&
    a.edges === b.edges
  );
}

import { createHash } from 'node:crypto';

/** The hex SHA-256 of text (as UTF-8) or bytes: how sources, files and exports are fingerprinted. */
export const sha256 = (data: string | Uint8Array): string =>
  createHash('sha256').update(data).digest('hex');

import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Encryption of personal data at rest (resident ID numbers): AES-256-GCM with a random IV per value, and a keyed
 * hash (HMAC-SHA-256) so an exact value can be found without decrypting every row.
 */
export type FieldCipher = {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  hash(plain: string): string;
};

export function createFieldCipher(masterKey: Buffer): FieldCipher {
  if (masterKey.length !== 32) throw new Error('the data key must be 32 bytes');
  const encKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'sifang field encryption', 32));
  const macKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'sifang field lookup', 32));
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1.${iv.toString('base64url')}.${body.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}`;
    },
    decrypt(stored) {
      const [v, iv, body, tag] = stored.split('.');
      if (v !== 'v1' || !iv || !body || !tag) throw new Error('unknown ciphertext format');
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
    hash(plain) {
      return createHmac('sha256', macKey).update(plain).digest('base64url');
    },
  };
}

/** The data key: SIFANG_DATA_KEY, or a key file created (mode 600) on first use. Losing it loses the ID numbers. */
export function loadDataKey(config: { dataKey?: string; dataKeyFile: string }): Buffer {
  if (config.dataKey) return Buffer.from(config.dataKey, 'base64');
  if (existsSync(config.dataKeyFile)) return Buffer.from(readFileSync(config.dataKeyFile, 'utf8').trim(), 'base64');
  mkdirSync(path.dirname(config.dataKeyFile), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(config.dataKeyFile, key.toString('base64'), { mode: 0o600 });
  return key;
}

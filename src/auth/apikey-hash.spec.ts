import { hashSecret, verifySecret } from './apikey-hash';
import { newSecret } from './apikey-token';

describe('API key hashing (scrypt)', () => {
  it('verifies the secret it hashed and nothing else', async () => {
    const secret = newSecret();
    const stored = await hashSecret(secret);
    expect(stored.hash).toMatch(/^scrypt:16384:8:1:[A-Za-z0-9_-]{43}$/);
    expect(stored.hash).not.toContain(secret);
    await expect(verifySecret(secret, stored)).resolves.toBe(true);
    await expect(verifySecret(newSecret(), stored)).resolves.toBe(false);
    await expect(verifySecret(`${secret.slice(0, -1)}x`, stored)).resolves.toBe(
      secret.endsWith('x'),
    );
  });

  it('salts each key: one secret hashed twice gives two hashes', async () => {
    const secret = newSecret();
    const [a, b] = await Promise.all([hashSecret(secret), hashSecret(secret)]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    // The salt is part of the verification: another key's salt does not fit.
    await expect(verifySecret(secret, { hash: a.hash, salt: b.salt })).resolves.toBe(false);
  });

  it('matches nothing with a hash it cannot read, rather than failing open', async () => {
    const secret = newSecret();
    const { hash, salt } = await hashSecret(secret);
    await expect(
      verifySecret(secret, { hash: hash.replace('scrypt', 'bcrypt'), salt }),
    ).resolves.toBe(false);
    await expect(verifySecret(secret, { hash: hash.slice(0, -4), salt })).resolves.toBe(false);
    await expect(verifySecret(secret, { hash: '', salt })).resolves.toBe(false);
  });

  it('reads the parameters from the stored hash, so they can change for new keys', async () => {
    const secret = newSecret();
    const { hash, salt } = await hashSecret(secret);
    // Same digest, other parameters: a different derivation, so no match.
    await expect(
      verifySecret(secret, { hash: hash.replace(':16384:', ':1024:'), salt }),
    ).resolves.toBe(false);
  });
});

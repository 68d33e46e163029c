import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A server certificate, its key, and the local CA that signed it, PEM-encoded. */
export interface ServeCertificate {
  readonly key: string;
  readonly cert: string;
  /** The CA certificate clients trust (REQUESTS_CA_BUNDLE, NODE_EXTRA_CA_CERTS, SSL_CERT_FILE, …). */
  readonly ca: string;
  /** Where {@link ca} was written. */
  readonly caFile: string;
  /** Removes the folder the CA file is in. */
  dispose(): void;
}

const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 86_400_000;

function serial(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('hex').replace(/^[89a-f]/, '1');
}

/**
 * Generates, for one `leadsim serve --https` run, a throwaway CA and a server certificate it signs for 127.0.0.1,
 * ::1 and localhost, with @peculiar/x509 over Node's WebCrypto (no hand-written ASN.1). Both carry the extensions
 * strict verifiers require (Python 3.13's VERIFY_X509_STRICT, `openssl verify -x509_strict`): basic constraints,
 * key usage, subject and authority key identifiers. The CA is written to a fresh temporary folder; the keys never
 * touch the disk. Valid from an hour ago for 30 days (wall time: TLS is outside the simulation).
 */
export async function generateServeCertificate(): Promise<ServeCertificate> {
  // Loaded only for --https: @peculiar/x509 2.x needs the reflect-metadata polyfill (its tsyringe container) first.
  await import('reflect-metadata');
  const x509 = await import('@peculiar/x509');
  const now = Date.now();
  const notBefore = new Date(now - 3_600_000);
  const notAfter = new Date(now + 30 * DAY);
  const caKeys = await crypto.subtle.generateKey(EC, true, ['sign', 'verify']);
  const caCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: 'CN=leadsim serve local CA, O=leadsim',
    notBefore,
    notAfter,
    signingAlgorithm: EC,
    keys: caKeys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const keys = await crypto.subtle.generateKey(EC, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: 'CN=127.0.0.1, O=leadsim',
    issuer: caCert.subject,
    notBefore,
    notAfter,
    signingAlgorithm: EC,
    publicKey: keys.publicKey,
    signingKey: caKeys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyAgreement, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        { type: 'ip', value: '127.0.0.1' },
        { type: 'ip', value: '::1' },
        { type: 'dns', value: 'localhost' },
      ]),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
    ],
  });
  const pkcs8 = Buffer.from(await crypto.subtle.exportKey('pkcs8', keys.privateKey)).toString('base64');
  const key = `-----BEGIN PRIVATE KEY-----\n${pkcs8.match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`;
  const ca = caCert.toString('pem') + '\n';
  const folder = mkdtempSync(join(tmpdir(), 'leadsim-serve-'));
  const caFile = join(folder, 'ca.pem');
  writeFileSync(caFile, ca, { mode: 0o644 });
  return { key, cert: cert.toString('pem') + '\n', ca, caFile, dispose: () => rmSync(folder, { recursive: true, force: true }) };
}

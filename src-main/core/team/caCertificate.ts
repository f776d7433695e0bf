/** The CA certificate a `verify-full` connection checks the server against (PEM text chosen by the user). */
import { X509Certificate } from 'node:crypto';
import type { CaCertificateInfo } from '../../../shared/contract/team';
import { DomainError } from '../../../shared/errors';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * Every certificate of the file parsed (node:crypto): who the first names and until when it is
 * valid. TEAM_CA_INVALID (at the field) for a file without a certificate or with a broken one.
 */
export function caCertificateInfo(pem: string): CaCertificateInfo {
  const blocks = pem.match(PEM_BLOCK) ?? [];
  try {
    const certificates = blocks.map((block) => new X509Certificate(block));
    const first = certificates[0];
    if (first === undefined) throw new Error('no certificate');
    return {
      subject: first.subject.replace(/\n/g, ', '),
      validTo: new Date(first.validTo).toISOString().slice(0, 10),
    };
  } catch {
    throw new DomainError('TEAM_CA_INVALID', { field: 'caCertificate' });
  }
}

import { FindingCode } from '../codes';
import { htmlToText } from '../parse/error-body';
import { safeExcerpt } from '../redact';
import { callLabel, productName, thrownLabel } from '../observation';
import type { Rule } from './rule';

/** TLS refused before any HTTP: the product never saw the request, so no finding code of the vocabulary fits. */
const TLS_FAILURE = /CERTIFICATE_VERIFY_FAILED|certificate verify failed|self[- ]signed certificate|unable to (?:get|verify) (?:the )?(?:local issuer|first) certificate|UNABLE_TO_VERIFY_LEAF_SIGNATURE|SSLHandshakeException|PKIX path building failed|CERT_HAS_EXPIRED|certificate has expired/i;

/** The honest fallback: nothing matched; show what was seen without guessing. */
export const unknownFailure: Rule = (o) => {
  const status = o.status;
  if (!o.failed) return undefined;
  if (status === undefined && TLS_FAILURE.test(o.messageText)) {
    return {
      code: FindingCode.UNKNOWN,
      severity: 'error',
      title: `The TLS certificate of the site was not trusted: ${callLabel(o)} never reached ${productName(o.product)}`,
      explanation:
        'The connection failed while checking the server certificate, before any HTTP request was sent. Self-hosted sites often use a certificate from an internal authority that the client does not know; an intercepting proxy does the same.',
      remedies: [
        { actor: 'script-owner', action: "Give the client the organisation's CA certificate (Python: REQUESTS_CA_BUNDLE; Node: NODE_EXTRA_CA_CERTS; Java: import it into the truststore). Do not switch verification off.", channel: 'cli' },
        { actor: 'site-admin', action: 'Check the site serves its full certificate chain and that the certificate has not expired.' }
      ],
      evidence: [`${o.thrown?.name ?? 'error'}: certificate verification failed`]
    };
  }
  const raw = o.input.response?.body ?? '';
  const excerpt = safeExcerpt(o.body.kind === 'html' ? htmlToText(typeof raw === 'string' ? raw : '') : typeof raw === 'string' ? raw : '');
  return {
    code: FindingCode.UNKNOWN,
    severity: 'error',
    title: `${callLabel(o)} failed${status !== undefined ? ` with status ${status}` : ''} for a reason Issue Doctor does not recognise`,
    explanation: `${productName(o.product)} ${status !== undefined ? `answered ${status}` : `threw ${o.thrown?.name ?? 'an error'}`}. The details below are all that is known.`,
    remedies: [
      { actor: 'app-developer', action: 'Copy the report below into a support ticket or an issue for Issue Doctor, so the case can be recognised next time.', channel: 'macro' },
      { actor: 'script-owner', action: 'Pass --path, --method and --as for a sharper diagnosis; if it stays unknown, file the redacted output as an issue for Issue Doctor.', channel: 'cli' }
    ],
    evidence: [
      status !== undefined ? `status ${status}` : o.thrown ? safeExcerpt(thrownLabel(o.thrown)) : 'no status',
      ...(excerpt ? [`body: ${excerpt}`] : []),
      ...(o.headers.contentType ? [`content-type: ${o.headers.contentType}`] : [])
    ]
  };
};

import { FindingCode } from '../codes';
import { htmlToText } from '../parse/error-body';
import { safeExcerpt } from '../redact';
import { callLabel, productName } from '../observation';
import type { Rule } from './rule';

/** The honest fallback: nothing matched; show what was seen without guessing. */
export const unknownFailure: Rule = (o) => {
  const status = o.status;
  if (!o.failed) return undefined;
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
      status !== undefined ? `status ${status}` : `${o.thrown?.name}: ${safeExcerpt(o.thrown?.message ?? '')}`,
      ...(excerpt ? [`body: ${excerpt}`] : []),
      ...(o.headers.contentType ? [`content-type: ${o.headers.contentType}`] : [])
    ]
  };
};

import React from 'react';
import { Inline, Lozenge } from '@forge/react';
import type { CheckedResult } from '../macro/render-result';
import { CHECK_APPEARANCE, CHECK_LABEL } from './labels';

export const StatusLine = ({ status }: { status: CheckedResult['status'] }) => (
  <Inline space="space.100" shouldWrap>
    <Lozenge appearance={CHECK_APPEARANCE[status.jira]}>Jira as you: {CHECK_LABEL[status.jira]}</Lozenge>
    <Lozenge appearance={CHECK_APPEARANCE[status.confluence]}>Confluence as you: {CHECK_LABEL[status.confluence]}</Lozenge>
    <Lozenge appearance={CHECK_APPEARANCE[status.scopes]}>Scopes: {CHECK_LABEL[status.scopes]}</Lozenge>
  </Inline>
);

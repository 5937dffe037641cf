import React from 'react';
import { Inline, Link, Lozenge, Stack, Strong, Text } from '@forge/react';
import type { IssueCard } from '../macro/render-result';
import { formatDate, STATUS_APPEARANCE } from './labels';

export const IssueCardView = ({ issue }: { issue: IssueCard }) => (
  <Stack space="space.100">
    <Inline space="space.100" alignBlock="center" shouldWrap>
      <Link href={issue.url} openNewTab>
        {issue.key}
      </Link>
      <Strong>{issue.summary}</Strong>
    </Inline>
    <Inline space="space.150" alignBlock="center" shouldWrap>
      <Lozenge appearance={STATUS_APPEARANCE[issue.status.category]}>{issue.status.name}</Lozenge>
      <Text>Type: {issue.issueType}</Text>
      <Text>Priority: {issue.priority ?? 'None'}</Text>
      <Text>Assignee: {issue.assignee?.displayName ?? 'Unassigned'}</Text>
      <Text>Updated: {formatDate(issue.updated)}</Text>
    </Inline>
  </Stack>
);

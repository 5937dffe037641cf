import React from 'react';
import { Button, Inline, List, ListItem, SectionMessage, Stack, Strong, Text } from '@forge/react';
import type { Finding } from '../diagnosis/types';
import { ACTOR_LABEL, CONSENT_CODES } from './labels';

const APPEARANCE = { error: 'error', warning: 'warning', info: 'information' } as const;

export const FindingMessage = ({ finding, onAllowAccess }: { finding: Finding; onAllowAccess: () => void }) => (
  <SectionMessage appearance={APPEARANCE[finding.severity]} title={finding.title}>
    <Stack space="space.100">
      <Text>{finding.explanation}</Text>
      <List type="ordered">
        {finding.remedies.map((remedy, i) => (
          <ListItem key={`${finding.code}-${i}`}>
            <Strong>{ACTOR_LABEL[remedy.actor]}:</Strong> {remedy.action}
          </ListItem>
        ))}
      </List>
      {CONSENT_CODES.has(finding.code) ? (
        <Inline>
          <Button appearance="primary" onClick={onAllowAccess}>
            Allow access
          </Button>
        </Inline>
      ) : null}
      <Text size="small">Code: {finding.code}</Text>
    </Stack>
  </SectionMessage>
);

import React from 'react';
import { Button, Inline, LoadingButton, SectionMessage, Stack } from '@forge/react';
import { readerSentences, type ReaderMessage } from './reader-message';
import { RichText } from './RichText';

export interface NoticeActions {
  checking: boolean;
  onCheckAgain: () => void;
  onRenewAccess?: () => void;
  /** Present when there are details for admins and developers to open. */
  details?: { open: boolean; onToggle: () => void };
}

/** What a page reader sees when the issue cannot be shown: one short message and its few actions. */
export const ReaderNotice = ({ message, actions }: { message: ReaderMessage; actions: NoticeActions }) => (
  <SectionMessage appearance={message.appearance} title={message.title}>
    <Stack space="space.100">
      <RichText text={readerSentences(message).join(' ')} />
      <Inline space="space.100" alignBlock="center" shouldWrap>
        {message.renewAccess && actions.onRenewAccess ? (
          <Button appearance="primary" onClick={actions.onRenewAccess}>
            Renew access
          </Button>
        ) : null}
        {/* A loading button keeps its place, its width and the keyboard focus while the check runs. */}
        <LoadingButton isLoading={actions.checking} onClick={actions.onCheckAgain}>
          Check again
        </LoadingButton>
        {actions.details ? (
          <Button appearance="subtle" onClick={actions.details.onToggle}>
            {actions.details.open ? 'Hide details' : 'Show details'}
          </Button>
        ) : null}
      </Inline>
    </Stack>
  </SectionMessage>
);

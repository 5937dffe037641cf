import React from 'react';
import { Code, Link, Text } from '@forge/react';
import { segments } from './rich-text';

/** Text whose commands show as inline code and whose links are links, never literal backticks. */
export const RichText = ({ text, size }: { text: string; size?: 'small' | 'medium' }) => (
  <Text size={size}>
    {segments(text).map((s, i) =>
      s.kind === 'code' ? (
        <Code key={i}>{s.text}</Code>
      ) : s.kind === 'link' ? (
        <Link key={i} href={s.text} openNewTab>
          {s.text}
        </Link>
      ) : (
        <React.Fragment key={i}>{s.text}</React.Fragment>
      )
    )}
  </Text>
);

import type { ReaderMessage } from './reader-message';

/**
 * A failed invoke (the resolver itself did not answer) explained without the diagnosis engine, so the
 * reader's bundle stays small. Only the error's name and message cross the bridge.
 */
export function invokeFailureMessage(error: { name: string; message: string }): ReaderMessage {
  const text = `${error.name} ${error.message}`.toLowerCase();
  if (/timed? ?out|timeout/.test(text)) {
    return {
      title: 'Confluence did not answer in time',
      what: 'The app ran out of time before Jira answered. This is not a permission problem.',
      youCan: 'Check again in a moment.',
      ask: 'site-admin',
      retry: true,
      appearance: 'warning'
    };
  }
  if (/rate|too many|429/.test(text)) {
    return { title: 'Confluence is busy right now', what: 'Too many requests reached the app at once.', youCan: 'Check again in a minute.', retry: true, appearance: 'warning' };
  }
  return {
    title: 'This app could not load the issue',
    what: 'Confluence could not run the app for this macro.',
    youCan: 'Check again in a moment.',
    ask: 'site-admin',
    retry: true,
    appearance: 'error'
  };
}

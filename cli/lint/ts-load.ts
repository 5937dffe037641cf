import type * as TS from 'typescript';

let loaded: typeof TS | undefined;

/** TypeScript is large: only `issue-doctor lint` loads it, and only once. */
export function typescript(): typeof TS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('typescript') as typeof TS;
  return loaded;
}

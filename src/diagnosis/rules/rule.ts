import type { Observation } from '../observation';
import type { Finding } from '../types';

/** A rule reads an observation and returns its finding, or undefined when it does not apply. */
export type Rule = (o: Observation) => Finding | undefined;

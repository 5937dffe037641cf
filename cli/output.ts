import { redact } from '../src/diagnosis/redact';

/**
 * Every string the CLI writes goes through this module: control characters stripped (so a response
 * cannot drive the terminal), then the engine's one redaction. Stripping comes first so that a control
 * character placed inside a secret ("acc\x00ess_token=…") cannot hide it from redaction.
 */

// Whole escape sequences go first, so their printable tails ("]52;c;…", "[2J") are not left behind:
// CSI (ESC [ or 0x9B … final byte), OSC/DCS/SOS/PM/APC strings (… up to BEL or ST, or the end of the line),
// then any other two-byte ESC sequence. Each alternative is a single pass over a character class: linear time.
const ESCAPE_SEQUENCES = /(?:\u001b\[|\u009b)[\u0020-\u003f]*[\u0040-\u007e]?|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[^\u0007\u001b\u009c\n]*(?:\u0007|\u001b\\|\u009c)?|\u001b[\u0020-\u007e]?/g;
// C0 except tab and newline, DEL, C1; and the bidirectional overrides that reorder what a reader sees.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Removes terminal escape sequences and control characters; keeps tab and newline. */
export function stripControls(text: string): string {
  return text.replace(ESCAPE_SEQUENCES, '').replace(CONTROL, '');
}

/**
 * What a terminal, a log or a ticket may show of any string the CLI produces. Redacted line by line: the
 * CLI's lines are independent (a finding's evidence, then "Read more"), and a pattern reaching across a
 * line break would take the next line's first word for a credential ("auth: connect-jwt" / "Read more").
 */
export function safeText(text: string): string {
  return stripControls(text).split('\n').map(redact).join('\n');
}

/** Every string (keys included) of a JSON-able value made safe, for `--json` output. */
export function safeValue(value: unknown): unknown {
  if (typeof value === 'string') return safeText(value);
  if (Array.isArray(value)) return value.map(safeValue);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [safeText(key), safeValue(item)]));
  }
  return value;
}

/** JSON text with every string made safe; U+2028/2029 escaped as well, for consumers that split lines on them. */
export function safeJson(value: unknown): string {
  return JSON.stringify(safeValue(value), null, 2).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`) + '\n';
}

const MAX_MESSAGE_CHARS = 400;

/** One line for stderr: safe, on a single line, and short however long the value it quotes. */
export function safeMessageLine(message: string): string {
  // Only the start can be shown; cutting before redaction keeps the work small, and a secret cut at this
  // boundary lies past what is shown anyway.
  const oneLine = safeText(message.slice(0, MAX_MESSAGE_CHARS * 4).replace(/\r\n|\r|\n/g, ' ')).replace(/\t/g, ' ');
  return oneLine.length > MAX_MESSAGE_CHARS ? `${oneLine.slice(0, MAX_MESSAGE_CHARS - 1)}…` : oneLine;
}

/** Where the CLI writes: stdout for results, stderr for messages. Both sinks receive only safe text. */
export interface Output {
  /** A result for people: stripped and redacted. */
  text(text: string): void;
  /** A result for machines. */
  json(value: unknown): void;
  /** One line on stderr, prefixed with the program's name. */
  message(message: string): void;
}

export function createOutput(writeStdout: (text: string) => void, writeStderr: (text: string) => void): Output {
  return {
    text: (text) => writeStdout(safeText(text)),
    json: (value) => writeStdout(safeJson(value)),
    message: (message) => writeStderr(`issue-doctor: ${safeMessageLine(message)}\n`)
  };
}

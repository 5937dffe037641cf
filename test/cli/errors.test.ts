import { CliError, EXIT, toFailure } from '../../cli/errors';

/** A real stack overflow, as deep input causes it in a recursive parser or JSON.stringify. */
function overflow(): RangeError {
  const deep = (n: number): number => deep(n + 1) + 1;
  try {
    deep(0);
  } catch (error) {
    return error as RangeError;
  }
  throw new Error('no overflow');
}

describe('the one mapping from errors to what the user sees', () => {
  test('CliError: its message and exit code', () => {
    expect(toFailure(new CliError('bad'))).toEqual({ message: 'bad', exitCode: EXIT.badInput });
    expect(toFailure(new CliError('worse', 3))).toEqual({ message: 'worse', exitCode: 3 });
  });
  test('a stack overflow from deep input is bad input, not an internal error', () => {
    expect(toFailure(overflow())).toEqual({ message: 'The input is nested too deeply to read. Paste the response itself.', exitCode: EXIT.badInput });
  });
  test('a string too long to build is bad input', () => {
    let error: unknown;
    try {
      'x'.repeat(2 ** 30).repeat(2 ** 10);
    } catch (caught) {
      error = caught;
    }
    expect(toFailure(error)).toEqual({ message: 'The input is too large to read. Paste only the response.', exitCode: EXIT.badInput });
  });
  test('a closed pipe: no message, exit 0', () => {
    expect(toFailure(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))).toEqual({ exitCode: EXIT.ok });
  });
  test('anything else: one line naming an internal error, exit 1', () => {
    const failure = toFailure(new TypeError('x is not a function'));
    expect(failure).toEqual({ message: 'internal error: x is not a function (please report it with the input that caused it)', exitCode: EXIT.internal });
    expect(toFailure('a thrown string').message).toBe('internal error: a thrown string (please report it with the input that caused it)');
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { intItem, intOption, listOption, parseOptions } from '../../src/cli/options.ts';
import { OptionError } from '../../src/cli/optionError.ts';

const Options = z.strictObject({ runs: intOption(0, 100).optional(), sizes: listOption(intItem(1, 1_000_000)).optional() });

function refusal(raw: Record<string, unknown>): string {
  try {
    parseOptions(Options, raw, 'check');
  } catch (error) {
    if (error instanceof OptionError) return error.message;
    throw error;
  }
  return 'accepted';
}

describe('numeric options take decimal integers as typed, nothing JavaScript would also read as a number', () => {
  it('accepts digits (with a sign or spaces around) and numbers given by code', () => {
    expect(parseOptions(Options, { runs: '42', sizes: '1000, 10000' }, 'check')).toEqual({ runs: 42, sizes: [1000, 10000] });
    expect(parseOptions(Options, { runs: ' +7 ' }, 'check')).toEqual({ runs: 7 });
    expect(parseOptions(Options, { runs: 5 }, 'check')).toEqual({ runs: 5 });
  });

  it.each(['', ' ', '1e2', '0x10', '1.5', '12abc', 'Infinity', '-1', '101'])('refuses --runs %j with the flag, the text and what is expected', (typed) => {
    expect(refusal({ runs: typed })).toContain(`--runs ${JSON.stringify(typed)}: is not valid; expected an integer from 0 to 100`);
  });

  it('names the bad items of a list, an empty item too, and counts the flag once', () => {
    const message = refusal({ sizes: '1000,,abc' });
    expect(message).toContain('--sizes "1000,,abc": has an empty item; expected a comma-separated list, each an integer from 1 to 1000000');
    expect(message).toContain('--sizes "1000,,abc": has "abc", which is not valid; expected a comma-separated list, each an integer from 1 to 1000000');
    expect(message).toContain('1 bad option.');
    expect(refusal({ sizes: '1000,0x10' })).toContain('has "0x10"');
  });

  it.each(['', ',', '1000,', ',1000', '1000, ,2000'])('refuses the list %j, whose empty item would otherwise vanish', (typed) => {
    const message = refusal({ sizes: typed });
    expect(message).toContain(`--sizes ${JSON.stringify(typed)}: has an empty item`);
    expect(message.match(/has an empty item/g)).toHaveLength(1);
  });
});

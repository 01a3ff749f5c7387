import { LARGE_BODY_BYTES, parseJsonBody } from './json';

/** Records with everything that could fool a scanner inside their strings. */
function listBody(records: number, pretty = false): string {
  const data = Array.from({ length: records }, (_, i) => ({
    id: String(7001000000000000000n + BigInt(i)),
    computerName: `HOST-${i}, "quoted" [x] {y}`,
    path: `C:\\Users\\ädmin\\${i}\\`,
    note: i % 7 === 0 ? '\\"},{"id":"fake"' : `ünïcödé ✓ ${i}`,
    networkInterfaces: [{ inet: ['10.0.0.1'], physical: 'aa:bb' }],
    tags: { sentinelone: [] },
    empty: [],
    nothing: null,
  }));
  const body = {
    pagination: { nextCursor: 'YWdlbnRfaWQ6MTIz', totalItems: records },
    data,
    trailing: { data: [1, 2] },
  };
  return pretty ? JSON.stringify(body, null, 2) : JSON.stringify(body);
}

function outcome(parse: () => unknown): unknown {
  try {
    return { value: parse() };
  } catch (err) {
    return { error: (err as Error).constructor.name };
  }
}

/** Same value, or both a SyntaxError. */
function expectSameAsJsonParse(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  expect(outcome(() => parseJsonBody(bytes))).toEqual(
    outcome(() => JSON.parse(text)),
  );
}

describe('parseJsonBody', () => {
  test('a large list page parses to exactly what JSON.parse gives', () => {
    for (const pretty of [false, true]) {
      const text = listBody(1200, pretty);
      expect(text.length).toBeGreaterThan(LARGE_BODY_BYTES);
      const parsed = parseJsonBody(Buffer.from(text)) as {
        data: unknown[];
      };
      expect(parsed).toEqual(JSON.parse(text));
      expect(parsed.data).toHaveLength(1200);
    }
  });

  test('small bodies, large bodies without a data list, and empty lists', () => {
    expectSameAsJsonParse('{"data":[{"id":"1"}],"pagination":{}}');
    expectSameAsJsonParse(
      JSON.stringify({ items: listBody(600), data: { nested: [1] } }),
    );
    expectSameAsJsonParse(
      `{"data": [ ], "padding": "${'x'.repeat(LARGE_BODY_BYTES)}"}`,
    );
    expectSameAsJsonParse(
      `{"data": [1, 2], "padding": "${'x'.repeat(LARGE_BODY_BYTES)}"}`,
    );
  });

  test('two data keys: the last one wins, as with JSON.parse', () => {
    const big = listBody(600);
    expectSameAsJsonParse(`${big.slice(0, -1)},"data":[{"id":"last"}]}`);
  });

  test.each([
    ['truncated', (t: string) => t.slice(0, t.length / 2)],
    ['a missing comma', (t: string) => t.replace('null},{', 'null}{')],
    ['a leading comma', (t: string) => t.replace('"data":[', '"data":[,')],
    ['a trailing comma', (t: string) => t.replace('}],"trailing"', '},],"x"')],
    [
      'a brace for the closing bracket',
      (t: string) => t.replace('}],"', '}},"'),
    ],
    ['an unterminated string', (t: string) => `${t.slice(0, -2)}"`],
    ['garbage after the body', (t: string) => `${t} x`],
    ['an HTML page', () => `<html>${'<p>login</p>'.repeat(20000)}</html>`],
  ])('rejects %s like JSON.parse does', (_name, corrupt) => {
    const text = corrupt(listBody(1000));
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    expect(() => parseJsonBody(Buffer.from(text))).toThrow(SyntaxError);
  });

  test('agrees with JSON.parse on 300 random corruptions of a list page', () => {
    const text = listBody(600);
    expect(text.length).toBeGreaterThan(LARGE_BODY_BYTES);
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const structural = ['[', ']', '{', '}', ',', '"', ':', '\\', ' ', '1'];
    for (let i = 0; i < 300; i++) {
      const at = random(text.length);
      const mutated =
        random(2) === 0
          ? text.slice(0, at) + text.slice(at + 1)
          : text.slice(0, at) +
            structural[random(structural.length)] +
            text.slice(at);
      expectSameAsJsonParse(mutated);
    }
  });
});

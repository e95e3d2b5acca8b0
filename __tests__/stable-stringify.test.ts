/**
 * stacks/stable-stringify.ts, which the synth's bundle runs in place of json-stable-stringify:
 * the same text as the package cdktf installs, on every kind of value cdktf can hand it.
 */
import { createRequire } from "node:module";
import stableStringify = require("../stacks/stable-stringify");

// The package as cdktf resolves it (cdktf may have its own copy).
const packaged = createRequire(require.resolve("cdktf"))("json-stable-stringify") as (value: unknown, options?: object) => string;

const values: Record<string, unknown> = {
  empties: { a: {}, b: [], c: [{}, []], d: { e: { f: {} } } },
  undefineds: { u: undefined, list: [undefined, 1, undefined], nested: { v: undefined } },
  primitives: { s: "text", n: 1.5, z: -0, big: 1e21, nan: NaN, inf: -Infinity, t: true, f: false, nil: null },
  keys: { b: 1, a: 2, "10": 3, "2": 4, 'a"b': 5, é: 6, "": 7, B: 8, _: 9 },
  strings: {
    quote: 'say "hi"',
    newline: "a\nb",
    unicode: "caf\u00e9 \u2014 \ud83d\ude00",
    control: "\u0001\u001f",
    tokenish: "${aws_x.y.arn}",
  },
  toJSON: { date: new Date(0), custom: { toJSON: () => ({ z: 1, a: [2] }) } },
  functions: { f: () => 1, list: [() => 1, 2] },
  topLevelArray: [3, { b: 1, a: [] }, "x"],
  // eslint-disable-next-line no-sparse-arrays
  oddShapes: { holes: [1, , 3], bare: Object.assign(Object.create(null), { b: 1, a: 2 }), boxed: [new String("s"), new Number(1)] },
  toJSONUndefined: { a: { toJSON: () => undefined }, b: [{ toJSON: () => undefined }] },
  topLevelString: "alone",
  terraformLike: {
    terraform: { backend: { s3: { bucket: "b", key: "k" } } },
    resource: { aws_s3_bucket: { B: { bucket: "x", "//": { metadata: { path: "s/B" } } } } },
    provider: { aws: [{ region: "eu-central-1", default_tags: [{ tags: { A: "1" } }] }], random: [{}] },
  },
};

const shared = { k: 1 };
values.sharedTwice = { a: shared, b: [shared] };

describe("stable-stringify, against json-stable-stringify", () => {
  it.each(Object.entries(values))("writes %s to the byte, with every kind of indent", (_name, value) => {
    for (const options of [{ space: 2 }, { space: "\t" }, undefined, { space: 0 }, { space: 2.5 }, { space: -1 }]) {
      expect(stableStringify(value, options)).toBe(packaged(value, options));
    }
  });

  it("writes nothing for undefined, as the package", () => {
    expect(stableStringify(undefined, { space: 2 })).toBe(packaged(undefined, { space: 2 }));
    expect(stableStringify(undefined)).toBeUndefined();
  });

  it("throws the package's error on a cycle", () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = { back: cyclic };
    expect(() => packaged(cyclic, { space: 2 })).toThrow("Converting circular structure to JSON");
    expect(() => stableStringify(cyclic, { space: 2 })).toThrow("Converting circular structure to JSON");
  });

  it("refuses the package's other options rather than ignore them", () => {
    expect(() => stableStringify({ a: 1 }, { space: 2, cycles: true } as object)).toThrow(/unsupported option\(s\) cycles/);
    expect(() => stableStringify({ a: 1 }, (() => 0) as object)).toThrow(/comparator/);
  });
});

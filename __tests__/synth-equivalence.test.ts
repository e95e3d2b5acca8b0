/**
 * The synth's speed-ups (one bundle with the packages, V8's code cache, the cdktf patches of
 * stacks/cdktf-speedups.ts, archiver deferred) must not change a byte of what it writes.
 * Every config (the default and each example, `--all`) goes through the real entry point
 * twice: as `npm run synth` runs it, and with SYNTH_UNOPTIMIZED=1, which bundles the
 * project's code alone afresh and leaves cdktf as installed. Every written file (each stack's
 * cdk.tf.json, reports and evidence, the manifest, scanner configs, the report page) must be
 * identical, and each stack's JSON equal as parsed, so that a difference names the stack.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { filesBelow, runInFreshProcess } from "./helpers";

const root = resolve(__dirname, "..");
const examples = readdirSync(join(root, "examples")).filter((f) => f.endsWith(".json"));
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "equiv-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function synthAll(outdir: string, unoptimized: boolean): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, CDKTF_OUTDIR: outdir, SYNTH_HCL_OUTPUT: "false" };
  delete env.INFRA_CONFIG;
  if (unoptimized) env.SYNTH_UNOPTIMIZED = "1";
  else delete env.SYNTH_UNOPTIMIZED;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["scripts/synth.js", "--all"], { cwd: root, env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", fail);
    child.on("close", (code) => (code === 0 ? done() : fail(new Error(`synth --all exited ${code}:\n${stderr}`))));
  });
}

describe("optimized synth writes what the unoptimized one writes", () => {
  let fast: Record<string, string>;
  let slow: Record<string, string>;
  beforeAll(async () => {
    await Promise.all([synthAll(join(work, "slow"), true), synthAll(join(work, "fast"), false)]);
    // Report paths name the folder they were written to: both read <out>.
    fast = filesBelow(join(work, "fast"), join(work, "fast"));
    slow = filesBelow(join(work, "slow"), join(work, "slow"));
  }, 120_000);

  it("writes the same files, the default config's and every example's stacks among them", () => {
    expect(Object.keys(fast).sort()).toEqual(Object.keys(slow).sort());
    const stacks = Object.keys(slow).filter((f) => f.endsWith("cdk.tf.json"));
    expect(stacks).toHaveLength(6 * (1 + examples.length));
  });

  it("writes every stack's Terraform JSON identically", () => {
    for (const f of Object.keys(slow).filter((x) => x.endsWith("cdk.tf.json"))) {
      expect({ [f]: JSON.parse(fast[f]) }).toEqual({ [f]: JSON.parse(slow[f]) });
    }
  });

  it("writes every other file byte for byte", () => {
    for (const f of Object.keys(slow)) expect({ [f]: fast[f] }).toEqual({ [f]: slow[f] });
  });

  it("ran a bundle without comments that is ASCII, which V8 holds at one byte per character", () => {
    const cache = join(root, ".synth-cache");
    const bundles = readdirSync(cache).filter((f) => /^main-[0-9a-f]+\.js$/.test(f));
    const newest = bundles.map((f) => join(cache, f)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
    const bytes = readFileSync(newest);
    expect(bytes.length).toBeGreaterThan(1_000_000);
    expect(bytes.findIndex((b) => b > 0x7f)).toBe(-1);
    // esbuild keeps a comment's text as written (a package's em dash made the bundle two-byte text).
    expect(bytes.includes("/**")).toBe(false);
  });
});

describe("a stack that referenced another stack's resource", () => {
  it("fails the synth by name (the synth skips cdktf's cross-stack preparation)", () => {
    const { rejectForeignReferences } = require("../stacks/synthesize") as typeof import("../stacks/synthesize");
    const doc = {
      resource: {
        aws_s3_bucket: { b: { bucket: "x" } },
        aws_s3_bucket_policy: { p: { bucket: "${aws_s3_bucket.b.id}", policy: "${aws_kms_key.elsewhere.arn}" } },
      },
      data: { aws_region: { current: {} } },
      output: { region: { value: "${data.aws_region.current.name}" } },
    };
    expect(() => rejectForeignReferences("demo-dev-app", doc)).toThrow(
      /^demo-dev-app references aws_kms_key\.elsewhere, which is not in the stack: stacks must not reference each other/,
    );
    const own = { ...doc, resource: { ...doc.resource, aws_kms_key: { elsewhere: {} } } };
    expect(() => rejectForeignReferences("demo-dev-app", own)).not.toThrow();
    // Outputs, locals and provider blocks are read too; variables and locals are not resources.
    const inOutput = { ...own, output: { key: { value: "${data.aws_caller_identity.other.arn}" } } };
    expect(() => rejectForeignReferences("demo-dev-app", inOutput)).toThrow(/references data\.aws_caller_identity\.other,/);
    const inLocals = { ...own, locals: { id: "${random_id.suffix.hex}", v: "${var.x}", l: "${local.y}" } };
    expect(() => rejectForeignReferences("demo-dev-app", inLocals)).toThrow(/references random_id\.suffix,/);
    const inProvider = { ...own, provider: { aws: [{ region: "${aws_ssm_parameter.region.value}" }] } };
    expect(() => rejectForeignReferences("demo-dev-app", inProvider)).toThrow(/references aws_ssm_parameter\.region,/);
    const notResources = { ...own, locals: { v: "${var.x}", l: "${local.y}" } };
    expect(() => rejectForeignReferences("demo-dev-app", notResources)).not.toThrow();
  });
});

describe("a stack override that holds a token", () => {
  const { App, Lazy, TerraformStack, Token } = require("cdktf") as typeof import("cdktf");
  const produce = <T>(value: T) => ({ produce: () => value });
  it.each([
    ["a string", () => Lazy.stringValue(produce("resolved")), "resolved"],
    ["a number", () => Lazy.numberValue(produce(7)), 7],
    ["a list", () => Lazy.listValue(produce(["a", "b"])), ["a", "b"]],
    ["a map", () => Token.asStringMap(Lazy.anyValue(produce({ k: "v" }))), { k: "v" }],
    ["a value in a list", () => ["x", Lazy.stringValue(produce("y"))], ["x", "y"]],
    ["a map's key", () => ({ [Lazy.stringValue(produce("key"))]: "v" }), { key: "v" }],
  ])("is resolved as without the speed-ups: %s (the stack's final resolve still runs)", (_kind, token, resolved) => {
    const stack = new TerraformStack(new App(), "s");
    stack.addOverride("locals.value", token());
    expect(TerraformStack.prototype.toTerraform.name).toBe("toTerraformResolvingOnce");
    expect((stack.toTerraform() as { locals: unknown }).locals).toEqual({ value: resolved });
  });
});

describe("cdktf's resolver, and the speed-ups' own walk over plain values and references", () => {
  // Each case resolved in a fresh process, by cdktf as installed and then with the speed-ups applied
  // (the cases made afresh): values, key order, errors with their paths.
  const script = `
    const { App, DefaultTokenResolver, Fn, Lazy, StringConcat, TerraformLocal, TerraformStack, TerraformVariable, Token, Tokenization } =
      require("cdktf");
    function resolveEach() {
      const app = new App();
      const stack = new TerraformStack(app, "s");
      const otherStacks = new TerraformVariable(new TerraformStack(app, "o"), "ov", {}).stringValue;
      const v = new TerraformVariable(stack, "v", {}).stringValue;
      const local = new TerraformLocal(stack, "l", "x").asString;
      // References alone, in text, beside escapes ("\${" and "}" cdktf reads as escapes), number-like text, impostors.
      const references = {
        alone: v, inText: "arn:" + v + "/" + local, twice: v + v, list: [v, "x"],
        escaped: "\${var.y}-" + v, braces: "{" + v + "}", wrapped: "\${" + v + "}", openOnly: "\${" + v + " x",
        numberish: "1e5-" + v, notAReference: "a-" + Token.asString({ identifier: "id", resolve: () => "resolved" }),
        policy: JSON.stringify({ a: v }), inFunction: Fn.join("-", ["x", v]),
      };
      const any = (v) => Lazy.anyValue({ produce: () => v });
      const str = (v) => Lazy.stringValue({ produce: () => v });
      const num = (v) => Lazy.numberValue({ produce: () => v });
      const deep = (n) => (n === 0 ? "bottom" : { d: deep(n - 1) });
      class Instance { constructor() { this.a = 1; this.skipped = undefined; this.ref = str("r"); } }
      const bare = Object.assign(Object.create(null), { b: 2, c: [str("x")] });
      const cases = {
        plain: { s: "text", n: 1.5, t: true, z: null, u: undefined, list: [1, undefined, "a", [], {}], nested: { o: { p: "q" } } },
        lookalikes: { dollar: "\${var.x}", numberish: "1e5-abc", encoded: "-1.8881545897087626e+289", marker: "{TfToken[x]}" },
        tokenInString: { v: "arn:" + str("part") + "/x", both: "\${aws_x.y} and " + str("t") },
        numbers: { n: num(7), inString: "n=" + Token.asString(num(8)), list: Token.asNumberList(any([1, 2])) },
        lists: { alone: Lazy.listValue({ produce: () => ["a", "b"] }), mixed: ["x", str("y"), undefined], nested: [[str("z")]] },
        maps: { m: Token.asStringMap(any({ k: "v" })), key: { [str("key")]: "v" } },
        numberKey: { k: { [Token.asString(num(5))]: "v" } },
        listTokenAmongOthers: { l: ["x", ...Lazy.listValue({ produce: () => ["a"] })] },
        resolvables: {
          lazy: any({ inner: str("i"), list: [str("j")] }),
          fn: Fn.join(",", ["a", str("b")]),
          lookup: Fn.lookup(any({ a: 1 }), "a", 0),
        },
        instances: { instance: new Instance(), bare, date: new Date(0) },
        mapValueString: { v: Token.STRING_MAP_TOKEN_VALUE },
        mapValueNumber: { v: Token.NUMBER_MAP_TOKEN_VALUE },
        fn: { a: [{ f: () => 1 }] },
        construct: { c: stack },
        constructLike: { tags: { _children: "a", _metadata: "b" } },
        tooDeep: deep(205),
        references,
        // Preparing, a reference to another stack's output becomes remote state and is remembered.
        preparing: { ...references, otherStacks },
        afterPreparing: { otherStacks },
        suppressed: references,
        ignoringEscapes: references,
        // Only references the speed-ups write themselves (any other would fail first, in cdktf).
        outsideAnyStack: { alone: v, inText: references.inText },
      };
      // Cases resolved other than from a stack's scope: as cdktf's own resolvers call the private
      // resolve from inside a Fn call (references lose their braces; escapes read as text), and
      // from a scope outside any stack.
      const inContext = (previousContext) => ({ previousContext, prefix: ["fn"] });
      const optionsOf = {
        preparing: { preparing: true },
        suppressed: inContext({ suppressBraces: true }),
        ignoringEscapes: inContext({ ignoreEscapes: true }),
        outsideAnyStack: { scope: app },
      };
      // Read when called: the speed-ups replace this export.
      const { resolve: privateResolve } = require("cdktf/lib/tokens/private/resolve");
      const out = {};
      for (const [name, value] of Object.entries(cases)) {
        try {
          const resolver = new DefaultTokenResolver(new StringConcat());
          const options = { scope: stack, resolver, preparing: false, ...optionsOf[name] };
          const resolve = optionsOf[name]?.previousContext ? privateResolve : Tokenization.resolve;
          // As text: the comparison sees key order too.
          out[name] = { json: JSON.stringify(resolve(value, options)) };
        } catch (e) {
          // Without the speed-ups cdktf also quotes where the token was made; with them it cannot (by design).
          out[name] = { error: e.message.replace(/\\nObject creation stack:[\\s\\S]*$/, "") };
        }
      }
      return out;
    }
    const slow = resolveEach();
    require("./stacks/cdktf-speedups").applyCdktfSpeedups();
    console.log(JSON.stringify({ slow, fast: resolveEach() }));`;
  type Resolved = Record<string, { json?: string; error?: string }>;
  const resolveBoth = () => {
    const env: NodeJS.ProcessEnv = { ...process.env, SYNTH_UNOPTIMIZED: "0" };
    const out = runInFreshProcess(script, env);
    // Token keys count up across both passes; an error message that quotes one names another number.
    return JSON.parse(out.replace(/TOKEN\.\d+/g, "TOKEN.n")) as { slow: Resolved; fast: Resolved };
  };

  it("agree on every case, including each error and the path it names", () => {
    const { fast, slow } = resolveBoth();
    expect(Object.keys(fast)).toHaveLength(22);
    for (const name of Object.keys(slow)) expect({ [name]: fast[name] }).toEqual({ [name]: slow[name] });
    const value = (name: string) => JSON.parse(slow[name].json ?? "null");
    // The cases reach every branch: plain copies, tokens resolved, errors raised.
    expect(value("plain")).toEqual({ s: "text", n: 1.5, t: true, z: null, list: [1, "a", [], {}], nested: { o: { p: "q" } } });
    expect(value("tokenInString")).toEqual({ v: "arn:part/x", both: "${aws_x.y} and t" });
    expect(value("maps")).toMatchObject({ m: { k: "v" }, key: { key: "v" } });
    expect(value("instances")).toMatchObject({ instance: { a: 1, ref: "r" }, bare: { b: 2, c: ["x"] } });
    for (const failing of [
      "numberKey",
      "listTokenAmongOthers",
      "mapValueString",
      "mapValueNumber",
      "fn",
      "construct",
      "constructLike",
      "tooDeep",
      "outsideAnyStack",
    ])
      expect(slow[failing].error).toBeDefined();
    expect(slow.fn.error).toContain("/a/0/f");
    expect(value("suppressed")).toMatchObject({ alone: "var.v" });
    expect(value("afterPreparing")).toEqual({ otherStacks: expect.stringMatching(/^\$\{data\.terraform_remote_state/) });
    expect(value("references")).toMatchObject({
      alone: "${var.v}",
      inText: "arn:${var.v}/${local.l}",
      wrapped: "${var.v}",
      list: ["${var.v}", "x"],
    });
  });
});

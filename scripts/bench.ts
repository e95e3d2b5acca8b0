/**
 * `npm run bench`: wall time and peak RSS of synthesizing the default app, our way
 * (deep provider imports, esbuild bundle without type-checking: `npm run synth`) against the stock
 * template's way (the same code with barrel imports, run by ts-node with type-checking).
 * One run each; prints the ratio. A benchmark, never a test.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "..");
const usageScript = join(root, "scripts", "report-usage.js");
const config = resolve(root, process.env.INFRA_CONFIG ?? "app.config.json");

interface Measurement {
  readonly seconds: number;
  readonly peakRssMiB: number;
}

function measure(label: string, args: string[], cwd: string): Measurement {
  const work = mkdtempSync(join(tmpdir(), "bench-"));
  const usageFile = join(work, "usage");
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ["--require", usageScript, ...args], {
    cwd,
    env: { ...process.env, INFRA_CONFIG: config, CDKTF_OUTDIR: join(work, "out"), BENCH_USAGE_FILE: usageFile },
    encoding: "utf8",
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) {
    rmSync(work, { recursive: true, force: true });
    throw new Error(`${label} failed (exit ${run.status}):\n${run.stderr}`);
  }
  const peakRssMiB = Number(readFileSync(usageFile, "utf8")) / 1024;
  rmSync(work, { recursive: true, force: true });
  return { seconds, peakRssMiB };
}

/** A copy of the app whose provider imports go through the package barrel, as the stock template's do. */
function stockCopy(): string {
  const dir = join(root, ".bench-stock");
  rmSync(dir, { recursive: true, force: true });
  for (const part of ["main.ts", "config", "constructs", "stacks", "guardrails", "tsconfig.json"]) {
    cpSync(join(root, part), join(dir, part), { recursive: true });
  }
  const deepImport = /import \{([^}]+)\} from "@cdktf\/provider-(aws|random)\/lib\/([a-z0-9-]+)";/g;
  for (const file of listTs(dir)) {
    const source = readFileSync(file, "utf8");
    const rewritten = source.replace(deepImport, (_m, names: string, provider: string, mod: string) => {
      const ns = mod.replace(/-([a-z0-9])/g, (_x, c: string) => c.toUpperCase());
      const aliases = names.split(",").map((n) => n.trim()).filter(Boolean).map((n) => n.replace(/^type /, ""));
      return [`import { ${ns} } from "@cdktf/provider-${provider}";`, ...aliases.map((n) => `import ${n} = ${ns}.${n};`)].join("\n");
    });
    writeFileSync(file, rewritten.replace(/\bimport type \{/g, "import {"));
  }
  return dir;
}

function listTs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listTs(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const ours = measure("ours", [join(root, "scripts", "synth.js")], root);
const stockDir = stockCopy();
let stock: Measurement;
try {
  stock = measure("stock", ["--require", "ts-node/register", "main.ts"], stockDir);
} finally {
  rmSync(stockDir, { recursive: true, force: true });
}
const row = (name: string, m: Measurement) =>
  `${name.padEnd(44)} ${m.seconds.toFixed(2).padStart(7)} s ${m.peakRssMiB.toFixed(0).padStart(7)} MiB`;
console.log(`Synthesizing ${config} (one run each)`);
console.log(row("ours  (deep imports, esbuild, no type-check)", ours));
console.log(row("stock (barrel import, ts-node type-check)", stock));
console.log(`speed-up ${(stock.seconds / ours.seconds).toFixed(1)}x, memory ${(stock.peakRssMiB / ours.peakRssMiB).toFixed(1)}x less`);

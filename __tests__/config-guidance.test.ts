/**
 * What a new user's config mistakes are told: settings written beside what they tune, the
 * order in which problems come, and GDPR transfers outside the EEA said out loud.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DERIVED_NAMES_NOTE, SCHEMA_FIRST_NOTE } from "../config/problems";
import { validateSpec } from "../config/validate";
import { baseSpec } from "./helpers";

const problemsOf = (spec: unknown) => {
  const r = validateSpec(spec);
  return r.ok ? [] : r.problems;
};
const messageAt = (spec: unknown, path: string) => problemsOf(spec).find((p) => p.path === path)?.message;

describe("a preset setting written beside what it tunes", () => {
  it("points database.storageGb at overrides.database.allocatedStorageGb", () => {
    const spec: any = { ...baseSpec(), database: { engine: "postgres", version: "16", storageGb: 50, instanceClass: "db.t4g.small" } };
    expect(messageAt(spec, "database.storageGb")).toMatch(
      /^unknown key "storageGb" \(did you mean "overrides\.database\.allocatedStorageGb"\?/,
    );
    expect(messageAt(spec, "database.instanceClass")).toMatch(/did you mean "overrides\.database\.instanceClass"\?/);
  });

  it("points an environment's cache at that environment's overrides", () => {
    const spec: any = baseSpec();
    spec.environments.prod.cache = { nodeType: "cache.r6g.large" };
    expect(messageAt(spec, "environments.prod.cache")).toMatch(/did you mean "environments\.prod\.overrides\.cache"\?/);
  });

  it("keeps the plain spelling hint where the key is a typo of one that belongs there", () => {
    const spec: any = { ...baseSpec(), database: { engine: "postgres", versoin: "16" } };
    expect(messageAt(spec, "database.versoin")).toMatch(/^unknown key "versoin" \(did you mean "version"\?\)/);
  });
});

describe("schema problems first", () => {
  it("says that cross-field checks run once the shape is right, and not when it is", () => {
    const bad: any = baseSpec();
    bad.environments.prod.regoin = "eu-west-1";
    const r = validateSpec(bad);
    expect(r.ok || r.note).toBe(SCHEMA_FIRST_NOTE);
    const crossField: any = baseSpec();
    crossField.overrides = { database: { allocatedStorageGb: 500, maxAllocatedStorageGb: 100 } };
    crossField.database = { engine: "postgres", version: "16" };
    const r2 = validateSpec(crossField);
    expect(r2.ok).toBe(false);
    // A data tier problem holds back the names made from the plan: the note says more may come.
    expect(r2.ok || r2.note).toBe(DERIVED_NAMES_NOTE);
    const named: any = baseSpec();
    named.buckets = [{ name: "uploads", replicateIn: ["prod"] }]; // no drRegion: a DR problem, names still checked
    const r3 = validateSpec(named);
    expect(r3.ok).toBe(false);
    expect(r3.ok || r3.note).toBeUndefined();
  });

  it("prints the note through npm run synth's entry point", () => {
    const work = mkdtempSync(join(tmpdir(), "guidance-"));
    try {
      const file = join(work, "app.json");
      writeFileSync(file, JSON.stringify({ ...baseSpec(), database: { engine: "postgres", version: "16", storageGb: 50 } }));
      const root = resolve(__dirname, "..");
      const run = spawnSync(process.execPath, ["scripts/synth.js"], {
        cwd: root,
        env: { ...process.env, INFRA_CONFIG: file, CDKTF_OUTDIR: join(work, "out") },
        encoding: "utf8",
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('did you mean "overrides.database.allocatedStorageGb"?');
      expect(run.stderr).toContain(SCHEMA_FIRST_NOTE);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe("GDPR and regions outside the EEA", () => {
  const usDr = () => ({
    ...baseSpec(),
    allowedRegions: ["eu-central-1", "us-east-1"],
    drRegion: "us-east-1",
    buckets: [{ name: "uploads", replicateIn: ["prod"] }],
  });

  it("rejects an allowed region outside the EEA, naming the DR copies that would go there", () => {
    expect(messageAt(usDr(), "allowedRegions[1]")).toMatch(
      /^region "us-east-1" is outside the EEA and compliance includes gdpr: .*\(drRegion: bucket replicas and database backups go there\)/,
    );
    expect(messageAt({ ...baseSpec(), allowedRegions: ["eu-central-1", "eu-west-2"] }, "allowedRegions[1]")).toMatch(
      /"eu-west-2" is outside the EEA/,
    );
  });

  it("accepts it when acknowledged with a reason, and not without gdpr", () => {
    const acknowledged = {
      ...usDr(),
      residencyAcknowledgements: [{ region: "us-east-1", reason: "SCCs with the US processor, DPF certified" }],
    };
    expect(problemsOf(acknowledged)).toEqual([]);
    expect(problemsOf({ ...usDr(), compliance: ["hipaa"] })).toEqual([]);
    expect(problemsOf(baseSpec())).toEqual([]);
    // A reason too short to be one is refused as written, not counted as an acknowledgement.
    expect(problemsOf({ ...usDr(), residencyAcknowledgements: [{ region: "us-east-1", reason: "ok" }] })).toEqual([
      { path: "residencyAcknowledgements[0].reason", message: "must be at least 10 characters long (got 2 characters)" },
    ]);
  });

  it("calls an acknowledgement that covers nothing stale", () => {
    const inEea = { ...baseSpec(), residencyAcknowledgements: [{ region: "eu-west-1", reason: "not a transfer at all, really" }] };
    expect(messageAt(inEea, "residencyAcknowledgements[0].region")).toBe(
      'acknowledges "eu-west-1" for nothing: it is inside the EEA; remove it',
    );
    const notAllowed = { ...baseSpec(), residencyAcknowledgements: [{ region: "us-west-2", reason: "SCCs with the US processor" }] };
    expect(messageAt(notAllowed, "residencyAcknowledgements[0].region")).toMatch(/it is not in allowedRegions/);
  });
});

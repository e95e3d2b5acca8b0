/** The synth's background writes: all done before `finished` resolves, a failure reported there and never lost. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BackgroundWrites } from "../stacks/background-writes";
import { tempDirs } from "./temp-dirs";

const tempDir = tempDirs();

describe("BackgroundWrites", () => {
  it("has written every file, text and bytes, when finished resolves", async () => {
    const dir = tempDir("writes-");
    const writes = new BackgroundWrites();
    writes.write(join(dir, "a.json"), '{"a":1}\n');
    writes.write(join(dir, "b.bin"), Buffer.from([0, 1, 2]));
    await writes.finished();
    expect(readFileSync(join(dir, "a.json"), "utf8")).toBe('{"a":1}\n');
    expect([...readFileSync(join(dir, "b.bin"))]).toEqual([0, 1, 2]);
  });

  it("rejects finished with a failed write, after the others ended, and never leaves the rejection unhandled", async () => {
    const dir = tempDir("writes-");
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const writes = new BackgroundWrites();
      writes.write(join(dir, "missing-folder", "x.json"), "{}");
      writes.write(join(dir, "kept.json"), "{}");
      // Long enough for the failure to happen and for node to notice an unhandled rejection.
      await new Promise((done) => setTimeout(done, 50));
      await expect(writes.finished()).rejects.toThrow(/ENOENT/);
      expect(existsSync(join(dir, "kept.json"))).toBe(true);
      expect(unhandled).toEqual([]);
      // Reported once: the writes are done with.
      await expect(writes.finished()).resolves.toBeUndefined();
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("settles without throwing, for a synth that failed already", async () => {
    const dir = tempDir("writes-");
    const writes = new BackgroundWrites();
    writes.write(join(dir, "missing-folder", "x.json"), "{}");
    const ended = await writes.settled();
    expect(ended.map((e) => e.status)).toEqual(["rejected"]);
  });
});

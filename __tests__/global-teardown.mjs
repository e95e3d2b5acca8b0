// Jest global teardown: removes the build global-setup.mjs wrote for the run.
import { removeCompiledTypescript } from "./compile-typescript.mjs";

export default function globalTeardown() {
  removeCompiledTypescript();
}

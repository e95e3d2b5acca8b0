/**
 * A small JSON reader for what JSON.parse does not say: where text stops being valid (line
 * and column; V8 often reports no position), and keys written twice in one object (JSON.parse
 * silently keeps the last, so a second "prod" block would quietly replace the first).
 */

export interface JsonScan {
  /** Where the text stops being valid JSON, if it does. */
  readonly error?: { readonly line: number; readonly column: number; readonly found: string };
  /** Keys written twice in one object, with the JSON path of the second one. */
  readonly duplicateKeys: readonly { readonly path: string; readonly line: number }[];
  /** Keys named `__proto__`: JSON.parse keeps them, but a record drops them on validation. */
  readonly protoKeys: readonly { readonly path: string; readonly line: number }[];
}

export function scanJson(text: string): JsonScan {
  let i = 0;
  const duplicateKeys: { path: string; line: number }[] = [];
  const protoKeys: { path: string; line: number }[] = [];
  const lineAt = (pos: number) => text.slice(0, pos).split("\n").length;
  const ws = () => {
    while (i < text.length && " \t\r\n".includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => (text.startsWith(word, i) ? (i += word.length) : fail());
  const string = (): string => {
    if (text[i] !== '"') fail();
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\\") i++;
      else if (text.charCodeAt(i) < 0x20) fail();
      i++;
    }
    if (i >= text.length) fail();
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail();
    i += m![0].length;
  };
  const join = (path: string, key: string | number) => (typeof key === "number" ? `${path}[${key}]` : path === "" ? key : `${path}.${key}`);
  const value = (path: string): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") return void i++;
      const seen = new Set<string>();
      for (;;) {
        ws();
        const keyAt = i;
        const key = string();
        if (seen.has(key)) duplicateKeys.push({ path: join(path, key), line: lineAt(keyAt) });
        if (key === "__proto__") protoKeys.push({ path: join(path, key), line: lineAt(keyAt) });
        seen.add(key);
        ws();
        if (text[i] !== ":") fail();
        i++;
        value(join(path, key));
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "}") return void i++;
        else fail();
      }
    } else if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") return void i++;
      for (let n = 0; ; n++) {
        value(join(path, n));
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "]") return void i++;
        else fail();
      }
    } else if (c === '"') string();
    else if (c === "t") literal("true");
    else if (c === "f") literal("false");
    else if (c === "n") literal("null");
    else number();
  };
  try {
    value("");
    ws();
    if (i < text.length) fail();
    return { duplicateKeys, protoKeys };
  } catch (pos) {
    if (typeof pos !== "number") throw pos;
    const before = text.slice(0, pos).split("\n");
    const found = pos >= text.length ? "end of file" : JSON.stringify(text[pos]);
    return { duplicateKeys, protoKeys, error: { line: before.length, column: before[before.length - 1].length + 1, found } };
  }
}

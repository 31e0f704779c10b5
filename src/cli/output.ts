/** Writes one JSON object as one line: the `--json` contract. */
export function writeJsonLine(out: NodeJS.WritableStream, value: unknown): void {
  out.write(`${JSON.stringify(value)}\n`);
}

export function writeLine(out: NodeJS.WritableStream, text = ''): void {
  out.write(`${text}\n`);
}

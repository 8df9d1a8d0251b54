import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/**
 * `stratlens quantities`: one JSON array of quantities per input line, for
 * debugging the recognizer and for the peer suite.
 */
export async function quantitiesCommand(input: Readable, write: (s: string) => void): Promise<number> {
  const { recognizeQuantities } = await import('../text/quantity/index.ts');
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    const found = recognizeQuantities(line).map((q) => ({ text: q.text, start: q.start, end: q.end, kind: q.kind, value: q.value, valueMax: q.valueMax, unit: q.unit }));
    write(`${JSON.stringify(found)}\n`);
  }
  return 0;
}

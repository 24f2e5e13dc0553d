// Throughput of the deterministic extractor on realistic messages from every vertical. The
// product goal is 2,000 messages/s including storage, so extraction alone must be well above.
import { extractDeterministic } from "../../../../src/memory/extract/deterministic";
import type { ExtractionInput } from "../../../../src/memory/types";
import { HELD_OUT } from "./held-out";
import { HELD_OUT_2 } from "./held-out-2";
import { AUTO } from "./run";

const TOTAL = 10_000;

it(`extracts ${TOTAL} realistic messages at ≥ 2,000 messages/s`, () => {
  const texts = [...HELD_OUT, ...HELD_OUT_2].map((c) => c.text);
  const inputs: ExtractionInput[] = Array.from({ length: TOTAL }, (_, i) => ({
    // Vary each text a little so no engine-level cache of identical strings flatters the figure.
    messages: [{ role: "user", content: `${texts[i % texts.length]} (${i})`, index: 0 }],
    metadata: {},
    settings: AUTO,
    existing: null,
  }));
  for (const input of inputs.slice(0, 200)) extractDeterministic(input); // warm-up (JIT)
  const started = process.hrtime.bigint();
  let issues = 0;
  for (const input of inputs) if (extractDeterministic(input).issue) issues++;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const perSecond = Math.round(TOTAL / seconds);
  console.log(JSON.stringify({ bench: "extract-deterministic", messages: TOTAL, seconds: Number(seconds.toFixed(3)), messages_per_s: perSecond }));
  expect(issues).toBeGreaterThan(TOTAL * 0.8);
  expect(perSecond).toBeGreaterThanOrEqual(2000);
});

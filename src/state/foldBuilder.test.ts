import { describe, expect, it } from 'vitest';
import { TraceIndex, type Frame } from './fold';
import { TraceIndexBuilder } from './foldBuilder';
import { demoTrace } from './testFixtures';
import { TraceEncoder } from '../worker/compact';
import { joinChunks, RunDataBuilder } from '../worker/runData';

const TIMES = [20000, 0, 6000, 25000, 1000, 16000, 11000, 6000, 21000, -1, 17000, 0];

function chunked(size: number) {
  const trace = demoTrace();
  const enc = new TraceEncoder();
  const chunks = [];
  for (let i = 0; i < trace.length; i += size) chunks.push(enc.encode(trace.slice(i, i + size)));
  return chunks;
}

const view = (f: Frame) => ({ pods: Array.from(f.pods.tr), events: Array.from(f.events.rows), jobs: f.jobs.length });

describe('RunDataBuilder', () => {
  it.each([1, 3, 8, 1000])('appending chunks of %i entries equals joinChunks', (size) => {
    const chunks = chunked(size);
    const b = new RunDataBuilder();
    for (const c of chunks) b.append(c);
    const built = b.finish();
    const joined = joinChunks(chunks);
    for (const key of Object.keys(joined) as (keyof typeof joined)[]) {
      const a = built[key];
      const j = joined[key];
      expect(ArrayBuffer.isView(a) ? Array.from(a as Int32Array) : a, key).toEqual(ArrayBuffer.isView(j) ? Array.from(j as Int32Array) : j);
    }
  });
});

describe('TraceIndexBuilder', () => {
  it.each([
    { name: 'one chunk, default interval', size: 1000, interval: 2048, max: 32 },
    { name: 'single entries, a checkpoint per transition', size: 1, interval: 1, max: 32 },
    { name: 'small chunks, thinning past 2 checkpoints', size: 3, interval: 1, max: 2 },
    { name: 'uneven chunks, interval 2, thinning past 3', size: 5, interval: 2, max: 3 },
  ])('seeks like a plain fold: $name', ({ size, interval, max }) => {
    const chunks = chunked(size);
    const builder = new TraceIndexBuilder(interval, max);
    for (const c of chunks) builder.append(c);
    const data = joinChunks(chunks);
    const idx = builder.finish(data);
    for (const t of TIMES) expect(view(idx.frameAt(t)), `t=${t}`).toEqual(view(new TraceIndex(data, 100_000).frameAt(t)));
  });

  it('falls back to a full build when the data is not what was appended', () => {
    const chunks = chunked(4);
    const builder = new TraceIndexBuilder();
    builder.append(chunks[0]!);
    const data = joinChunks(chunks);
    const idx = builder.finish(data);
    expect(view(idx.frameAt(25000))).toEqual(view(new TraceIndex(data).frameAt(25000)));
  });
});

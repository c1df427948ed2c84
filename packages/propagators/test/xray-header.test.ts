import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { XRayHeader } from '../src/types.js';
import { formatXRayHeader, parseXRayHeader } from '../src/xray-header.js';
import { headerish, hexId, mutated, numRuns } from './support/arbitraries.js';

const ROOT = 'Root=1-5759e988-bd862e3fe1be46a994272793';
const TRACE = '5759e988bd862e3fe1be46a994272793';
const PARENT = '53995c3f42cd8ad8';

describe('parseXRayHeader', () => {
  it.each<[string, unknown, XRayHeader]>([
    [
      'sampled',
      `${ROOT};Parent=${PARENT};Sampled=1`,
      { traceId: TRACE, parentId: PARENT, sampled: true, lineage: undefined },
    ],
    [
      'not sampled',
      `${ROOT};Parent=${PARENT};Sampled=0`,
      { traceId: TRACE, parentId: PARENT, sampled: false, lineage: undefined },
    ],
    [
      'Sampled=?',
      `${ROOT};Parent=${PARENT};Sampled=?`,
      { traceId: TRACE, parentId: PARENT, sampled: undefined, lineage: undefined },
    ],
    [
      'no Sampled',
      `${ROOT};Parent=${PARENT}`,
      { traceId: TRACE, parentId: PARENT, sampled: undefined, lineage: undefined },
    ],
    [
      'Root only',
      ROOT,
      { traceId: TRACE, parentId: undefined, sampled: undefined, lineage: undefined },
    ],
    [
      'Lineage and unknown keys',
      `${ROOT};Parent=${PARENT};Sampled=1;Lineage=a87bd80c:1|68fd508a:5;Self=1-abc`,
      { traceId: TRACE, parentId: PARENT, sampled: true, lineage: 'a87bd80c:1|68fd508a:5' },
    ],
    [
      'any order, spaces, uppercase',
      ` Sampled=1 ; Parent=${PARENT.toUpperCase()} ; ${ROOT.toUpperCase().replace('ROOT', 'Root')} `,
      { traceId: TRACE, parentId: PARENT, sampled: true, lineage: undefined },
    ],
    [
      'an array (first value)',
      [`${ROOT};Sampled=1`, 'junk'],
      { traceId: TRACE, parentId: undefined, sampled: true, lineage: undefined },
    ],
  ])('reads %s', (_name, header, expected) => {
    expect(parseXRayHeader(header)).toEqual(expected);
  });

  it.each<[string, unknown]>([
    ['no Root', `Parent=${PARENT};Sampled=1`],
    ['a bad Root version', `Root=2-5759e988-bd862e3fe1be46a994272793;Parent=${PARENT}`],
    ['a short Root', `Root=1-5759e988-bd862e3fe1be46a99427279;Parent=${PARENT}`],
    ['a zero Root', `Root=1-00000000-000000000000000000000000;Parent=${PARENT}`],
    ['a bad Parent', `${ROOT};Parent=53995c3f42cd8ad`],
    ['a zero Parent', `${ROOT};Parent=0000000000000000`],
    ['lowercase keys', `root=1-5759e988-bd862e3fe1be46a994272793;parent=${PARENT}`],
    ['too long', `${ROOT};Parent=${PARENT};x=${'y'.repeat(1100)}`],
    ['not a string', { Root: ROOT }],
  ])('rejects %s', (_name, header) => {
    expect(parseXRayHeader(header)).toBeUndefined();
  });

  it('never throws and returns only valid ids (fuzz)', () => {
    const valid = fc
      .tuple(hexId(32), hexId(16), fc.constantFrom('0', '1', '?'))
      .map(([t, p, s]) => `Root=1-${t.slice(0, 8)}-${t.slice(8)};Parent=${p};Sampled=${s}`);
    fc.assert(
      fc.property(fc.oneof(headerish, mutated(valid)), (header) => {
        const parsed = parseXRayHeader(header);
        if (parsed === undefined) return;
        expect(parsed.traceId).toMatch(/^(?!0{32})[0-9a-f]{32}$/);
        if (parsed.parentId !== undefined)
          expect(parsed.parentId).toMatch(/^(?!0{16})[0-9a-f]{16}$/);
      }),
      { numRuns },
    );
  });
});

describe('formatXRayHeader', () => {
  it.each<[XRayHeader, string]>([
    [
      { traceId: TRACE, parentId: PARENT, sampled: true, lineage: undefined },
      `${ROOT};Parent=${PARENT};Sampled=1`,
    ],
    [
      { traceId: TRACE, parentId: PARENT, sampled: false, lineage: undefined },
      `${ROOT};Parent=${PARENT};Sampled=0`,
    ],
    [
      { traceId: TRACE, parentId: PARENT, sampled: undefined, lineage: 'a:1' },
      `${ROOT};Parent=${PARENT};Sampled=?;Lineage=a:1`,
    ],
    [
      { traceId: TRACE.toUpperCase(), parentId: undefined, sampled: undefined, lineage: undefined },
      `${ROOT};Sampled=?`,
    ],
  ])('%j → %s', (header, expected) => {
    expect(formatXRayHeader(header)).toBe(expected);
  });

  it('round-trips through parseXRayHeader (fuzz)', () => {
    const header = fc.record({
      traceId: hexId(32),
      parentId: fc.option(hexId(16), { nil: undefined }),
      sampled: fc.option(fc.boolean(), { nil: undefined }),
      lineage: fc.option(
        fc.tuple(hexId(8), fc.nat({ max: 99 })).map(([h, n]) => `${h}:${n}`),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(header, (input) => {
        expect(parseXRayHeader(formatXRayHeader(input))).toEqual(input);
      }),
      { numRuns },
    );
  });
});

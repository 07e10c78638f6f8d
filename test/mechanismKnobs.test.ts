import { describe, expect, it } from 'vitest';
import { MECHANISM_DEFAULTS } from '../src/engine/mechanisms/config.ts';
import type { MechanismExtrinsic } from '../src/engine/mechanisms/extrinsics.ts';
import {
  MECHANISM_KNOBS,
  type MechanismKnob,
  type MechanismSection,
} from '../src/engine/mechanisms/mechanismKnobs.ts';
import { mechanismParams } from '../src/sim/model/bittensor/kernelParams.ts';
import { mechanismsSchema, modelParamsSchema } from '../src/sim/model/bittensor/params.ts';

type Layer = 'engine' | 'kernel' | 'lab';
const SECTIONS = Object.keys(MECHANISM_KNOBS) as MechanismSection[];
const NAMES = SECTIONS.filter((s) => s !== 'common');

/** `covenant_open`'s terms: the engine takes the covenant's shared knobs per call. */
const covenantOpen = {
  call: 'covenant_open',
  signer: 'alice',
  netuid: 1,
  share: 100_000n,
  bond: 1_000_000_000n,
  period: 1,
  gracePeriods: 2,
} satisfies MechanismExtrinsic;
const covenantTerms = Object.keys(covenantOpen).filter((k) => !['call', 'signer', 'netuid'].includes(k));

const allOn = Object.fromEntries(NAMES.map((s) => [s, { enabled: true }]));
const kernel = mechanismParams(modelParamsSchema.parse({ mechanisms: allOn }))
  .mechanisms as unknown as Record<string, unknown>;
const lab = mechanismsSchema.parse({}) as unknown as Record<string, unknown>;

const keysOf = (v: unknown) => (v !== null && typeof v === 'object' ? Object.keys(v) : []);
const knobsOf = (s: MechanismSection) => MECHANISM_KNOBS[s] as Readonly<Record<string, MechanismKnob>>;
/** The engine's keys of a section: its genesis parameters, and the `covenant_open` terms the table puts there. */
const engineKeys = (s: MechanismSection): string[] => {
  const defaults = s === 'common' ? [] : keysOf(MECHANISM_DEFAULTS[s]);
  const inCommon = (k: string) => knobsOf('common')[k]?.engine?.from === 'covenant_open';
  const terms = covenantTerms.filter((k) =>
    s === 'common' ? inCommon(k) : s === 'covenant' && !inCommon(k),
  );
  return [...defaults, ...terms];
};
const sectionKeys = (layer: Layer, s: MechanismSection): string[] => {
  if (layer === 'engine') return engineKeys(s);
  const whole = layer === 'kernel' ? kernel : lab;
  return s === 'common' ? Object.keys(whole).filter((k) => !NAMES.includes(k as never)) : keysOf(whole[s]);
};

describe('mechanism knobs: one name in engine, kernel and lab', () => {
  it('the mechanisms carry the same section names in every layer', () => {
    expect(Object.keys(MECHANISM_DEFAULTS).sort()).toEqual([...NAMES].sort());
    expect(NAMES.filter((s) => s in kernel).sort()).toEqual([...NAMES].sort());
    expect(NAMES.filter((s) => s in lab).sort()).toEqual([...NAMES].sort());
  });

  it('every knob of the table is where the table says, under its name', () => {
    for (const s of SECTIONS) {
      for (const [name, knob] of Object.entries(knobsOf(s))) {
        for (const layer of ['engine', 'kernel', 'lab'] as const) {
          expect({ s, name, layer, has: sectionKeys(layer, s).includes(name) }).toEqual({
            s,
            name,
            layer,
            has: knob[layer] !== undefined,
          });
        }
      }
    }
    // Each covenant_open term is a knob the table declares as one.
    const fromCall = SECTIONS.flatMap((s) =>
      Object.entries(knobsOf(s))
        .filter(([, k]) => k.engine?.from === 'covenant_open')
        .map(([n]) => n),
    );
    expect(fromCall.sort()).toEqual([...covenantTerms].sort());
  });

  it('a name two layers share in a section is a knob of the table', () => {
    for (const s of SECTIONS) {
      const seen = new Map<string, number>();
      for (const layer of ['engine', 'kernel', 'lab'] as const)
        for (const k of new Set(sectionKeys(layer, s))) seen.set(k, (seen.get(k) ?? 0) + 1);
      const shared = [...seen].filter(([, n]) => n > 1).map(([k]) => k);
      expect({ s, undeclared: shared.filter((k) => !(k in knobsOf(s))) }).toEqual({ s, undeclared: [] });
    }
  });

  it('a knob of one layer does not take the name of a shared knob of another section', () => {
    const shared = new Set(SECTIONS.flatMap((s) => Object.keys(knobsOf(s))));
    for (const s of SECTIONS)
      for (const layer of ['engine', 'kernel', 'lab'] as const) {
        const clashes = sectionKeys(layer, s).filter((k) => shared.has(k) && !(k in knobsOf(s)));
        expect({ s, layer, clashes }).toEqual({ s, layer, clashes: [] });
      }
  });
});

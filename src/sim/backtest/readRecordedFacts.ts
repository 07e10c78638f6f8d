/**
 * The recorded facts from a data folder: the 2026 roster, chain state (`t` rows) and block dates beside
 * the price panel, read and parsed, every problem reported with its file and line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../engine/errors.ts';
import { parseBlocks } from '../start/parseBlocks.ts';
import { parseChainState } from '../start/parseChainState.ts';
import { parseRoster } from '../start/parseRoster.ts';
import { SnapshotError, type SnapshotProblem } from '../start/snapshotError.ts';
import type { PricePanel } from './parseAlphaPricePanel.ts';
import { RECORDED_FILE_NAMES, type RecordedFact, recordedFacts } from './recordedFacts.ts';

/**
 * Read the facts' files from `dir` and compute the facts; `field` names the option in errors.
 * @example readRecordedFacts('../shared/data', panel).map((f) => f.name)
 */
export function readRecordedFacts(dir: string, panel: PricePanel, field = '--data'): RecordedFact[] {
  const read = (name: string) => {
    try {
      return readFileSync(join(dir, name), 'utf8');
    } catch (cause) {
      throw new InputError(field, `cannot read ${name} in ${dir}; pass --data DIR with the recorded files`, {
        cause,
      });
    }
  };
  const problems: SnapshotProblem[] = [];
  const names = RECORDED_FILE_NAMES;
  const roster = parseRoster({ file: names.roster, text: read(names.roster), problems });
  const chainState = parseChainState({
    file: names.chainState,
    text: read(names.chainState),
    label: 't',
    problems,
  });
  const blocks = parseBlocks({ file: names.blocks, text: read(names.blocks), problems });
  if (problems.length > 0) throw new SnapshotError('INVALID_SNAPSHOT', problems);
  return recordedFacts({ roster, chainState, blocks, panel });
}

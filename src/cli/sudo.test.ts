import { describe, expect, it } from 'vitest';
import { HYPERPARAMETER_NAMES } from '../engine/chain/subnetHyperparameters.ts';
import { hyperparameterName, hyperparameterValue } from './sudo.ts';

describe('sudo set --param --value', () => {
  it('finds a hyperparameter by its name in any case, or btcli’s snake_case', () => {
    for (const name of HYPERPARAMETER_NAMES) {
      const snake = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      expect(hyperparameterName(snake)).toBe(name);
      expect(hyperparameterName(name.toUpperCase())).toBe(name);
    }
    expect(() => hyperparameterName('tempo_x')).toThrow(
      '--param: no hyperparameter "tempo_x"; one of tempo,',
    );
    expect(() => hyperparameterName(undefined)).toThrow('--param: required');
  });

  it('reads the value by the hyperparameter’s type: booleans, integers, TAO for amounts', () => {
    expect(hyperparameterValue('commitRevealEnabled', 'true')).toBe(true);
    expect(hyperparameterValue('commitRevealEnabled', 'off')).toBe(false);
    expect(hyperparameterValue('tempo', '360')).toBe(360);
    expect(hyperparameterValue('alphaSigmoidSteepness', '-5')).toBe(-5);
    expect(hyperparameterValue('minBurn', '0.5')).toBe('500000000');
    expect(hyperparameterValue('burnIncreaseMult', '36893488147419103232')).toBe('36893488147419103232');
    expect(() => hyperparameterValue('commitRevealEnabled', 'maybe')).toThrow(
      '--value: commitRevealEnabled is true or false',
    );
    expect(() => hyperparameterValue('tempo', '1.5')).toThrow('--value: tempo is a whole number (u16)');
    expect(() => hyperparameterValue('minBurn', '0.0000000001')).toThrow('--value');
    expect(() => hyperparameterValue('tempo', undefined)).toThrow('--value: required');
  });
});

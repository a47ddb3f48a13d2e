import { describe, expect, it } from 'vitest';
import { defineMachine } from './state-machine.js';
import { AppError } from './errors.js';

// A work-order-like lifecycle, as later modules declare theirs.
type S = 'open' | 'in_progress' | 'leader_check' | 'qc' | 'completed' | 'settled' | 'cancelled';
type A = 'start' | 'finish' | 'pass_leader' | 'pass_qc' | 'fail_qc' | 'settle' | 'cancel';
const machine = defineMachine<S, A, { paid: boolean }>({
  name: 'work_order',
  initial: 'open',
  states: ['open', 'in_progress', 'leader_check', 'qc', 'completed', 'settled', 'cancelled'],
  transitions: {
    start: { from: ['open'], to: 'in_progress' },
    finish: { from: ['in_progress'], to: 'leader_check' },
    pass_leader: { from: ['leader_check'], to: 'qc' },
    pass_qc: { from: ['qc'], to: 'completed' },
    fail_qc: { from: ['qc'], to: 'in_progress' },
    settle: { from: ['completed'], to: 'settled', guard: (d) => d.paid },
    cancel: { from: ['open', 'in_progress'], to: 'cancelled' },
  },
  optionalSteps: { leader_check: { skipTo: 'qc' } },
  final: ['settled', 'cancelled'],
});

const allowed: [S, A, S][] = [
  ['open', 'start', 'in_progress'],
  ['in_progress', 'finish', 'leader_check'],
  ['leader_check', 'pass_leader', 'qc'],
  ['qc', 'pass_qc', 'completed'],
  ['qc', 'fail_qc', 'in_progress'],
  ['completed', 'settle', 'settled'],
  ['open', 'cancel', 'cancelled'],
  ['in_progress', 'cancel', 'cancelled'],
];

describe('state machine', () => {
  it.each(allowed)('%s --%s--> %s', (from, action, to) => {
    expect(machine.next(from, action, { paid: true })).toBe(to);
  });

  it('refuses every transition not declared, with a conflict error', () => {
    for (const from of machine.states) {
      for (const action of Object.keys(machine.transitions) as A[]) {
        if (allowed.some(([f, a]) => f === from && a === action)) continue;
        expect(() => machine.next(from, action, { paid: true }), `${from} ${action}`).toThrow(AppError);
        try {
          machine.next(from, action, { paid: true });
        } catch (e) {
          expect((e as AppError).kind).toBe('conflict');
          expect((e as AppError).code).toBe('state.transition_not_allowed');
        }
      }
    }
  });

  it('checks guards', () => {
    expect(() => machine.next('completed', 'settle', { paid: false })).toThrow(expect.objectContaining({ code: 'state.guard_failed' }));
    expect(machine.allowedActions('completed', { paid: false })).toEqual([]);
    expect(machine.allowedActions('completed', { paid: true })).toEqual(['settle']);
  });

  it('skips an optional step a store switched off', () => {
    const off = new Set<S>(['leader_check']);
    expect(machine.next('in_progress', 'finish', { paid: true }, off)).toBe('qc');
    expect(machine.next('in_progress', 'finish', { paid: true })).toBe('leader_check');
  });

  it('rejects a definition naming unknown states', () => {
    expect(() =>
      defineMachine<'a' | 'b', 'go', unknown>({ name: 'bad', initial: 'a', states: ['a'], transitions: { go: { from: ['a'], to: 'b' } } }),
    ).toThrow(/unknown state b/);
  });
});

import { AppError } from './errors.js';

/**
 * A document lifecycle declared as data: states, the actions that move between them, guards, and optional
 * steps a store can switch off (e.g. the team-leader check). Later modules declare their machines with it.
 */
export type Transition<S extends string, C> = {
  from: readonly S[];
  to: S;
  /** returns true when the action may run; false → `state.guard_failed` */
  guard?: (doc: C) => boolean;
};

export type MachineDefinition<S extends string, A extends string, C> = {
  name: string;
  initial: S;
  states: readonly S[];
  transitions: Record<A, Transition<S, C>>;
  /** optional steps: a state a store may switch off; arriving there skips on to `skipTo` */
  optionalSteps?: Partial<Record<S, { skipTo: S }>>;
  final?: readonly S[];
};

export type Machine<S extends string, A extends string, C> = MachineDefinition<S, A, C> & {
  /** the actions allowed now (for showing buttons) */
  allowedActions(state: S, doc: C, disabledSteps?: ReadonlySet<S>): A[];
  /** the state after `action`, or an AppError the API turns into a 409/422 */
  next(state: S, action: A, doc: C, disabledSteps?: ReadonlySet<S>): S;
};

export function defineMachine<S extends string, A extends string, C = unknown>(def: MachineDefinition<S, A, C>): Machine<S, A, C> {
  for (const [action, t] of Object.entries(def.transitions) as [A, Transition<S, C>][]) {
    for (const s of [...t.from, t.to]) {
      if (!def.states.includes(s)) throw new Error(`${def.name}.${action}: unknown state ${s}`);
    }
  }
  for (const [s, step] of Object.entries(def.optionalSteps ?? {}) as [S, { skipTo: S }][]) {
    if (!def.states.includes(s) || !def.states.includes(step.skipTo)) throw new Error(`${def.name}: bad optional step ${s}`);
  }

  const resolve = (target: S, disabled: ReadonlySet<S>): S => {
    let s = target;
    for (let hops = 0; disabled.has(s) && hops < def.states.length; hops++) {
      const step = def.optionalSteps?.[s];
      if (!step) break;
      s = step.skipTo;
    }
    return s;
  };

  return {
    ...def,
    allowedActions(state, doc, disabled = new Set()) {
      return (Object.entries(def.transitions) as [A, Transition<S, C>][])
        .filter(([, t]) => t.from.includes(state) && (!t.guard || t.guard(doc)) && !disabled.has(state))
        .map(([a]) => a);
    },
    next(state, action, doc, disabled = new Set()) {
      const t = def.transitions[action];
      if (!t || !t.from.includes(state)) {
        throw new AppError('conflict', 'state.transition_not_allowed', { state, action });
      }
      if (t.guard && !t.guard(doc)) throw new AppError('unprocessable', 'state.guard_failed', { action });
      return resolve(t.to, disabled);
    },
  };
}

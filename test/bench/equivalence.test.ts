import { describe, expect, it } from 'vitest';
import { loadSubjects } from '../../scripts/bench/subjects.js';
import { checksFor, engines } from '../../scripts/bench/validators.js';

const { subjects } = await loadSubjects();

// The validator benchmark compares engines on the same inputs; that comparison means something
// only if every engine gives the generated validator's verdict on those inputs and their neighbours.
describe.each(subjects.map((subject) => [subject.vendor, subject] as const))(
  'the %s bench engines',
  (_vendor, subject) => {
    const checks = checksFor(subject);

    it('accept the valid sample', () => {
      for (const engine of engines) expect(checks[engine](subject.valid), engine).toBe(true);
    });

    it('reject the invalid sample', () => {
      for (const engine of engines) expect(checks[engine](subject.invalid), engine).toBe(false);
    });

    it.each(subject.mutations.map((mutation) => [mutation.label, mutation.data] as const))(
      'agree with the generated validator on %s',
      (_label, data) => {
        const expected = subject.standalone(data);
        for (const engine of engines) expect(checks[engine](data), engine).toBe(expected);
      },
    );

    it('see both verdicts among the mutations, so agreement is not trivial', () => {
      const verdicts = new Set(subject.mutations.map((mutation) => subject.standalone(mutation.data)));
      expect([...verdicts].sort()).toEqual([false, true]);
    });
  },
);

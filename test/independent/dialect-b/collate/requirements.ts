import type { Issue } from './errors.js';
import type { AnswerValue, Authorization } from './state.js';

/**
 * The questions and documents every authorization in this sandbox asks for, the checks on a
 * submitted answer, and the open issues a record still has.
 */

export type Question =
  | { linkId: string; text: string; type: 'boolean' }
  | { linkId: string; text: string; type: 'integer'; minimum: number; maximum: number }
  | { linkId: string; text: string; type: 'choice'; options: string[] };

export const QUESTIONS: readonly Question[] = [
  { linkId: 'prior_conservative_therapy', text: 'Was conservative therapy tried first?', type: 'boolean' },
  {
    linkId: 'symptom_duration_weeks',
    text: 'For how many weeks have the symptoms lasted?',
    type: 'integer',
    minimum: 0,
    maximum: 520,
  },
  {
    linkId: 'laterality',
    text: 'Which side is affected?',
    type: 'choice',
    options: ['left', 'right', 'both'],
  },
];

export const DOCUMENT_TYPES = [
  'clinical_notes',
  'imaging_report',
  'letter_of_medical_necessity',
  'prescription',
] as const;

/** The document type an authorization needs before it can be submitted. */
export const REQUIRED_DOCUMENT_TYPE = 'clinical_notes';

/** A complete, valid set of answers (the example body of the answers operation). */
export const EXAMPLE_ANSWERS: Array<{ linkId: string; value: AnswerValue }> = [
  { linkId: 'prior_conservative_therapy', value: true },
  { linkId: 'symptom_duration_weeks', value: 8 },
  { linkId: 'laterality', value: 'left' },
];

/** The problem with one answer value, or null when it fits its question. */
export function answerProblem(question: Question, value: unknown): string | null {
  switch (question.type) {
    case 'boolean':
      return typeof value === 'boolean' ? null : 'expected_boolean';
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'expected_integer';
      return value < question.minimum || value > question.maximum ? 'out_of_range' : null;
    case 'choice':
      return typeof value === 'string' && question.options.includes(value) ? null : 'not_an_option';
  }
}

/** Checks each answer against its question; an issue per unknown linkId or unfit value. */
export function answerIssues(answers: ReadonlyArray<{ linkId: string; value: unknown }>): Issue[] {
  const issues: Issue[] = [];
  answers.forEach((answer, index) => {
    const question = QUESTIONS.find((candidate) => candidate.linkId === answer.linkId);
    if (!question) {
      issues.push({
        field: `answers[${index}].linkId`,
        problem: 'unknown_link_id',
        message: `No question has linkId ${JSON.stringify(answer.linkId)}.`,
      });
      return;
    }
    const problem = answerProblem(question, answer.value);
    if (problem) {
      issues.push({
        field: `answers[${index}].value`,
        problem,
        message: `The answer to ${question.linkId} does not fit a ${question.type} question.`,
      });
    }
  });
  return issues;
}

export interface OpenRequirement {
  kind: 'question' | 'document';
  ref: string;
  problem: 'unanswered' | 'missing_attachment';
}

export function openRequirements(authorization: Authorization): OpenRequirement[] {
  const open: OpenRequirement[] = QUESTIONS.filter((q) => !authorization.answers.has(q.linkId)).map((q) => ({
    kind: 'question',
    ref: q.linkId,
    problem: 'unanswered',
  }));
  const attached = authorization.attachments.some((a) => a.documentTypes.includes(REQUIRED_DOCUMENT_TYPE));
  if (!attached) open.push({ kind: 'document', ref: REQUIRED_DOCUMENT_TYPE, problem: 'missing_attachment' });
  return open;
}

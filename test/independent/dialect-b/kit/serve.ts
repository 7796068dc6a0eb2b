import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Answer, writeAnswer } from './answer.js';

/**
 * Turns "decide an answer for a request" into a node:http handler. A handler that throws gets the
 * vendor's own 500 answer, so every request is answered and ends.
 */
export function answerEachRequest(
  decide: (req: IncomingMessage) => Promise<Answer>,
  crashAnswer: () => Answer,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    decide(req).then(
      (answer) => writeAnswer(res, answer),
      () => writeAnswer(res, crashAnswer()),
    );
  };
}

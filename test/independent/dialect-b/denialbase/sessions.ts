import type { IncomingMessage } from 'node:http';
import type { Answer } from '../kit/answer.js';
import { freshSecret } from '../kit/ids.js';
import { cookieValue } from '../kit/request.js';
import { errorAnswer, okAnswer, validationFailed } from './answers.js';
import type { DenialbaseBugId } from './bugs.js';
import { type DenialbaseState, SESSION_COOKIE, SESSION_IDLE_MS, type Session, type User } from './state.js';
import { fieldDetails, readRoot, rules } from './validate.js';

export interface SessionDeps {
  state: DenialbaseState;
  now: () => number;
  bug: (id: DenialbaseBugId) => boolean;
}

export type SessionReading =
  | { kind: 'signedIn'; session: Session; user: User }
  | { kind: 'awaitingSecondFactor'; session: Session; user: User }
  | { kind: 'none' };

/** The session a request's cookie stands for; lapsed and signed-out sessions stand for none. */
export function readSession(req: IncomingMessage, deps: SessionDeps): SessionReading {
  const token = cookieValue(req, SESSION_COOKIE);
  const session = token === undefined ? undefined : deps.state.sessions.get(token);
  if (session === undefined) return { kind: 'none' };
  if (session.signedOut && !deps.bug('denialbase.signed-out-session-accepted')) return { kind: 'none' };
  const nowMs = deps.now();
  if (nowMs - session.lastSeenMs > SESSION_IDLE_MS) return { kind: 'none' };
  const user = deps.state.users.find((candidate) => candidate.id === session.userId);
  if (user === undefined) return { kind: 'none' };
  session.lastSeenMs = nowMs;
  return session.awaitingSecondFactor
    ? { kind: 'awaitingSecondFactor', session, user }
    : { kind: 'signedIn', session, user };
}

const cookieFor = (session: Session): Record<string, string> => ({
  'set-cookie': `${SESSION_COOKIE}=${session.token}; Path=/; HttpOnly; SameSite=Lax`,
});

export const userView = (user: User) => ({ id: user.id, login: user.login, role: user.role });

export function twoFactorRequired(
  deps: SessionDeps,
  requestId: string,
  headers: Record<string, string> = {},
): Answer {
  const answer = errorAnswer(
    requestId,
    'two_factor_required',
    'Complete the second sign-in step.',
    undefined,
    headers,
  );
  return deps.bug('denialbase.two-factor-unauthorized') ? { ...answer, status: 401 } : answer;
}

/** `{ "user": { "login", "secret" } }`: a session, or the second step it still needs. */
export function signIn(deps: SessionDeps, requestId: string, body: unknown): Answer {
  const root = readRoot(body, 'user');
  if (root.kind === 'malformed')
    return errorAnswer(requestId, 'bad_request', 'Expected a JSON object with a user root.');
  const details = fieldDetails(root.fields, {
    login: { rule: rules.text, required: true },
    secret: { rule: rules.text, required: true },
  });
  if (details.length > 0)
    return validationFailed(requestId, details, deps.bug('denialbase.validation-empty-details'));
  const user = deps.state.users.find((candidate) => candidate.login === root.fields.login);
  if (user === undefined || user.secret !== root.fields.secret) {
    return errorAnswer(requestId, 'not_authenticated', 'Login or secret is wrong.');
  }
  const session: Session = {
    token: freshSecret('', 24),
    userId: user.id,
    awaitingSecondFactor: user.twoFactor,
    signedOut: false,
    lastSeenMs: deps.now(),
  };
  deps.state.sessions.set(session.token, session);
  if (user.twoFactor) return twoFactorRequired(deps, requestId, cookieFor(session));
  return okAnswer(requestId, 201, { session: { user: userView(user) } }, cookieFor(session));
}

/** `{ "otp": { "code" } }` on a session that waits for its second factor. */
export function completeSecondFactor(
  deps: SessionDeps,
  requestId: string,
  session: Session,
  user: User,
  body: unknown,
): Answer {
  const root = readRoot(body, 'otp');
  if (root.kind === 'malformed')
    return errorAnswer(requestId, 'bad_request', 'Expected a JSON object with an otp root.');
  if (root.fields.code !== deps.state.twoFactorCode) {
    const details = [{ field: 'code', message: 'is not the current one-time code' }];
    return validationFailed(requestId, details, deps.bug('denialbase.validation-empty-details'));
  }
  session.awaitingSecondFactor = false;
  return okAnswer(requestId, 201, { session: { user: userView(user) } }, cookieFor(session));
}

import type { IncomingMessage } from 'node:http';
import { type Answer, jsonAnswer } from '../kit/answer.js';
import { parseJson, readBody } from '../kit/body.js';
import { bugSwitch } from '../kit/bugs.js';
import { requestLine } from '../kit/request.js';
import { matchRoute } from '../kit/router.js';
import { answerEachRequest } from '../kit/serve.js';
import type { DialectContext, DialectVendor } from '../types.js';
import { forbidden, notFound, serverError, unauthorized, validationProblem } from './answers.js';
import { authenticate } from './authenticate.js';
import { bugs } from './bugs.js';
import { describeClaimRev } from './directory.js';
import { CLAIMREV_ROUTES } from './routes.js';
import { seedClaimRev } from './seed.js';
import { TENANT_PATHS } from './state.js';
import { answerTokenRequest } from './token-endpoint.js';
import { createTokenMint } from './tokens.js';

const MAX_JSON_BYTES = 64 * 1024;
const MAX_FORM_BYTES = 8 * 1024;

/** ClaimRev: an identity provider's token endpoints for two tenants in front of the claims API. */
export function createVendor(context: DialectContext): DialectVendor {
  const seed = seedClaimRev();
  const bug = bugSwitch(context.bugs, bugs);
  const deps = { state: seed.state, mint: createTokenMint(), now: context.now, bug };
  const tenantOf = new Map(
    Object.entries(TENANT_PATHS).map(([env, path]) => [path, env as 'sandbox' | 'production']),
  );

  async function decide(req: IncomingMessage): Promise<Answer> {
    const line = requestLine(req);
    const tenant = tenantOf.get(line.pathname);
    if (tenant !== undefined) {
      if (line.method !== 'POST') return jsonAnswer(405, { error: 'invalid_request' }, { allow: 'POST' });
      const body = await readBody(req, MAX_FORM_BYTES);
      const form = body.kind === 'complete' ? body.bytes.toString('utf8') : '';
      return answerTokenRequest(deps, tenant, req, form);
    }
    const match = matchRoute(CLAIMREV_ROUTES, line.method, line.pathname);
    if (match.kind !== 'found') return notFound('No such endpoint.');
    const who = authenticate(req, deps);
    if (who.kind === 'rejected') return unauthorized(who.message);
    const { client } = who;
    if (match.params.accountNumber !== client.accountNumber) {
      const message = `Client ${client.clientId} is not bound to account ${match.params.accountNumber}.`;
      return bug('claimrev.unbound-account-not-found') ? notFound(message) : forbidden(message);
    }
    if (!client.permissions.has(match.handler.permission)) {
      const message = `This endpoint requires the ${match.handler.permission} permission.`;
      return bug('claimrev.missing-permission-unauthorized')
        ? jsonAnswer(401, { message })
        : forbidden(message);
    }
    const namesFields = !bug('claimrev.validation-names-no-field');
    let parsed: unknown;
    if (match.handler.readsBody) {
      const body = await readBody(req, MAX_JSON_BYTES);
      if (body.kind !== 'complete') {
        return validationProblem({ $: ['The request body is larger than 64 KiB.'] }, namesFields);
      }
      const json = parseJson(body.bytes);
      if (json.kind !== 'json')
        return validationProblem({ $: ['The JSON value could not be parsed.'] }, namesFields);
      parsed = json.value;
    }
    return match.handler.run({
      client,
      params: match.params,
      body: parsed,
      nowMs: context.now(),
      state: seed.state,
      namesFields,
    });
  }

  return {
    handler: answerEachRequest(decide, () => serverError(context.now())),
    describe: (baseUrl) => describeClaimRev(baseUrl, seed, deps.mint, context.now()),
  };
}

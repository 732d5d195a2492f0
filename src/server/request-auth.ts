import type { IncomingMessage, RequestListener } from 'node:http';
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import proxyaddr from 'proxy-addr';
import { findApiKey } from '../auth/apikey.service';
import { AuthFailures, AuthThrottledError } from '../auth/auth-failures';
import { AuthenticationRefused, Authenticator } from '../auth/authenticator';
import { HashSlots } from '../auth/hash-slots';
import { jwtVerifier } from '../auth/jwt-verifier';
import { configureWriteLimits } from '../auth/write-limits';
import type { Config } from '../core/config';
import type { TrustProxy } from '../core/config-auth';
import type { AuthUser, Context } from '../core/context';
import type { Executor } from '../core/db/executor';
import { AppError, InternalError, OverloadedError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { SharedRedis } from '../core/redis';
import { isGraphQL, UPLOAD_PATH } from './admission';
import { type BeforeRefusal, errorBody, Refusals } from './refusals';
import { requestIdOf } from './request-log.plugin';

export interface Caller {
  readonly user: AuthUser | null;
  readonly clientAddress: string;
}

export interface RequestAuth {
  readonly authenticator: Authenticator;
  /**
   * The HTTP listener in front of `next` (admission): a GraphQL request that carries credentials
   * is authenticated first, outside admission, so verifying tokens never takes a slot that
   * public reads wait for. A refused one is answered here (401, 429, 503), its body unread.
   */
  gate(next: RequestListener, beforeRefusal?: BeforeRefusal): RequestListener;
  /** Who sent a request `gate` let through: the caller it found, or an anonymous one. */
  callerOf(req: IncomingMessage): Caller;
}

/**
 * Authentications under way at once (each a database read, perhaps a queued hash); more get 503 at
 * once.
 */
const MAX_PENDING = 64;
/**
 * A blocked client's 429, and the 503 of a token that found scrypt's queue full, are sent after
 * this pause: a client that retries as soon as it is answered then sends one request a second per
 * connection, not thousands, whose parsing and refusals would take the CPU from everyone else
 * (measured by test/auth-flood.test.ts).
 */
const THROTTLED_PAUSE_MS = 1_000;

/** The paths that act for a caller: GraphQL, and the desk's upload of a report. */
const takesCredentials = (url = ''): boolean =>
  isGraphQL(url) || url === UPLOAD_PATH || url.startsWith(`${UPLOAD_PATH}?`);

/** Express's `trust proxy` rule, applied before Express: whose X-Forwarded-For names the client. */
function addressRule(trust: TrustProxy): (req: IncomingMessage) => string {
  const trusts =
    trust === true
      ? () => true
      : typeof trust === 'number'
        ? (_: string, hop: number) => hop < trust
        : proxyaddr.compile(trust === false ? [] : trust);
  return (req) => proxyaddr(req, trusts);
}

/**
 * Authentication for one app: API keys looked up through the app's executor (on its own tag, so
 * a request's round-trip count stays its own), JWTs when a JWKS is configured, verdicts cached
 * AUTH_CACHE_SECONDS, failed authentications limited per address and key id, scrypt bounded to
 * AUTH_HASHES_AT_ONCE, write limits from the configuration (shared through Redis when given). The client address follows
 * TRUST_PROXY as Express's `req.ip` does.
 */
export function requestAuth(
  config: Config,
  executor: Executor,
  log: Logger,
  redis?: SharedRedis,
): RequestAuth {
  configureWriteLimits(config.auth.writeLimits, redis?.client);
  const authenticator = authenticatorFor(config, executor.scoped('auth'));
  const addressOf = addressRule(config.auth.trustProxy);
  const identify = identifier(authenticator, log);
  const callers = new WeakMap<IncomingMessage, Caller>();
  const refusals = new Refusals();
  const busy = new OverloadedError(1);
  let pending = 0;
  return {
    authenticator,
    gate: (next, beforeRefusal) => (req, res) => {
      if (req.method === 'OPTIONS' || !req.headers.authorization || !takesCredentials(req.url))
        return next(req, res);
      const refuse = (error: AppError) =>
        refusals.refuse(req, res, error, errorBody(error), beforeRefusal);
      if (pending >= MAX_PENDING) return refuse(busy);
      // The request id now, so the refusal's log line and the answer's header agree.
      const requestId = requestIdOf(req.headers['x-request-id']);
      req.headers['x-request-id'] = requestId;
      res.setHeader('x-request-id', requestId);
      pending += 1;
      identify(req, addressOf(req)).then(
        (caller) => {
          pending -= 1;
          callers.set(req, caller);
          next(req, res);
        },
        (error: unknown) => {
          pending -= 1;
          if (!(error instanceof AuthThrottledError || error instanceof OverloadedError))
            return refuse(error instanceof AppError ? error : new InternalError(error));
          refusals.refuseAfter(
            THROTTLED_PAUSE_MS,
            req,
            res,
            error,
            errorBody(error),
            beforeRefusal,
          );
        },
      );
    },
    callerOf: (req) => callers.get(req) ?? { user: null, clientAddress: addressOf(req) },
  };
}

/** The authenticator the configuration describes, looking keys up through `keys`. */
function authenticatorFor(config: Config, keys: Executor): Authenticator {
  const hashSlots = new HashSlots({
    concurrent: config.auth.hashesAtOnce,
    queued: 8 * config.auth.hashesAtOnce,
    waitMs: 1_000,
  });
  return new Authenticator((id) => findApiKey(keys, id), {
    cacheMs: config.auth.cacheSeconds * 1000,
    jwt: config.auth.jwt ? jwtVerifier(config.auth.jwt) : undefined,
    failures: new AuthFailures(config.auth.failures),
    hashSlots,
  });
}

/**
 * Authenticates a request's credentials, logging who was refused (Apollo's request log never sees
 * them).
 */
function identifier(
  authenticator: Authenticator,
  log: Logger,
): (req: IncomingMessage, clientAddress: string) => Promise<Caller> {
  return async (req, clientAddress) => {
    const requestId = requestIdOf(req.headers['x-request-id']);
    try {
      return {
        user: await authenticator.authenticate(req.headers.authorization, clientAddress),
        clientAddress,
      };
    } catch (error) {
      if (error instanceof AuthenticationRefused)
        log.warn(
          { reqId: requestId, keyId: error.keyId, reason: error.reason, clientAddress },
          'authentication refused',
        );
      else if (error instanceof AuthThrottledError)
        log.debug(
          { reqId: requestId, clientAddress, blocked: error.what },
          'authentication throttled',
        );
      // No verdict (the database or the JWKS did not answer): the client's credentials are not at
      // fault.
      else if (!(error instanceof OverloadedError))
        log.error({ reqId: requestId, err: error }, 'authentication could not be checked');
      throw error;
    }
  };
}

/**
 * Whether a request is anonymous: only anonymous answers are read from or written to the shared
 * response cache.
 */
export const anonymousOnly = async ({
  contextValue,
}: GraphQLRequestContext<Context>): Promise<boolean> => contextValue.user === null;

/**
 * Answers to a caller with a key may depend on who asks (drafts, `me`): they are marked
 * uncacheable (`Cache-Control: no-store`), so neither this server nor a CDN or browser keeps them.
 * A restriction only ever lowers the policy, so the cache-policy plugin cannot raise it again.
 */
export function privateAnswersPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, overallCachePolicy }) {
          if (contextValue.user !== null) overallCachePolicy.restrict({ maxAge: 0 });
        },
      };
    },
  };
}

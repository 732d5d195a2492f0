import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import type { Request } from 'express';
import { findApiKey } from '../auth/apikey.service';
import { AuthenticationRefused, Authenticator } from '../auth/authenticator';
import { jwtVerifier } from '../auth/jwt.verifier';
import { configureWriteLimits } from '../auth/write-limits';
import type { Config } from '../core/config';
import type { AuthUser, Context } from '../core/context';
import type { Executor } from '../core/db/executor';
import type { Logger } from '../core/logger';

export interface RequestAuth {
  readonly authenticator: Authenticator;
  /** The caller and its address; throws UNAUTHENTICATED (401) for credentials that are not valid. */
  identify(req: Request, requestId: string): Promise<{ user: AuthUser | null; clientAddress: string }>;
}

/**
 * Authentication for one app: API keys looked up through the app's executor (on its own tag, so
 * a request's round-trip count stays its own), JWTs when a JWKS is configured, verdicts cached
 * AUTH_CACHE_SECONDS, write limits from the configuration. The client address is Express's `req.ip`, which honours X-Forwarded-For
 * only as far as TRUST_PROXY allows (set on the app).
 */
export function requestAuth(config: Config, executor: Executor, log: Logger): RequestAuth {
  configureWriteLimits(config.auth.writeLimits);
  const keys = executor.scoped('auth');
  const jwt = config.auth.jwt ? jwtVerifier(config.auth.jwt) : undefined;
  const authenticator = new Authenticator((id) => findApiKey(keys, id), { cacheMs: config.auth.cacheSeconds * 1000, jwt });
  return {
    authenticator,
    async identify(req, requestId) {
      const clientAddress = req.ip ?? req.socket.remoteAddress ?? 'unknown';
      try {
        return { user: await authenticator.authenticate(req.headers.authorization), clientAddress };
      } catch (error) {
        // Apollo's request log never sees a request whose context failed: say here who was refused.
        if (error instanceof AuthenticationRefused) log.warn({ reqId: requestId, keyId: error.keyId, reason: error.reason, clientAddress }, 'authentication refused');
        // No verdict (the database or the JWKS did not answer): the client's credentials are not at fault.
        else log.error({ reqId: requestId, err: error }, 'authentication could not be checked');
        throw error;
      }
    },
  };
}

/** Whether a request is anonymous: only anonymous answers are read from or written to the shared response cache. */
export const anonymousOnly = async ({ contextValue }: GraphQLRequestContext<Context>): Promise<boolean> => contextValue.user === null;

/**
 * Answers to a caller with a key may depend on who asks (drafts, `me`): they are marked
 * uncacheable (`Cache-Control: no-store`), so neither this server nor a CDN or browser keeps them.
 * Restricting the policy before execution also stops the cache-control plugin from raising it.
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

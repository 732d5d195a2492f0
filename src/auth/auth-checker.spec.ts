import type { GraphQLResolveInfo } from 'graphql';
import type { ResolverData } from 'type-graphql';
import type { AuthUser, Context } from '../core/context';
import { ErrorCode, ForbiddenError, UnauthenticatedError } from '../core/errors';
import { authChecker } from './auth-checker';

/** What type-graphql hands the checker, with only what it reads filled in. */
function resolverData(user: AuthUser | null): ResolverData<Context> {
  const info = {
    fieldName: 'publishPractice',
    parentType: { name: 'Mutation' },
  } as unknown as GraphQLResolveInfo;
  return {
    root: undefined,
    args: {},
    context: { user, clientAddress: '127.0.0.1' } as Context,
    info,
  };
}

const editor: AuthUser = { id: 'a1', name: 'alice', role: 'EDITOR' };
const reviewer: AuthUser = { id: 'b2', name: 'bob', role: 'REVIEWER' };
const admin: AuthUser = { id: 'c3', name: 'carol', role: 'ADMIN' };

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

describe('authChecker', () => {
  it('needs a caller: UNAUTHENTICATED (401) without one, naming the role', () => {
    const error = thrown(() => authChecker(resolverData(null), ['REVIEWER']));
    expect(error).toBeInstanceOf(UnauthenticatedError);
    expect(error).toMatchObject({
      code: ErrorCode.UNAUTHENTICATED,
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
    expect((error as Error).message).toBe(
      'Mutation.publishPractice needs a bearer token with the REVIEWER role',
    );
    expect(() => authChecker(resolverData(null), [])).toThrow(UnauthenticatedError);
  });

  it('orders roles EDITOR < REVIEWER < ADMIN', () => {
    expect(authChecker(resolverData(editor), ['EDITOR'])).toBe(true);
    expect(authChecker(resolverData(reviewer), ['EDITOR'])).toBe(true);
    expect(authChecker(resolverData(admin), ['REVIEWER'])).toBe(true);
    expect(authChecker(resolverData(admin), ['ADMIN'])).toBe(true);
    expect(() => authChecker(resolverData(editor), ['REVIEWER'])).toThrow(ForbiddenError);
    expect(() => authChecker(resolverData(reviewer), ['ADMIN'])).toThrow(ForbiddenError);
  });

  it('refuses a role too low with FORBIDDEN (403) naming the role needed and the one held', () => {
    const error = thrown(() => authChecker(resolverData(editor), ['REVIEWER']));
    expect(error).toMatchObject({
      code: ErrorCode.FORBIDDEN,
      extensions: { code: 'FORBIDDEN', http: { status: 403 } },
    });
    expect((error as Error).message).toBe(
      'Mutation.publishPractice needs the REVIEWER role or higher; the key "alice" has EDITOR',
    );
  });

  it('lets any valid key through @Authorized() with no role, and takes the least of several roles', () => {
    expect(authChecker(resolverData(editor), [])).toBe(true);
    expect(authChecker(resolverData(editor), ['ADMIN', 'EDITOR'])).toBe(true);
    expect(() => authChecker(resolverData(editor), ['ADMIN', 'REVIEWER'])).toThrow(
      'needs the REVIEWER role',
    );
  });

  it('fails loudly on a role no key can have (a typo in @Authorized)', () => {
    expect(() => authChecker(resolverData(admin), ['EDITRO'])).toThrow(
      '@Authorized names an unknown role "EDITRO"',
    );
  });
});

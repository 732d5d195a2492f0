import type { AuthCheckerFn } from 'type-graphql';
import { type Context, hasRole, type Role, ROLES } from '../core/context';
import { ForbiddenError, UnauthenticatedError } from '../core/errors';

/** The least role of those a field names: roles are ordered, so holding it is enough. */
function leastOf(roles: readonly string[]): Role | undefined {
  const known = roles.map((r) => {
    if (!(ROLES as readonly string[]).includes(r))
      throw new Error(
        `@Authorized names an unknown role ${JSON.stringify(r)} (one of ${ROLES.join(', ')})`,
      );
    return r as Role;
  });
  return known.sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b))[0];
}

/**
 * type-graphql's authChecker: `@Authorized()` needs any valid key, `@Authorized('REVIEWER')` a
 * reviewer or an admin (EDITOR < REVIEWER < ADMIN). It throws instead of returning false so the
 * client gets our codes — UNAUTHENTICATED (401) without a key, FORBIDDEN (403) naming the role
 * needed — rather than type-graphql's generic errors. An arrow function on purpose: type-graphql
 * treats anything with a prototype as a class to instantiate.
 */
export const authChecker: AuthCheckerFn<Context> = ({ context, info }, roles) => {
  const needed = leastOf(roles);
  const user = context.user;
  if (user === null)
    throw new UnauthenticatedError(
      `${info.parentType.name}.${info.fieldName} needs a bearer token${needed ? ` with the ${needed} role` : ''}`,
    );
  if (needed && !hasRole(user, needed)) {
    throw new ForbiddenError(
      `${info.parentType.name}.${info.fieldName} needs the ${needed} role${needed === 'ADMIN' ? '' : ' or higher'}; the key "${user.name}" has ${user.role}`,
    );
  }
  return true;
};

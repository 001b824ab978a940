import { z } from 'zod';
import { roles } from '../../domain/roles';
import { email, kana, loginId, optionalUuid, requiredText, version } from '../http/fields';

const roleList = z
  .array(z.enum(roles))
  .min(1)
  .max(roles.length)
  .transform((list) => [...new Set(list)]);

const userFields = {
  displayName: requiredText(100),
  displayNameKana: kana(200),
  email,
  roles: roleList,
  supportAgencyId: optionalUuid,
  partnerAgencyId: optionalUuid,
};

export const userCreateBody = z.object({
  loginId,
  ...userFields,
  initialPassword: z.string().min(1).max(256),
});

export const userUpdateBody = z.object({ version, ...userFields });

export const resetPasswordBody = z.object({ temporaryPassword: z.string().min(1).max(256) });

export const userListQuery = z.object({
  q: z.string().max(100).optional(),
  role: z.enum(roles).optional(),
  status: z.enum(['active', 'locked', 'disabled', 'all']).default('all'),
});

export type UserCreateInput = z.output<typeof userCreateBody>;
export type UserUpdateInput = z.output<typeof userUpdateBody>;
export type UserListQuery = z.output<typeof userListQuery>;

import { z } from 'zod';

export const signInBody = z.object({
  loginId: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .transform((v) => v.normalize('NFKC').toLowerCase()),
  password: z.string().min(1).max(256),
});

export const totpCodeBody = z.object({
  code: z
    .string()
    .transform((v) => v.normalize('NFKC').replace(/\s/g, ''))
    .refine((v) => /^[0-9]{6}$/.test(v), 'invalidTotpCode'),
});

export const changePasswordBody = z
  .object({
    currentPassword: z.string().min(1).max(256),
    newPassword: z.string().min(1).max(256),
    confirmPassword: z.string().min(1).max(256),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: 'passwordsDiffer',
    path: ['confirmPassword'],
  });

export const passwordBody = z.object({ password: z.string().min(1).max(256) });

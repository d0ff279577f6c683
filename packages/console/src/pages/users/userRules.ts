import type { FormRule } from 'antd';
import type { Translate } from '../../i18n';

// Client-side checks mirror the platform's so people see mistakes before submitting; the server
// checks again and its answer is shown on the same fields.

export const usernamePattern = /^[a-zA-Z0-9][a-zA-Z0-9._-]{1,62}$/;
export const phonePattern = /^\+?[0-9]{5,20}$/;
export const minPasswordLength = 8;

export const usernameRules = (t: Translate): FormRule[] => [
  { required: true, message: t('users.form.required') },
  { pattern: usernamePattern, message: t('users.form.invalidUsername') },
];

export const passwordRules = (t: Translate, required: boolean): FormRule[] => [
  ...(required ? [{ required: true, message: t('users.form.required') }] : []),
  { min: minPasswordLength, message: t('users.form.passwordTooShort') },
];

export const phoneRules = (t: Translate): FormRule[] => [
  { pattern: phonePattern, message: t('users.form.invalidPhone') },
];

import { Type } from 'typebox';

const Kind = Type.Union(
  [
    Type.Literal('number'),
    Type.Literal('sms'),
    Type.Literal('domain'),
    Type.Literal('url'),
    Type.Literal('account'),
    Type.Literal('app'),
    Type.Literal('imei'),
  ],
  {
    description:
      'number; sms (the sender, with its text); domain; url; account; app (Android package name or iOS bundle id, e.g. com.example.loan); imei (a device: 15-digit IMEI, 16-digit IMEISV or 14-digit TAC + serial)',
  },
);

export const ScreenItemSchema = Type.Object(
  {
    kind: Kind,
    /** The number, SMS sender, domain, URL, account, app id or IMEI; any written form. */
    value: Type.String({ maxLength: 4096 }),
    /** SMS text (kind sms). */
    text: Type.Optional(Type.String({ maxLength: 4096 })),
    /** Account kind (kind account): bank_card, corporate_account, alipay, wechat_pay, qq, wechat. */
    accountKind: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false, $id: 'ScreenItem' },
);

export const VerdictReasonSchema = Type.Object({
  list: Type.String(),
  rule: Type.String(),
  source: Type.Object({ kind: Type.String(), id: Type.String() }),
  addedAt: Type.String({ format: 'date-time' }),
  action: Type.String(),
  confidence: Type.Integer(),
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const VerdictSchema = Type.Object(
  {
    action: Type.Union([
      Type.Literal('block'),
      Type.Literal('mark'),
      Type.Literal('allow'),
      Type.Literal('pass'),
      Type.Literal('invalid'),
    ]),
    risk: Type.Integer({ minimum: 0, maximum: 100 }),
    reasons: Type.Array(VerdictReasonSchema),
    normalized: Type.Union([Type.String(), Type.Null()]),
    invalidReason: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'Verdict' },
);

export const VerdictList = Type.Object({ items: Type.Array(VerdictSchema) });

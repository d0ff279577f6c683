import { Type } from 'typebox';

export const UnitSchema = Type.Object(
  {
    /** GB/T 2260 administrative code (6 digits; longer for police stations). */
    code: Type.String(),
    /** Name in Chinese, e.g. 玄武区. */
    name: Type.String(),
    level: Type.Union([
      Type.Literal('province'),
      Type.Literal('city'),
      Type.Literal('county'),
      Type.Literal('station'),
    ]),
    parentCode: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'Unit' },
);

export const UnitList = Type.Object({ items: Type.Array(UnitSchema) });

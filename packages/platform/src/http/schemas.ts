/** Schemas shared by every route: problem details, paging. */
import { Type, type Static, type TSchema } from 'typebox';

export const Problem = Type.Object(
  {
    type: Type.String({ description: 'URI naming the problem type' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    code: Type.String({ description: 'Stable snake_case error code clients switch on' }),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          field: Type.String(),
          message: Type.String({ description: 'In English' }),
          code: Type.Optional(
            Type.String({ description: 'What is wrong, for clients that show their own text' }),
          ),
          params: Type.Optional(
            Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), {
              description: 'The values the code’s text names',
            }),
          ),
        }),
      ),
    ),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);
export type Problem = Static<typeof Problem>;

export const PageQuery = {
  /** 1-based page number. */
  page: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 }),
  /** Rows per page (at most 200). */
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
};

export const Paged = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ minimum: 0 }),
    page: Type.Integer({ minimum: 1 }),
    pageSize: Type.Integer({ minimum: 1 }),
  });

/** The error responses every authenticated route can give. */
export const errorResponses = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  429: Problem,
};

export const IsoDateTime = Type.String({ format: 'date-time' });

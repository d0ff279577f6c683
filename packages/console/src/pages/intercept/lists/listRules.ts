/** The platform's rule for list names (machine names such as `case-numbers`). */
export const listNamePattern = /^[a-z0-9][a-z0-9._-]{1,62}$/;

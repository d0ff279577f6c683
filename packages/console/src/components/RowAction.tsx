import { Button } from 'antd';

/** A small link button in a table's actions column, named for screen readers with the row it acts on. */
export function RowAction({
  label,
  subject,
  danger,
  onClick,
}: {
  label: string;
  /** What the row is (a value, a user name): read out after the label. */
  subject: string;
  danger?: boolean;
  onClick: () => void;
}) {
  return (
    <Button
      type="link"
      size="small"
      {...(danger !== undefined ? { danger } : {})}
      onClick={onClick}
      aria-label={`${label} ${subject}`}
    >
      {label}
    </Button>
  );
}

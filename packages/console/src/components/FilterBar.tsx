import { useEffect, useState, type ReactNode } from 'react';
import { Button, Flex, Input } from 'antd';
import { PlusOutlined } from '@ant-design/icons';

/** The row above a table: filters on the left, the page's primary action (if the user may) on the right. */
export function FilterBar({
  children,
  action,
}: {
  children: ReactNode;
  /** Absent for roles that may not act. */
  action?: { label: ReactNode; onClick: () => void } | undefined;
}) {
  return (
    <Flex gap={8} wrap justify="space-between" style={{ marginBottom: 12 }}>
      <Flex gap={8} wrap>
        {children}
      </Flex>
      {action && (
        <Button type="primary" icon={<PlusOutlined />} onClick={action.onClick}>
          {action.label}
        </Button>
      )}
    </Flex>
  );
}

/**
 * A free-text filter applied on Enter or the search button (trimmed; empty clears it). It edits a draft
 * and follows the URL when the applied value changes from elsewhere (back, reset).
 */
export function SearchFilter({
  label,
  value,
  width,
  onSearch,
}: {
  /** Placeholder and accessible name. */
  label: string;
  value: string | undefined;
  width: number;
  onSearch: (value: string | undefined) => void;
}) {
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value]);
  return (
    <Input.Search
      allowClear
      placeholder={label}
      aria-label={label}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onSearch={(text) => onSearch(text.trim() || undefined)}
      style={{ width }}
    />
  );
}

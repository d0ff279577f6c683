import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input } from 'antd';
import type { CaseCreateBody } from '../../api';
import type { Translate } from '../../i18n';

export interface SuspectRow {
  name?: string;
  phone?: string;
  idNumber?: string;
  note?: string;
}

const fields = [
  ['name', 'cases.suspect.name', 100, 140],
  ['phone', 'cases.suspect.phone', 40, 160],
  ['idNumber', 'cases.suspect.idNumber', 30, 200],
  ['note', 'cases.suspect.note', 1000, 280],
] as const;

/** The suspects of a form row by row, as far as they are known; empty rows are left out. */
export function suspectsOf(rows: readonly SuspectRow[] | undefined): NonNullable<CaseCreateBody['suspects']> {
  return (rows ?? []).flatMap((row) => {
    const suspect = Object.fromEntries(
      fields.flatMap(([key]) => (row[key]?.trim() ? [[key, row[key].trim()]] : [])),
    );
    return Object.keys(suspect).length > 0 ? [suspect] : [];
  });
}

/** The `suspects` rows of the case form: name or nickname, phone, ID number, note; none or more. */
export function SuspectRows({ t }: { t: Translate }) {
  return (
    <Form.List name="suspects">
      {(rows, { add, remove }) => (
        <>
          {rows.map((row, index) => (
            <Flex key={row.key} gap={8} align="start" wrap>
              {fields.map(([key, label, maxLength, width]) => (
                <Form.Item key={key} name={[row.name, key]} style={{ width }}>
                  <Input
                    aria-label={`${t(label)} ${index + 1}`}
                    placeholder={t(label)}
                    maxLength={maxLength}
                  />
                </Form.Item>
              ))}
              <Button
                type="text"
                icon={<MinusCircleOutlined />}
                aria-label={`${t('cases.suspect.remove')} ${index + 1}`}
                onClick={() => remove(row.name)}
              />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
            {t('cases.suspect.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

import { useEffect } from 'react';
import { Button, Flex, Form, Input, Select } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { accountKinds, screenKinds, type ScreenItem, type ScreenKind } from '../../../api';
import { useT } from '../../../i18n';

interface ScreenFormValues {
  kind: ScreenKind;
  value: string;
  text?: string;
  accountKind?: string;
}

interface ScreenFormProps {
  /** What the address asks about; the form follows it. */
  item: ScreenItem | null;
  loading: boolean;
  onSubmit: (item: ScreenItem) => void;
}

/** What to screen: a number, an SMS (sender and text), a domain, a URL or an account. */
export function ScreenForm({ item, loading, onSubmit }: ScreenFormProps) {
  const t = useT();
  const [form] = Form.useForm<ScreenFormValues>();
  const kind = Form.useWatch('kind', form) ?? item?.kind ?? 'number';

  useEffect(() => {
    if (item) form.setFieldsValue({ text: undefined, accountKind: undefined, ...item });
  }, [item, form]);

  const submit = (values: ScreenFormValues) => {
    const text = values.text?.trim();
    onSubmit({
      kind: values.kind,
      value: values.value.trim(),
      ...(values.kind === 'sms' && text ? { text } : {}),
      ...(values.kind === 'account' && values.accountKind ? { accountKind: values.accountKind } : {}),
    });
  };

  return (
    <Form<ScreenFormValues>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ kind: 'number', ...item }}
    >
      <Flex gap={12} wrap align="start">
        <Form.Item name="kind" label={t('screen.form.kind')} style={{ width: 140 }}>
          <Select options={screenKinds.map((value) => ({ value, label: t(`screen.kind.${value}`) }))} />
        </Form.Item>
        {kind === 'account' && (
          <Form.Item
            name="accountKind"
            label={t('intel.entries.form.accountKind')}
            rules={[{ required: true, message: t('users.form.required') }]}
            style={{ width: 160 }}
          >
            <Select
              options={accountKinds.map((value) => ({ value, label: t(`intel.accountKind.${value}`) }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="value"
          label={t(kind === 'sms' ? 'screen.form.sender' : 'screen.form.value')}
          rules={[{ required: true, whitespace: true, message: t('users.form.required') }]}
          style={{ flex: 1, minWidth: 260 }}
        >
          <Input autoComplete="off" spellCheck={false} placeholder={t(`screen.placeholder.${kind}`)} />
        </Form.Item>
        <Form.Item label=" ">
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={loading}>
            {t('screen.submit')}
          </Button>
        </Form.Item>
      </Flex>
      {kind === 'sms' && (
        <Form.Item name="text" label={t('screen.form.text')}>
          <Input.TextArea rows={3} maxLength={4096} />
        </Form.Item>
      )}
    </Form>
  );
}

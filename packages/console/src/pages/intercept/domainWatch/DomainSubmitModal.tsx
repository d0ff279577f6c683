import { Alert, Form, Input } from 'antd';
import { domainWatchApi, type DomainWatchSubmitResult } from '../../../api';
import { FormModal } from '../../../components/FormModal';
import { useT } from '../../../i18n';
import { MAX_NAMES_PER_SUBMIT, parseNames } from './candidatesQuery';

interface SubmitForm {
  feed: string;
  names: string;
}

interface DomainSubmitModalProps {
  onClose: () => void;
  onSubmitted: (result: DomainWatchSubmitResult) => void;
}

/** 提交新域名 (analysts): a batch of new names, one per line, scored at once by the detector. */
export function DomainSubmitModal({ onClose, onSubmitted }: DomainSubmitModalProps) {
  const t = useT();
  const [form] = Form.useForm<SubmitForm>();
  const count = parseNames(Form.useWatch('names', form) ?? '').length;

  const submit = async (values: SubmitForm) => {
    onSubmitted(await domainWatchApi.submit({ feed: values.feed.trim(), names: parseNames(values.names) }));
  };

  return (
    <FormModal<SubmitForm>
      form={form}
      width={600}
      title={t('domainWatch.submitTitle')}
      okText={t('domainWatch.submitSubmit')}
      initialValues={{ feed: 'analyst' }}
      onSubmit={submit}
      onClose={onClose}
      intro={
        <Alert type="info" showIcon title={t('domainWatch.submitNotice')} style={{ marginBottom: 12 }} />
      }
    >
      <Form.Item
        name="feed"
        label={t('domainWatch.form.feed')}
        extra={t('domainWatch.form.feedHelp')}
        rules={[{ required: true, whitespace: true, message: t('users.form.required') }]}
      >
        <Input maxLength={100} autoComplete="off" spellCheck={false} />
      </Form.Item>
      <Form.Item
        name="names"
        label={t('domainWatch.form.names')}
        extra={t('domainWatch.form.namesCount', { count })}
        rules={[
          { required: true, whitespace: true, message: t('users.form.required') },
          {
            validator: (_, value: string | undefined) =>
              parseNames(value ?? '').length > MAX_NAMES_PER_SUBMIT
                ? Promise.reject(new Error(t('domainWatch.form.tooMany', { max: MAX_NAMES_PER_SUBMIT })))
                : Promise.resolve(),
          },
        ]}
      >
        <Input.TextArea rows={8} spellCheck={false} style={{ fontFamily: 'ui-monospace, monospace' }} />
      </Form.Item>
    </FormModal>
  );
}

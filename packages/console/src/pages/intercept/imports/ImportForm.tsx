import { useState } from 'react';
import { Button, Flex, Form, Radio, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { importFormats, type ImportFormat, type IntelList } from '../../../api';
import { useT } from '../../../i18n';
import { ListSelect } from '../ListSelect';
import { csvTemplateHref, formatOfFileName } from './importFile';
import type { ImportRequest } from './useImport';

interface ImportFormValues {
  list: string;
  format: ImportFormat;
}

interface ImportFormProps {
  lists: readonly IntelList[] | undefined;
  busy: boolean;
  onStart: (request: ImportRequest) => void;
}

/** The import's list, format and file; the template shows the CSV columns. */
export function ImportForm({ lists, busy, onStart }: ImportFormProps) {
  const t = useT();
  const [form] = Form.useForm<ImportFormValues>();
  const [file, setFile] = useState<File | null>(null);
  const [fileMissing, setFileMissing] = useState(false);

  const submit = (values: ImportFormValues) => {
    if (!file) {
      setFileMissing(true);
      return;
    }
    onStart({ list: values.list, format: values.format, file });
  };

  return (
    <Form<ImportFormValues> form={form} layout="vertical" onFinish={submit} initialValues={{ format: 'csv' }}>
      <Flex gap={16} wrap>
        <Form.Item
          name="list"
          label={t('imports.form.list')}
          rules={[{ required: true, message: t('users.form.required') }]}
          style={{ minWidth: 280 }}
        >
          <ListSelect lists={lists} />
        </Form.Item>
        <Form.Item name="format" label={t('imports.form.format')}>
          <Radio.Group
            optionType="button"
            options={importFormats.map((format) => ({ value: format, label: t(`imports.format.${format}`) }))}
          />
        </Form.Item>
      </Flex>
      <Form.Item
        label={t('imports.form.file')}
        required
        validateStatus={fileMissing ? 'error' : undefined}
        help={fileMissing ? t('imports.form.fileRequired') : t('imports.form.fileHelp')}
      >
        <Upload.Dragger
          maxCount={1}
          accept=".csv,.txt,.ndjson,.jsonl,.json"
          fileList={file ? [{ uid: 'file', name: file.name, size: file.size, status: 'done' }] : []}
          beforeUpload={(chosen) => {
            setFile(chosen);
            setFileMissing(false);
            const format = formatOfFileName(chosen.name);
            if (format) form.setFieldsValue({ format });
            return false;
          }}
          onRemove={() => setFile(null)}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('imports.form.drop')}</p>
        </Upload.Dragger>
      </Form.Item>
      <Flex gap={12} align="center" wrap>
        <Button type="primary" htmlType="submit" icon={<UploadOutlined />} loading={busy} disabled={busy}>
          {t('imports.start')}
        </Button>
        <Typography.Link href={csvTemplateHref()} download="fanzha-import-template.csv">
          <DownloadOutlined /> {t('imports.template')}
        </Typography.Link>
        <Typography.Text type="secondary">{t('imports.allOrNothing')}</Typography.Text>
      </Flex>
    </Form>
  );
}

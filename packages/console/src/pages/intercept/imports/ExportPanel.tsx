import { useState } from 'react';
import { Button, Flex } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { importFormats, intelApi, type IntelList } from '../../../api';
import { useT } from '../../../i18n';
import { ListSelect } from '../ListSelect';

/** 导出: a list in any of the import formats, as a download. */
export function ExportPanel({ lists }: { lists: readonly IntelList[] | undefined }) {
  const t = useT();
  const [list, setList] = useState<string | undefined>();
  return (
    <Flex gap={8} wrap align="center">
      <ListSelect
        lists={lists}
        value={list}
        onChange={setList}
        placeholder={t('imports.export.pick')}
        aria-label={t('imports.export.pick')}
        style={{ width: 280 }}
      />
      {importFormats.map((format) => (
        <Button
          key={format}
          icon={<DownloadOutlined />}
          disabled={!list}
          href={list ? intelApi.exportUrl(list, format) : undefined}
          download
        >
          {t(`imports.format.${format}`)}
        </Button>
      ))}
    </Flex>
  );
}

import { Button, Dropdown } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { importFormats, intelApi } from '../../../api';
import { useT } from '../../../i18n';

/** 导出: the list as CSV, NDJSON or a STIX 2.1 bundle, downloaded by the browser. */
export function ExportMenu({ listName }: { listName: string }) {
  const t = useT();
  return (
    <Dropdown
      menu={{
        items: importFormats.map((format) => ({
          key: format,
          label: (
            <a href={intelApi.exportUrl(listName, format)} download>
              {t(`imports.format.${format}`)}
            </a>
          ),
        })),
      }}
    >
      <Button
        type="link"
        size="small"
        icon={<DownloadOutlined />}
        aria-label={`${t('intel.export')} ${listName}`}
      >
        {t('intel.export')}
      </Button>
    </Dropdown>
  );
}

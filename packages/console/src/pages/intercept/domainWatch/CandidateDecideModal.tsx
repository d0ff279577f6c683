import { Alert, Descriptions, Form, Radio } from 'antd';
import { domainWatchApi, type CandidateDecision, type DomainCandidate, type IntelList } from '../../../api';
import { conflictAs, FormModal } from '../../../components/FormModal';
import { ReasonField } from '../../../components/ReasonField';
import { useT } from '../../../i18n';
import { mono } from '../labels';
import { ListSelect } from '../ListSelect';
import { ContributionTags, ScoreBar } from './CandidateSignals';

/** Where a blocked name goes unless the analyst picks another domain list (the platform's default). */
export const DEFAULT_BLOCK_LIST = 'fraud-domains';

interface DecideForm {
  decision: CandidateDecision;
  list?: string;
  reason: string;
}

interface CandidateDecideModalProps {
  candidate: DomainCandidate;
  decision: CandidateDecision;
  /** The domain lists a blocked name may go on (writable by the user, not allow lists). */
  blockLists: readonly IntelList[] | undefined;
  onClose: () => void;
  onDecided: (candidate: DomainCandidate, decision: CandidateDecision) => void;
}

/** 拦截 / 放行 / 忽略 (analysts): one dialog for the three decisions, saying what each will change. */
export function CandidateDecideModal(props: CandidateDecideModalProps) {
  const { candidate, decision: initialDecision, blockLists, onClose, onDecided } = props;
  const t = useT();
  const [form] = Form.useForm<DecideForm>();
  const decision = Form.useWatch('decision', form) ?? initialDecision;
  const list = Form.useWatch('list', form) ?? DEFAULT_BLOCK_LIST;
  const initialList = blockLists?.some((l) => l.name === DEFAULT_BLOCK_LIST)
    ? DEFAULT_BLOCK_LIST
    : blockLists?.[0]?.name;

  const submit = async (values: DecideForm) => {
    const decided = await domainWatchApi.decide(candidate.id, {
      decision: values.decision,
      reason: values.reason.trim(),
      ...(values.decision === 'block' && values.list ? { list: values.list } : {}),
    });
    onDecided(decided, values.decision);
  };

  return (
    <FormModal<DecideForm>
      form={form}
      width={600}
      title={t('domainWatch.decideTitle')}
      okText={t(`domainWatch.${decision}`)}
      danger={decision === 'block'}
      initialValues={{ decision: initialDecision, list: initialList }}
      mapError={conflictAs(t('domainWatch.alreadyDecided'))}
      onSubmit={submit}
      onClose={onClose}
      intro={
        <>
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('domainWatch.col.name')}>
              <span style={mono}>{candidate.name}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('domainWatch.col.score')}>
              <ScoreBar score={candidate.score} />
            </Descriptions.Item>
            <Descriptions.Item label={t('domainWatch.col.contributions')}>
              <ContributionTags contributions={candidate.contributions} />
            </Descriptions.Item>
            <Descriptions.Item label={t('domainWatch.col.feed')}>{candidate.feed}</Descriptions.Item>
          </Descriptions>
          <Alert
            type={decision === 'block' ? 'warning' : 'info'}
            showIcon
            title={t(`domainWatch.effect.${decision}`, { name: candidate.name, list })}
            style={{ marginBottom: 12 }}
          />
        </>
      }
    >
      <Form.Item name="decision" label={t('domainWatch.form.decision')}>
        <Radio.Group
          optionType="button"
          options={(['block', 'allow', 'dismiss'] as const).map((value) => ({
            value,
            label: t(`domainWatch.${value}`),
          }))}
        />
      </Form.Item>
      {decision === 'block' && (
        <Form.Item
          name="list"
          label={t('domainWatch.form.list')}
          extra={t('domainWatch.form.listHelp')}
          rules={[{ required: true, message: t('users.form.required') }]}
        >
          <ListSelect lists={blockLists} />
        </Form.Item>
      )}
      <ReasonField label={t('domainWatch.form.reason')} extra={t('domainWatch.form.reasonHelp')} />
    </FormModal>
  );
}

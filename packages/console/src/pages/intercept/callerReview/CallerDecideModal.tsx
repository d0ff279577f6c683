import { Alert, Descriptions, Form, Radio } from 'antd';
import {
  callerReviewApi,
  DEFAULT_CALLER_BLOCK_LIST,
  type CallerCandidate,
  type CandidateDecision,
  type IntelList,
} from '../../../api';
import { conflictAs, FormModal } from '../../../components/FormModal';
import { ReasonField } from '../../../components/ReasonField';
import { useT } from '../../../i18n';
import { ScoreBar } from '../domainWatch/CandidateSignals';
import { mono } from '../labels';
import { ListSelect } from '../ListSelect';
import { CallerContributionTags, WindowFigures } from './CallerSignals';

interface DecideForm {
  decision: CandidateDecision;
  list?: string;
  reason: string;
}

interface CallerDecideModalProps {
  candidate: CallerCandidate;
  decision: CandidateDecision;
  /** Number lists a blocked number may go on (writable by the user, not allow lists). */
  blockLists: readonly IntelList[] | undefined;
  onClose: () => void;
  onDecided: (candidate: CallerCandidate, decision: CandidateDecision) => void;
}

/** 拦截 / 放行 / 忽略 a marked caller (analysts), saying what each decision will change. */
export function CallerDecideModal(props: CallerDecideModalProps) {
  const { candidate, decision: initialDecision, blockLists, onClose, onDecided } = props;
  const t = useT();
  const [form] = Form.useForm<DecideForm>();
  const decision = Form.useWatch('decision', form) ?? initialDecision;
  const list = Form.useWatch('list', form) ?? DEFAULT_CALLER_BLOCK_LIST;

  const submit = async (values: DecideForm) => {
    const decided = await callerReviewApi.decide(candidate.id, {
      decision: values.decision,
      reason: values.reason.trim(),
      ...(values.decision === 'block' && values.list && values.list !== DEFAULT_CALLER_BLOCK_LIST
        ? { list: values.list }
        : {}),
    });
    onDecided(decided, values.decision);
  };
  // The default list exists only after its first use: offer it either way.
  const listOptions = blockLists?.some((l) => l.name === DEFAULT_CALLER_BLOCK_LIST)
    ? blockLists
    : [
        {
          name: DEFAULT_CALLER_BLOCK_LIST,
          title: t('callerReview.defaultBlockList'),
          kind: 'number',
          defaultAction: 'block',
        } as IntelList,
        ...(blockLists ?? []),
      ];

  return (
    <FormModal<DecideForm>
      form={form}
      width={600}
      title={t('callerReview.decideTitle')}
      okText={t(`callerReview.${decision}`)}
      danger={decision === 'block'}
      initialValues={{ decision: initialDecision, list: DEFAULT_CALLER_BLOCK_LIST }}
      mapError={conflictAs(t('callerReview.alreadyDecided'))}
      onSubmit={submit}
      onClose={onClose}
      intro={
        <>
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('callerReview.col.number')}>
              <span style={mono}>{candidate.number}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('callerReview.col.score')}>
              <ScoreBar score={candidate.score} />
            </Descriptions.Item>
            <Descriptions.Item label={t('callerReview.col.contributions')}>
              <CallerContributionTags contributions={candidate.contributions} />
            </Descriptions.Item>
            <Descriptions.Item label={t('callerReview.col.window')}>
              <WindowFigures features={candidate.features} />
            </Descriptions.Item>
          </Descriptions>
          <Alert
            type={decision === 'block' ? 'warning' : 'info'}
            showIcon
            title={t(`callerReview.effect.${decision}`, { number: candidate.number, list })}
            style={{ marginBottom: 12 }}
          />
        </>
      }
    >
      <Form.Item name="decision" label={t('callerReview.form.decision')}>
        <Radio.Group
          optionType="button"
          options={(['block', 'allow', 'dismiss'] as const).map((value) => ({
            value,
            label: t(`callerReview.${value}`),
          }))}
        />
      </Form.Item>
      {decision === 'block' && (
        <Form.Item
          name="list"
          label={t('callerReview.form.list')}
          extra={t('callerReview.form.listHelp')}
          rules={[{ required: true, message: t('users.form.required') }]}
        >
          <ListSelect lists={listOptions} />
        </Form.Item>
      )}
      <ReasonField label={t('callerReview.form.reason')} extra={t('callerReview.form.reasonHelp')} />
    </FormModal>
  );
}

import type { CallerReviewMessages } from '../zh/callerReview';

// English texts: caller review; keys follow `zh/callerReview.ts`.
export const callerReview: CallerReviewMessages = {
  'callerReview.title': 'Caller review',
  'callerReview.subtitle':
    'Numbers whose calling behaviour in carriers’ CDRs looks like a SIM box, GOIP gateway or call farm, highest score first',
  'callerReview.subtitleAnalyst':
    'Numbers marked automatically for their calling behaviour: block puts them on a number list, allow on the allow list and lifts the mark, dismiss only closes',
  'callerReview.stats':
    'CDR stream ({stream}): {records} CDRs analysed, {numbers} numbers tracked, {markedWindows} windows marked, {victims} victims’ numbers known, {queueDepth} batches waiting',
  'callerReview.col.number': 'Number',
  'callerReview.col.score': 'Score',
  'callerReview.col.contributions': 'Main reasons',
  'callerReview.col.window': 'Highest-scoring hour',
  'callerReview.col.windows': 'Times marked',
  'callerReview.col.lastSeenAt': 'Last marked',
  'callerReview.col.decision': 'Decision',
  'callerReview.col.actions': 'Actions',
  'callerReview.windowFigures': '{calls} calls, {distinct} distinct callees, {unanswered}% unanswered',
  'callerReview.noSignals': 'No notable signals',
  'callerReview.contributionTip': '{feature}: {value}',
  'callerReview.feature.callsPerHour': 'High volume',
  'callerReview.feature.distinctCalleeShare': 'Many strangers',
  'callerReview.feature.outboundShare': 'Outbound only',
  'callerReview.feature.unansweredShare': 'Mostly unanswered',
  'callerReview.feature.shortShare': 'Short calls',
  'callerReview.feature.nightShare': 'Night calls',
  'callerReview.feature.victimCallees': 'Called victims',
  'callerReview.feature.imeiChanges': 'Rotating handsets (IMEI)',
  'callerReview.block': 'Block',
  'callerReview.allow': 'Allow',
  'callerReview.dismiss': 'Dismiss',
  'callerReview.decideTitle': 'Decide on a marked caller',
  'callerReview.form.decision': 'Decision',
  'callerReview.defaultBlockList': 'Blocked after caller review',
  'callerReview.form.list': 'Add to list',
  'callerReview.form.listHelp': 'Only number lists you may change; the default list is created on first use',
  'callerReview.form.reason': 'Reason',
  'callerReview.form.reasonHelp': 'Kept on the entry, in its history and in the audit log',
  'callerReview.effect.block':
    'Blocking puts {number} on the list {list}: partners’ screening will block it.',
  'callerReview.effect.allow':
    'Allowing puts {number} on the allow list caller-behaviour-allow and lifts the mark; it is not marked again.',
  'callerReview.effect.dismiss': 'Dismissing only closes this row; the mark stays.',
  'callerReview.alreadyDecided': 'This number was already decided; refresh to see the decision',
  'callerReview.decided.block': 'Blocked {number}',
  'callerReview.decided.allow': 'Allowed {number}',
  'callerReview.decided.dismiss': 'Dismissed {number}',
};
